import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate, formatDateTime } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { BackLink } from '../members/member-scope';
import { useChanneledLoan } from './facilities-api';
import { ChannelingPanel, FundingForm } from './loan-channeling';
import { AutoDebitPanel, RescheduleForm, RescheduleHistory } from './loan-servicing';
import { useDisburseLoan, useLoan } from './loans-api';
import { bpsToPercentText } from './loans-helpers';
import {
  ApprovalsLine,
  AssessmentView,
  DecisionsList,
  LoanGate,
  LoanStatusBadge,
  RepaymentsTable,
  ScheduleTable,
  type LoanScope,
} from './loans-ui';
import { canRescheduleLoan, canSetAutoDebit } from './loans-roles';
import { DecidedNotice, DecisionForm } from './QueuePage';
import { loanChannelNames, type LoanChannel, type LoanDetail } from './loans-types';

function DisburseForm({
  scope,
  loan,
  onDone,
}: {
  scope: LoanScope;
  loan: LoanDetail;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const disburse = useDisburseLoan(scope.cooperativeId);
  const [channel, setChannel] = useState<LoanChannel>('sukarela');
  function submit(event: FormEvent) {
    event.preventDefault();
    disburse.mutate({ loanId: loan.id, channel }, { onSuccess: onDone });
  }
  return (
    <form
      className="form card section"
      onSubmit={submit}
      noValidate
      data-testid="loan-disburse-form"
    >
      <h2>{t('loans.disburse.title')}</h2>
      <p className="muted small">{t('loans.disburse.intro')}</p>
      <fieldset className="segmented">
        <legend>{t('loans.disburse.channel')}</legend>
        {loanChannelNames.map((option) => (
          <label key={option} className="segment">
            <input
              type="radio"
              name="loan-disburse-channel"
              value={option}
              checked={channel === option}
              onChange={() => {
                setChannel(option);
              }}
              data-testid={`loan-disburse-${option}`}
            />
            {t(`loans.channels.${option}`)}
          </label>
        ))}
      </fieldset>
      {channel === 'cash' && <p className="muted small">{t('loans.disburse.cashNote')}</p>}
      {disburse.isError && <ErrorMessage error={disburse.error} testId="loan-disburse-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={disburse.isPending}
        data-testid="loan-disburse-submit"
      >
        {disburse.isPending ? t('loans.disburse.submitting') : t('loans.disburse.submit')}
      </button>
    </form>
  );
}

function Facts({ loan }: { loan: LoanDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fees = (BigInt(loan.adminFee) + BigInt(loan.provisionFee)).toString();
  return (
    <dl className="details" data-testid="loan-facts">
      <dt>{t('loans.detail.member')}</dt>
      <dd>
        {loan.memberNumber ?? '—'} · {loan.memberName}
      </dd>
      <dt>{t('loans.detail.product')}</dt>
      <dd>{loan.productCode}</dd>
      <dt>{t('loans.detail.amount')}</dt>
      <dd data-testid="loan-amount" data-amount={loan.amount}>
        <Amount value={loan.amount} />
      </dd>
      {loan.principal !== loan.amount && (
        <>
          <dt>{t('loans.detail.principal')}</dt>
          <dd>
            <Amount value={loan.principal} />
          </dd>
        </>
      )}
      <dt>{t('loans.detail.tenor')}</dt>
      <dd>
        {t('loans.detail.tenorValue', {
          count: loan.installments,
          frequency: t(`loans.frequencies.${loan.frequency}`),
        })}
      </dd>
      <dt>{t('loans.detail.rate')}</dt>
      <dd>
        {t('loans.detail.rateValue', {
          rate: bpsToPercentText(loan.interestRateBpsPerMonth, locale),
          method: t(`loans.methods.${loan.interestMethod}`),
        })}
      </dd>
      <dt>{t('loans.detail.fees')}</dt>
      <dd>
        <Amount value={fees} /> ({t(`loans.feeTreatments.${loan.feeTreatment}`)})
      </dd>
      <dt>{t('loans.detail.purpose')}</dt>
      <dd>{loan.purpose}</dd>
      <dt>{t('loans.detail.income')}</dt>
      <dd>
        <Amount value={loan.declaredMonthlyIncome} />
      </dd>
      <dt>{t('loans.detail.appliedAt')}</dt>
      <dd>
        {formatDateTime(loan.appliedAt, locale)} {t(`loans.detail.appliedVia.${loan.appliedVia}`)}
      </dd>
      {loan.disbursement && (
        <>
          <dt>{t('loans.detail.disbursedOn')}</dt>
          <dd>
            {formatDateTime(loan.disbursement.disbursedAt, locale)} ·{' '}
            {t(`loans.channels.${loan.disbursement.channel}`)}
          </dd>
          <dt>{t('loans.detail.netAmount')}</dt>
          <dd>
            <Amount value={loan.disbursement.netAmount} />
          </dd>
        </>
      )}
      {loan.closedOn && (
        <>
          <dt>{t('loans.detail.closedOn')}</dt>
          <dd>{formatDate(loan.closedOn, locale)}</dd>
        </>
      )}
      {loan.guarantors.length > 0 && (
        <>
          <dt>{t('loans.detail.guarantors')}</dt>
          <dd>
            <ul className="plain-list">
              {loan.guarantors.map((guarantor, index) => (
                <li key={index}>
                  {guarantor.fullName} ({guarantor.relation}) · {guarantor.nik}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {loan.collateral.length > 0 && (
        <>
          <dt>{t('loans.detail.collateral')}</dt>
          <dd>
            <ul className="plain-list">
              {loan.collateral.map((item, index) => (
                <li key={index}>
                  {item.kind}: {item.description} · <Amount value={item.estimatedValue} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

function Position({ position }: { position: NonNullable<LoanDetail['position']> }) {
  const { t } = useTranslation();
  const rows = [
    ['outstanding', position.principalOutstanding],
    ['penaltyDue', position.penaltyDue],
    ['amountDue', position.amountDue],
    ['payoff', position.payoffAmount],
  ] as const;
  return (
    <section className="card section" data-testid="loan-position">
      <h2>{t('loans.detail.position')}</h2>
      <dl className="totals">
        {rows.map(([key, value]) => (
          <div key={key} className="totals-row">
            <dt>{t(`loans.detail.${key}`)}</dt>
            <dd data-testid={`loan-position-${key}`} data-amount={value}>
              <Amount value={value} />
            </dd>
          </div>
        ))}
        <div className="totals-row">
          <dt>{t('loans.detail.daysPastDue')}</dt>
          <dd data-testid="loan-days-past-due">{position.daysPastDue}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * Whether a channeling facility funds the loan: the bank's case. The back office asks for every
 * loan (the server answers loans.channeling_not_found for any other); the borrower asks once the
 * loan says a channeling facility funds it. `isKnown` is false until the server answered.
 */
function useChanneling(scope: LoanScope, loanId: string, loan: LoanDetail | undefined) {
  const isChanneled = loan?.funding?.fundingKind === 'channeling';
  const channeling = useChanneledLoan(
    scope.cooperativeId,
    loanId,
    scope.loans.canReadAll || isChanneled,
  );
  const isNotChanneled =
    channeling.error instanceof ApiError && channeling.error.code === 'loans.channeling_not_found';
  return {
    channeled: channeling.data ?? null,
    isKnown: channeling.isSuccess || isNotChanneled,
    error: channeling.isError && !isNotChanneled ? channeling.error : null,
  };
}

/** The officer's servicing of a loan: funding, channeling, rescheduling and auto-debit. */
function Servicing({ scope, loan }: { scope: LoanScope; loan: LoanDetail }) {
  const channeling = useChanneling(scope, loan.id, loan);
  const me = { membershipId: scope.membershipId };
  return (
    <>
      {channeling.error && <ErrorMessage error={channeling.error} />}
      {channeling.channeled && <ChannelingPanel scope={scope} channeled={channeling.channeled} />}
      {loan.funding === null && scope.loans.canManageFacilities && (
        <FundingForm scope={scope} loan={loan} />
      )}
      {canSetAutoDebit(scope.loans, loan, me) && (
        <AutoDebitPanel scope={scope} loanId={loan.id} isAutoDebit={loan.isAutoDebit} />
      )}
      {canRescheduleLoan(scope.loans, loan, me) && <RescheduleForm scope={scope} loan={loan} />}
    </>
  );
}

function Detail({ scope, loanId }: { scope: LoanScope; loanId: string }) {
  const { t } = useTranslation();
  const loan = useLoan(scope.cooperativeId, loanId);
  const channeling = useChanneling(scope, loanId, loan.data);
  const [decided, setDecided] = useState<LoanDetail | null>(null);
  const [isDisbursed, setIsDisbursed] = useState(false);
  const back = scope.loans.canReadAll
    ? { to: '/pinjaman', label: t('loans.back') }
    : { to: '/pinjaman/saya', label: t('loans.mine.title') };
  const data = loan.data;
  return (
    <main className="page">
      <BackLink to={back.to}>{back.label}</BackLink>
      {loan.isError && <ErrorMessage error={loan.error} />}
      {loan.isPending && <LoadingMessage />}
      {data && (
        <>
          <div className="title-row">
            <h1 data-testid="loan-title">{t('loans.detail.title')}</h1>
            <LoanStatusBadge status={data.status} />
          </div>
          {decided && <DecidedNotice decided={decided} />}
          {isDisbursed && <Notice testId="loan-disbursed">{t('loans.disburse.done')}</Notice>}
          <Facts loan={data} />
          {data.position && <Position position={data.position} />}
          {data.status === 'aktif' && scope.loans.canTakeRepayments && (
            <Link
              to={`/pinjaman/kasir?anggota=${encodeURIComponent(data.membershipId)}`}
              className="button"
              data-testid="loan-repay-link"
            >
              {t('loans.teller.submit')}
            </Link>
          )}
          {(data.status === 'diajukan' || data.status === 'disetujui') && (
            <ApprovalsLine approvals={data.approvals} />
          )}
          {data.status === 'disetujui' &&
            scope.loans.canDisburse &&
            channeling.isKnown &&
            !channeling.channeled && (
              <DisburseForm
                scope={scope}
                loan={data}
                onDone={() => {
                  setIsDisbursed(true);
                }}
              />
            )}
          <Servicing scope={scope} loan={data} />
          {scope.loans.canReadAll && <AssessmentView assessment={data.assessment} />}
          <DecisionsList decisions={data.decisions} />
          {scope.loans.canReadAll && (
            <DecisionForm scope={scope} loan={data} onDecided={setDecided} />
          )}
          <section className="section">
            <h2>{t('loans.schedule.title')}</h2>
            <ScheduleTable schedule={data.schedule} />
          </section>
          <RescheduleHistory reschedules={data.reschedules} />
          <section className="section">
            <h2>{t('loans.repayments.title')}</h2>
            <RepaymentsTable repayments={data.repayments} />
          </section>
        </>
      )}
    </main>
  );
}

/** `/pinjaman/:loanId`: a loan for its member or the back office (the server checks which). */
export function LoanDetailPage() {
  const { t } = useTranslation();
  const { loanId = '' } = useParams();
  return (
    <LoanGate title={t('loans.detail.title')} allows={() => true}>
      {(scope) => <Detail scope={scope} loanId={loanId} />}
    </LoanGate>
  );
}
