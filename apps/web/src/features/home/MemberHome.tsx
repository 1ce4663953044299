import type { MembershipView, PersonView } from '@lumbung/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberSavingsSummary } from '../savings/MemberSavingsSummary';

// The SHU card and its texts are a chunk of their own, outside the first-load budget.
const MemberShuCard = lazy(() =>
  import('../shu/MemberShuCard').then((module) => ({ default: module.MemberShuCard })),
);

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
      {isAktif && (
        <Suspense fallback={null}>
          <MemberShuCard cooperativeId={membership.cooperativeId} />
        </Suspense>
      )}
      <Link to="/angka" className="card link-card" data-testid="figures-link">
        <h2>{t('home.figuresLink.title')}</h2>
        <p className="muted small">{t('home.figuresLink.body')}</p>
      </Link>
    </main>
  );
}
