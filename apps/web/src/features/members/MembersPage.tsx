import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { BackLink, ScopeGate, type CooperativeScope } from './member-scope';
import { useMemberList, useMemberSearch } from './members-api';
import type { MemberView } from './members-types';
import { RegisterMemberForm } from './RegisterMemberForm';

/** One member as a row: number, name, segment and status; the whole row opens the record. */
export function MemberRow({ member }: { member: MemberView }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link
        to={`/anggota/${member.membershipId}`}
        className="card link-card member-row"
        data-testid="member-row"
        data-member-number={member.memberNumber ?? ''}
      >
        <span className="member-number">{member.memberNumber ?? '—'}</span>
        <span className="member-name">{member.fullName}</span>
        <span className="muted small">{t(`members.segments.${member.occupationSegment}`)}</span>
        <StatusBadge status={member.status} />
      </Link>
    </li>
  );
}

export function StatusBadge({ status }: { status: MemberView['status'] }) {
  const { t } = useTranslation();
  const tone = status === 'aktif' ? 'ok-badge' : status === 'calon' ? 'badge' : 'muted-badge';
  return <span className={`badge ${tone}`}>{t(`members.statuses.${status}`)}</span>;
}

function Registry({ scope }: { scope: CooperativeScope }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [isRegistering, setIsRegistering] = useState(false);
  const debounced = useDebouncedValue(query.trim(), 300);
  const search = useMemberSearch(scope.cooperativeId, debounced);
  const list = useMemberList(scope.cooperativeId, null);
  const isSearching = debounced !== '';

  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <div className="title-row">
        <h1 data-testid="members-title">{t('members.title')}</h1>
        {scope.permissions.canRegister && (
          <button
            type="button"
            className="button small"
            aria-expanded={isRegistering}
            onClick={() => {
              setIsRegistering(!isRegistering);
            }}
            data-testid="register-toggle"
          >
            {t('members.register.title')}
          </button>
        )}
      </div>
      <p className="muted small">
        <Link to="/anggota/permohonan" data-testid="applications-link">
          {t('members.applications.title')}
        </Link>
      </p>
      {isRegistering && <RegisterMemberForm cooperativeId={scope.cooperativeId} />}
      <label className="field section">
        {t('members.search.label')}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          placeholder={t('members.search.placeholder')}
          data-testid="member-search"
        />
      </label>
      {isSearching ? (
        <section aria-live="polite">
          {search.isError && <ErrorMessage error={search.error} />}
          {search.isPending && <LoadingMessage />}
          {search.data?.length === 0 && (
            <p className="muted" data-testid="member-search-empty">
              {t('members.search.empty')}
            </p>
          )}
          <ul className="stack">
            {search.data?.map((member) => (
              <MemberRow key={member.membershipId} member={member} />
            ))}
          </ul>
        </section>
      ) : (
        <section>
          {list.isError && <ErrorMessage error={list.error} />}
          {list.isPending && <LoadingMessage />}
          <ul className="stack">
            {list.data?.pages.flatMap((page) =>
              page.items.map((member) => <MemberRow key={member.membershipId} member={member} />),
            )}
          </ul>
          {list.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('members.loadMore')}
            </button>
          )}
        </section>
      )}
    </main>
  );
}

/** `/anggota`: the registry, with search-as-you-type and the registration form. */
export function MembersPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('members.title')} allows={(scope) => scope.permissions.canReadRegistry}>
      {(scope) => <Registry scope={scope} />}
    </ScopeGate>
  );
}
