import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, formatDateTime, todayIso } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { useRescheduleLoan, useSetAutoDebit } from './loans-api';
import { bpsToPercentText } from './loans-helpers';
import { InputField } from './form-fields';
import { InstallmentAmountsTable, looseT, type LoanScope } from './loans-ui';
import {
  addDays,
  emptyRescheduleFields,
  readRescheduleForm,
  rescheduleWindowDays,
  type RescheduleErrors,
  type RescheduleFields,
} from './servicing-helpers';
import type { LoanAutoDebit, LoanDetail, LoanReschedule } from './loans-types';

// --- Reschedule ---------------------------------------------------------------------------------

/** The board reschedules a running loan: new installments, rate and start, with a reason. */
export function RescheduleForm({ scope, loan }: { scope: LoanScope; loan: LoanDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const reschedule = useRescheduleLoan(scope.cooperativeId);
  const today = todayIso();
  const [fields, setFields] = useState<RescheduleFields>(() => emptyRescheduleFields(today));
  const [errors, setErrors] = useState<RescheduleErrors>({});
  const [isDone, setIsDone] = useState(false);
  const set = (key: keyof RescheduleFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
  };
  const errorText = (key: keyof RescheduleFields) => {
    const code = errors[key];
    return code === undefined
      ? undefined
      : looseT(t)(`loans.reschedule.errors.${code}`, {
          last: formatDate(addDays(today, rescheduleWindowDays), locale),
        });
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readRescheduleForm(fields, todayIso());
    setErrors(result.ok ? {} : result.errors);
    setIsDone(false);
    if (!result.ok) return;
    reschedule.mutate(
      { loanId: loan.id, ...result.value },
      {
        onSuccess: () => {
          setIsDone(true);
          setFields(emptyRescheduleFields(todayIso()));
        },
      },
    );
  }
  return (
    <details className="card section" data-testid="reschedule">
      <summary data-testid="reschedule-toggle">{t('loans.reschedule.title')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="reschedule-form">
        <p className="muted small">{t('loans.reschedule.intro')}</p>
        <InputField
          label={t('loans.reschedule.installments')}
          value={fields.newInstallments}
          onChange={set('newInstallments')}
          error={errorText('newInstallments')}
          inputMode="numeric"
          testId="reschedule-installments"
        />
        <InputField
          label={t('loans.reschedule.rate')}
          value={fields.newRatePercent}
          onChange={set('newRatePercent')}
          error={errorText('newRatePercent')}
          hint={t('loans.reschedule.rateHint', {
            rate: bpsToPercentText(loan.interestRateBpsPerMonth, locale),
          })}
          inputMode="decimal"
          testId="reschedule-rate"
        />
        <InputField
          label={t('loans.reschedule.effectiveDate')}
          type="date"
          value={fields.effectiveDate}
          onChange={set('effectiveDate')}
          error={errorText('effectiveDate')}
          hint={t('loans.reschedule.effectiveHint')}
          testId="reschedule-date"
        />
        <label className="field">
          {t('loans.reschedule.reason')}
          <textarea
            rows={2}
            maxLength={500}
            value={fields.reason}
            onChange={(event) => {
              set('reason')(event.target.value);
            }}
            aria-invalid={errors.reason ? true : undefined}
            data-testid="reschedule-reason"
          />
          {errors.reason && <span className="field-error">{errorText('reason')}</span>}
        </label>
        {isDone && <Notice testId="reschedule-done">{t('loans.reschedule.done')}</Notice>}
        {reschedule.isError && <ErrorMessage error={reschedule.error} testId="reschedule-error" />}
        <button
          type="submit"
          className="button primary"
          disabled={reschedule.isPending}
          data-testid="reschedule-submit"
        >
          {reschedule.isPending ? t('loans.saving') : t('loans.reschedule.submit')}
        </button>
      </form>
    </details>
  );
}

function SupersededSchedule({ reschedule }: { reschedule: LoanReschedule }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary className="small">
        {t('loans.reschedule.superseded', { count: reschedule.supersededSchedule.length })}
      </summary>
      <InstallmentAmountsTable
        label={t('loans.reschedule.supersededTitle')}
        testId="reschedule-superseded"
        rows={reschedule.supersededSchedule}
      />
    </details>
  );
}

/** Every reschedule, oldest first: terms before and after, who and why, the old schedule. */
export function RescheduleHistory({ reschedules }: { reschedules: readonly LoanReschedule[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (reschedules.length === 0) return null;
  return (
    <section className="section" data-testid="reschedule-history">
      <h2>{t('loans.reschedule.history')}</h2>
      <ul className="plain-list stack">
        {reschedules.map((item) => (
          <li key={item.id} className="card small" data-testid="reschedule-item">
            <p>
              <strong>{formatDate(item.effectiveDate, locale)}</strong> — {item.approverName} (
              {item.approverRoles
                .map((role) => t(`roles.${role}` as 'roles.ketua', { defaultValue: role }))
                .join(', ')}
              ), {formatDateTime(item.approvedAt, locale)}
            </p>
            <p className="muted">“{item.reason}”</p>
            <p>
              {t('loans.reschedule.change', {
                before: item.before.remainingInstallments,
                beforeRate: bpsToPercentText(item.before.interestRateBpsPerMonth, locale),
                beforeLast: formatDate(item.before.lastDueDate, locale),
                after: item.after.newInstallments,
                afterRate: bpsToPercentText(item.after.interestRateBpsPerMonth, locale),
                afterLast: formatDate(item.after.lastDueDate, locale),
              })}
            </p>
            <p>
              {t('loans.reschedule.carried')} <Amount value={item.principalOutstanding} /> ·{' '}
              {t('loans.reschedule.interestCarried')} <Amount value={item.interestCarried} /> ·{' '}
              {t('loans.reschedule.penaltyWaived')} <Amount value={item.penaltyWaived} />
            </p>
            <SupersededSchedule reschedule={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

// --- Auto-debit ---------------------------------------------------------------------------------

/** Auto-debit on the due date: shows whether it is on and switches it. */
export function AutoDebitPanel({
  scope,
  loanId,
  isAutoDebit,
}: {
  scope: LoanScope;
  loanId: string;
  isAutoDebit: boolean;
}) {
  const { t } = useTranslation();
  const setAutoDebit = useSetAutoDebit(scope.cooperativeId);
  const [state, setState] = useState<LoanAutoDebit | null>(null);
  const isOn = state?.isAutoDebit ?? isAutoDebit;
  const choose = (next: boolean) => {
    setAutoDebit.mutate({ loanId, isAutoDebit: next }, { onSuccess: setState });
  };
  return (
    <section className="card section" data-testid="auto-debit">
      <h2>{t('loans.autoDebit.title')}</h2>
      <p className="muted small">{t('loans.autoDebit.intro')}</p>
      <Notice testId="auto-debit-state">
        {isOn ? t('loans.autoDebit.on') : t('loans.autoDebit.off')}
      </Notice>
      {setAutoDebit.isError && (
        <ErrorMessage error={setAutoDebit.error} testId="auto-debit-error" />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={setAutoDebit.isPending || isOn}
          onClick={() => {
            choose(true);
          }}
          data-testid="auto-debit-on"
        >
          {t('loans.autoDebit.turnOn')}
        </button>
        <button
          type="button"
          className="button"
          disabled={setAutoDebit.isPending || !isOn}
          onClick={() => {
            choose(false);
          }}
          data-testid="auto-debit-off"
        >
          {t('loans.autoDebit.turnOff')}
        </button>
      </div>
    </section>
  );
}
