import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { formatRupiah, groupDigits } from '../ledger/rupiah';
import { BackLink } from '../members/member-scope';
import { ActiveMemberSearch, type ChosenMember } from '../members/ActiveMemberSearch';
import { useCurrentTellerSession } from '../savings/savings-api';
import { parsePositiveAmount } from '../savings/savings-helpers';
import { useLoan, useMemberLoans, useRepayLoan } from './loans-api';
import { LoanGate, LoanTermsLine, RepaymentReceipt, type LoanScope } from './loans-ui';
import type { LoanChannel, LoanDetail, LoanRepayment } from './loans-types';

function MemberSearch({
  scope,
  onChoose,
}: {
  scope: LoanScope;
  onChoose: (member: ChosenMember) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card section" data-testid="loan-teller-finder">
      <h2>{t('loans.teller.findTitle')}</h2>
      <ActiveMemberSearch
        cooperativeId={scope.cooperativeId}
        label={t('loans.teller.searchLabel')}
        testIds={{ search: 'loan-teller-search', result: 'loan-teller-member' }}
        onChoose={onChoose}
      />
    </section>
  );
}

function RepaymentForm({
  scope,
  loan,
  onReceipt,
}: {
  scope: LoanScope;
  loan: LoanDetail;
  onReceipt: (repayment: LoanRepayment) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const session = useCurrentTellerSession(scope.cooperativeId);
  const repay = useRepayLoan(scope.cooperativeId);
  const [channel, setChannel] = useState<LoanChannel>('cash');
  const [amountText, setAmountText] = useState('');
  const [isPayoff, setIsPayoff] = useState(false);
  const [isAmountInvalid, setIsAmountInvalid] = useState(false);
  const position = loan.position;
  const hasNoSession = channel === 'cash' && session.isSuccess && session.data === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const amount = isPayoff ? null : parsePositiveAmount(amountText);
    setIsAmountInvalid(!isPayoff && amount === null);
    if (!isPayoff && amount === null) return;
    repay.mutate(
      { loanId: loan.id, channel, amount },
      {
        onSuccess: (repayment) => {
          setAmountText('');
          setIsPayoff(false);
          onReceipt(repayment);
        },
      },
    );
  }

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="loan-teller-form">
      {position && (
        <dl className="totals">
          <div className="totals-row">
            <dt>{t('loans.detail.outstanding')}</dt>
            <dd>
              <Amount value={position.principalOutstanding} />
            </dd>
          </div>
          <div className="totals-row">
            <dt>{t('loans.detail.amountDue')}</dt>
            <dd data-testid="loan-teller-due" data-amount={position.amountDue}>
              <Amount value={position.amountDue} />
            </dd>
          </div>
          <div className="totals-row">
            <dt>{t('loans.detail.daysPastDue')}</dt>
            <dd>{position.daysPastDue}</dd>
          </div>
        </dl>
      )}
      <fieldset className="segmented">
        <legend>{t('loans.teller.channel')}</legend>
        {(['cash', 'sukarela'] as const).map((option) => (
          <label key={option} className="segment">
            <input
              type="radio"
              name="loan-teller-channel"
              value={option}
              checked={channel === option}
              onChange={() => {
                setChannel(option);
              }}
              data-testid={`loan-teller-channel-${option}`}
            />
            {t(`loans.teller.channels.${option}`)}
          </label>
        ))}
      </fieldset>
      {hasNoSession && (
        <p className="error" role="alert" data-testid="loan-teller-no-session">
          {t('loans.teller.noSession')} <Link to="/kasir">{t('loans.teller.openTeller')}</Link>
        </p>
      )}
      {!isPayoff && (
        <label className="field">
          {t('loans.teller.amount')}
          <input
            inputMode="numeric"
            value={amountText}
            onChange={(event) => {
              setAmountText(event.target.value);
            }}
            aria-invalid={isAmountInvalid ? true : undefined}
            data-testid="loan-teller-amount"
          />
          {isAmountInvalid && <span className="field-error">{t('loans.teller.amountError')}</span>}
        </label>
      )}
      {!isPayoff && position && position.amountDue !== '0' && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            setAmountText(groupDigits(position.amountDue, locale));
          }}
          data-testid="loan-teller-fill-due"
        >
          {t('loans.teller.fillDue')}
        </button>
      )}
      {position && (
        <label className="segment">
          <input
            type="checkbox"
            checked={isPayoff}
            onChange={(event) => {
              setIsPayoff(event.target.checked);
            }}
            data-testid="loan-teller-payoff"
          />
          {t('loans.teller.isPayoff', { amount: formatRupiah(position.payoffAmount, locale) })}
        </label>
      )}
      {repay.isError && <ErrorMessage error={repay.error} testId="loan-teller-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={repay.isPending || hasNoSession}
        data-testid="loan-teller-submit"
      >
        {repay.isPending ? t('loans.teller.posting') : t('loans.teller.submit')}
      </button>
    </form>
  );
}

