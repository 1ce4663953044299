import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useMemberSavings } from './savings-api';
import { SavingsBalances } from './savings-ui';

/** The member home's savings: real balances, and the ways to history, transfer and the card. */
export function MemberSavingsSummary({
  cooperativeId,
  membershipId,
  hasPin,
}: {
  cooperativeId: string;
  membershipId: string;
  hasPin: boolean;
}) {
  const { t } = useTranslation();
  const savings = useMemberSavings(cooperativeId, membershipId);
  return (
    <section className="section" aria-labelledby="member-savings-title">
      <h2 id="member-savings-title" className="section-title">
        {t('savings.title')}
      </h2>
      {savings.isError && <ErrorMessage error={savings.error} />}
      {savings.isPending && <LoadingMessage />}
      {savings.data && <SavingsBalances view={savings.data} />}
      <ul className="card-grid member-actions">
        <li>
          <Link to="/simpanan/riwayat" className="card link-card" data-testid="member-history-link">
            <h3>{t('savings.history.title')}</h3>
          </Link>
        </li>
        <li>
          <Link
            to="/simpanan/transfer"
            className="card link-card"
            data-testid="member-transfer-link"
          >
            <h3>{t('savings.transfer.title')}</h3>
          </Link>
        </li>
        <li>
          <Link to="/kartu" className="card link-card" data-testid="member-card-link">
            <h3>{t('members.card.title')}</h3>
          </Link>
        </li>
        {!hasPin && (
          <li>
            <Link to="/pin" className="card link-card" data-testid="member-pin-link">
              <h3>{t('savings.pin.create')}</h3>
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}
