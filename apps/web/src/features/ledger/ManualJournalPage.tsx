import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { accountLabel, accountsById, postableAccounts } from './account-lookup';
import { formatDate, formatDateTime, todayIso } from './dates';
import {
  checkManualJournal,
  type DraftLine,
  type JournalProblem,
  type Side,
} from './journal-balance';
import {
  useAccounts,
  useDecideManualJournal,
  useManualJournals,
  usePrepareManualJournal,
} from './ledger-api';
import { canDecideManualJournal } from './ledger-roles';
import { useLedgerScope } from './ledger-scope';
import type { AccountView, ManualJournalView } from './ledger-types';
import { Amount, Notice } from './ledger-ui';
import { formatRupiah, sumRupiah } from './rupiah';

interface FormLine extends DraftLine {
  /** Stable React key: lines can be removed from the middle. */
  key: number;
}

let nextLineKey = 1;
function emptyLine(side: Side): FormLine {
  return { key: nextLineKey++, accountId: '', side, amount: '' };
}

function initialLines(): FormLine[] {
  return [emptyLine('debit'), emptyLine('credit')];
}

function useProblemText(): (problem: JournalProblem) => string | null {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.kind) {
      case 'too_few_lines':
        return t('ledger.manual.tooFewLines');
      case 'account_missing':
        return t('ledger.manual.accountMissing', { lines: problem.lineNumbers.join(', ') });
      case 'amount_invalid':
        return t('ledger.manual.amountInvalid', { lines: problem.lineNumbers.join(', ') });
      case 'one_sided':
        return t('ledger.manual.oneSided');
      case 'not_balanced':
        return null; // shown live in the totals box
    }
  };
}

