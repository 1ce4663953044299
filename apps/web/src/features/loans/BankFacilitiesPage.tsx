import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { formatDate, todayIso } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { BackLink } from '../members/member-scope';
import {
  useAddPartnerBank,
  useBankFacilities,
  useOpenFacility,
  usePartnerBanks,
} from './facilities-api';
import {
  emptyFacilityFields,
  emptyPartnerBankFields,
  facilityUsedBps,
  readFacilityForm,
  readPartnerBankForm,
  type FacilityFields,
  type FieldErrors,
  type PartnerBankFields,
} from './facility-helpers';
import { InputField, SegmentedField } from './form-fields';
import { bpsToPercentText } from './loans-helpers';
import { LoanGate, looseT, type LoanScope } from './loans-ui';
import {
  facilityKindNames,
  ratePeriodNames,
  type BankFacility,
  type PartnerBank,
} from './loans-types';

/** The text of a facility form error key (loans.facilities.errors.*), or undefined. */
function useErrorText() {
  const { t } = useTranslation();
  return (key: string | undefined) =>
    key === undefined ? undefined : looseT(t)(`loans.facilities.errors.${key}`);
}

function AddBankForm({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddPartnerBank(cooperativeId);
  const [fields, setFields] = useState<PartnerBankFields>(emptyPartnerBankFields);
  const [errors, setErrors] = useState<FieldErrors<keyof PartnerBankFields>>({});
  const [saved, setSaved] = useState<PartnerBank | null>(null);
  const set = (key: keyof PartnerBankFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readPartnerBankForm(fields);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    add.mutate(result.value, {
      onSuccess: (bank) => {
        setSaved(bank);
        setFields(emptyPartnerBankFields);
      },
    });
  }
  return (
    <details className="card section">
      <summary data-testid="bank-add-toggle">{t('loans.facilities.addBank')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="bank-add-form">
        <InputField
          label={t('loans.facilities.bankCode')}
          value={fields.code}
          onChange={set('code')}
          error={errorText(errors.code)}
          hint={t('loans.facilities.bankCodeHint')}
          testId="bank-code"
        />
        <InputField
          label={t('loans.facilities.bankName')}
          value={fields.name}
          onChange={set('name')}
          error={errorText(errors.name)}
          testId="bank-name"
        />
        <InputField
          label={t('loans.facilities.contactName')}
          value={fields.contactName}
          onChange={set('contactName')}
          error={errorText(errors.contactName)}
          testId="bank-contact-name"
        />
        <InputField
          label={t('loans.facilities.contactPhone')}
          type="tel"
          value={fields.contactPhone}
          onChange={set('contactPhone')}
          error={errorText(errors.contactPhone)}
          testId="bank-contact-phone"
        />
        {saved && (
          <Notice testId="bank-saved">
            {t('loans.facilities.bankSaved', { code: saved.code })}
          </Notice>
        )}
        {add.isError && <ErrorMessage error={add.error} testId="bank-error" />}
        <button
          type="submit"
          className="button primary"
          disabled={add.isPending}
          data-testid="bank-save"
        >
          {add.isPending ? t('loans.saving') : t('loans.facilities.saveBank')}
        </button>
      </form>
    </details>
  );
}

function BanksList({ banks }: { banks: readonly PartnerBank[] }) {
  const { t } = useTranslation();
  if (banks.length === 0) return <p className="muted small">{t('loans.facilities.noBanks')}</p>;
  return (
    <ul className="plain-list stack">
      {banks.map((bank) => (
        <li key={bank.id} className="small" data-testid="partner-bank">
          <strong>{bank.code}</strong> · {bank.name}
          {(bank.contactName ?? bank.contactPhone) && (
            <span className="block muted">
              {[bank.contactName, bank.contactPhone].filter(Boolean).join(' · ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function FacilityTextFields({
  fields,
  set,
  errors,
}: {
  fields: FacilityFields;
  set: (key: keyof FacilityFields) => (value: string) => void;
  errors: FieldErrors<keyof FacilityFields>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <InputField
        label={t('loans.facilities.agreementNumber')}
        value={fields.agreementNumber}
        onChange={set('agreementNumber')}
        error={errorText(errors.agreementNumber)}
        testId="facility-agreement"
      />
      <InputField
        label={t('loans.facilities.plafond')}
        value={fields.plafond}
        onChange={set('plafond')}
        error={errorText(errors.plafond)}
        inputMode="numeric"
        testId="facility-plafond"
      />
      <InputField
        label={t('loans.facilities.quota')}
        value={fields.quotaPerMember}
        onChange={set('quotaPerMember')}
        error={errorText(errors.quotaPerMember)}
        inputMode="numeric"
        testId="facility-quota"
      />
      <InputField
        label={t('loans.facilities.rate')}
        value={fields.ratePercent}
        onChange={set('ratePercent')}
        error={errorText(errors.ratePercent)}
        inputMode="decimal"
        testId="facility-rate"
      />
      <InputField
        label={t('loans.facilities.tenorMonths')}
        value={fields.tenorMonths}
        onChange={set('tenorMonths')}
        error={errorText(errors.tenorMonths)}
        inputMode="numeric"
        testId="facility-tenor"
      />
      {fields.kind === 'channeling' && (
        <InputField
          label={t('loans.facilities.fee')}
          value={fields.feePercent}
          onChange={set('feePercent')}
          error={errorText(errors.feePercent)}
          hint={t('loans.facilities.feeHint')}
          inputMode="decimal"
          testId="facility-fee"
        />
      )}
      <InputField
        label={t('loans.facilities.openedOn')}
        type="date"
        value={fields.openedOn}
        onChange={set('openedOn')}
        error={errorText(errors.openedOn)}
        testId="facility-opened-on"
      />
    </>
  );
}

function OpenFacilityForm({
  cooperativeId,
  banks,
}: {
  cooperativeId: string;
  banks: readonly PartnerBank[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const open = useOpenFacility(cooperativeId);
  const [fields, setFields] = useState<FacilityFields>(() => emptyFacilityFields(todayIso()));
  const [errors, setErrors] = useState<FieldErrors<keyof FacilityFields>>({});
  const [opened, setOpened] = useState<BankFacility | null>(null);
  const set = (key: keyof FacilityFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readFacilityForm(fields);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    open.mutate(result.value, {
      onSuccess: (facility) => {
        setOpened(facility);
        setFields(emptyFacilityFields(todayIso()));
      },
    });
  }
  return (
    <details className="card section">
      <summary data-testid="facility-add-toggle">{t('loans.facilities.add')}</summary>
      <form className="form" onSubmit={submit} noValidate data-testid="facility-form">
        <label className="field">
          {t('loans.facilities.bank')}
          <select
            value={fields.bankId}
            onChange={(event) => {
              set('bankId')(event.target.value);
            }}
            aria-invalid={errors.bankId ? true : undefined}
            data-testid="facility-bank"
          >
            <option value="">{t('loans.apply.choose')}</option>
            {banks.map((bank) => (
              <option key={bank.id} value={bank.id}>
                {bank.code} · {bank.name}
              </option>
            ))}
          </select>
          {errors.bankId && <span className="field-error">{errorText(errors.bankId)}</span>}
        </label>
        <SegmentedField
          legend={t('loans.facilities.kind')}
          name="facility-kind"
          options={facilityKindNames}
          value={fields.kind}
          onChange={(kind) => {
            setFields((current) => ({ ...current, kind }));
          }}
          labelOf={(kind) => t(`loans.facilities.kinds.${kind}`)}
          testId="facility-kind"
        />
        <p className="muted small">{t(`loans.facilities.kindHints.${fields.kind}`)}</p>
        <SegmentedField
          legend={t('loans.facilities.ratePeriod')}
          name="facility-rate-period"
          options={ratePeriodNames}
          value={fields.ratePeriod}
          onChange={(ratePeriod) => {
            setFields((current) => ({ ...current, ratePeriod }));
          }}
          labelOf={(period) => t(`loans.facilities.ratePeriods.${period}`)}
          testId="facility-rate-period"
        />
        <FacilityTextFields fields={fields} set={set} errors={errors} />
        {opened && (
          <Notice testId="facility-saved">
            {t('loans.facilities.saved', { agreement: opened.agreementNumber })}
          </Notice>
        )}
        {open.isError && <ErrorMessage error={open.error} testId="facility-error" />}
        <button
          type="submit"
          className="button primary"
          disabled={open.isPending}
          data-testid="facility-save"
        >
          {open.isPending ? t('loans.saving') : t('loans.facilities.save')}
        </button>
      </form>
    </details>
  );
}

/** "1,5% per bulan" or "12% per tahun". */
export function FacilityRate({ facility }: { facility: BankFacility }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      {t('loans.facilities.rateValue', {
        rate: bpsToPercentText(facility.interestRateBps, locale),
        period: t(`loans.facilities.ratePeriods.${facility.ratePeriod}`),
      })}
    </>
  );
}

export function FacilityCard({ facility }: { facility: BankFacility }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const usedBps = facilityUsedBps(facility);
  return (
    <li className="card" data-testid="facility" data-facility-id={facility.id}>
      <div className="title-row">
        <h3>
          <Link to={`/pinjaman/fasilitas/${facility.id}`} data-testid="facility-open">
            {facility.bankCode} · {facility.agreementNumber}
          </Link>
        </h3>
        <span className={`badge ${facility.status === 'aktif' ? 'ok-badge' : 'muted-badge'}`}>
          {t(`loans.facilities.statuses.${facility.status}`)}
        </span>
      </div>
      <p className="muted small">
        {t(`loans.facilities.kinds.${facility.kind}`)} · <FacilityRate facility={facility} /> ·{' '}
        {t('loans.facilities.tenorValue', { count: facility.tenorMonths })} ·{' '}
        {formatDate(facility.openedOn, locale)}
      </p>
      <meter
        className="block"
        min={0}
        max={10_000}
        value={usedBps}
        aria-label={t('loans.facilities.used')}
      />
      <p className="small" data-testid="facility-used" data-used-bps={usedBps}>
        {t('loans.facilities.usedValue', { percent: bpsToPercentText(usedBps, locale) })}
      </p>
      <dl className="totals">
        {(['plafond', 'drawn', 'outstanding', 'assigned', 'available'] as const).map((key) => (
          <div key={key} className="totals-row">
            <dt>{t(`loans.facilities.figures.${key}`)}</dt>
            <dd data-testid={`facility-${key}`} data-amount={facility[key]}>
              <Amount value={facility[key]} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function Facilities({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const banks = usePartnerBanks(scope.cooperativeId);
  const facilities = useBankFacilities(scope.cooperativeId);
  const bankItems = banks.data?.items ?? [];
  const facilityItems = facilities.data?.items ?? [];
  const canManage = scope.loans.canManageFacilities;
  return (
    <main className="page">
      <BackLink to="/pinjaman">{t('loans.back')}</BackLink>
      <h1 data-testid="facilities-title">{t('loans.facilities.title')}</h1>
      <p className="muted small">{t('loans.facilities.intro')}</p>
      {!canManage && <p className="muted small">{t('loans.facilities.readOnly')}</p>}
      <section className="section">
        <h2>{t('loans.facilities.list')}</h2>
        {facilities.isError && <ErrorMessage error={facilities.error} />}
        {facilities.isPending && <LoadingMessage />}
        {facilities.isSuccess && facilityItems.length === 0 && (
          <p className="muted">{t('loans.facilities.empty')}</p>
        )}
        <ul className="stack">
          {facilityItems.map((facility) => (
            <FacilityCard key={facility.id} facility={facility} />
          ))}
        </ul>
        {canManage && banks.isSuccess && bankItems.length === 0 && (
          <p className="muted small">{t('loans.facilities.needBank')}</p>
        )}
        {canManage && bankItems.length > 0 && (
          <OpenFacilityForm cooperativeId={scope.cooperativeId} banks={bankItems} />
        )}
      </section>
      <section className="section">
        <h2>{t('loans.facilities.banks')}</h2>
        {banks.isError && <ErrorMessage error={banks.error} />}
        {banks.isPending && <LoadingMessage />}
        {banks.isSuccess && <BanksList banks={bankItems} />}
        {canManage && <AddBankForm cooperativeId={scope.cooperativeId} />}
      </section>
    </main>
  );
}

/** `/pinjaman/fasilitas`: partner banks and their facilities, with plafond and utilization. */
export function BankFacilitiesPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.facilities.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <Facilities scope={scope} />}
    </LoanGate>
  );
}
