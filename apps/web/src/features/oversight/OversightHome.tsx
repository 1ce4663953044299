import type { OfficerScopeView } from '@lumbung/shared';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useCooperatives, type CooperativeListItem } from './cooperatives-query';

function ScopeSummary({ scope }: { scope: OfficerScopeView }) {
  const { t } = useTranslation();
  const regions =
    scope.regionCodes.length > 0 ? scope.regionCodes.join(', ') : t('oversight.allRegions');
  return <li>{t('oversight.scope', { role: t(`roles.${scope.role}`), regions })}</li>;
}

function CooperativeRow({ cooperative }: { cooperative: CooperativeListItem }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="oversight-cooperative">
      <h2>{cooperative.name}</h2>
      <p className="muted small">
        {t(`cooperativeTypes.${cooperative.type}`)} ·{' '}
        {t('oversight.district', {
          district: cooperative.districtName || cooperative.districtCode,
        })}
      </p>
    </li>
  );
}

/** Dinas and platform officers: the cooperatives they oversee. */
export function OversightHome({ scopes }: { scopes: readonly OfficerScopeView[] }) {
  const { t } = useTranslation();
  const cooperatives = useCooperatives();
  const items = cooperatives.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('oversight.title')}</h1>
      <ul className="plain-list muted">
        {scopes.map((scope) => (
          <ScopeSummary key={scope.role} scope={scope} />
        ))}
      </ul>
      {cooperatives.isPending && <LoadingMessage />}
      {cooperatives.isError && <ErrorMessage error={cooperatives.error} />}
      {cooperatives.isSuccess && items.length === 0 && (
        <p className="muted">{t('oversight.empty')}</p>
      )}
      <ul className="stack" data-testid="oversight-list">
        {items.map((cooperative) => (
          <CooperativeRow key={cooperative.id} cooperative={cooperative} />
        ))}
      </ul>
      {cooperatives.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={cooperatives.isFetchingNextPage}
          onClick={() => void cooperatives.fetchNextPage()}
        >
          {t('oversight.loadMore')}
        </button>
      )}
    </main>
  );
}
