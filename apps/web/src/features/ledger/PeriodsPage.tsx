import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDateTime, formatPeriod, isPeriod, monthOf, previousMonth, todayIso } from './dates';
import { useClosedPeriods, useClosePeriod } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import { Notice } from './ledger-ui';

function ClosePeriodForm({ onClosed }: { onClosed: (period: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cooperativeId } = useLedgerScope();
  const closePeriod = useClosePeriod(cooperativeId);
  const [period, setPeriod] = useState(() => previousMonth(monthOf(todayIso())));
  const [isConfirming, setIsConfirming] = useState(false);
  const label = formatPeriod(period, locale);

  function askToConfirm(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPeriod(period)) setIsConfirming(true);
  }

  function confirm() {
    closePeriod.mutate(
      { period },
      {
        onSuccess: () => {
          setIsConfirming(false);
          onClosed(period);
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={askToConfirm} data-testid="period-close-form">
      <label className="field">
        <span>{t('ledger.periods.month')}</span>
        <input
          type="month"
          required
          pattern="\d{4}-\d{2}"
          value={period}
          onChange={(event) => {
            setPeriod(event.target.value);
            setIsConfirming(false);
            closePeriod.reset();
          }}
          data-testid="period-close-month"
        />
      </label>
      {!isConfirming && (
        <button type="submit" className="button primary" data-testid="period-close">
          {t('ledger.periods.close')}
        </button>
      )}
      {isConfirming && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="period-confirm-text">
          <p id="period-confirm-text">{t('ledger.periods.confirm', { period: label })}</p>
          {closePeriod.isError && (
            <ErrorMessage error={closePeriod.error} testId="period-close-error" />
          )}
          <div className="button-row">
            <button
              type="button"
              className="button primary danger"
              disabled={closePeriod.isPending}
              onClick={confirm}
              data-testid="period-close-confirm"
            >
              {closePeriod.isPending
                ? t('ledger.periods.closing')
                : t('ledger.periods.confirmYes', { period: label })}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setIsConfirming(false);
                closePeriod.reset();
              }}
            >
              {t('ledger.cancel')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

/** `/pembukuan/periode`: the closed months, and closing one (bendahara or ketua). */
export function PeriodsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cooperativeId, permissions } = useLedgerScope();
  const periods = useClosedPeriods(cooperativeId);
  const [closed, setClosed] = useState<string | null>(null);
  const items = [...(periods.data ?? [])].sort((a, b) => b.period.localeCompare(a.period));

  return (
    <>
      <h1>{t('ledger.periods.title')}</h1>
      <p className="muted">{t('ledger.periods.intro')}</p>
      {closed && (
        <Notice testId="period-closed">
          {t('ledger.periods.closedOk', { period: formatPeriod(closed, locale) })}
        </Notice>
      )}
      {permissions.canClosePeriod ? (
        <ClosePeriodForm onClosed={setClosed} />
      ) : (
        <p className="muted small">{t('ledger.periods.cannotClose')}</p>
      )}
      <h2 className="section-title">{t('ledger.periods.closedTitle')}</h2>
      {periods.isPending && <LoadingMessage />}
      {periods.isError && <ErrorMessage error={periods.error} />}
      {periods.isSuccess && items.length === 0 && (
        <p className="muted">{t('ledger.periods.none')}</p>
      )}
      <ul className="stack" data-testid="closed-periods">
        {items.map((item) => (
          <li key={item.period} className="card period-item" data-period={item.period}>
            <strong>{formatPeriod(item.period, locale)}</strong>
            <span className="muted small">
              {t('ledger.periods.closedAt', { date: formatDateTime(item.closedAt, locale) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
