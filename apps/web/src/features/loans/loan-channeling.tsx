import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate, todayIso } from '../ledger/dates';
import { Amount, Notice } from '../ledger/ledger-ui';
import { formatRupiah } from '../ledger/rupiah';
import { parsePositiveAmount } from '../savings/savings-helpers';
import {
  channelingPackagePath,
  useAssignFunding,
  useBankFacilities,
  useCollectChanneled,
  useDisburseChanneled,
  useRecordBankDecision,
} from './facilities-api';
import {
  emptyBankDecisionFields,
  readBankDecisionForm,
  readChannelingDisbursement,
  type BankDecisionFields,
  type FieldErrors,
} from './facility-helpers';
import { DownloadLinks, InputField, SegmentedField } from './form-fields';
import { bpsToPercentText } from './loans-helpers';
import { InstallmentAmountsTable, looseT, type LoanScope } from './loans-ui';
import {
  channelingPayoutNames,
  loanChannelNames,
  type ChanneledLoan,
  type ChannelingDisbursementInput,
  type LoanChannel,
  type LoanDetail,
  type LoanFunding,
} from './loans-types';

// --- Funding: assign the loan to a facility -----------------------------------------------------

/** Which facility kinds may fund a loan in this status (assign-loan-to-facility.ts). */
function fundableKinds(status: LoanDetail['status']): readonly ('executing' | 'channeling')[] {
  if (status === 'disetujui') return ['executing', 'channeling'];
  if (status === 'diajukan' || status === 'aktif') return ['executing'];
  return [];
}

export function FundingForm({ scope, loan }: { scope: LoanScope; loan: LoanDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const facilities = useBankFacilities(scope.cooperativeId);
  const assign = useAssignFunding(scope.cooperativeId);
  const [facilityId, setFacilityId] = useState('');
  const [done, setDone] = useState<LoanFunding | null>(null);
  const kinds = fundableKinds(loan.status);
  const options = (facilities.data?.items ?? []).filter(
    (facility) => facility.status === 'aktif' && kinds.includes(facility.kind),
  );
  if (kinds.length === 0 || (facilities.isSuccess && options.length === 0)) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (facilityId === '') return;
    assign.mutate({ loanId: loan.id, facilityId }, { onSuccess: setDone });
  }
  return (
    <form className="form card section" onSubmit={submit} noValidate data-testid="funding-form">
      <h2>{t('loans.funding.title')}</h2>
      <p className="muted small">{t('loans.funding.intro')}</p>
      {done ? (
        <Notice testId="funding-done">{t(`loans.funding.done.${done.fundingKind}`)}</Notice>
      ) : (
        <>
          <label className="field">
            {t('loans.funding.facility')}
            <select
              value={facilityId}
              onChange={(event) => {
                setFacilityId(event.target.value);
              }}
              data-testid="funding-facility"
            >
              <option value="">{t('loans.apply.choose')}</option>
              {options.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {facility.bankCode} · {facility.agreementNumber} (
                  {t(`loans.facilities.kinds.${facility.kind}`)}) ·{' '}
                  {t('loans.funding.available', {
                    amount: formatRupiah(facility.available, locale),
                  })}
                </option>
              ))}
            </select>
          </label>
          {options.find((facility) => facility.id === facilityId)?.kind === 'channeling' && (
            <p className="muted small">{t('loans.funding.channelingNote')}</p>
          )}
          {assign.isError && <ErrorMessage error={assign.error} testId="funding-error" />}
          <button
            type="submit"
            className="button"
            disabled={assign.isPending || facilityId === ''}
            data-testid="funding-submit"
          >
            {assign.isPending ? t('loans.saving') : t('loans.funding.submit')}
          </button>
        </>
      )}
    </form>
  );
}

// --- Channeling: the bank's decision, payout and collections ------------------------------------

