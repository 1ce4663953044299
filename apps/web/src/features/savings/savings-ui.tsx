import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Amount } from '../ledger/ledger-ui';
import { accountOf } from './savings-helpers';
import { savingsKinds, type MemberSavingsView } from './savings-types';

/**
 * Pokok, wajib, sukarela and the total, one card each. Each figure carries its raw amount in
 * `data-amount`, so tests compare exact rupiah rather than formatted text.
 */
export function SavingsBalances({
  view,
  passbookLink,
}: {
  view: MemberSavingsView;
  /** Where an account's passbook opens, when shown (back office: /simpanan/buku/:accountId). */
  passbookLink?: (accountId: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="stack savings-balances" data-testid="savings-balances">
      {savingsKinds.map((kind) => {
        const account = accountOf(view, kind);
        return (
          <li
            key={kind}
            className="card balance-card"
            data-testid={`savings-balance-${kind}`}
            data-amount={account.balance}
          >
            <h2>{t(`savings.kinds.${kind}`)}</h2>
            <p className="balance-figure">
              <Amount value={account.balance} />
            </p>
            {passbookLink && account.accountId && (
              <Link to={passbookLink(account.accountId)} className="small full-row">
                {t('savings.passbook.open')}
              </Link>
            )}
          </li>
        );
      })}
      {view.termDeposits && view.termDeposits.count > 0 && (
        <li
          className="card balance-card"
          data-testid="savings-balance-berjangka"
          data-amount={view.termDeposits.principal}
        >
          <h2>{t('savings.termDeposits', { count: view.termDeposits.count })}</h2>
          <p className="balance-figure">
            <Amount value={view.termDeposits.principal} />
          </p>
        </li>
      )}
      <li
        className="card balance-card total-card"
        data-testid="savings-balance-total"
        data-amount={view.total}
      >
        <h2>{t('savings.total')}</h2>
        <p className="balance-figure">
          <Amount value={view.total} />
        </p>
      </li>
    </ul>
  );
}
