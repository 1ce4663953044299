import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from '../ledger/dates';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { BackLink, useCooperativeScope } from '../members/member-scope';
import { useLoanList } from './loans-api';
import { loanPermissions } from './loans-roles';
import { LoanGate, LoanStatusBadge, type LoanScope } from './loans-ui';
import { loanStatusNames, type LoanStatus } from './loans-types';

function LoanList({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [status, setStatus] = useState<LoanStatus | null>(null);
  const list = useLoanList(cooperativeId, status);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="section">
      <h2>{t('loans.list.title')}</h2>
      <label className="field inline-form">
        {t('loans.list.status')}
        <select
          value={status ?? ''}
          onChange={(event) => {
            setStatus(event.target.value === '' ? null : (event.target.value as LoanStatus));
          }}
          data-testid="loans-status-filter"
        >
          <option value="">{t('loans.list.all')}</option>
          {loanStatusNames.map((name) => (
            <option key={name} value={name}>
              {t(`loans.statuses.${name}`)}
            </option>
          ))}
        </select>
      </label>
      {list.isError && <ErrorMessage error={list.error} />}
      {list.isPending && <LoadingMessage />}
      {list.isSuccess && items.length === 0 && <p className="muted">{t('loans.list.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('loans.list.title')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('loans.list.member')}</th>
                <th scope="col" className="numeric">
                  {t('loans.list.amount')}
                </th>
                <th scope="col">{t('loans.list.status')}</th>
                <th scope="col">{t('loans.list.appliedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((loan) => (
                <tr key={loan.id} data-testid="loans-row">
                  <td className="name-cell">
                    <Link to={`/pinjaman/${loan.id}`}>
                      {loan.memberNumber ?? '—'} · {loan.memberName}
                    </Link>
                    <span className="block muted small">{loan.productCode}</span>
                  </td>
                  <td className="numeric">
                    <Amount value={loan.amount} isBare />
                  </td>
                  <td>
                    <LoanStatusBadge status={loan.status} />
                  </td>
                  <td className="nowrap">{formatDate(loan.appliedAt.slice(0, 10), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list.hasNextPage && (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()}>
          {t('loans.loadMore')}
        </button>
      )}
    </section>
  );
}

function Overview({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const tiles = [
    {
      to: '/pinjaman/antrean',
      title: t('loans.queue.title'),
      body: t('loans.tiles.queue'),
      id: 'queue',
    },
    {
      to: '/pinjaman/produk',
      title: t('loans.products.title'),
      body: t('loans.tiles.products'),
      id: 'products',
    },
    {
      to: '/pinjaman/portofolio',
      title: t('loans.portfolio.title'),
      body: t('loans.tiles.portfolio'),
      id: 'portfolio',
    },
    {
      to: '/pinjaman/penagihan',
      title: t('loans.collections.title'),
      body: t('loans.tiles.collections'),
      id: 'collections',
    },
    {
      to: '/pinjaman/fasilitas',
      title: t('loans.facilities.title'),
      body: t('loans.facilities.tile'),
      id: 'facilities',
    },
    ...(scope.loans.canTakeRepayments
      ? [
          {
            to: '/pinjaman/kasir',
            title: t('loans.teller.title'),
            body: t('loans.tiles.teller'),
            id: 'teller',
          },
        ]
      : []),
  ];
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="loans-title">{t('loans.title')}</h1>
      <p className="muted small">{t('loans.intro')}</p>
      <ul className="card-grid">
        {tiles.map((tile) => (
          <li key={tile.id}>
            <Link to={tile.to} className="card link-card" data-testid={`loans-tile-${tile.id}`}>
              <h2>{tile.title}</h2>
              <p className="muted small">{tile.body}</p>
            </Link>
          </li>
        ))}
      </ul>
      <LoanList cooperativeId={scope.cooperativeId} />
    </main>
  );
}

/** `/pinjaman`: the back office's loans menu and list; members go to their own loans. */
export function LoansHomePage() {
  const { t } = useTranslation();
  const scope = useCooperativeScope();
  if (scope && !loanPermissions(scope.roles).canReadAll)
    return <Navigate to="/pinjaman/saya" replace />;
  return (
    <LoanGate title={t('loans.title')} allows={(loanScope) => loanScope.loans.canReadAll}>
      {(loanScope) => <Overview scope={loanScope} />}
    </LoanGate>
  );
}
