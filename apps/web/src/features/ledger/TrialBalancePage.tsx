import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { byCode } from './account-lookup';
import { formatDate, isIsoDate, todayIso } from './dates';
import { useTrialBalance } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import { AccountCell, Amount, TableScroll } from './ledger-ui';

/** `/pembukuan/neraca-saldo`: every account's balance in the debit or credit column, at a date. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cooperativeId } = useLedgerScope();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('per') ?? '';
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayIso();
  const [draft, setDraft] = useState(asOf);
  const trialBalance = useTrialBalance(cooperativeId, asOf);
  const data = trialBalance.data;
  const lines = [...(data?.lines ?? [])].sort(byCode);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ per: draft }, { replace: true });
  }

  return (
    <>
      <div className="title-row">
        <h1>{t('ledger.trialBalance.title')}</h1>
        {data && (
          <span
            className={data.isBalanced ? 'badge ok-badge' : 'badge danger-badge'}
            data-testid="trial-balance-status"
            data-balanced={data.isBalanced}
          >
            {data.isBalanced
              ? `✓ ${t('ledger.trialBalance.balanced')}`
              : `✗ ${t('ledger.trialBalance.notBalanced')}`}
          </span>
        )}
      </div>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{t('ledger.trialBalance.asOf')}</span>
          <input
            type="date"
            required
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
            data-testid="trial-balance-as-of"
          />
        </label>
        <button type="submit" className="button">
          {t('ledger.trialBalance.show')}
        </button>
      </form>
      {trialBalance.isPending && <LoadingMessage />}
      {trialBalance.isError && <ErrorMessage error={trialBalance.error} />}
      {data && (
        <>
          <p className="muted small">{formatDate(data.asOf, locale)}</p>
          {lines.length === 0 ? (
            <p className="muted">{t('ledger.trialBalance.empty')}</p>
          ) : (
            <TableScroll label={t('ledger.trialBalance.title')}>
              <table className="data-table" data-testid="trial-balance-table">
                <thead>
                  <tr>
                    <th scope="col">{t('ledger.columns.account')}</th>
                    <th scope="col" className="numeric">
                      {t('ledger.columns.debitRp')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('ledger.columns.creditRp')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.accountId} data-testid="trial-balance-line" data-code={line.code}>
                      <td className="name-cell">
                        <AccountCell code={line.code}>
                          <Link to={`/pembukuan/buku-besar/${line.accountId}`}>{line.name}</Link>
                        </AccountCell>
                      </td>
                      <td className="numeric">
                        {line.debit !== '0' && <Amount value={line.debit} isBare />}
                      </td>
                      <td className="numeric">
                        {line.credit !== '0' && <Amount value={line.credit} isBare />}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('ledger.trialBalance.total')}</th>
                    <td className="numeric">
                      <Amount value={data.debitTotal} isBare testId="trial-balance-debit" />
                    </td>
                    <td className="numeric">
                      <Amount value={data.creditTotal} isBare testId="trial-balance-credit" />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}
