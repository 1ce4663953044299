import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { groupDigits } from '../ledger/rupiah';
import { useMemberSavings } from '../savings/savings-api';
import { accountOf } from '../savings/savings-helpers';
import { InputField } from './form-fields';
import { useLoan, useRepayOwnLoan } from './loans-api';
import { RepaymentReceipt, type LoanScope } from './loans-ui';
import {
  readSelfRepayment,
  suggestedRepayment,
  type SelfRepaymentError,
} from './servicing-helpers';
import type { LoanDetail, LoanRepayment } from './loans-types';

function SelfRepaymentForm({
  scope,
  loan,
  onPaid,
}: {
  scope: LoanScope;
  loan: LoanDetail;
  onPaid: (repayment: LoanRepayment) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const savings = useMemberSavings(scope.cooperativeId, scope.membershipId);
  const repay = useRepayOwnLoan(scope.cooperativeId);
  const suggested = suggestedRepayment(loan);
  const [amount, setAmount] = useState(() =>
    suggested === null ? '' : groupDigits(suggested, locale),
  );
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SelfRepaymentError, true>>>({});
  const available = savings.data ? accountOf(savings.data, 'sukarela').available : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readSelfRepayment(
      { amount, pin },
      { available, payoffAmount: loan.position?.payoffAmount ?? null },
    );
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    repay.mutate(
      { loanId: loan.id, ...result.value },
      {
        onSuccess: (repayment) => {
          setPin('');
          onPaid(repayment);
        },
        onError: () => {
          setPin('');
        },
      },
    );
  }
  const amountError = (['amount', 'available', 'payoff'] as const).find((key) => errors[key]);
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="self-repay-form">
      {available !== null && (
        <p className="muted small">
          {t('loans.selfRepay.available')}{' '}
          <strong data-testid="self-repay-available" data-amount={available}>
            <Amount value={available} />
          </strong>
        </p>
      )}
      <InputField
        label={t('loans.selfRepay.amount')}
        value={amount}
        onChange={setAmount}
        error={amountError ? t(`loans.selfRepay.errors.${amountError}`) : undefined}
        inputMode="numeric"
        testId="self-repay-amount"
      />
      <InputField
        label={t('savings.pin.pin')}
        type="password"
        value={pin}
        onChange={setPin}
        error={errors.pin ? t('loans.selfRepay.errors.pin') : undefined}
        inputMode="numeric"
        maxLength={6}
        testId="self-repay-pin"
      />
      {repay.isError && <ErrorMessage error={repay.error} testId="self-repay-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={repay.isPending}
        data-testid="self-repay-submit"
      >
        {repay.isPending ? t('loans.selfRepay.paying') : t('loans.selfRepay.submit')}
      </button>
    </form>
  );
}

/**
 * "Bayar angsuran" on a running loan of "Pinjaman saya": from the member's own sukarela,
 * confirmed by the transaction PIN (POST repayments/self); the receipt when done.
 */
export function SelfRepayment({ scope, loanId }: { scope: LoanScope; loanId: string }) {
  const { t } = useTranslation();
  const loan = useLoan(scope.cooperativeId, loanId);
  const [isOpen, setIsOpen] = useState(false);
  const [paid, setPaid] = useState<LoanRepayment | null>(null);
  if (paid)
    return (
      <div className="stack" data-testid="self-repay-paid">
        <Notice testId="self-repay-done">{t('loans.selfRepay.done')}</Notice>
        <RepaymentReceipt
          repayment={paid}
          memberLine={`${loan.data?.memberNumber ?? '—'} · ${loan.data?.memberName ?? ''}`}
          cooperativeName={scope.cooperativeName}
        />
        <button
          type="button"
          className="button small"
          onClick={() => {
            setPaid(null);
            setIsOpen(false);
          }}
        >
          {t('loans.selfRepay.close')}
        </button>
      </div>
    );
  if (!isOpen)
    return (
      <button
        type="button"
        className="button small primary"
        onClick={() => {
          setIsOpen(true);
        }}
        data-testid="self-repay-open"
      >
        {t('loans.selfRepay.title')}
      </button>
    );
  return (
    <section className="card" data-testid="self-repay">
      <h3>{t('loans.selfRepay.title')}</h3>
      <p className="muted small">{t('loans.selfRepay.intro')}</p>
      {!scope.person.hasPin ? (
        <p className="notice" data-testid="self-repay-need-pin">
          {t('loans.selfRepay.needPin')} <Link to="/pin">{t('savings.pin.create')}</Link>
        </p>
      ) : (
        loan.data && <SelfRepaymentForm scope={scope} loan={loan.data} onPaid={setPaid} />
      )}
      {loan.isError && <ErrorMessage error={loan.error} />}
      <button
        type="button"
        className="link-button small"
        onClick={() => {
          setIsOpen(false);
        }}
      >
        {t('loans.selfRepay.cancel')}
      </button>
    </section>
  );
}
