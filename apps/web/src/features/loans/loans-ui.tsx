import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { formatDate, formatDateTime } from '../ledger/dates';
import { Amount, TableScroll } from '../ledger/ledger-ui';
import { ScopeGate, type CooperativeScope } from '../members/member-scope';
import {
  approvalProgress,
  bpsToPercentText,
  factorValueText,
  isFactorKey,
  statusTone,
} from './loans-helpers';
import { loanPermissions, type LoanPermissions } from './loans-roles';
import type {
  LoanApprovals,
  LoanAssessment,
  LoanDecision,
  LoanInstallment,
  LoanRepayment,
  LoanStatus,
  LoanSummary,
} from './loans-types';

/**
 * `t` for a key built at run time from a server value (a factor key, an error name): the catalog
 * types cannot follow such keys, and i18next's key types read `_` as a context separator.
 */
export function looseT(t: unknown): (key: string, params?: Record<string, string>) => string {
  return t as (key: string, params?: Record<string, string>) => string;
}

export interface LoanScope extends CooperativeScope {
  loans: LoanPermissions;
}

/** A loans screen for those whose roles allow it; others see why (the server still decides). */
export function LoanGate({
  title,
  allows,
  children,
}: {
  title: string;
  allows: (scope: LoanScope) => boolean;
  children: (scope: LoanScope) => ReactNode;
}) {
  const withLoans = (scope: CooperativeScope): LoanScope => ({
    ...scope,
    loans: loanPermissions(scope.roles),
  });
  return (
    <ScopeGate title={title} allows={(scope) => allows(withLoans(scope))}>
      {(scope) => children(withLoans(scope))}
    </ScopeGate>
  );
}

