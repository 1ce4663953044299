import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { MemberCardQr } from './MemberCardQr';
import { useMemberCard } from './members-api';

/** The member card: the signed QR a teller scans, with the member's number and name. */
export function MemberCard({
  cooperativeId,
  membershipId,
  cooperativeName,
}: {
  cooperativeId: string;
  membershipId: string;
  cooperativeName?: string;
}) {
  const { t } = useTranslation();
  const card = useMemberCard(cooperativeId, membershipId);
  if (card.isError) return <ErrorMessage error={card.error} />;
  if (card.isPending) return <LoadingMessage />;
  return (
    <article className="card member-card" data-testid="member-card">
      {cooperativeName && <p className="muted small member-card-coop">{cooperativeName}</p>}
      <MemberCardQr payload={card.data.payload} />
      <p className="member-card-number" data-testid="member-card-number">
        {t('members.card.number', { number: card.data.memberNumber })}
      </p>
      <p className="member-card-name" data-testid="member-card-name">
        {card.data.fullName}
      </p>
      <p className="muted small">{t('members.card.hint')}</p>
    </article>
  );
}
