import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { BackLink } from '../members/member-scope';
import { useCommitteeQueue, useDecideLoan } from './loans-api';
import { canDecideApplication } from './loans-roles';
import {
  ApprovalsLine,
  AssessmentView,
  DecisionsList,
  LoanGate,
  LoanTermsLine,
  type LoanScope,
} from './loans-ui';
import type { LoanDetail } from './loans-types';

interface DecisionSubject {
  id: string;
  status: string;
  membershipId: string;
  memberName: string;
  decisions: readonly { personId: string }[];
}

/**
 * The reason and the two buttons, for a person who may decide; otherwise why they may not
 * (pengawas read-only, own application, already decided).
 */
export function DecisionForm({
  scope,
  loan,
  onDecided,
}: {
  scope: LoanScope;
  loan: DecisionSubject;
  onDecided: (decided: LoanDetail) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideLoan(scope.cooperativeId);
  const [reason, setReason] = useState('');
  const [isReasonMissing, setIsReasonMissing] = useState(false);
  const me = { personId: scope.person.id, membershipId: scope.membershipId };
  if (loan.status !== 'diajukan') return null;
  if (!canDecideApplication(scope.loans, loan, me)) {
    const why = !scope.loans.canDecide
      ? t('loans.queue.readOnly')
      : loan.membershipId === scope.membershipId
        ? t('loans.queue.own')
        : t('loans.queue.alreadyDecided');
    return (
      <p className="muted small" data-testid="loan-decision-blocked">
        {why}
      </p>
    );
  }
  const send = (decision: 'approve' | 'reject') => {
    const trimmed = reason.trim();
    const isMissing = trimmed.length < 3 || trimmed.length > 500;
    setIsReasonMissing(isMissing);
    if (isMissing) return;
    decide.mutate(
      { loanId: loan.id, decision, reason: trimmed },
      {
        onSuccess: (decided) => {
          setReason('');
          onDecided(decided);
        },
      },
    );
  };
  return (
    <div className="form" data-testid="loan-decision-form">
      <label className="field">
        {t('loans.queue.reason')}
        <textarea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
          }}
          aria-invalid={isReasonMissing ? true : undefined}
          data-testid="loan-decision-reason"
        />
        {isReasonMissing && <span className="field-error">{t('loans.queue.reasonError')}</span>}
      </label>
      {decide.isError && <ErrorMessage error={decide.error} testId="loan-decision-error" />}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={decide.isPending}
          onClick={() => {
            send('approve');
          }}
          data-testid="loan-approve"
        >
          {decide.isPending ? t('loans.queue.deciding') : t('loans.queue.approve')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={decide.isPending}
          onClick={() => {
            send('reject');
          }}
          data-testid="loan-reject"
        >
          {t('loans.queue.reject')}
        </button>
      </div>
    </div>
  );
}

/** What the person sees after deciding: approved, recorded with approvals missing, or rejected. */
export function DecidedNotice({ decided }: { decided: LoanDetail }) {
  const { t } = useTranslation();
  const name = decided.memberName;
  const text =
    decided.status === 'ditolak'
      ? t('loans.queue.rejected', { name })
      : decided.status === 'disetujui'
        ? t('loans.queue.approved', { name })
        : t('loans.queue.approvedPartly', { name, missing: decided.approvals.missing });
  return (
    <Notice testId="loan-decided">
      <span data-status={decided.status}>{text}</span>
    </Notice>
  );
}

function Queue({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const queue = useCommitteeQueue(scope.cooperativeId);
  const [decided, setDecided] = useState<LoanDetail | null>(null);
  const items = queue.data?.items ?? [];
  return (
    <main className="page">
      <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
      <h1 data-testid="loan-queue-title">{t('loans.queue.title')}</h1>
      <p className="muted small">{t('loans.queue.intro')}</p>
      {!scope.loans.canDecide && <p className="muted small">{t('loans.queue.readOnly')}</p>}
      {decided && <DecidedNotice decided={decided} />}
      {queue.isError && <ErrorMessage error={queue.error} />}
      {queue.isPending && <LoadingMessage />}
      {queue.isSuccess && items.length === 0 && (
        <p className="muted" data-testid="loan-queue-empty">
          {t('loans.queue.empty')}
        </p>
      )}
      <ul className="stack">
        {items.map((loan) => (
          <li
            key={loan.id}
            className="card queue-item"
            data-testid="loan-queue-item"
            data-loan-id={loan.id}
            data-membership-id={loan.membershipId}
          >
            <div className="title-row">
              <h2>
                {loan.memberNumber ?? '—'} · {loan.memberName}
              </h2>
              <Link to={`/pinjaman/${loan.id}`} className="small">
                {t('loans.queue.open')} →
              </Link>
            </div>
            <p className="balance-figure">
              <Amount value={loan.amount} />
            </p>
            <LoanTermsLine loan={loan} />
            <ApprovalsLine approvals={loan.approvals} />
            <AssessmentView assessment={loan.assessment} />
            {loan.decisions.length > 0 && <DecisionsList decisions={loan.decisions} />}
            <DecisionForm scope={scope} loan={loan} onDecided={setDecided} />
          </li>
        ))}
      </ul>
    </main>
  );
}

/** `/pinjaman/antrean`: the committee's queue; the pengawas and kasir read it, deciders decide. */
export function QueuePage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.queue.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <Queue scope={scope} />}
    </LoanGate>
  );
}