function ChosenLoan({
  scope,
  loanId,
  onReceipt,
}: {
  scope: LoanScope;
  loanId: string;
  onReceipt: (repayment: LoanRepayment) => void;
}) {
  const loan = useLoan(scope.cooperativeId, loanId);
  if (loan.isError) return <ErrorMessage error={loan.error} />;
  if (!loan.data) return <LoadingMessage />;
  return <RepaymentForm key={loan.data.id} scope={scope} loan={loan.data} onReceipt={onReceipt} />;
}

function MemberLoans({
  scope,
  member,
  onReceipt,
}: {
  scope: LoanScope;
  member: ChosenMember;
  onReceipt: (repayment: LoanRepayment) => void;
}) {
  const { t } = useTranslation();
  const loans = useMemberLoans(scope.cooperativeId, member.membershipId);
  const running = (loans.data?.items ?? []).filter((loan) => loan.status === 'aktif');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const loanId = chosenId ?? (running.length === 1 ? (running[0]?.id ?? null) : null);
  return (
    <>
      {loans.isError && <ErrorMessage error={loans.error} />}
      {loans.isPending && <LoadingMessage />}
      {loans.isSuccess && running.length === 0 && (
        <p className="muted" data-testid="loan-teller-no-loans">
          {t('loans.teller.noLoans')}
        </p>
      )}
      {running.length > 1 && (
        <fieldset className="card">
          <legend>{t('loans.teller.chooseLoan')}</legend>
          {running.map((loan) => (
            <label key={loan.id} className="segment">
              <input
                type="radio"
                name="loan-teller-loan"
                checked={loanId === loan.id}
                onChange={() => {
                  setChosenId(loan.id);
                }}
                data-testid="loan-teller-loan"
              />
              <Amount value={loan.amount} /> <LoanTermsLine loan={loan} />
            </label>
          ))}
        </fieldset>
      )}
      {loanId && <ChosenLoan scope={scope} loanId={loanId} onReceipt={onReceipt} />}
    </>
  );
}

/** A member named in the link (`?anggota=<membershipId>`, from a loan's page): their loans name them. */
function useLinkedMember(scope: LoanScope): ChosenMember | null {
  const [searchParams] = useSearchParams();
  const membershipId = searchParams.get('anggota');
  const loans = useMemberLoans(scope.cooperativeId, membershipId);
  const first = loans.data?.items[0];
  if (!membershipId || !first) return null;
  return {
    membershipId,
    memberNumber: first.memberNumber ?? '',
    fullName: first.memberName,
  };
}

function Teller({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const linked = useLinkedMember(scope);
  const [chosen, setChosen] = useState<ChosenMember | null | undefined>(undefined);
  const [receipt, setReceipt] = useState<LoanRepayment | null>(null);
  const member = chosen === undefined ? linked : chosen;
  return (
    <main className="page teller-page">
      <div className="no-print">
        <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
        <h1 data-testid="loan-teller-title">{t('loans.teller.title')}</h1>
        <p className="muted small">{scope.cooperativeName}</p>
      </div>
      {receipt && member ? (
        <section className="section">
          <Notice testId="loan-teller-posted">{t('loans.teller.posted')}</Notice>
          <RepaymentReceipt
            repayment={receipt}
            memberLine={`${member.memberNumber} · ${member.fullName}`}
            cooperativeName={scope.cooperativeName}
          />
          <div className="button-row no-print">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                window.print();
              }}
              data-testid="loan-receipt-print"
            >
              {t('loans.receipt.print')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setReceipt(null);
                setChosen(null);
              }}
              data-testid="loan-receipt-next"
            >
              {t('loans.receipt.next')}
            </button>
          </div>
        </section>
      ) : member ? (
        <section className="section no-print" data-testid="loan-teller-member-section">
          <div className="title-row">
            <h2 data-testid="loan-teller-member-name">
              {member.memberNumber} · {member.fullName}
            </h2>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setChosen(null);
              }}
            >
              {t('loans.teller.otherMember')}
            </button>
          </div>
          <MemberLoans
            key={member.membershipId}
            scope={scope}
            member={member}
            onReceipt={setReceipt}
          />
        </section>
      ) : (
        <div className="no-print">
          <MemberSearch scope={scope} onChoose={setChosen} />
        </div>
      )}
    </main>
  );
}

/** `/pinjaman/kasir`: installments in cash at the teller or from savings, with a receipt. */
export function LoanTellerPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.teller.title')} allows={(scope) => scope.loans.canTakeRepayments}>
      {(scope) => <Teller scope={scope} />}
    </LoanGate>
  );
}
