import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { formatRupiah } from '../ledger/rupiah';
import { BackLink } from '../members/member-scope';
import { parsePositiveAmount } from '../savings/savings-helpers';
import { SelfRepayment } from './member-repayment';
import { useApplyForLoan, useLoan, useLoanProducts, useMemberLoans } from './loans-api';
import {
  bpsToPercentText,
  emptyApplicationFields,
  estimateInstallment,
  installmentRemaining,
  nextInstallment,
  readApplicationForm,
  type ApplicationErrors,
  type ApplicationFields,
  type CollateralFields,
  type GuarantorFields,
} from './loans-helpers';
import {
  ApprovalsLine,
  LoanGate,
  looseT,
  LoanStatusBadge,
  LoanTermsLine,
  type LoanScope,
} from './loans-ui';
import type { LoanDetail, LoanProduct, LoanSummary } from './loans-types';

const isAktifMember = (scope: { membershipStatus: string }) => scope.membershipStatus === 'aktif';

// --- Apply --------------------------------------------------------------------------------------

function FieldError({
  error,
  params,
}: {
  error: string | undefined;
  params?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field-error" data-testid="loan-field-error">
      {looseT(t)(`loans.apply.errors.${error}`, params ?? {})}
    </span>
  );
}

function TextField({
  label,
  value,
  onChange,
  error,
  errorParams,
  testId,
  inputMode,
  hint,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  errorParams?: Record<string, string>;
  testId: string;
  inputMode?: 'numeric';
  hint?: ReactNode;
  placeholder?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      {hint && <span className="muted small">{hint}</span>}
      <FieldError error={error} {...(errorParams ? { params: errorParams } : {})} />
    </label>
  );
}

