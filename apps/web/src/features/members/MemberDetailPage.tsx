import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useMemberSavings } from '../savings/savings-api';
import { SavingsBalances } from '../savings/savings-ui';
import { MemberCard } from './MemberCard';
import { BackLink, ScopeGate, type CooperativeScope } from './member-scope';
import { useMember } from './members-api';
import { StatusBadge } from './MembersPage';

function Detail({ scope, membershipId }: { scope: CooperativeScope; membershipId: string }) {
  const { t } = useTranslation();
  const member = useMember(scope.cooperativeId, membershipId);
  const isAktif = member.data?.status === 'aktif';
  const savings = useMemberSavings(scope.cooperativeId, isAktif ? membershipId : null);
  const [isCardShown, setIsCardShown] = useState(false);

  if (member.isError) return <ErrorMessage error={member.error} />;
  if (member.isPending) return <LoadingMessage />;
  const m = member.data;
  const dash = '—';
  return (
    <>
      <div className="title-row">
        <h1 data-testid="member-detail-name">{m.fullName}</h1>
        <StatusBadge status={m.status} />
      </div>
      <dl className="details">
        <dt>{t('members.detail.number')}</dt>
        <dd data-testid="member-detail-number">{m.memberNumber ?? dash}</dd>
        <dt>{t('members.detail.nik')}</dt>
        <dd>{m.nikMasked}</dd>
        <dt>{t('members.form.phone')}</dt>
        <dd>{m.phone}</dd>
        <dt>{t('members.form.address')}</dt>
        <dd>{[m.address, m.village].filter(Boolean).join(', ')}</dd>
        <dt>{t('members.form.occupationSegment')}</dt>
        <dd>
          {t(`members.segments.${m.occupationSegment}`)}
          {m.employer ? ` (${m.employer})` : ''}
        </dd>
        <dt>{t('members.detail.joinedOn')}</dt>
        <dd>{m.joinedOn ?? dash}</dd>
        {m.decisionNote && (
          <>
            <dt>{t('members.detail.decisionNote')}</dt>
            <dd>{m.decisionNote}</dd>
          </>
        )}
      </dl>
      {isAktif && (
        <section className="section">
          <h2 className="section-title">{t('savings.title')}</h2>
          {savings.isError && <ErrorMessage error={savings.error} />}
          {savings.isPending && <LoadingMessage />}
          {savings.data && (
            <SavingsBalances
              view={savings.data}
              passbookLink={(accountId) => `/simpanan/buku/${accountId}`}
            />
          )}
        </section>
      )}
      {isAktif && m.memberNumber && (
        <section className="section">
          <button
            type="button"
            className="button"
            aria-expanded={isCardShown}
            onClick={() => {
              setIsCardShown(!isCardShown);
            }}
            data-testid="member-card-toggle"
          >
            {t('members.card.title')}
          </button>
          {isCardShown && (
            <MemberCard cooperativeId={scope.cooperativeId} membershipId={membershipId} />
          )}
        </section>
      )}
    </>
  );
}

/** `/anggota/:membershipId`: one member's record, savings balances, passbooks and card. */
export function MemberDetailPage() {
  const { t } = useTranslation();
  const { membershipId = '' } = useParams();
  return (
    <ScopeGate title={t('members.title')} allows={(scope) => scope.permissions.canReadRegistry}>
      {(scope) => (
        <main className="page">
          <BackLink to="/anggota">{t('members.title')}</BackLink>
          <Detail scope={scope} membershipId={membershipId} />
        </main>
      )}
    </ScopeGate>
  );
}
