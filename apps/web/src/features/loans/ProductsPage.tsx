import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Amount, Notice } from '../ledger/ledger-ui';
import { formatRupiah } from '../ledger/rupiah';
import { BackLink } from '../members/member-scope';
import { useLoanProducts, useSetLoanProduct } from './loans-api';
import {
  bpsToPercentText,
  emptyProductFields,
  productFieldsOf,
  readProductForm,
  type ProductErrors,
  type ProductFields,
  type TierFields,
} from './loans-helpers';
import { LoanGate, type LoanScope } from './loans-ui';
import {
  collectibilitySchemeNames,
  feeTreatmentNames,
  frequencyNames,
  interestMethodNames,
  type LoanProduct,
} from './loans-types';

function ProductCard({ product, canEdit }: { product: LoanProduct; canEdit: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <li className="card" data-testid="loan-product" data-code={product.code}>
      <div className="title-row">
        <h2>
          {product.name} <span className="muted small">{product.code}</span>
        </h2>
        {canEdit && (
          <Link
            to={`/pinjaman/produk/${encodeURIComponent(product.code)}`}
            className="button small"
            data-testid="loan-product-edit"
          >
            {t('loans.products.edit')}
          </Link>
        )}
      </div>
      {!product.isActive && <p className="badge muted-badge">{t('loans.products.inactive')}</p>}
      <p className="small">
        {t('loans.products.terms', {
          rate: bpsToPercentText(product.interestRateBpsPerMonth, locale),
          method: t(`loans.methods.${product.interestMethod}`),
          frequency: t(`loans.frequencies.${product.frequency}`),
        })}
      </p>
      <p className="small">{t('loans.products.tenors', { tenors: product.tenors.join(', ') })}</p>
      <p className="small">
        {t('loans.products.range')} <Amount value={product.minAmount} /> –{' '}
        <Amount value={product.maxAmount} />
      </p>
      <ul className="plain-list small">
        {product.approvalTiers.map((tier, index) => (
          <li key={index}>
            {tier.upTo === null
              ? t('loans.products.tierAbove', { count: tier.approvals })
              : t('loans.products.tierUpTo', {
                  count: tier.approvals,
                  amount: formatRupiah(tier.upTo, locale),
                })}
            {tier.requiresKetua && ` (${t('loans.products.withKetua')})`}
          </li>
        ))}
      </ul>
    </li>
  );
}

function ProductList({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const products = useLoanProducts(scope.cooperativeId);
  const items = products.data?.items ?? [];
  return (
    <main className="page">
      <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
      <div className="title-row">
        <h1 data-testid="loan-products-title">{t('loans.products.title')}</h1>
        {scope.loans.canSetProducts && (
          <Link to="/pinjaman/produk/baru" className="button small" data-testid="loan-product-add">
            {t('loans.products.add')}
          </Link>
        )}
      </div>
      <p className="muted small">{t('loans.products.intro')}</p>
      {!scope.loans.canSetProducts && <p className="muted small">{t('loans.products.readOnly')}</p>}
      {products.isError && <ErrorMessage error={products.error} />}
      {products.isPending && <LoadingMessage />}
      {products.isSuccess && items.length === 0 && (
        <p className="muted">{t('loans.products.empty')}</p>
      )}
      <ul className="stack">
        {items.map((product) => (
          <ProductCard key={product.code} product={product} canEdit={scope.loans.canSetProducts} />
        ))}
      </ul>
    </main>
  );
}

/** `/pinjaman/produk`: the products, for the back office to read and the board to change. */
export function ProductsPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.products.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <ProductList scope={scope} />}
    </LoanGate>
  );
}

// --- The form -----------------------------------------------------------------------------------