function ApplyForm({ scope, products }: { scope: LoanScope; products: readonly LoanProduct[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const apply = useApplyForLoan(scope.cooperativeId);
  const [fields, setFields] = useState<ApplicationFields>(emptyApplicationFields);
  const [errors, setErrors] = useState<ApplicationErrors>({});
  const [applied, setApplied] = useState<LoanDetail | null>(null);
  const product = products.find((item) => item.code === fields.productCode);

  function set<K extends keyof ApplicationFields>(key: K, value: ApplicationFields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
  }
  function setRow<K extends 'guarantors' | 'collateral'>(
    key: K,
    index: number,
    patch: Partial<ApplicationFields[K][number]>,
  ) {
    set(
      key,
      (fields[key] as (GuarantorFields | CollateralFields)[]).map((row, at) =>
        at === index ? { ...row, ...patch } : row,
      ) as ApplicationFields[K],
    );
  }
  function removeRow(key: 'guarantors' | 'collateral', index: number) {
    set(key, fields[key].filter((_row, at) => at !== index) as never);
  }

  const amount = parsePositiveAmount(fields.amount);
  const estimate =
    product && amount !== null && fields.installments !== ''
      ? estimateInstallment(product, amount, Number(fields.installments))
      : null;
  const range = product
    ? { min: formatRupiah(product.minAmount, locale), max: formatRupiah(product.maxAmount, locale) }
    : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readApplicationForm(fields, product);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    apply.mutate(result.value, {
      onSuccess: (loan) => {
        setApplied(loan);
        setFields(emptyApplicationFields);
      },
    });
  }

  if (applied)
    return (
      <section className="section" data-testid="loan-applied">
        <Notice testId="loan-apply-done">{t('loans.apply.done')}</Notice>
        <div className="button-row">
          <Link
            to={`/pinjaman/${applied.id}`}
            className="button primary"
            data-testid="loan-applied-open"
          >
            {t('loans.apply.open')}
          </Link>
          <Link to="/pinjaman/saya" className="button">
            {t('loans.mine.title')}
          </Link>
        </div>
      </section>
    );

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="loan-apply-form">
      <label className="field">
        {t('loans.apply.product')}
        <select
          value={fields.productCode}
          onChange={(event) => {
            setFields((current) => ({
              ...current,
              productCode: event.target.value,
              installments: '',
            }));
          }}
          aria-invalid={errors.productCode ? true : undefined}
          data-testid="loan-apply-product"
        >
          <option value="">{t('loans.apply.choose')}</option>
          {products.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
        {product && (
          <span className="muted small">
            {t('loans.products.terms', {
              rate: bpsToPercentText(product.interestRateBpsPerMonth, locale),
              method: t(`loans.methods.${product.interestMethod}`),
              frequency: t(`loans.frequencies.${product.frequency}`),
            })}
          </span>
        )}
        <FieldError error={errors.productCode} />
      </label>
      <TextField
        label={t('loans.apply.amount')}
        value={fields.amount}
        onChange={(value) => {
          set('amount', value);
        }}
        error={errors.amount}
        {...(range ? { errorParams: range, hint: t('loans.apply.amountHint', range) } : {})}
        testId="loan-apply-amount"
        inputMode="numeric"
        placeholder="3.000.000"
      />
      <label className="field">
        {t('loans.apply.tenor')}
        <select
          value={fields.installments}
          onChange={(event) => {
            set('installments', event.target.value);
          }}
          aria-invalid={errors.installments ? true : undefined}
          data-testid="loan-apply-tenor"
        >
          <option value="">{t('loans.apply.choose')}</option>
          {(product?.tenors ?? []).map((tenor) => (
            <option key={tenor} value={String(tenor)}>
              {t('loans.detail.tenorValue', {
                count: tenor,
                frequency: t(`loans.frequencies.${product?.frequency ?? 'monthly'}`),
              })}
            </option>
          ))}
        </select>
        <FieldError error={errors.installments} />
      </label>
      {product && estimate && (
        <p className="notice" data-testid="loan-apply-estimate" data-amount={estimate}>
          {t('loans.apply.estimate', {
            amount: formatRupiah(estimate, locale),
            period: t(`loans.periods.${product.frequency}`),
          })}
          <span className="block muted small">{t('loans.apply.estimateNote')}</span>
        </p>
      )}
      <label className="field">
        {t('loans.apply.purpose')}
        <textarea
          rows={2}
          maxLength={500}
          value={fields.purpose}
          onChange={(event) => {
            set('purpose', event.target.value);
          }}
          aria-invalid={errors.purpose ? true : undefined}
          data-testid="loan-apply-purpose"
        />
        <FieldError error={errors.purpose} />
      </label>
      <TextField
        label={t('loans.apply.income')}
        value={fields.declaredMonthlyIncome}
        onChange={(value) => {
          set('declaredMonthlyIncome', value);
        }}
        error={errors.declaredMonthlyIncome}
        hint={t('loans.apply.incomeHint')}
        testId="loan-apply-income"
        inputMode="numeric"
      />
      <fieldset className="card">
        <legend>{t('loans.apply.guarantors')}</legend>
        {fields.guarantors.map((row, index) => (
          <div key={index} className="stack" data-testid="loan-apply-guarantor">
            <TextField
              label={t('loans.apply.guarantorName')}
              value={row.fullName}
              onChange={(value) => {
                setRow('guarantors', index, { fullName: value });
              }}
              error={errors[`guarantors.${index}.fullName`]}
              testId="guarantor-name"
            />
            <TextField
              label={t('loans.apply.guarantorNik')}
              value={row.nik}
              onChange={(value) => {
                setRow('guarantors', index, { nik: value });
              }}
              error={errors[`guarantors.${index}.nik`]}
              testId="guarantor-nik"
              inputMode="numeric"
            />
            <TextField
              label={t('loans.apply.guarantorRelation')}
              value={row.relation}
              onChange={(value) => {
                setRow('guarantors', index, { relation: value });
              }}
              error={errors[`guarantors.${index}.relation`]}
              testId="guarantor-relation"
            />
            <button
              type="button"
              className="button small"
              onClick={() => {
                removeRow('guarantors', index);
              }}
            >
              {t('loans.apply.remove')}
            </button>
          </div>
        ))}
        {fields.guarantors.length < 10 && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              set('guarantors', [...fields.guarantors, { fullName: '', nik: '', relation: '' }]);
            }}
            data-testid="loan-apply-add-guarantor"
          >
            {t('loans.apply.addGuarantor')}
          </button>
        )}
      </fieldset>
      <fieldset className="card">
        <legend>{t('loans.apply.collateral')}</legend>
        {fields.collateral.map((row, index) => (
          <div key={index} className="stack" data-testid="loan-apply-collateral">
            <TextField
              label={t('loans.apply.collateralKind')}
              value={row.kind}
              onChange={(value) => {
                setRow('collateral', index, { kind: value });
              }}
              error={errors[`collateral.${index}.kind`]}
              placeholder={t('loans.apply.collateralKindHint')}
              testId="collateral-kind"
            />
            <TextField
              label={t('loans.apply.collateralDescription')}
              value={row.description}
              onChange={(value) => {
                setRow('collateral', index, { description: value });
              }}
              error={errors[`collateral.${index}.description`]}
              testId="collateral-description"
            />
            <TextField
              label={t('loans.apply.collateralValue')}
              value={row.estimatedValue}
              onChange={(value) => {
                setRow('collateral', index, { estimatedValue: value });
              }}
              error={errors[`collateral.${index}.estimatedValue`]}
              testId="collateral-value"
              inputMode="numeric"
            />
            <button
              type="button"
              className="button small"
              onClick={() => {
                removeRow('collateral', index);
              }}
            >
              {t('loans.apply.remove')}
            </button>
          </div>
        ))}
        {fields.collateral.length < 10 && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              set('collateral', [
                ...fields.collateral,
                { kind: '', description: '', estimatedValue: '' },
              ]);
            }}
            data-testid="loan-apply-add-collateral"
          >
            {t('loans.apply.addCollateral')}
          </button>
        )}
      </fieldset>
      {apply.isError && <ErrorMessage error={apply.error} testId="loan-apply-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={apply.isPending}
        data-testid="loan-apply-submit"
      >
        {apply.isPending ? t('loans.apply.submitting') : t('loans.apply.submit')}
      </button>
    </form>
  );
}

