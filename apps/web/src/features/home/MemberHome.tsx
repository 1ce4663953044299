import type { MembershipView, PersonView } from '@lumbung/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberSavingsSummary } from '../savings/MemberSavingsSummary';

const comingCards = ['shu'] as const;

/** A member's home: who they are, which cooperative, their savings and what comes next. */
export function MemberHome({
  person,
  membership,
}: {
  person: PersonView;
  membership: MembershipView;
}) {
  const { t } = useTranslation();
  const isAktif = membership.status === 'aktif';
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.member.greeting', { name: person.fullName })}</h1>
      <p className="muted" data-testid="member-cooperative">
        {t('home.member.memberOf', { cooperative: membership.cooperativeName })}
      </p>
      {isAktif ? (
        <MemberSavingsSummary
          cooperativeId={membership.cooperativeId}
          membershipId={membership.membershipId}
          hasPin={person.hasPin}
        />
      ) : (
        <p className="notice" data-testid="member-status-notice">
          {t(membership.status === 'calon' ? 'home.member.pending' : 'home.member.inactive')}
        </p>
      )}
      {isAktif && (
        <Link
          to="/pinjaman/saya"
          className="card link-card section"
          data-testid="member-loans-link"
        >
          <h2>{t('loans.mine.title')}</h2>
          <p className="muted small">{t('loans.mine.tile')}</p>
        </Link>
      )}
      <ul className="stack">
        {comingCards.map((card) => (
          <li key={card} className="card balance-card" data-testid={`balance-${card}`}>
            <h2>{t(`home.member.${card}`)}</h2>
            <p className="muted small">{t('home.member.comingSoon')}</p>
          </li>
        ))}
      </ul>
      <Link to="/angka" className="card link-card" data-testid="figures-link">
        <h2>{t('home.figuresLink.title')}</h2>
        <p className="muted small">{t('home.figuresLink.body')}</p>
      </Link>
    </main>
  );
}
