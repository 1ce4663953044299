import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { accountLabel, byCode } from './account-lookup';
import { formatDate, isIsoDate, startOfYear, todayIso } from './dates';
import { useAccounts, useGeneralLedger } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import { Amount, TableScroll } from './ledger-ui';

/** `/pembukuan/buku-besar/:accountId`: an account's lines with the running balance. */
export function GeneralLedgerPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { accountId = '' } = useParams();
  const { cooperativeId } = useLedgerScope();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const fromParam = params.get('dari') ?? '';
  const toParam = params.get('sampai') ?? '';
  const range = {
    from: isIsoDate(fromParam) ? fromParam : startOfYear(today),
    to: isIsoDate(toParam) ? toParam : today,
  };
  const [draft, setDraft] = useState(range);
  const accounts = useAccounts(cooperativeId);
  const ledger = useGeneralLedger(cooperativeId, accountId, range);
  const firstPage = ledger.data?.pages[0];
  const lines = ledger.data?.pages.flatMap((page) => page.lines) ?? [];
  const options = [...(accounts.data ?? [])].sort(byCode);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ dari: draft.from, sampai: draft.to }, { replace: true });
  }

  return (
    <>
      <h1>
        {t('ledger.generalLedger.title')}
        {firstPage && <span className="subtitle">{accountLabel(firstPage.account)}</span>}
      </h1>
      <form className="card form" onSubmit={submit}>
        <label className="field">
          <span>{t('ledger.generalLedger.account')}</span>
          <select
            value={accountId}
            onChange={(event) => {
              const search = params.toString();
              void navigate(
                `/pembukuan/buku-besar/${event.target.value}${search ? `?${search}` : ''}`,
              );
            }}
            data-testid="gl-account"
          >
            {options.length === 0 && <option value={accountId}>…</option>}
            {options.map((account) => (
              <option key={account.id} value={account.id}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('ledger.generalLedger.from')}</span>
            <input
              type="date"
              required
              value={draft.from}
              onChange={(event) => {
                setDraft({ ...draft, from: event.target.value });
              }}
            />
          </label>
          <label className="field">
            <span>{t('ledger.generalLedger.to')}</span>
            <input
              type="date"
              required
              value={draft.to}
              onChange={(event) => {
                setDraft({ ...draft, to: event.target.value });
              }}
            />
          </label>
        </div>
        <button type="submit" className="button primary">
          {t('ledger.generalLedger.show')}
        </button>
      </form>
      {ledger.isPending && <LoadingMessage />}
      {ledger.isError && <ErrorMessage error={ledger.error} />}
      {firstPage && (
        <TableScroll label={t('ledger.generalLedger.title')}>
          <table className="data-table" data-testid="gl-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.columns.date')}</th>
                <th scope="col">{t('ledger.columns.number')}</th>
                <th scope="col">{t('ledger.columns.memo')}</th>
                <th scope="col" className="numeric">
                  {t('ledger.columns.debitRp')}
                </th>
                <th scope="col" className="numeric">
                  {t('ledger.columns.creditRp')}
                </th>
                <th scope="col" className="numeric">
                  {t('ledger.columns.runningBalanceRp')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="opening-row">
                <td className="nowrap">{formatDate(firstPage.from, locale)}</td>
                <td />
                <td>{t('ledger.generalLedger.opening')}</td>
                <td />
                <td />
                <td className="numeric">
                  <Amount value={firstPage.openingBalance} isBare testId="gl-opening" />
                </td>
              </tr>
              {lines.map((line) => (
                <tr key={`${line.entryId}/${String(line.lineNumber)}`}>
                  <td className="nowrap">{formatDate(line.businessDate, locale)}</td>
                  <td className="nowrap">
                    <Link to={`/pembukuan/jurnal/${line.entryId}`}>#{line.sequence}</Link>
                  </td>
                  <td className="name-cell">{line.memo}</td>
                  <td className="numeric">
                    {line.side === 'debit' && <Amount value={line.amount} isBare />}
                  </td>
                  <td className="numeric">
                    {line.side === 'credit' && <Amount value={line.amount} isBare />}
                  </td>
                  <td className="numeric">
                    <Amount value={line.runningBalance} isBare />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {ledger.isSuccess && lines.length === 0 && (
        <p className="muted">{t('ledger.generalLedger.empty')}</p>
      )}
      {ledger.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={ledger.isFetchingNextPage}
          onClick={() => void ledger.fetchNextPage()}
          data-testid="gl-load-more"
        >
          {ledger.isFetchingNextPage ? t('app.loading') : t('ledger.loadMore')}
        </button>
      )}
    </>
  );
}