function BankDecisionForm({ scope, loanId }: { scope: LoanScope; loanId: string }) {
  const { t } = useTranslation();
  const record = useRecordBankDecision(scope.cooperativeId, loanId);
  const [fields, setFields] = useState<BankDecisionFields>(() =>
    emptyBankDecisionFields(todayIso()),
  );
  const [errors, setErrors] = useState<FieldErrors<keyof BankDecisionFields>>({});
  const set = (key: keyof BankDecisionFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
  };
  const errorText = (key: keyof BankDecisionFields) => {
    const code = errors[key];
    return code === undefined ? undefined : looseT(t)(`loans.facilities.errors.${code}`);
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readBankDecisionForm(fields);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) record.mutate(result.value);
  }
  const isApproved = fields.decision === 'approved';
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="bank-decision-form">
      <h3>{t('loans.channeling.decisionTitle')}</h3>
      <SegmentedField
        legend={t('loans.channeling.decision')}
        name="bank-decision"
        options={['approved', 'rejected'] as const}
        value={fields.decision}
        onChange={(decision) => {
          setFields((current) => ({ ...current, decision }));
        }}
        labelOf={(decision) => t(`loans.channeling.decisions.${decision}`)}
        testId="bank-decision"
      />
      <InputField
        label={t('loans.channeling.bankReference')}
        value={fields.bankReference}
        onChange={set('bankReference')}
        error={errorText('bankReference')}
        testId="bank-decision-reference"
      />
      <InputField
        label={t('loans.channeling.decidedOn')}
        type="date"
        value={fields.decidedOn}
        onChange={set('decidedOn')}
        error={errorText('decidedOn')}
        testId="bank-decision-date"
      />
      {isApproved && (
        <>
          <p className="muted small">{t('loans.channeling.termsHint')}</p>
          <InputField
            label={t('loans.channeling.approvedAmount')}
            value={fields.approvedAmount}
            onChange={set('approvedAmount')}
            error={errorText('approvedAmount')}
            inputMode="numeric"
            testId="bank-decision-amount"
          />
          <InputField
            label={t('loans.channeling.ratePerMonth')}
            value={fields.ratePercent}
            onChange={set('ratePercent')}
            error={errorText('ratePercent')}
            inputMode="decimal"
            testId="bank-decision-rate"
          />
          <InputField
            label={t('loans.channeling.installments')}
            value={fields.installments}
            onChange={set('installments')}
            error={errorText('installments')}
            inputMode="numeric"
            testId="bank-decision-installments"
          />
        </>
      )}
      <InputField
        label={t('loans.channeling.note')}
        value={fields.note}
        onChange={set('note')}
        error={errorText('note')}
        testId="bank-decision-note"
      />
      {record.isError && <ErrorMessage error={record.error} testId="bank-decision-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={record.isPending}
        data-testid="bank-decision-submit"
      >
        {record.isPending ? t('loans.saving') : t('loans.channeling.recordDecision')}
      </button>
    </form>
  );
}

function ChanneledDisbursementForm({ scope, loanId }: { scope: LoanScope; loanId: string }) {
  const { t } = useTranslation();
  const disburse = useDisburseChanneled(scope.cooperativeId, loanId);
  const [payout, setPayout] = useState<ChannelingDisbursementInput['payout']>('bank_direct');
  const [disbursedOn, setDisbursedOn] = useState(todayIso);
  const [bankReference, setBankReference] = useState('');
  const [hasError, setHasError] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const body = readChannelingDisbursement({ payout, disbursedOn, bankReference });
    setHasError(body === null);
    if (body) disburse.mutate(body);
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="channeled-disburse-form">
      <h3>{t('loans.channeling.disburseTitle')}</h3>
      <SegmentedField
        legend={t('loans.channeling.payout')}
        name="channeled-payout"
        options={channelingPayoutNames}
        value={payout}
        onChange={setPayout}
        labelOf={(option) => t(`loans.channeling.payouts.${option}`)}
        testId="channeled-payout"
      />
      <InputField
        label={t('loans.channeling.disbursedOn')}
        type="date"
        value={disbursedOn}
        onChange={setDisbursedOn}
        testId="channeled-disbursed-on"
      />
      <InputField
        label={t('loans.channeling.bankReference')}
        value={bankReference}
        onChange={setBankReference}
        error={hasError ? t('loans.facilities.errors.reference') : undefined}
        testId="channeled-disburse-reference"
      />
      {disburse.isError && (
        <ErrorMessage error={disburse.error} testId="channeled-disburse-error" />
      )}
      <button
        type="submit"
        className="button primary"
        disabled={disburse.isPending}
        data-testid="channeled-disburse-submit"
      >
        {disburse.isPending ? t('loans.saving') : t('loans.channeling.recordDisbursement')}
      </button>
    </form>
  );
}

function CollectionForm({ scope, loanId }: { scope: LoanScope; loanId: string }) {
  const { t } = useTranslation();
  const collect = useCollectChanneled(scope.cooperativeId, loanId);
  const [channel, setChannel] = useState<LoanChannel>('cash');
  const [amount, setAmount] = useState('');
  const [hasError, setHasError] = useState(false);
  const [isDone, setIsDone] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = parsePositiveAmount(amount);
    setHasError(value === null);
    setIsDone(false);
    if (value === null) return;
    collect.mutate(
      { channel, amount: value },
      {
        onSuccess: () => {
          setIsDone(true);
          setAmount('');
        },
      },
    );
  }
  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="channeled-collect-form">
      <h3>{t('loans.channeling.collectTitle')}</h3>
      <p className="muted small">{t('loans.channeling.collectIntro')}</p>
      <SegmentedField
        legend={t('loans.teller.channel')}
        name="channeled-collect-channel"
        options={loanChannelNames}
        value={channel}
        onChange={setChannel}
        labelOf={(option) => t(`loans.teller.channels.${option}`)}
        testId="channeled-collect-channel"
      />
      <InputField
        label={t('loans.teller.amount')}
        value={amount}
        onChange={setAmount}
        error={hasError ? t('loans.teller.amountError') : undefined}
        inputMode="numeric"
        testId="channeled-collect-amount"
      />
      {isDone && <Notice testId="channeled-collect-done">{t('loans.teller.posted')}</Notice>}
      {collect.isError && <ErrorMessage error={collect.error} testId="channeled-collect-error" />}
      <button
        type="submit"
        className="button primary"
        disabled={collect.isPending}
        data-testid="channeled-collect-submit"
      >
        {collect.isPending ? t('loans.teller.posting') : t('loans.teller.submit')}
      </button>
    </form>
  );
}

