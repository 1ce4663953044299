import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { accountsById } from './account-lookup';
import { formatDate, formatDateTime, todayIso } from './dates';
import { useAccounts, useJournalEntry, useReverseEntry } from './ledger-api';
import { useLedgerScope } from './ledger-scope';
import type { JournalEntryDetail } from './ledger-types';
import { AccountCell, Amount, Notice, TableScroll, useSourceTypeLabel } from './ledger-ui';
import { sumRupiah } from './rupiah';

function EntryLines({ entry }: { entry: JournalEntryDetail }) {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  // With sub-accounts: a line may post to a member's savings or loan account.
  const accounts = useAccounts(cooperativeId, { includeSubAccounts: true });
  const byId = accountsById(accounts.data);
  const debit = sumRupiah(entry.lines.filter((l) => l.side === 'debit').map((l) => l.amount));
  const credit = sumRupiah(entry.lines.filter((l) => l.side === 'credit').map((l) => l.amount));
  return (
    <TableScroll label={t('ledger.entry.lines')}>
      <table className="data-table" data-testid="entry-lines">
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
          {entry.lines.map((line) => {
            const account = byId.get(line.accountId);
            return (
              <tr key={line.lineNumber}>
                <td className="name-cell">
                  {account ? (
                    <AccountCell code={account.code}>
                      <Link to={`/pembukuan/buku-besar/${account.id}`}>{account.name}</Link>
                    </AccountCell>
                  ) : accounts.isPending ? (
                    '…'
                  ) : (
                    t('ledger.entry.unknownAccount')
                  )}
                  {line.memo && <span className="muted small block">{line.memo}</span>}
                </td>
                <td className="numeric">
                  {line.side === 'debit' && <Amount value={line.amount} isBare />}
                </td>
                <td className="numeric">
                  {line.side === 'credit' && <Amount value={line.amount} isBare />}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ledger.trialBalance.total')}</th>
            <td className="numeric">
              <Amount value={debit} isBare />
            </td>
            <td className="numeric">
              <Amount value={credit} isBare />
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

interface Reversed {
  id: string;
  sequence: number;
}

function ReverseForm({
  entry,
  onCancel,
  onReversed,
}: {
  entry: JournalEntryDetail;
  onCancel: () => void;
  onReversed: (reversal: Reversed) => void;
}) {
  const { t } = useTranslation();
  const { cooperativeId } = useLedgerScope();
  const reverse = useReverseEntry(cooperativeId, entry.id);
  const [businessDate, setBusinessDate] = useState(todayIso);
  const [memo, setMemo] = useState<string>(() =>
    t('ledger.entry.reverseMemoDefault', { sequence: entry.sequence }),
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    reverse.mutate({ businessDate, memo: memo.trim() }, { onSuccess: onReversed });
  }

  return (
    <form className="form" onSubmit={submit} data-testid="entry-reverse-form">
      <p className="muted small">{t('ledger.entry.reverseHelp')}</p>
      <label className="field">
        <span>{t('ledger.entry.reverseDate')}</span>
        <input
          type="date"
          required
          value={businessDate}
          onChange={(event) => {
            setBusinessDate(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t('ledger.entry.reverseMemo')}</span>
        <textarea
          required
          minLength={3}
          maxLength={500}
          rows={2}
          value={memo}
          onChange={(event) => {
            setMemo(event.target.value);
          }}
          data-testid="entry-reverse-memo"
        />
      </label>
      {reverse.isError && <ErrorMessage error={reverse.error} testId="entry-reverse-error" />}
      <div className="button-row">
        <button
          type="submit"
          className="button primary danger"
          disabled={reverse.isPending}
          data-testid="entry-reverse-submit"
        >
          {reverse.isPending ? t('ledger.entry.reversing') : t('ledger.entry.reverseSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('ledger.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReversalStatus({ entry }: { entry: JournalEntryDetail }) {
  const { t } = useTranslation();
  const { permissions } = useLedgerScope();
  const [isReversing, setIsReversing] = useState(false);
  const [reversed, setReversed] = useState<Reversed | null>(null);
  return (
    <section className="card section" data-testid="entry-reversal">
      <h2>{t('ledger.entry.reversal')}</h2>
      {reversed && (
        <Notice testId="entry-reversed">
          {t('ledger.entry.reversed', { sequence: reversed.sequence })}{' '}
          <Link to={`/pembukuan/jurnal/${reversed.id}`}>{t('ledger.manual.viewEntry')}</Link>
        </Notice>
      )}
      {entry.reversesEntryId && (
        <p>
          {t('ledger.entry.reverses')}{' '}
          <Link to={`/pembukuan/jurnal/${entry.reversesEntryId}`}>
            {t('ledger.entry.openEntry')}
          </Link>
        </p>
      )}
      {entry.reversedByEntryId ? (
        <p data-testid="entry-reversed-by">
          {t('ledger.entry.reversedBy')}{' '}
          <Link to={`/pembukuan/jurnal/${entry.reversedByEntryId}`}>
            {t('ledger.entry.openEntry')}
          </Link>
        </p>
      ) : (
        <>
          {!entry.reversesEntryId && <p className="muted">{t('ledger.entry.notReversed')}</p>}
          {permissions.canReverse &&
            (isReversing ? (
              <ReverseForm
                entry={entry}
                onCancel={() => {
                  setIsReversing(false);
                }}
                onReversed={(reversal) => {
                  setIsReversing(false);
                  setReversed(reversal);
                }}
              />
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setIsReversing(true);
                }}
                data-testid="entry-reverse"
              >
                {t('ledger.entry.reverse')}
              </button>
            ))}
        </>
      )}
    </section>
  );
}

/** `/pembukuan/jurnal/:entryId`: one entry, its lines, its place in the hash chain. */
export function JournalEntryPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { entryId = '' } = useParams();
  const { cooperativeId } = useLedgerScope();
  const entry = useJournalEntry(cooperativeId, entryId);
  const sourceLabel = useSourceTypeLabel();

  return (
    <>
      <Link to="/pembukuan/jurnal" className="back-link">
        ← {t('ledger.entry.back')}
      </Link>
      {entry.isPending && <LoadingMessage />}
      {entry.isError && <ErrorMessage error={entry.error} />}
      {entry.data && (
        <>
          <h1 data-testid="entry-title">
            {t('ledger.entry.title', { sequence: entry.data.sequence })}
          </h1>
          <dl className="details card">
            <dt>{t('ledger.entry.businessDate')}</dt>
            <dd>{formatDate(entry.data.businessDate, locale)}</dd>
            <dt>{t('ledger.entry.postedAt')}</dt>
            <dd>{formatDateTime(entry.data.postedAt, locale)}</dd>
            <dt>{t('ledger.entry.source')}</dt>
            <dd>
              {sourceLabel(entry.data.sourceType)}
              <span className="muted small block hash">{entry.data.sourceId}</span>
            </dd>
            <dt>{t('ledger.entry.memo')}</dt>
            <dd data-testid="entry-memo">{entry.data.memo}</dd>
            <dt>{t('ledger.entry.total')}</dt>
            <dd>
              <Amount value={entry.data.totalAmount} testId="entry-total" />
            </dd>
          </dl>
          <h2 className="section-title">{t('ledger.entry.lines')}</h2>
          <EntryLines entry={entry.data} />
          <section className="card section">
            <h2>{t('ledger.entry.chain')}</h2>
            <p className="muted small">{t('ledger.entry.chainHelp')}</p>
            <dl className="details">
              <dt>{t('ledger.entry.hash')}</dt>
              <dd>
                <code className="hash" data-testid="entry-hash">
                  {entry.data.hash}
                </code>
              </dd>
              <dt>{t('ledger.entry.prevHash')}</dt>
              <dd>
                <code className="hash" data-testid="entry-prev-hash">
                  {entry.data.prevHash}
                </code>
              </dd>
            </dl>
          </section>
          <ReversalStatus entry={entry.data} />
        </>
      )}
    </>
  );
}
