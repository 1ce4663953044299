import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { BackLink, ScopeGate, type CooperativeScope } from '../members/member-scope';
import { useArrears } from './savings-api';
import { sumRupiah } from '../ledger/rupiah';

function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function Arrears({ scope }: { scope: CooperativeScope }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const arrears = useArrears(scope.cooperativeId, asOf);
  const items = arrears.data?.items ?? [];
  return (
    <main className="page">
      <BackLink to="/simpanan">{t('savings.title')}</BackLink>
      <h1 data-testid="arrears-title">{t('savings.arrears.title')}</h1>
      <p className="muted small">{t('savings.arrears.intro')}</p>
      <label className="field inline-form">
        {t('savings.arrears.asOf')}
        <input
          type="date"
          value={asOf}
          onChange={(event) => {
            if (event.target.value) setAsOf(event.target.value);
          }}
          data-testid="arrears-as-of"
        />
      </label>
      {arrears.isError && <ErrorMessage error={arrears.error} />}
      {arrears.isPending && <LoadingMessage />}
      {arrears.data && (
        <>
          <p className="small">
            {t('savings.arrears.monthly')} <Amount value={arrears.data.monthlyAmount} /> ·{' '}
            {t('savings.arrears.count', { total: items.length })} · {t('savings.arrears.totalOwed')}{' '}
            <Amount value={sumRupiah(items.map((item) => item.amountOwed))} />
          </p>
          {items.length === 0 ? (
            <p className="muted" data-testid="arrears-empty">
              {t('savings.arrears.empty')}
            </p>
          ) : (
            <TableScroll label={t('savings.arrears.title')}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('members.detail.number')}</th>
                    <th scope="col">{t('savings.arrears.name')}</th>
                    <th scope="col" className="numeric">
                      {t('savings.arrears.months')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('savings.arrears.owed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.membershipId} data-testid="arrears-row">
                      <td>{item.memberNumber}</td>
                      <td className="name-cell">
                        <Link to={`/anggota/${item.membershipId}`}>{item.fullName}</Link>
                      </td>
                      <td className="numeric">
                        {item.monthsOwed}/{item.monthsDue}
                      </td>
                      <td className="numeric">
                        <Amount value={item.amountOwed} isBare />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </main>
  );
}

/** `/simpanan/tunggakan`: aktif members behind on simpanan wajib. */
export function ArrearsPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate
      title={t('savings.arrears.title')}
      allows={(scope) => scope.permissions.canReadRegistry}
    >
      {(scope) => <Arrears scope={scope} />}
    </ScopeGate>
  );
}

/** `/simpanan`: the back office's savings menu. */
export function SavingsOverviewPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('savings.title')} allows={(scope) => scope.permissions.canReadRegistry}>
      {(scope) => (
        <main className="page">
          <BackLink to="/">{t('app.backHome')}</BackLink>
          <h1 data-testid="savings-title">{t('savings.title')}</h1>
          <ul className="card-grid">
            {scope.permissions.canTell && (
              <li>
                <Link to="/kasir" className="card link-card" data-testid="savings-tile-teller">
                  <h2>{t('savings.teller.title')}</h2>
                  <p className="muted small">{t('savings.teller.tile')}</p>
                </Link>
              </li>
            )}
            <li>
              <Link
                to="/simpanan/tunggakan"
                className="card link-card"
                data-testid="savings-tile-arrears"
              >
                <h2>{t('savings.arrears.title')}</h2>
                <p className="muted small">{t('savings.arrears.tile')}</p>
              </Link>
            </li>
            <li>
              <Link to="/anggota" className="card link-card" data-testid="savings-tile-members">
                <h2>{t('members.title')}</h2>
                <p className="muted small">{t('savings.membersTile')}</p>
              </Link>
            </li>
          </ul>
        </main>
      )}
    </ScopeGate>
  );
}