function ChanneledFacts({ channeled }: { channeled: ChanneledLoan }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <dl className="details" data-testid="channeling-facts">
      {channeled.bankDecision && (
        <>
          <dt>{t('loans.channeling.decision')}</dt>
          <dd>
            {t(`loans.channeling.decisions.${channeled.bankDecision}`)} ·{' '}
            {channeled.bankReference ?? '—'}
            {channeled.bankDecidedOn && ` · ${formatDate(channeled.bankDecidedOn, locale)}`}
            {channeled.bankDecisionNote && (
              <span className="block muted">“{channeled.bankDecisionNote}”</span>
            )}
          </dd>
        </>
      )}
      {channeled.principal !== null && (
        <>
          <dt>{t('loans.channeling.approvedAmount')}</dt>
          <dd>
            <Amount value={channeled.principal} />
            {channeled.interestRateBpsPerMonth !== null &&
              channeled.installments !== null &&
              ` · ${t('loans.channeling.terms', {
                rate: bpsToPercentText(channeled.interestRateBpsPerMonth, locale),
                count: channeled.installments,
              })}`}
          </dd>
        </>
      )}
      {channeled.payout && channeled.disbursedOn && (
        <>
          <dt>{t('loans.channeling.disbursedOn')}</dt>
          <dd>
            {formatDate(channeled.disbursedOn, locale)} ·{' '}
            {t(`loans.channeling.payouts.${channeled.payout}`)} ·{' '}
            {channeled.disbursementReference ?? '—'}
          </dd>
        </>
      )}
      <dt>{t('loans.channeling.collected')}</dt>
      <dd>
        <Amount value={channeled.principalCollected} /> +{' '}
        <Amount value={channeled.interestCollected} />
      </dd>
      <dt>{t('loans.detail.outstanding')}</dt>
      <dd data-testid="channeling-outstanding" data-amount={channeled.principalOutstanding}>
        <Amount value={channeled.principalOutstanding} />
      </dd>
    </dl>
  );
}

function ChanneledSchedule({ channeled }: { channeled: ChanneledLoan }) {
  const { t } = useTranslation();
  if (channeled.schedule.length === 0) return null;
  return (
    <InstallmentAmountsTable
      label={t('loans.schedule.title')}
      testId="channeling-schedule"
      rows={channeled.schedule}
    />
  );
}

function Collections({ channeled }: { channeled: ChanneledLoan }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (channeled.collections.length === 0) return null;
  return (
    <>
      <h3>{t('loans.channeling.collections')}</h3>
      <ul className="plain-list stack">
        {channeled.collections.map((row) => (
          <li key={row.id} className="small" data-testid="channeling-collection">
            {formatDate(row.paidOn, locale)} · <Amount value={row.amount} /> (
            {t(`loans.teller.channels.${row.channel}`)}) ·{' '}
            {row.isRemitted ? t('loans.channeling.remitted') : t('loans.channeling.held')}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A channeled loan: the bank's case, its documents, and the step that comes next. */
export function ChannelingPanel({
  scope,
  channeled,
}: {
  scope: LoanScope;
  channeled: ChanneledLoan;
}) {
  const { t } = useTranslation();
  const canManage = scope.loans.canManageFacilities;
  return (
    <section className="card section stack" data-testid="channeling-panel">
      <div className="title-row">
        <h2>{t('loans.channeling.title')}</h2>
        <span className="badge" data-testid="channeling-status" data-status={channeled.status}>
          {t(`loans.channeling.statuses.${channeled.status}`)}
        </span>
      </div>
      {scope.loans.canReadAll ? (
        <>
          <p className="muted small">{t('loans.channeling.intro')}</p>
          <DownloadLinks
            label={t('loans.channeling.package')}
            pathOf={(format) =>
              channelingPackagePath(scope.cooperativeId, channeled.loanId, format)
            }
            testId="channeling-package"
            pdfLabel={t('loans.pdf')}
            xlsxLabel={t('loans.xlsx')}
          />
        </>
      ) : (
        <p className="muted small" data-testid="channeling-borrower-intro">
          {t(`loans.channeling.borrowerIntro.${channeled.status}`)}
        </p>
      )}
      <ChanneledFacts channeled={channeled} />
      {canManage && channeled.status === 'menunggu_bank' && (
        <BankDecisionForm scope={scope} loanId={channeled.loanId} />
      )}
      {canManage && channeled.status === 'disetujui_bank' && (
        <ChanneledDisbursementForm scope={scope} loanId={channeled.loanId} />
      )}
      {scope.loans.canCollectChanneling && channeled.status === 'aktif' && (
        <CollectionForm scope={scope} loanId={channeled.loanId} />
      )}
      <ChanneledSchedule channeled={channeled} />
      <Collections channeled={channeled} />
    </section>
  );
}