function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <label className="field">
      {label}
      {children}
      {hint && <span className="muted small">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

function ProductForm({
  scope,
  initial,
  isNew,
  initialSavedCode = null,
}: {
  scope: LoanScope;
  initial: ProductFields;
  isNew: boolean;
  /** A product just created on the "new" form, whose page this form now is. */
  initialSavedCode?: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSetLoanProduct(scope.cooperativeId);
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<ProductErrors>({});
  const [savedCode, setSavedCode] = useState<string | null>(initialSavedCode);

  function set<K extends keyof ProductFields>(key: K, value: ProductFields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
    setSavedCode(null);
  }
  function setTier(index: number, tier: Partial<TierFields>) {
    set(
      'approvalTiers',
      fields.approvalTiers.map((current, at) => (at === index ? { ...current, ...tier } : current)),
    );
  }
  const errorOf = (key: keyof ProductFields) => {
    const error = errors[key];
    return error ? t(`loans.products.errors.${error}`) : undefined;
  };
  const text = (key: keyof ProductFields, testId: string, inputMode?: 'numeric' | 'decimal') => (
    <input
      value={fields[key] as string}
      inputMode={inputMode}
      onChange={(event) => {
        set(key, event.target.value);
      }}
      aria-invalid={errors[key] ? true : undefined}
      data-testid={testId}
    />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readProductForm(fields);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.value, {
      onSuccess: (product) => {
        setSavedCode(product.code);
        if (isNew)
          void navigate(`/pinjaman/produk/${encodeURIComponent(product.code)}`, {
            state: { savedCode: product.code },
          });
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="loan-product-form">
      {isNew ? (
        <Field
          label={t('loans.products.form.code')}
          error={errorOf('code')}
          hint={t('loans.products.form.codeHint')}
        >
          {text('code', 'product-code')}
        </Field>
      ) : null}
      <Field label={t('loans.products.form.name')} error={errorOf('name')}>
        {text('name', 'product-name')}
      </Field>
      <Field label={t('loans.products.form.method')}>
        <select
          value={fields.interestMethod}
          onChange={(event) => {
            set('interestMethod', event.target.value as ProductFields['interestMethod']);
          }}
          data-testid="product-method"
        >
          {interestMethodNames.map((name) => (
            <option key={name} value={name}>
              {t(`loans.methods.${name}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('loans.products.form.rate')} error={errorOf('interestRatePercent')}>
        {text('interestRatePercent', 'product-rate', 'decimal')}
      </Field>
      <Field
        label={t('loans.products.form.tenors')}
        error={errorOf('tenors')}
        hint={t('loans.products.form.tenorsHint')}
      >
        {text('tenors', 'product-tenors')}
      </Field>
      <Field label={t('loans.products.form.frequency')}>
        <select
          value={fields.frequency}
          onChange={(event) => {
            set('frequency', event.target.value as ProductFields['frequency']);
          }}
          data-testid="product-frequency"
        >
          {frequencyNames.map((name) => (
            <option key={name} value={name}>
              {t(`loans.frequencies.${name}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label={t('loans.products.form.adminFee')} error={errorOf('adminFeePercent')}>
          {text('adminFeePercent', 'product-admin-fee', 'decimal')}
        </Field>
        <Field label={t('loans.products.form.provisionFee')} error={errorOf('provisionFeePercent')}>
          {text('provisionFeePercent', 'product-provision-fee', 'decimal')}
        </Field>
      </div>
      <Field label={t('loans.products.form.feeTreatment')}>
        <select
          value={fields.feeTreatment}
          onChange={(event) => {
            set('feeTreatment', event.target.value as ProductFields['feeTreatment']);
          }}
          data-testid="product-fee-treatment"
        >
          {feeTreatmentNames.map((name) => (
            <option key={name} value={name}>
              {t(`loans.feeTreatments.${name}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('loans.products.form.penalty')} error={errorOf('penaltyPercentPerDay')}>
        {text('penaltyPercentPerDay', 'product-penalty', 'decimal')}
      </Field>
      <Field label={t('loans.products.form.grace')} error={errorOf('graceInstallments')}>
        {text('graceInstallments', 'product-grace', 'numeric')}
      </Field>
      <Field
        label={t('loans.products.form.plafond')}
        error={errorOf('plafondSavingsMultiple')}
        hint={t('loans.products.form.plafondHint')}
      >
        {text('plafondSavingsMultiple', 'product-plafond', 'numeric')}
      </Field>
      <div className="field-row">
        <Field label={t('loans.products.form.minAmount')} error={errorOf('minAmount')}>
          {text('minAmount', 'product-min', 'numeric')}
        </Field>
        <Field label={t('loans.products.form.maxAmount')} error={errorOf('maxAmount')}>
          {text('maxAmount', 'product-max', 'numeric')}
        </Field>
      </div>
      <fieldset className="card" data-testid="product-tiers">
        <legend>{t('loans.products.form.tiers')}</legend>
        <p className="muted small">{t('loans.products.form.tiersHint')}</p>
        {fields.approvalTiers.map((tier, index) => {
          const isLast = index === fields.approvalTiers.length - 1;
          return (
            <div key={index} className="stack" data-testid="product-tier">
              {isLast ? (
                <p className="small">{t('loans.products.form.tierLast')}</p>
              ) : (
                <Field label={t('loans.products.form.tierUpTo')}>
                  <input
                    inputMode="numeric"
                    value={tier.upTo}
                    onChange={(event) => {
                      setTier(index, { upTo: event.target.value });
                    }}
                    data-testid="product-tier-up-to"
                  />
                </Field>
              )}
              <Field label={t('loans.products.form.tierApprovals')}>
                <input
                  inputMode="numeric"
                  value={tier.approvals}
                  onChange={(event) => {
                    setTier(index, { approvals: event.target.value });
                  }}
                  data-testid="product-tier-approvals"
                />
              </Field>
              <label className="segment">
                <input
                  type="checkbox"
                  checked={tier.requiresKetua}
                  onChange={(event) => {
                    setTier(index, { requiresKetua: event.target.checked });
                  }}
                  data-testid="product-tier-ketua"
                />
                {t('loans.products.form.tierKetua')}
              </label>
              {fields.approvalTiers.length > 1 && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    set(
                      'approvalTiers',
                      fields.approvalTiers.filter((_tier, at) => at !== index),
                    );
                  }}
                >
                  {t('loans.products.form.removeTier')}
                </button>
              )}
            </div>
          );
        })}
        {errors.approvalTiers && (
          <p className="field-error">{t(`loans.products.errors.${errors.approvalTiers}`)}</p>
        )}
        {fields.approvalTiers.length < 5 && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              // A new tier goes before the open-ended last one.
              const tiers = [...fields.approvalTiers];
              tiers.splice(tiers.length - 1, 0, { upTo: '', approvals: '1', requiresKetua: false });
              set('approvalTiers', tiers);
            }}
          >
            {t('loans.products.form.addTier')}
          </button>
        )}
      </fieldset>
      <Field label={t('loans.products.form.scheme')}>
        <select
          value={fields.collectibilityScheme}
          onChange={(event) => {
            set(
              'collectibilityScheme',
              event.target.value as ProductFields['collectibilityScheme'],
            );
          }}
          data-testid="product-scheme"
        >
          {collectibilitySchemeNames.map((name) => (
            <option key={name} value={name}>
              {t(`loans.schemes.${name}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="segment">
        <input
          type="checkbox"
          checked={fields.isActive}
          onChange={(event) => {
            set('isActive', event.target.checked);
          }}
          data-testid="product-active"
        />
        {t('loans.products.form.isActive')}
      </label>
      {save.isError && <ErrorMessage error={save.error} testId="product-error" />}
      {savedCode && (
        <Notice testId="product-saved">
          {t('loans.products.form.saved', { code: savedCode })}
        </Notice>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button primary"
          disabled={save.isPending}
          data-testid="product-save"
        >
          {save.isPending ? t('loans.products.form.saving') : t('loans.products.form.save')}
        </button>
        <Link to="/pinjaman/produk" className="button">
          {t('loans.products.form.cancel')}
        </Link>
      </div>
    </form>
  );
}

function EditProduct({ scope, code }: { scope: LoanScope; code: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const location = useLocation();
  const state = location.state as { savedCode?: string } | null;
  const products = useLoanProducts(scope.cooperativeId);
  const product = code === null ? null : products.data?.items.find((item) => item.code === code);
  return (
    <main className="page">
      <BackLink to="/pinjaman/produk">{t('loans.products.title')}</BackLink>
      <h1 data-testid="loan-product-form-title">
        {code === null
          ? t('loans.products.form.titleNew')
          : t('loans.products.form.titleEdit', { code })}
      </h1>
      {code === null ? (
        <ProductForm scope={scope} initial={emptyProductFields} isNew />
      ) : (
        <>
          {products.isError && <ErrorMessage error={products.error} />}
          {products.isPending && <LoadingMessage />}
          {products.isSuccess && !product && <p className="muted">{t('app.notFound')}</p>}
          {product && (
            <ProductForm
              key={product.code}
              scope={scope}
              initial={productFieldsOf(product, locale)}
              isNew={false}
              initialSavedCode={state?.savedCode === product.code ? product.code : null}
            />
          )}
        </>
      )}
    </main>
  );
}

/** `/pinjaman/produk/baru` and `/pinjaman/produk/:code`: set a product (ketua, bendahara, manajer). */
export function ProductFormPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  return (
    <LoanGate title={t('loans.products.title')} allows={(scope) => scope.loans.canSetProducts}>
      {(scope) => <EditProduct scope={scope} code={code ?? null} />}
    </LoanGate>
  );
}
