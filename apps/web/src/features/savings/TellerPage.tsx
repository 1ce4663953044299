import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { errorText } from '../../lib/api';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { BackLink, ScopeGate, type CooperativeScope } from '../members/member-scope';
import { ActiveMemberSearch, type ChosenMember } from '../members/ActiveMemberSearch';
import { verifyCard } from '../members/members-api';
import { CardScanner, canScanWithCamera } from './CardScanner';
import { ReceiptView } from './ReceiptView';
import {
  useCloseTellerSession,
  useCurrentTellerSession,
  useMemberSavings,
  useOpenTellerSession,
  useTellerTransaction,
} from './savings-api';
import {
  accountOf,
  differenceKind,
  fitsAvailable,
  kindsFor,
  parseCashCount,
  parsePositiveAmount,
  readCardPayload,
} from './savings-helpers';
import { SavingsBalances } from './savings-ui';
import type {
  SavingsKind,
  SavingsReceipt,
  TellerSession,
  TellerTransactionType,
} from './savings-types';

// --- The drawer: open, figures, close ------------------------------------------------------

function OpenSessionForm({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const open = useOpenTellerSession(cooperativeId);
  const [float, setFloat] = useState('');
  const [isInvalid, setIsInvalid] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const openingFloat = parseCashCount(float);
    setIsInvalid(openingFloat === null);
    if (openingFloat !== null) open.mutate({ openingFloat });
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="teller-open-form">
      <h2>{t('savings.teller.openTitle')}</h2>
      <p className="muted small">{t('savings.teller.openIntro')}</p>
      <label className="field">
        {t('savings.teller.openingFloat')}
        <input
          inputMode="numeric"
          value={float}
          onChange={(event) => {
            setFloat(event.target.value);
          }}
          placeholder="500.000"
          aria-invalid={isInvalid ? true : undefined}
          data-testid="teller-float"
        />
        {isInvalid && <span className="field-error">{t('savings.errors.cash')}</span>}
      </label>
      {open.isError && <ErrorMessage error={open.error} testId="teller-open-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={open.isPending}
        data-testid="teller-open"
      >
        {t('savings.teller.open')}
      </button>
    </form>
  );
}

function SessionFigures({ session }: { session: TellerSession }) {
  const { t } = useTranslation();
  const rows = [
    ['openingFloatFigure', session.openingFloat],
    ['cashIn', session.cashIn],
    ['cashOut', session.cashOut],
    ['expectedCash', session.expectedCash],
  ] as const;
  return (
    <dl className="totals session-figures" data-testid="teller-session">
      {rows.map(([key, value]) => (
        <div key={key} className="totals-row">
          <dt>{t(`savings.teller.${key}`)}</dt>
          <dd data-testid={`teller-${key}`} data-amount={value}>
            <Amount value={value} />
          </dd>
        </div>
      ))}
      <div className="totals-row">
        <dt>{t('savings.teller.transactionCount')}</dt>
        <dd data-testid="teller-transactionCount">{session.transactionCount}</dd>
      </div>
    </dl>
  );
}

function CloseSessionForm({
  cooperativeId,
  session,
  onClosed,
}: {
  cooperativeId: string;
  session: TellerSession;
  onClosed: (closed: TellerSession) => void;
}) {
  const { t } = useTranslation();
  const close = useCloseTellerSession(cooperativeId);
  const [counted, setCounted] = useState('');
  const [isInvalid, setIsInvalid] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const countedCash = parseCashCount(counted);
    setIsInvalid(countedCash === null);
    if (countedCash === null) return;
    if (!isConfirming) {
      setIsConfirming(true);
      return;
    }
    close.mutate({ sessionId: session.id, countedCash }, { onSuccess: onClosed });
  }
  return (
    <details className="card filters">
      <summary data-testid="teller-close-toggle">{t('savings.teller.closeTitle')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="teller-close-form">
        <label className="field">
          {t('savings.teller.countedCash')}
          <input
            inputMode="numeric"
            value={counted}
            onChange={(event) => {
              setCounted(event.target.value);
              setIsConfirming(false);
            }}
            aria-invalid={isInvalid ? true : undefined}
            data-testid="teller-counted"
          />
          {isInvalid && <span className="field-error">{t('savings.errors.cash')}</span>}
        </label>
        {isConfirming && (
          <p className="confirm-box" role="status">
            {t('savings.teller.closeConfirm')}
          </p>
        )}
        {close.isError && <ErrorMessage error={close.error} />}
        <button
          type="submit"
          className="button danger"
          disabled={close.isPending}
          data-testid="teller-close"
        >
          {isConfirming ? t('savings.teller.closeYes') : t('savings.teller.close')}
        </button>
      </form>
    </details>
  );
}

function ClosedSummary({ closed }: { closed: TellerSession }) {
  const { t } = useTranslation();
  const difference = closed.difference ?? '0';
  const kind = differenceKind(difference);
  return (
    <section className="card" data-testid="teller-closed">
      <h2>{t('savings.teller.closedTitle')}</h2>
      <dl className="totals">
        <div className="totals-row">
          <dt>{t('savings.teller.expectedCash')}</dt>
          <dd data-testid="teller-closed-expected">
            <Amount value={closed.expectedCash} />
          </dd>
        </div>
        <div className="totals-row">
          <dt>{t('savings.teller.countedFigure')}</dt>
          <dd data-testid="teller-closed-counted">
            <Amount value={closed.countedCash ?? '0'} />
          </dd>
        </div>
        <div className="totals-row">
          <dt>{t('savings.teller.difference')}</dt>
          <dd data-testid="teller-closed-difference" data-kind={kind}>
            <Amount value={difference} />
          </dd>
        </div>
      </dl>
      <p className={kind === 'balanced' ? 'muted small' : 'error'}>
        {t(`savings.teller.differenceKinds.${kind}`)}
      </p>
    </section>
  );
}

// --- Finding a member: search, scan, paste --------------------------------------------------

function MemberFinder({
  scope,
  onChoose,
}: {
  scope: CooperativeScope;
  onChoose: (member: ChosenMember) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [isScanning, setIsScanning] = useState(false);
  const [payloadText, setPayloadText] = useState('');
  const [cardError, setCardError] = useState<string | null>(null);
  const [isVerifying, setIsVerifying] = useState(false);
  const hasCamera = canScanWithCamera();

  async function checkCard(text: string) {
    const payload = readCardPayload(text);
    if (payload === null) {
      setCardError(t('savings.teller.cardMalformed'));
      return;
    }
    setIsVerifying(true);
    setCardError(null);
    try {
      const card = await verifyCard(payload);
      if (card.cooperativeId !== scope.cooperativeId) {
        setCardError(t('savings.teller.cardOtherCooperative'));
        return;
      }
      onChoose({
        membershipId: card.membershipId,
        memberNumber: card.memberNumber,
        fullName: card.fullName,
      });
    } catch (error) {
      setCardError(errorText(error, locale));
    } finally {
      setIsVerifying(false);
    }
  }

  return (
    <section className="card section" data-testid="teller-finder">
      <h2>{t('savings.teller.findTitle')}</h2>
      <ActiveMemberSearch
        cooperativeId={scope.cooperativeId}
        label={t('savings.teller.searchLabel')}
        testIds={{ search: 'teller-search', result: 'teller-member-result' }}
        onChoose={onChoose}
      />
      <div className="card-check">
        {hasCamera &&
          (isScanning ? (
            <CardScanner
              onScan={(text) => {
                setIsScanning(false);
                setPayloadText(text);
                void checkCard(text);
              }}
              onClose={() => {
                setIsScanning(false);
              }}
            />
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => {
                setIsScanning(true);
              }}
              data-testid="teller-scan"
            >
              {t('savings.teller.scan')}
            </button>
          ))}
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void checkCard(payloadText);
          }}
        >
          <label className="field">
            {hasCamera ? t('savings.teller.pasteOr') : t('savings.teller.paste')}
            <input
              value={payloadText}
              onChange={(event) => {
                setPayloadText(event.target.value);
              }}
              autoComplete="off"
              spellCheck={false}
              data-testid="teller-card-payload"
            />
          </label>
          <button
            type="submit"
            className="button"
            disabled={isVerifying || payloadText.trim() === ''}
            data-testid="teller-card-verify"
          >
            {t('savings.teller.verify')}
          </button>
        </form>
        {cardError && (
          <p className="error" role="alert" data-testid="teller-card-error">
            {cardError}
          </p>
        )}
      </div>
    </section>
  );
}

