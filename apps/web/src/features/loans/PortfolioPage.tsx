import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { collectionsView, portfolioQualityView } from '@lumbung/shared';
import { apiFetch } from '../../lib/api';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from '../ledger/dates';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { withQuery } from '../members/members-api';
import { BackLink } from '../members/member-scope';
import { loansKey, loansPath } from './loans-api';
import { bpsToPercentText } from './loans-helpers';
import { DayEndRunPanel } from './day-end-run';
import { LoanGate, looseT, type LoanScope } from './loans-ui';

type PortfolioQuality = z.infer<typeof portfolioQualityView>;
type Collections = z.infer<typeof collectionsView>;

const collectibilityNames = [
  'lancar',
  'dalam_perhatian_khusus',
  'kurang_lancar',
  'diragukan',
  'macet',
] as const;

function usePortfolioQuality(cooperativeId: string) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'portfolio-quality'],
    queryFn: () => apiFetch<PortfolioQuality>(loansPath(cooperativeId, '/portfolio-quality')),
  });
}

function useCollections(cooperativeId: string, minDaysPastDue: number) {
  return useQuery({
    queryKey: [...loansKey(cooperativeId), 'collections', minDaysPastDue],
    queryFn: () =>
      apiFetch<Collections>(
        withQuery(loansPath(cooperativeId, '/collections'), {
          minDaysPastDue: String(minDaysPastDue),
          limit: '500',
        }),
      ),
  });
}

function Portfolio({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const { cooperativeId } = scope;
  const { locale } = useLocale();
  const quality = usePortfolioQuality(cooperativeId);
  const data = quality.data;
  const ratios = data
    ? ([
        ['npl', data.npl],
        ['par1', data.par1],
        ['par30', data.par30],
        ['par90', data.par90],
      ] as const)
    : [];
  return (
    <main className="page">
      <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
      <h1 data-testid="loan-portfolio-title">{t('loans.portfolio.title')}</h1>
      {quality.isError && <ErrorMessage error={quality.error} />}
      {quality.isPending && <LoadingMessage />}
      {data && (
        <>
          <p className="muted small">
            {data.businessDate
              ? t('loans.portfolio.asOf', { date: formatDate(data.businessDate, locale) })
              : t('loans.portfolio.noRun')}
          </p>
          <ul className="card-grid">
            {ratios.map(([key, share]) => (
              <li
                key={key}
                className="card balance-card"
                data-testid={`loan-portfolio-${key}`}
                data-ratio-bps={share.ratioBps}
              >
                <h2>{t(`loans.portfolio.${key}`)}</h2>
                <p className="balance-figure">{bpsToPercentText(share.ratioBps, locale)}%</p>
                <p className="muted small">
                  <Amount value={share.outstanding} /> ·{' '}
                  {t('loans.portfolio.loans', { count: share.loanCount })}
                </p>
              </li>
            ))}
          </ul>
          <TableScroll label={t('loans.portfolio.byCollectibility')}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('loans.portfolio.byCollectibility')}</th>
                  <th scope="col" className="numeric">
                    {t('loans.portfolio.outstanding')}
                  </th>
                  <th scope="col" className="numeric">
                    %
                  </th>
                </tr>
              </thead>
              <tbody>
                {collectibilityNames.map((name) => (
                  <tr key={name}>
                    <td>{looseT(t)(`loans.collectibilities.${name}`)}</td>
                    <td className="numeric">
                      <Amount value={data.byCollectibility[name].outstanding} isBare />
                    </td>
                    <td className="numeric">
                      {bpsToPercentText(data.byCollectibility[name].ratioBps, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <dl className="totals">
            <div className="totals-row">
              <dt>{t('loans.portfolio.total')}</dt>
              <dd>
                <Amount value={data.totalOutstanding} />
              </dd>
            </div>
            <div className="totals-row">
              <dt>{t('loans.portfolio.requiredAllowance')}</dt>
              <dd>
                <Amount value={data.requiredAllowance} />
              </dd>
            </div>
            <div className="totals-row">
              <dt>{t('loans.portfolio.bookedAllowance')}</dt>
              <dd>
                <Amount value={data.bookedAllowance} />
              </dd>
            </div>
          </dl>
        </>
      )}
      <DayEndRunPanel scope={scope} />
      <Link to="/pinjaman/penagihan" className="card link-card section">
        <h2>{t('loans.collections.title')}</h2>
        <p className="muted small">{t('loans.tiles.collections')}</p>
      </Link>
    </main>
  );
}

/** `/pinjaman/portofolio`: NPL, PAR 1/30/90 and the allowance at the last day-end. */
export function PortfolioPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.portfolio.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <Portfolio scope={scope} />}
    </LoanGate>
  );
}

const overdueThresholds = [1, 30, 90] as const;

function CollectionsList({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [minDays, setMinDays] = useState<number>(1);
  const collections = useCollections(cooperativeId, minDays);
  const items = collections.data?.items ?? [];
  return (
    <main className="page">
      <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
      <h1 data-testid="loan-collections-title">{t('loans.collections.title')}</h1>
      <label className="field inline-form">
        {t('loans.collections.minDays')}
        <select
          value={minDays}
          onChange={(event) => {
            setMinDays(Number(event.target.value));
          }}
          data-testid="loan-collections-min-days"
        >
          {overdueThresholds.map((days) => (
            <option key={days} value={days}>
              {t('loans.collections.atLeast', { days })}
            </option>
          ))}
        </select>
      </label>
      {collections.isError && <ErrorMessage error={collections.error} />}
      {collections.isPending && <LoadingMessage />}
      {collections.data && (
        <p className="muted small">
          {collections.data.businessDate
            ? t('loans.portfolio.asOf', {
                date: formatDate(collections.data.businessDate, locale),
              })
            : t('loans.portfolio.noRun')}
        </p>
      )}
      {collections.isSuccess && items.length === 0 && (
        <p className="muted">{t('loans.collections.empty')}</p>
      )}
      {items.length > 0 && (
        <TableScroll label={t('loans.collections.title')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('loans.list.member')}</th>
                <th scope="col" className="numeric">
                  {t('loans.collections.days')}
                </th>
                <th scope="col" className="numeric">
                  {t('loans.collections.overdue')}
                </th>
                <th scope="col">{t('loans.collections.collectibility')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.loanId} data-testid="loan-collection-row">
                  <td className="name-cell">
                    <Link to={`/pinjaman/${item.loanId}`}>
                      {item.memberNumber ?? '—'} · {item.memberName}
                    </Link>
                    {item.phone && (
                      <a className="block small" href={`tel:${item.phone}`}>
                        {item.phone}
                      </a>
                    )}
                  </td>
                  <td className="numeric">{item.daysPastDue}</td>
                  <td className="numeric">
                    <Amount value={item.amountOverdue} isBare />
                  </td>
                  <td>{looseT(t)(`loans.collectibilities.${item.collectibility}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </main>
  );
}

/** `/pinjaman/penagihan`: overdue loans by days past due, with the member's phone to call. */
export function CollectionsPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.collections.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <CollectionsList cooperativeId={scope.cooperativeId} />}
    </LoanGate>
  );
}
