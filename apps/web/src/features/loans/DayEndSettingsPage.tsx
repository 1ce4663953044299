import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { Notice, TableScroll } from '../ledger/ledger-ui';
import { BackLink } from '../members/member-scope';
import { useDayEndSettings, useSetDayEndSettings } from './day-end-api';
import { LoanGate, looseT, type LoanScope } from './loans-ui';
import {
  bandRangeText,
  collectibilitySchemeKeys,
  dayEndSettingsFieldsOf,
  readDayEndSettingsForm,
  type BandFields,
  type DayEndSettingsErrors,
  type DayEndSettingsFields,
} from './servicing-helpers';
import type { CollectibilityScheme, LoanDayEndSettings } from './loans-types';

function SchemeTable({
  scheme,
  rows,
  errors,
  isReadOnly,
  onChange,
}: {
  scheme: CollectibilityScheme;
  rows: readonly BandFields[];
  errors: DayEndSettingsErrors;
  isReadOnly: boolean;
  onChange: (index: number, patch: Partial<BandFields>) => void;
}) {
  const { t } = useTranslation();
  const bands = rows.map((row, index) => ({
    maxDaysPastDue:
      index === rows.length - 1 || !/^\d+$/.test(row.maxDaysPastDue.trim())
        ? null
        : Number(row.maxDaysPastDue),
  }));
  return (
    <section className="section" data-testid={`day-end-scheme-${scheme}`}>
      <h2>{t(`loans.schemes.${scheme}`)}</h2>
      <TableScroll label={t(`loans.schemes.${scheme}`)}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('loans.collections.collectibility')}</th>
              <th scope="col">{t('loans.dayEndSettings.maxDays')}</th>
              <th scope="col">{t('loans.dayEndSettings.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const isLast = index === rows.length - 1;
              const daysError = errors[`${scheme}.${String(index)}.days`];
              const rateError = errors[`${scheme}.${String(index)}.rate`];
              return (
                <tr key={row.collectibility} data-testid="day-end-band">
                  <td className="name-cell">
                    {looseT(t)(`loans.collectibilities.${row.collectibility}`)}
                    <span className="block muted small">
                      {t('loans.dayEndSettings.days', { range: bandRangeText(bands, index) })}
                    </span>
                  </td>
                  <td>
                    {isLast ? (
                      <span className="muted small">{t('loans.dayEndSettings.unbounded')}</span>
                    ) : (
                      <input
                        inputMode="numeric"
                        size={5}
                        value={row.maxDaysPastDue}
                        disabled={isReadOnly}
                        aria-label={t('loans.dayEndSettings.maxDays')}
                        aria-invalid={daysError ? true : undefined}
                        onChange={(event) => {
                          onChange(index, { maxDaysPastDue: event.target.value });
                        }}
                        data-testid={`band-days-${scheme}-${String(index)}`}
                      />
                    )}
                    {daysError && (
                      <span className="field-error block">
                        {t('loans.dayEndSettings.daysError')}
                      </span>
                    )}
                  </td>
                  <td>
                    <input
                      inputMode="decimal"
                      size={5}
                      value={row.ratePercent}
                      disabled={isReadOnly}
                      aria-label={t('loans.dayEndSettings.rate')}
                      aria-invalid={rateError ? true : undefined}
                      onChange={(event) => {
                        onChange(index, { ratePercent: event.target.value });
                      }}
                      data-testid={`band-rate-${scheme}-${String(index)}`}
                    />
                    {rateError && (
                      <span className="field-error block">
                        {t('loans.dayEndSettings.rateError')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function SettingsForm({ scope, settings }: { scope: LoanScope; settings: LoanDayEndSettings }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const save = useSetDayEndSettings(scope.cooperativeId);
  const [fields, setFields] = useState<DayEndSettingsFields>(() =>
    dayEndSettingsFieldsOf(settings, locale),
  );
  const [errors, setErrors] = useState<DayEndSettingsErrors>({});
  const [isSaved, setIsSaved] = useState(false);
  const isReadOnly = !scope.loans.canSetDayEndSettings;
  function change(scheme: CollectibilityScheme, index: number, patch: Partial<BandFields>) {
    setIsSaved(false);
    setFields((current) => ({
      ...current,
      [scheme]: current[scheme].map((row, at) => (at === index ? { ...row, ...patch } : row)),
    }));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = readDayEndSettingsForm(fields, settings);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    save.mutate(result.value, {
      onSuccess: () => {
        setIsSaved(true);
      },
    });
  }
  return (
    <form className="form" onSubmit={submit} noValidate data-testid="day-end-settings-form">
      <p className="muted small" data-testid="day-end-settings-source">
        {settings.isDefault ? t('loans.dayEndSettings.isDefault') : t('loans.dayEndSettings.isSet')}
      </p>
      {isReadOnly && <p className="muted small">{t('loans.dayEndSettings.readOnly')}</p>}
      {collectibilitySchemeKeys.map((scheme) => (
        <SchemeTable
          key={scheme}
          scheme={scheme}
          rows={fields[scheme]}
          errors={errors}
          isReadOnly={isReadOnly}
          onChange={(index, patch) => {
            change(scheme, index, patch);
          }}
        />
      ))}
      {isSaved && (
        <Notice testId="day-end-settings-saved">{t('loans.dayEndSettings.saved')}</Notice>
      )}
      {save.isError && <ErrorMessage error={save.error} testId="day-end-settings-error" />}
      {!isReadOnly && (
        <button
          type="submit"
          className="button primary"
          disabled={save.isPending}
          data-testid="day-end-settings-save"
        >
          {save.isPending ? t('loans.saving') : t('loans.dayEndSettings.save')}
        </button>
      )}
    </form>
  );
}

function Settings({ scope }: { scope: LoanScope }) {
  const { t } = useTranslation();
  const settings = useDayEndSettings(scope.cooperativeId);
  return (
    <main className="page">
      <BackLink to="/pinjaman/portofolio">{t('loans.portfolio.title')}</BackLink>
      <h1 data-testid="day-end-settings-title">{t('loans.dayEndSettings.title')}</h1>
      <p className="muted small">{t('loans.dayEndSettings.intro')}</p>
      {settings.isError && <ErrorMessage error={settings.error} />}
      {settings.isPending && <LoadingMessage />}
      {settings.data && <SettingsForm scope={scope} settings={settings.data} />}
    </main>
  );
}

/** `/pinjaman/tutup-hari`: collectibility bands and allowance rates per scheme. */
export function DayEndSettingsPage() {
  const { t } = useTranslation();
  return (
    <LoanGate title={t('loans.dayEndSettings.title')} allows={(scope) => scope.loans.canReadAll}>
      {(scope) => <Settings scope={scope} />}
    </LoanGate>
  );
}
