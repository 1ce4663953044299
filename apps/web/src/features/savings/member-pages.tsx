import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { MemberCard } from '../members/MemberCard';
import { BackLink, ScopeGate } from '../members/member-scope';
import { Passbook } from './Passbook';
import { ReceiptView } from './ReceiptView';
import { useMemberSavings, useSetPin, useTransfer } from './savings-api';
import {
  accountOf,
  fitsAvailable,
  isValidPin,
  parsePositiveAmount,
  readMemberNumber,
} from './savings-helpers';
import type { SavingsReceipt } from './savings-types';

const isAktifMember = (scope: { membershipStatus: string }) => scope.membershipStatus === 'aktif';

/** `/simpanan/riwayat`: the member's own sukarela passbook. */
export function HistoryPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('savings.history.title')} allows={isAktifMember}>
      {(scope) => <History cooperativeId={scope.cooperativeId} membershipId={scope.membershipId} />}
    </ScopeGate>
  );
}

function History({ cooperativeId, membershipId }: { cooperativeId: string; membershipId: string }) {
  const { t } = useTranslation();
  const savings = useMemberSavings(cooperativeId, membershipId);
  const accountId = savings.data ? accountOf(savings.data, 'sukarela').accountId : null;
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="history-title">{t('savings.history.title')}</h1>
      <p className="muted small">{t('savings.history.intro')}</p>
      {savings.isError && <ErrorMessage error={savings.error} />}
      {savings.isPending && <LoadingMessage />}
      {savings.data && accountId === null && (
        <p className="muted">{t('savings.history.noAccount')}</p>
      )}
      {accountId && <Passbook cooperativeId={cooperativeId} accountId={accountId} />}
    </main>
  );
}

/** `/simpanan/buku/:accountId`: any passbook the person may read (the server checks). */
export function PassbookPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  return (
    <ScopeGate title={t('savings.passbook.title')} allows={() => true}>
      {(scope) => (
        <main className="page">
          <BackLink to={scope.permissions.canReadRegistry ? '/anggota' : '/'}>
            {scope.permissions.canReadRegistry ? t('members.title') : t('app.backHome')}
          </BackLink>
          <h1>{t('savings.passbook.title')}</h1>
          <Passbook cooperativeId={scope.cooperativeId} accountId={accountId} />
        </main>
      )}
    </ScopeGate>
  );
}

/** `/kartu`: the member's own card, to show the teller. */
export function MemberCardPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('members.card.title')} allows={isAktifMember}>
      {(scope) => (
        <main className="page">
          <BackLink to="/">{t('app.backHome')}</BackLink>
          <h1 data-testid="member-card-title">{t('members.card.title')}</h1>
          <MemberCard
            cooperativeId={scope.cooperativeId}
            membershipId={scope.membershipId}
            cooperativeName={scope.cooperativeName}
          />
        </main>
      )}
    </ScopeGate>
  );
}

/** `/simpanan/transfer`: sukarela to another member, confirmed by the transaction PIN. */
export function TransferPage() {
  const { t } = useTranslation();
  return (
    <ScopeGate title={t('savings.transfer.title')} allows={isAktifMember}>
      {(scope) => (
        <TransferForm
          cooperativeId={scope.cooperativeId}
          cooperativeName={scope.cooperativeName}
          membershipId={scope.membershipId}
          hasPin={scope.person.hasPin}
        />
      )}
    </ScopeGate>
  );
}

type TransferError = 'memberNumber' | 'amount' | 'available' | 'pin';

