import type { MembershipView, PersonView } from '@lumbung/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const balanceCards = ['savings', 'loans', 'shu'] as const;

/** A member's home: who they are, which cooperative, and where their balances will appear. */
export function MemberHome({
  person,
  membership,
}: {
  person: PersonView;
  membership: MembershipView;
}) {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.member.greeting', { name: person.fullName })}</h1>
      <p className="muted" data-testid="member-cooperative">
        {t('home.member.memberOf', { cooperative: membership.cooperativeName })}
      </p>
      <ul className="stack">
        {balanceCards.map((card) => (
          <li key={card} className="card balance-card" data-testid={`balance-${card}`}>
            <h2>{t(`home.member.${card}`)}</h2>
            <p className="balance-figure">Rp —</p>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('home.member.figuresComing')}</p>
      <Link to="/angka" className="card link-card" data-testid="figures-link">
        <h2>{t('home.figuresLink.title')}</h2>
        <p className="muted small">{t('home.figuresLink.body')}</p>
      </Link>
    </main>
  );
}