function Apply({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const products = useLoanProducts(scope.cooperativeId);
  const offered = (products.data?.items ?? []).filter((product) => product.isActive);
  return (
    <main className="page">
      <BackLink to="/pinjaman/saya">{t('loans.mine.title')}</BackLink>
      <h1 data-testid="loan-apply-title">{t('loans.apply.title')}</h1>
      <p className="muted small">{t('loans.apply.intro')}</p>
      {products.isError && <ErrorMessage error={products.error} />}
      {products.isPending && <LoadingMessage />}
      {products.isSuccess && offered.length === 0 && (
        <p className="muted" data-testid="loan-apply-no-products">
          {t('loans.apply.noProducts')}
        </p>
      )}
      {offered.length > 0 && <ApplyForm scope={scope} products={offered} />}
    </main>
  );
}

/** `/pinjaman/ajukan`: a member applies for a loan for themself. */
export function ApplyLoanPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.apply.title')} allows={isAktifMember}>
      {(scope) => <Apply scope={scope} />}
    </LoanGate>
  );
}

// --- My loans -----------------------------------------------------------------------------------

/** A running loan's next installment and what is due today (from the loan's detail). */
function NextInstallment({ cooperativeId, loanId }: { cooperativeId: string; loanId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const loan = useLoan(cooperativeId, loanId);
  if (loan.isError) return <ErrorMessage error={loan.error} />;
  if (!loan.data) return null;
  const next = nextInstallment(loan.data.schedule);
  return (
    <div data-testid="my-loan-next">
      {next ? (
        <p className="small">
          <strong>{t('loans.mine.next')}:</strong>{' '}
          {t('loans.mine.nextValue', {
            number: next.number,
            amount: formatRupiah(installmentRemaining(next), locale),
            date: formatDate(next.dueDate, locale),
          })}{' '}
          <span className="muted">({t(`loans.installmentStatuses.${next.status}`)})</span>
        </p>
      ) : (
        <p className="small">{t('loans.mine.allPaid')}</p>
      )}
      {loan.data.position && (
        <p className="small">
          {t('loans.detail.outstanding')}:{' '}
          <Amount value={loan.data.position.principalOutstanding} /> · {t('loans.detail.amountDue')}
          : <Amount value={loan.data.position.amountDue} />
        </p>
      )}
    </div>
  );
}

function PendingApprovals({ cooperativeId, loanId }: { cooperativeId: string; loanId: string }) {
  const loan = useLoan(cooperativeId, loanId);
  return loan.data ? <ApprovalsLine approvals={loan.data.approvals} /> : null;
}

function MyLoanCard({ scope, loan }: { scope: LoanScope; loan: LoanSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="my-loan" data-loan-id={loan.id} data-status={loan.status}>
      <div className="title-row">
        <h2>
          <Amount value={loan.amount} />
        </h2>
        <LoanStatusBadge status={loan.status} />
      </div>
      <LoanTermsLine loan={loan} />
      {loan.status === 'aktif' && (
        <>
          <NextInstallment cooperativeId={scope.cooperativeId} loanId={loan.id} />
          <SelfRepayment scope={scope} loanId={loan.id} />
        </>
      )}
      {loan.status === 'diajukan' && (
        <PendingApprovals cooperativeId={scope.cooperativeId} loanId={loan.id} />
      )}
      <Link to={`/pinjaman/${loan.id}`} className="small" data-testid="my-loan-open">
        {t('loans.mine.open')} →
      </Link>
    </li>
  );
}

function MyLoans({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const loans = useMemberLoans(scope.cooperativeId, scope.membershipId);
  const items = loans.data?.items ?? [];
  return (
    <main className="page">
      <BackLink to="/">{t('app.backHome')}</BackLink>
      <div className="title-row">
        <h1 data-testid="my-loans-title">{t('loans.mine.title')}</h1>
        <Link to="/pinjaman/ajukan" className="button small primary" data-testid="my-loans-apply">
          {t('loans.apply.title')}
        </Link>
      </div>
      <p className="muted small">{t('loans.mine.intro')}</p>
      {loans.isError && <ErrorMessage error={loans.error} />}
      {loans.isPending && <LoadingMessage />}
      {loans.isSuccess && items.length === 0 && (
        <p className="muted" data-testid="my-loans-empty">
          {t('loans.mine.empty')}
        </p>
      )}
      <ul className="stack">
        {items.map((loan) => (
          <MyLoanCard key={loan.id} scope={scope} loan={loan} />
        ))}
      </ul>
    </main>
  );
}

/** `/pinjaman/saya`: the member's own applications and loans, in application order. */
export function MyLoansPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.mine.title')} allows={isAktifMember}>
      {(scope) => <MyLoans scope={scope} />}
    </LoanGate>
  );
}