function TransferForm({
  cooperativeId,
  cooperativeName,
  membershipId,
  hasPin,
}: {
  cooperativeId: string;
  cooperativeName: string;
  membershipId: string;
  hasPin: boolean;
}) {
  const { t } = useTranslation();
  const savings = useMemberSavings(cooperativeId, membershipId);
  const transfer = useTransfer(cooperativeId);
  const [to, setTo] = useState('');
  const [amountText, setAmountText] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<TransferError, true>>>({});
  const [receipt, setReceipt] = useState<SavingsReceipt | null>(null);
  const available = savings.data ? accountOf(savings.data, 'sukarela').available : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const toMemberNumber = readMemberNumber(to);
    const amount = parsePositiveAmount(amountText);
    const next: Partial<Record<TransferError, true>> = {};
    if (toMemberNumber === null) next.memberNumber = true;
    if (amount === null) next.amount = true;
    else if (available !== null && !fitsAvailable(amount, available)) next.available = true;
    if (!isValidPin(pin)) next.pin = true;
    setErrors(next);
    if (toMemberNumber === null || amount === null || Object.keys(next).length > 0) return;
    transfer.mutate(
      { toMemberNumber, amount, pin },
      {
        onSuccess: (result) => {
          setReceipt(result);
          setTo('');
          setAmountText('');
          setPin('');
        },
        onError: () => {
          setPin('');
        },
      },
    );
  }

  const fieldError = (key: TransferError) =>
    errors[key] && <span className="field-error">{t(`savings.errors.${key}`)}</span>;

  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="transfer-title">{t('savings.transfer.title')}</h1>
      {receipt ? (
        <>
          <Notice testId="transfer-notice">{t('savings.transfer.done')}</Notice>
          <ReceiptView receipt={receipt} cooperativeName={cooperativeName} />
          <button
            type="button"
            className="button section"
            onClick={() => {
              setReceipt(null);
            }}
          >
            {t('savings.transfer.another')}
          </button>
        </>
      ) : !hasPin ? (
        <p className="notice">
          {t('savings.transfer.needPin')} <Link to="/pin">{t('savings.pin.create')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="transfer-form">
          {available !== null && (
            <p className="muted small">
              {t('savings.transfer.available')}{' '}
              <strong data-testid="transfer-available">
                <Amount value={available} />
              </strong>
            </p>
          )}
          <label className="field">
            {t('savings.transfer.to')}
            <input
              inputMode="numeric"
              value={to}
              onChange={(event) => {
                setTo(event.target.value);
              }}
              data-testid="transfer-to"
            />
            {fieldError('memberNumber')}
          </label>
          <label className="field">
            {t('savings.transfer.amount')}
            <input
              inputMode="numeric"
              value={amountText}
              onChange={(event) => {
                setAmountText(event.target.value);
              }}
              data-testid="transfer-amount"
            />
            {fieldError('amount')}
            {fieldError('available')}
          </label>
          <label className="field">
            {t('savings.pin.pin')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={pin}
              onChange={(event) => {
                setPin(event.target.value);
              }}
              data-testid="transfer-pin"
            />
            {fieldError('pin')}
          </label>
          {transfer.isError && <ErrorMessage error={transfer.error} testId="transfer-error" />}
          <button
            type="submit"
            className="button primary"
            disabled={transfer.isPending}
            data-testid="transfer-submit"
          >
            {transfer.isPending ? t('savings.transfer.sending') : t('savings.transfer.submit')}
          </button>
        </form>
      )}
    </main>
  );
}

/** `/pin`: "Buat PIN", the six digits that confirm transfers, set with the password. */
export function PinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setPinMutation = useSetPin();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<'pin' | 'pinRepeat' | null>(null);
  const [isDone, setIsDone] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidPin(pin)) {
      setError('pin');
      return;
    }
    if (pin !== repeat) {
      setError('pinRepeat');
      return;
    }
    setError(null);
    setPinMutation.mutate(
      { password, pin },
      {
        onSuccess: () => {
          setIsDone(true);
          setPassword('');
          setPin('');
          setRepeat('');
        },
      },
    );
  }

  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <h1 data-testid="pin-title">{t('savings.pin.title')}</h1>
      <p className="muted">{t('savings.pin.intro')}</p>
      {isDone ? (
        <>
          <Notice testId="pin-notice">{t('savings.pin.done')}</Notice>
          <button
            type="button"
            className="button primary"
            onClick={() => void navigate('/simpanan/transfer')}
          >
            {t('savings.transfer.title')}
          </button>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="pin-form">
          <label className="field">
            {t('savings.pin.password')}
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
              data-testid="pin-password"
            />
          </label>
          <label className="field">
            {t('savings.pin.pin')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={pin}
              onChange={(event) => {
                setPin(event.target.value);
              }}
              data-testid="pin-pin"
            />
          </label>
          <label className="field">
            {t('savings.pin.repeat')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={repeat}
              onChange={(event) => {
                setRepeat(event.target.value);
              }}
              data-testid="pin-repeat"
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {t(`savings.errors.${error}`)}
            </p>
          )}
          {setPinMutation.isError && <ErrorMessage error={setPinMutation.error} />}
          <button
            type="submit"
            className="button primary"
            disabled={setPinMutation.isPending || password === ''}
            data-testid="pin-submit"
          >
            {t('savings.pin.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