// --- Deposit and withdrawal ---------------------------------------------------------------

function TransactionForm({
  scope,
  member,
  onReceipt,
}: {
  scope: CooperativeScope;
  member: ChosenMember;
  onReceipt: (receipt: SavingsReceipt) => void;
}) {
  const { t } = useTranslation();
  const savings = useMemberSavings(scope.cooperativeId, member.membershipId);
  const post = useTellerTransaction(scope.cooperativeId);
  const [type, setType] = useState<TellerTransactionType>('deposit');
  const [kind, setKind] = useState<SavingsKind>('sukarela');
  const [amountText, setAmountText] = useState('');
  const [memo, setMemo] = useState('');
  const [error, setError] = useState<'amount' | 'available' | null>(null);

  function chooseType(next: TellerTransactionType) {
    setType(next);
    if (!kindsFor(next).includes(kind)) setKind('sukarela');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parsePositiveAmount(amountText);
    if (amount === null) {
      setError('amount');
      return;
    }
    if (
      type === 'withdrawal' &&
      savings.data &&
      !fitsAvailable(amount, accountOf(savings.data, kind).available)
    ) {
      setError('available');
      return;
    }
    setError(null);
    const trimmedMemo = memo.trim();
    post.mutate(
      {
        type,
        membershipId: member.membershipId,
        kind,
        amount,
        ...(trimmedMemo ? { memo: trimmedMemo } : {}),
      },
      {
        onSuccess: (receipt) => {
          setAmountText('');
          setMemo('');
          onReceipt(receipt);
        },
      },
    );
  }

  return (
    <>
      {savings.isError && <ErrorMessage error={savings.error} />}
      {savings.data && <SavingsBalances view={savings.data} />}
      <form className="form card" onSubmit={submit} noValidate data-testid="teller-form">
        <fieldset className="segmented">
          <legend>{t('savings.teller.type')}</legend>
          {(['deposit', 'withdrawal'] as const).map((option) => (
            <label key={option} className="segment">
              <input
                type="radio"
                name="teller-type"
                value={option}
                checked={type === option}
                onChange={() => {
                  chooseType(option);
                }}
                data-testid={`teller-type-${option}`}
              />
              {t(`savings.teller.types.${option}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {t('savings.teller.kind')}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as SavingsKind);
            }}
            data-testid="teller-kind"
          >
            {kindsFor(type).map((option) => (
              <option key={option} value={option}>
                {t(`savings.kinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('savings.teller.amount')}
          <input
            inputMode="numeric"
            value={amountText}
            onChange={(event) => {
              setAmountText(event.target.value);
            }}
            placeholder="100.000"
            aria-invalid={error ? true : undefined}
            data-testid="teller-amount"
          />
          {error && <span className="field-error">{t(`savings.errors.${error}`)}</span>}
        </label>
        <label className="field">
          {t('savings.teller.memo')}
          <input
            value={memo}
            maxLength={200}
            onChange={(event) => {
              setMemo(event.target.value);
            }}
            data-testid="teller-memo"
          />
        </label>
        {post.isError && <ErrorMessage error={post.error} testId="teller-error" />}
        <button
          type="submit"
          className="button primary"
          disabled={post.isPending}
          data-testid="teller-submit"
        >
          {post.isPending ? t('savings.teller.posting') : t(`savings.teller.submit.${type}`)}
        </button>
      </form>
    </>
  );
}

// --- The screen ------------------------------------------------------------------------------

function Teller({ scope }: { scope: CooperativeScope }) {
  const { t } = useTranslation();
  const current = useCurrentTellerSession(scope.cooperativeId);
  const [member, setMember] = useState<ChosenMember | null>(null);
  const [receipt, setReceipt] = useState<SavingsReceipt | null>(null);
  const [closed, setClosed] = useState<TellerSession | null>(null);
  const session = current.data ?? null;

  return (
    <main className="page teller-page">
      <div className="no-print">
        <BackLink to="/">{t('app.backHome')}</BackLink>
        <h1 data-testid="teller-title">{t('savings.teller.title')}</h1>
        <p className="muted small">{scope.cooperativeName}</p>
      </div>
      {current.isError && <ErrorMessage error={current.error} />}
      {current.isPending && <LoadingMessage />}
      {closed && !session && <ClosedSummary closed={closed} />}
      {current.isSuccess && !session && <OpenSessionForm cooperativeId={scope.cooperativeId} />}
      {session && (
        <>
          <section className="card section no-print">
            <h2>{t('savings.teller.sessionTitle')}</h2>
            <SessionFigures session={session} />
          </section>
          {receipt ? (
            <section className="section">
              <Notice testId="teller-notice">{t('savings.teller.posted')}</Notice>
              <ReceiptView receipt={receipt} cooperativeName={scope.cooperativeName} />
              <div className="button-row no-print">
                <button
                  type="button"
                  className="button primary"
                  onClick={() => {
                    window.print();
                  }}
                  data-testid="receipt-print"
                >
                  {t('savings.receipt.print')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setReceipt(null);
                  }}
                  data-testid="receipt-next"
                >
                  {t('savings.receipt.next')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setReceipt(null);
                    setMember(null);
                  }}
                >
                  {t('savings.teller.otherMember')}
                </button>
              </div>
            </section>
          ) : member ? (
            <section className="section no-print" data-testid="teller-member">
              <div className="title-row">
                <h2 data-testid="teller-member-name">
                  {member.memberNumber} · {member.fullName}
                </h2>
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    setMember(null);
                  }}
                  data-testid="teller-change-member"
                >
                  {t('savings.teller.otherMember')}
                </button>
              </div>
              <TransactionForm
                key={member.membershipId}
                scope={scope}
                member={member}
                onReceipt={setReceipt}
              />
            </section>
          ) : (
            <div className="no-print">
              <MemberFinder scope={scope} onChoose={setMember} />
            </div>
          )}
          <div className="section no-print">
            <CloseSessionForm
              cooperativeId={scope.cooperativeId}
              session={session}
              onClosed={(result) => {
                setClosed(result);
                setMember(null);
                setReceipt(null);
              }}
            />
          </div>
        </>
      )}
    </main>
  );
}

/** `/kasir`: the teller's drawer, deposits and withdrawals with printed receipts. */
export function TellerPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('savings.teller.title')} allows={(scope) => scope.permissions.canTell}>
      {(scope) => <Teller scope={scope} />}
    </ScopeGate>
  );
}