export function LoanStatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${statusTone(status)}`} data-testid="loan-status" data-status={status}>
      {t(`loans.statuses.${status}`)}
    </span>
  );
}

/** "PRODUKTIF · 12 angsuran bulanan". */
export function LoanTermsLine({ loan }: { loan: LoanSummary }) {
  const { t } = useTranslation();
  return (
    <p className="muted small">
      {t('loans.summary', {
        product: loan.productCode,
        count: loan.installments,
        frequency: t(`loans.frequencies.${loan.frequency}`),
      })}
    </p>
  );
}

export function ApprovalsLine({ approvals }: { approvals: LoanApprovals }) {
  const { t } = useTranslation();
  const { given, required } = approvalProgress(approvals);
  return (
    <p className="small" data-testid="loan-approvals" data-given={given} data-required={required}>
      {t('loans.approvals.progress', { given, required })}
      {approvals.requiresKetua && ` · ${t('loans.approvals.ketuaRequired')}`}
      {approvals.complete && ` · ${t('loans.approvals.complete')}`}
    </p>
  );
}

/** The assessment factor by factor: what was measured, and the points out of the maximum. */
export function AssessmentView({ assessment }: { assessment: LoanAssessment | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!assessment) return <p className="muted small">{t('loans.assessment.none')}</p>;
  return (
    <section className="section" data-testid="loan-assessment">
      <h3>{t('loans.assessment.title')}</h3>
      <p className="small" data-testid="loan-score" data-score={assessment.score}>
        {t('loans.assessment.score', { score: assessment.score, grade: assessment.grade })}
      </p>
      <TableScroll label={t('loans.assessment.title')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('loans.assessment.factor')}</th>
              <th scope="col" className="numeric">
                {t('loans.assessment.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {assessment.factors.map((factor) => {
              const measured = factorValueText(factor.key, factor.value, locale);
              return (
                <tr key={factor.key} data-testid="loan-factor" data-factor={factor.key}>
                  <td className="name-cell">
                    {isFactorKey(factor.key)
                      ? t(`loans.assessment.factors.${factor.key}`)
                      : factor.key}
                    {measured && (
                      <span className="block muted small">
                        {looseT(t)(`loans.assessment.values.${measured.key}`, measured.params)}
                      </span>
                    )}
                  </td>
                  <td className="numeric nowrap">
                    {factor.points}/{factor.maxPoints}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {/* Label above figure: the labels are long for a 360 px row. */}
      <dl className="details">
        <dt>{t('loans.assessment.installment')}</dt>
        <dd>
          <Amount value={assessment.proposedInstallment} />
        </dd>
        <dt>{t('loans.assessment.ratio')}</dt>
        <dd>{bpsToPercentText(assessment.installmentToIncomeBps, locale)}%</dd>
      </dl>
      <p className={assessment.isCapacityOk ? 'muted small' : 'error'} data-testid="loan-capacity">
        {assessment.isCapacityOk
          ? t('loans.assessment.capacityOk')
          : t('loans.assessment.capacityOver')}
      </p>
    </section>
  );
}

export function DecisionsList({ decisions }: { decisions: readonly LoanDecision[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <section className="section">
      <h3>{t('loans.decisions.title')}</h3>
      {decisions.length === 0 ? (
        <p className="muted small">{t('loans.decisions.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {decisions.map((decision) => (
            <li key={decision.id} className="small" data-testid="loan-decision">
              <strong data-decision={decision.decision}>
                {t(`loans.decisions.${decision.decision}`)}
              </strong>{' '}
              — {decision.personName} (
              {decision.roles
                .map((role) => t(`roles.${role}` as 'roles.ketua', { defaultValue: role }))
                .join(', ')}
              ), {formatDateTime(decision.decidedAt, locale)}
              <span className="block muted">“{decision.reason}”</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The schedule with what was paid on each installment and its status. */

/** The columns every installment table starts with: number, due date, total, principal, interest. */
function InstallmentHeadCells() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t('loans.schedule.number')}</th>
      <th scope="col">{t('loans.schedule.due')}</th>
      <th scope="col" className="numeric">
        {t('loans.schedule.total')}
      </th>
      <th scope="col" className="numeric">
        {t('loans.schedule.principal')}
      </th>
      <th scope="col" className="numeric">
        {t('loans.schedule.interest')}
      </th>
    </>
  );
}

export function ScheduleTable({ schedule }: { schedule: readonly LoanInstallment[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (schedule.length === 0) return <p className="muted small">{t('loans.schedule.empty')}</p>;
  return (
    <TableScroll label={t('loans.schedule.title')}>
      <table className="data-table" data-testid="loan-schedule">
        <thead>
          <tr>
            <InstallmentHeadCells />
            <th scope="col" className="numeric">
              {t('loans.schedule.paid')}
            </th>
            <th scope="col">{t('loans.schedule.status')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((installment) => (
            <tr
              key={installment.number}
              data-testid="loan-installment"
              data-status={installment.status}
            >
              <td>{installment.number}</td>
              <td className="nowrap">{formatDate(installment.dueDate, locale)}</td>
              <td className="numeric">
                <Amount value={installment.total} isBare />
              </td>
              <td className="numeric">
                <Amount value={installment.principal} isBare />
              </td>
              <td className="numeric">
                <Amount value={installment.interest} isBare />
              </td>
              <td className="numeric">
                <Amount
                  value={(
                    BigInt(installment.principalPaid) + BigInt(installment.interestPaid)
                  ).toString()}
                  isBare
                />
              </td>
              <td className="nowrap">{t(`loans.installmentStatuses.${installment.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Installments as plain amounts (no paid state): a bank's schedule, or a superseded one. */
export function InstallmentAmountsTable({
  label,
  testId,
  rows,
}: {
  label: string;
  testId: string;
  rows: readonly {
    number: number;
    dueDate: string;
    total: string;
    principal: string;
    interest: string;
  }[];
}) {
  const { locale } = useLocale();
  return (
    <TableScroll label={label}>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <InstallmentHeadCells />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.number}>
              <td>{row.number}</td>
              <td className="nowrap">{formatDate(row.dueDate, locale)}</td>
              <td className="numeric">
                <Amount value={row.total} isBare />
              </td>
              <td className="numeric">
                <Amount value={row.principal} isBare />
              </td>
              <td className="numeric">
                <Amount value={row.interest} isBare />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RepaymentsTable({ repayments }: { repayments: readonly LoanRepayment[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (repayments.length === 0) return <p className="muted small">{t('loans.repayments.empty')}</p>;
  return (
    <TableScroll label={t('loans.repayments.title')}>
      <table className="data-table" data-testid="loan-repayments">
        <thead>
          <tr>
            <th scope="col">{t('loans.repayments.date')}</th>
            <th scope="col" className="numeric">
              {t('loans.repayments.amount')}
            </th>
            <th scope="col" className="numeric">
              {t('loans.repayments.allocation')}
            </th>
            <th scope="col">{t('loans.repayments.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {repayments.map((repayment) => (
            <tr key={repayment.id} data-testid="loan-repayment">
              <td className="nowrap">{formatDate(repayment.paidOn, locale)}</td>
              <td className="numeric">
                <Amount value={repayment.amount} isBare />
              </td>
              <td className="numeric nowrap">
                <Amount value={repayment.penalty} isBare /> /{' '}
                <Amount value={repayment.interest} isBare /> /{' '}
                <Amount value={repayment.principal} isBare />
              </td>
              <td>
                {t(`loans.teller.channels.${repayment.channel}`)}
                {repayment.isPayoff && ` (${t('loans.repayments.payoff')})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A repayment receipt, laid out to print on its own (`.print-area`, as the savings receipt). */
export function RepaymentReceipt({
  repayment,
  memberLine,
  cooperativeName,
}: {
  repayment: LoanRepayment;
  memberLine: string;
  cooperativeName: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const lines = [
    ['penalty', repayment.penalty],
    ['interest', repayment.interest],
    ['principal', repayment.principal],
    ['outstanding', repayment.principalOutstandingAfter],
  ] as const;
  return (
    <article className="card receipt print-area" data-testid="loan-receipt">
      <header className="receipt-head">
        <p className="receipt-coop">{cooperativeName}</p>
        <h2>{repayment.isPayoff ? t('loans.receipt.payoffTitle') : t('loans.receipt.title')}</h2>
      </header>
      <dl className="details receipt-lines">
        <dt>{t('loans.receipt.member')}</dt>
        <dd data-testid="loan-receipt-member">{memberLine}</dd>
        <dt>{t('loans.receipt.amount')}</dt>
        <dd
          className="receipt-amount"
          data-testid="loan-receipt-amount"
          data-amount={repayment.amount}
        >
          <Amount value={repayment.amount} />
        </dd>
        {lines.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`loans.receipt.${key}`)}</dt>
            <dd data-testid={`loan-receipt-${key}`} data-amount={value}>
              <Amount value={value} />
            </dd>
          </Fragment>
        ))}
        <dt>{t('loans.receipt.status')}</dt>
        <dd>{t(`loans.statuses.${repayment.loanStatus}`)}</dd>
        <dt>{t('loans.receipt.channel')}</dt>
        <dd>{t(`loans.teller.channels.${repayment.channel}`)}</dd>
        <dt>{t('loans.receipt.paidOn')}</dt>
        <dd>{formatDate(repayment.paidOn, locale)}</dd>
      </dl>
      <p className="hash small" title={repayment.entryId}>
        {t('loans.receipt.entry')}: {repayment.entryId.slice(0, 13)}…
      </p>
    </article>
  );
}