function LineFields({
  line,
  number,
  accounts,
  canRemove,
  onChange,
  onRemove,
}: {
  line: FormLine;
  number: number;
  accounts: readonly AccountView[];
  canRemove: boolean;
  onChange: (line: FormLine) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const testId = `manual-line-${String(number)}`;
  return (
    <fieldset className="journal-line" data-testid={testId}>
      <legend>{t('ledger.manual.line', { number })}</legend>
      <label className="field">
        <span>{t('ledger.manual.account')}</span>
        <select
          required
          value={line.accountId}
          onChange={(event) => {
            onChange({ ...line, accountId: event.target.value });
          }}
          data-testid={`${testId}-account`}
        >
          <option value="">{t('ledger.manual.chooseAccount')}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {accountLabel(account)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field side-field">
          <span>{t('ledger.manual.side')}</span>
          <select
            value={line.side}
            onChange={(event) => {
              onChange({ ...line, side: event.target.value as Side });
            }}
            data-testid={`${testId}-side`}
          >
            <option value="debit">{t('ledger.sides.debit')}</option>
            <option value="credit">{t('ledger.sides.credit')}</option>
          </select>
        </label>
        <label className="field amount-field">
          <span>{t('ledger.manual.amount')}</span>
          <input
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('ledger.manual.amountHint')}
            value={line.amount}
            onChange={(event) => {
              onChange({ ...line, amount: event.target.value });
            }}
            data-testid={`${testId}-amount`}
          />
        </label>
      </div>
      {canRemove && (
        <button
          type="button"
          className="button small link-button"
          onClick={onRemove}
          data-testid={`${testId}-remove`}
        >
          {t('ledger.manual.removeLine', { number })}
        </button>
      )}
    </fieldset>
  );
}

/** The maker's form: date, memo, lines; live totals; sends a balanced journal for approval. */
function PrepareForm({ onPrepared }: { onPrepared: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cooperativeId } = useLedgerScope();
  const accounts = useAccounts(cooperativeId);
  const prepare = usePrepareManualJournal(cooperativeId);
  const problemText = useProblemText();
  const [businessDate, setBusinessDate] = useState(todayIso);
  const [memo, setMemo] = useState('');
  const [lines, setLines] = useState(initialLines);
  const [wasSubmitted, setWasSubmitted] = useState(false);
  const check = checkManualJournal(lines);
  const isMemoValid = memo.trim().length >= 3;
  const options = postableAccounts(accounts.data ?? []);
  const shownProblems = wasSubmitted
    ? check.problems.map(problemText).filter((text) => text !== null)
    : [];

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setWasSubmitted(true);
    if (check.problems.length > 0 || !check.isBalanced || !isMemoValid) return;
    prepare.mutate(
      { businessDate, memo: memo.trim(), lines: check.lines },
      {
        onSuccess: () => {
          setMemo('');
          setLines(initialLines());
          setWasSubmitted(false);
          onPrepared();
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="manual-form">
      <h2>{t('ledger.manual.formTitle')}</h2>
      <label className="field">
        <span>{t('ledger.manual.date')}</span>
        <input
          type="date"
          required
          value={businessDate}
          onChange={(event) => {
            setBusinessDate(event.target.value);
          }}
          data-testid="manual-date"
        />
      </label>
      <label className="field">
        <span>{t('ledger.manual.memo')}</span>
        <textarea
          required
          minLength={3}
          maxLength={500}
          rows={2}
          placeholder={t('ledger.manual.memoHint')}
          value={memo}
          onChange={(event) => {
            setMemo(event.target.value);
          }}
          data-testid="manual-memo"
        />
      </label>
      {accounts.isError && <ErrorMessage error={accounts.error} />}
      {lines.map((line, index) => (
        <LineFields
          key={line.key}
          line={line}
          number={index + 1}
          accounts={options}
          canRemove={lines.length > 2}
          onChange={(changed) => {
            setLines(lines.map((candidate) => (candidate.key === line.key ? changed : candidate)));
          }}
          onRemove={() => {
            setLines(lines.filter((candidate) => candidate.key !== line.key));
          }}
        />
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          setLines([...lines, emptyLine(check.difference.startsWith('-') ? 'debit' : 'credit')]);
        }}
        data-testid="manual-add-line"
      >
        + {t('ledger.manual.addLine')}
      </button>
      <div className="totals-box" aria-live="polite">
        <dl className="totals">
          <dt>{t('ledger.manual.totalDebit')}</dt>
          <dd>
            <Amount value={check.debitTotal} testId="manual-total-debit" />
          </dd>
          <dt>{t('ledger.manual.totalCredit')}</dt>
          <dd>
            <Amount value={check.creditTotal} testId="manual-total-credit" />
          </dd>
        </dl>
        {check.difference !== '0' ? (
          <p className="error" data-testid="manual-balance" data-balanced="false">
            {t('ledger.manual.notBalanced', {
              difference: formatRupiah(check.difference.replace(/^-/, ''), locale),
            })}
          </p>
        ) : (
          check.isBalanced && (
            <p className="badge ok-badge" data-testid="manual-balance" data-balanced="true">
              ✓ {t('ledger.manual.balanced')}
            </p>
          )
        )}
      </div>
      {wasSubmitted && !isMemoValid && <p className="error">{t('ledger.manual.memoTooShort')}</p>}
      {shownProblems.map((text) => (
        <p key={text} className="error">
          {text}
        </p>
      ))}
      {prepare.isError && <ErrorMessage error={prepare.error} testId="manual-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={prepare.isPending}
        data-testid="manual-submit"
      >
        {prepare.isPending ? t('ledger.manual.submitting') : t('ledger.manual.submit')}
      </button>
    </form>
  );
}

function QueueItem({
  journal,
  accounts,
  onDecided,
}: {
  journal: ManualJournalView;
  accounts: ReadonlyMap<string, AccountView>;
  onDecided: (decision: 'approved' | 'rejected', entryId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cooperativeId, personId, permissions } = useLedgerScope();
  const decide = useDecideManualJournal(cooperativeId);
  const [isRejecting, setIsRejecting] = useState(false);
  const [note, setNote] = useState('');
  const isOwn = journal.preparedBy === personId;
  const canDecide = canDecideManualJournal(permissions, journal, personId);
  const total = sumRupiah(
    journal.lines.filter((line) => line.side === 'debit').map((line) => line.amount),
  );

  function approve() {
    decide.mutate(
      { draftId: journal.id, decision: 'approval' },
      {
        onSuccess: (decided) => {
          onDecided('approved', decided.entryId);
        },
      },
    );
  }

  function reject(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    decide.mutate(
      { draftId: journal.id, decision: 'rejection', note: note.trim() },
      {
        onSuccess: () => {
          onDecided('rejected', null);
        },
      },
    );
  }

  return (
    <li className="card queue-item" data-testid="manual-queue-item" data-draft-id={journal.id}>
      <div className="entry-card-head">
        <strong>{formatDate(journal.businessDate, locale)}</strong>
        <Amount value={total} />
      </div>
      <p className="entry-memo" data-testid="manual-queue-memo">
        {journal.memo}
      </p>
      <ul className="plain-list small journal-lines-list">
        {journal.lines.map((line, index) => {
          const account = accounts.get(line.accountId);
          return (
            <li key={index} className={line.side === 'credit' ? 'credit-line' : undefined}>
              <span>
                {account ? accountLabel(account) : t('ledger.entry.unknownAccount')} ·{' '}
                {t(`ledger.sides.${line.side}`)}
              </span>
              <Amount value={line.amount} />
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        {t('ledger.manual.preparedOn', { date: formatDateTime(journal.preparedAt, locale) })}
      </p>
      {isOwn && (
        <p className="muted small" data-testid="manual-prepared-by-you">
          {t('ledger.manual.preparedByYou')}
        </p>
      )}
      {decide.isError && <ErrorMessage error={decide.error} testId="manual-decide-error" />}
      {canDecide && !isRejecting && (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={decide.isPending}
            onClick={approve}
            data-testid="manual-approve"
          >
            {decide.isPending ? t('ledger.manual.approving') : t('ledger.manual.approve')}
          </button>
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => {
              setIsRejecting(true);
            }}
            data-testid="manual-reject"
          >
            {t('ledger.manual.reject')}
          </button>
        </div>
      )}
      {canDecide && isRejecting && (
        <form className="form" onSubmit={reject}>
          <label className="field">
            <span>{t('ledger.manual.rejectNote')}</span>
            <textarea
              required
              minLength={3}
              maxLength={500}
              rows={2}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
              }}
              data-testid="manual-reject-note"
            />
          </label>
          <div className="button-row">
            <button
              type="submit"
              className="button primary danger"
              disabled={decide.isPending || note.trim().length < 3}
              data-testid="manual-reject-confirm"
            >
              {decide.isPending ? t('ledger.manual.rejecting') : t('ledger.manual.confirmReject')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setIsRejecting(false);
              }}
            >
              {t('ledger.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

type PageNotice =
  { kind: 'prepared' } | { kind: 'approved'; entryId: string | null } | { kind: 'rejected' };

/** `/pembukuan/jurnal-manual`: the maker prepares, another officer (the checker) decides. */
export function ManualJournalPage() {
  const { t } = useTranslation();
  const { cooperativeId, permissions } = useLedgerScope();
  const queue = useManualJournals(cooperativeId);
  const allAccounts = useAccounts(cooperativeId, { includeSubAccounts: true });
  const accounts = accountsById(allAccounts.data);
  const [notice, setNotice] = useState<PageNotice | null>(null);

  return (
    <>
      <h1>{t('ledger.manual.title')}</h1>
      <p className="muted">{t('ledger.manual.intro')}</p>
      {notice && (
        <Notice testId="manual-notice">
          {t(`ledger.manual.${notice.kind}`)}
          {notice.kind === 'approved' && notice.entryId && (
            <>
              {' '}
              <Link to={`/pembukuan/jurnal/${notice.entryId}`}>{t('ledger.manual.viewEntry')}</Link>
            </>
          )}
        </Notice>
      )}
      {permissions.canPrepareJournal ? (
        <PrepareForm
          onPrepared={() => {
            setNotice({ kind: 'prepared' });
          }}
        />
      ) : (
        <p className="muted small">{t('ledger.manual.cannotPrepare')}</p>
      )}
      <h2 className="section-title">{t('ledger.manual.queueTitle')}</h2>
      {queue.isPending && <LoadingMessage />}
      {queue.isError && <ErrorMessage error={queue.error} />}
      {queue.isSuccess && queue.data.length === 0 && (
        <p className="muted" data-testid="manual-queue-empty">
          {t('ledger.manual.queueEmpty')}
        </p>
      )}
      <ul className="stack" data-testid="manual-queue">
        {queue.data?.map((journal) => (
          <QueueItem
            key={journal.id}
            journal={journal}
            accounts={accounts}
            onDecided={(kind, entryId) => {
              setNotice(kind === 'approved' ? { kind, entryId } : { kind });
            }}
          />
        ))}
      </ul>
    </>
  );
}
