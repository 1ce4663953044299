import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Notice } from '../ledger/ledger-ui';
import { BackLink, ScopeGate, type CooperativeScope } from './member-scope';
import { useDecideApplication, useMemberList } from './members-api';
import type { MemberView } from './members-types';

function Application({
  scope,
  member,
  onDecided,
}: {
  scope: CooperativeScope;
  member: MemberView;
  onDecided: (member: MemberView) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideApplication(scope.cooperativeId);
  const [note, setNote] = useState('');
  const send = (decision: 'approve' | 'reject') => {
    const trimmed = note.trim();
    decide.mutate(
      { membershipId: member.membershipId, decision, ...(trimmed ? { note: trimmed } : {}) },
      { onSuccess: onDecided },
    );
  };
  return (
    <li className="card queue-item" data-testid="application-item">
      <h2>{member.fullName}</h2>
      <p className="muted small">
        {t(`members.segments.${member.occupationSegment}`)} · {member.phone} · {member.nikMasked}
      </p>
      <p className="small">{[member.address, member.village].filter(Boolean).join(', ')}</p>
      <p className="muted small">
        {t('members.applications.appliedAt', { date: member.appliedAt.slice(0, 10) })}
      </p>
      {scope.permissions.canDecide ? (
        <>
          <label className="field">
            {t('members.applications.note')}
            <textarea
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
              }}
              data-testid="application-note"
            />
          </label>
          {decide.isError && <ErrorMessage error={decide.error} />}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={decide.isPending}
              onClick={() => {
                send('approve');
              }}
              data-testid="application-approve"
            >
              {t('members.applications.approve')}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={decide.isPending}
              onClick={() => {
                send('reject');
              }}
              data-testid="application-reject"
            >
              {t('members.applications.reject')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted small">{t('members.applications.onlyPengurus')}</p>
      )}
    </li>
  );
}

function Queue({ scope }: { scope: CooperativeScope }) {
  const { t } = useTranslation();
  const list = useMemberList(scope.cooperativeId, 'calon');
  const [lastDecided, setLastDecided] = useState<MemberView | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <main className="page">
      <BackLink to="/anggota">{t('members.title')}</BackLink>
      <h1 data-testid="applications-title">{t('members.applications.title')}</h1>
      <p className="muted small">{t('members.applications.intro')}</p>
      {lastDecided && (
        <Notice testId="application-notice">
          {lastDecided.status === 'aktif'
            ? t('members.applications.approved', {
                name: lastDecided.fullName,
                number: lastDecided.memberNumber ?? '—',
              })
            : t('members.applications.rejected', { name: lastDecided.fullName })}
        </Notice>
      )}
      {list.isError && <ErrorMessage error={list.error} />}
      {list.isPending && <LoadingMessage />}
      {list.isSuccess && items.length === 0 && (
        <p className="muted" data-testid="applications-empty">
          {t('members.applications.empty')}
        </p>
      )}
      <ul className="stack">
        {items.map((member) => (
          <Application
            key={member.membershipId}
            scope={scope}
            member={member}
            onDecided={setLastDecided}
          />
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" className="button" onClick={() => void list.fetchNextPage()}>
          {t('members.loadMore')}
        </button>
      )}
    </main>
  );
}

/** `/anggota/permohonan`: applications awaiting the pengurus (status calon). */
export function ApplicationsPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate
      title={t('members.applications.title')}
      allows={(scope) => scope.permissions.canReadRegistry}
    >
      {(scope) => <Queue scope={scope} />}
    </ScopeGate>
  );
}
