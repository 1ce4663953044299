import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, todayIso } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { useRunDayEnd } from './day-end-api';
import { InputField } from './form-fields';
import type { LoanScope } from './loans-ui';
import { isDayEndDate } from './servicing-helpers';
import type { LoanDayEndRun } from './loans-types';

function RunResult({ run }: { run: LoanDayEndRun }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows = [
    ['totalOutstanding', run.totalOutstanding],
    ['penaltyAccrued', run.penaltyAccrued],
    ['autoDebitAmount', run.autoDebitAmount],
    ['bookedAllowanceBefore', run.bookedAllowanceBefore],
    ['requiredAllowance', run.requiredAllowance],
  ] as const;
  return (
    <div data-testid="day-end-result" data-business-date={run.businessDate}>
      <Notice testId="day-end-done">
        {t('loans.dayEnd.done', {
          date: formatDate(run.businessDate, locale),
          count: run.loanCount,
          overdue: run.overdueLoanCount,
        })}
      </Notice>
      <dl className="totals">
        {rows.map(([key, value]) => (
          <div key={key} className="totals-row">
            <dt>{t(`loans.dayEnd.figures.${key}`)}</dt>
            <dd data-testid={`day-end-${key}`} data-amount={value}>
              <Amount value={value} />
            </dd>
          </div>
        ))}
        <div className="totals-row">
          <dt>{t('loans.dayEnd.figures.autoDebitCount')}</dt>
          <dd>{run.autoDebitCount}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * Closes a lending day (bendahara, manajer): auto-debits, aging, penalties and the allowance.
 * Once per date; the server refuses a date before the last run or in the future.
 */
export function DayEndRunPanel({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const run = useRunDayEnd(scope.cooperativeId);
  const [businessDate, setBusinessDate] = useState(todayIso);
  const [hasError, setHasError] = useState(false);
  const [result, setResult] = useState<LoanDayEndRun | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const isValid = isDayEndDate(businessDate, todayIso());
    setHasError(!isValid);
    setResult(null);
    if (isValid) run.mutate({ businessDate }, { onSuccess: setResult });
  }
  return (
    <section className="card section" data-testid="day-end">
      <h2>{t('loans.dayEnd.title')}</h2>
      <p className="muted small">{t('loans.dayEnd.intro')}</p>
      {scope.loans.canRunDayEnd && (
        <form className="form" onSubmit={submit} noValidate data-testid="day-end-form">
          <InputField
            label={t('loans.dayEnd.date')}
            type="date"
            value={businessDate}
            onChange={setBusinessDate}
            error={hasError ? t('loans.dayEnd.dateError') : undefined}
            testId="day-end-date"
          />
          {result && <RunResult run={result} />}
          {run.isError && <ErrorMessage error={run.error} testId="day-end-error" />}
          <button
            type="submit"
            className="button primary"
            disabled={run.isPending}
            data-testid="day-end-run"
          >
            {run.isPending ? t('loans.dayEnd.running') : t('loans.dayEnd.run')}
          </button>
        </form>
      )}
      <Link to="/pinjaman/tutup-hari" className="small" data-testid="day-end-settings-link">
        {t('loans.dayEnd.settingsLink')} →
      </Link>
    </section>
  );
}
