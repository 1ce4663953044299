import { useTranslation } from 'react-i18next';
import type { MemberFormError, MemberFormField, MemberFormValues } from './member-form';
import { occupationSegments } from './members-types';

/**
 * The fields of a member's record, shared by the officer's "Daftarkan anggota" form and a
 * person's own application (which has no phone or join date: the session knows the phone).
 */
export function MemberFields({
  values,
  errors,
  onChange,
  withPhone,
  testIdPrefix,
}: {
  values: MemberFormValues;
  errors: Partial<Record<MemberFormField, MemberFormError>>;
  onChange: (values: MemberFormValues) => void;
  withPhone: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const set = (field: MemberFormField) => (value: string) => {
    onChange({ ...values, [field]: value });
  };
  const text = (
    field: MemberFormField,
    options: { inputMode?: 'numeric' | 'tel'; type?: string; optional?: boolean } = {},
  ) => {
    const error = errors[field];
    const errorId = `${testIdPrefix}-${field}-error`;
    return (
      <label className="field">
        {t(`members.form.${field}`)}
        {options.optional && <span className="muted small"> {t('members.form.optional')}</span>}
        <input
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          value={values[field]}
          onChange={(event) => {
            set(field)(event.target.value);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={`${testIdPrefix}-${field}`}
        />
        {error && (
          <span className="field-error" id={errorId}>
            {t(`members.form.errors.${error}`)}
          </span>
        )}
      </label>
    );
  };
  return (
    <>
      {text('fullName')}
      {text('nik', { inputMode: 'numeric' })}
      {withPhone && text('phone', { inputMode: 'tel', type: 'tel' })}
      {text('address')}
      {text('village', { optional: true })}
      <label className="field">
        {t('members.form.occupationSegment')}
        <select
          value={values.occupationSegment}
          onChange={(event) => {
            set('occupationSegment')(event.target.value);
          }}
          aria-invalid={errors.occupationSegment ? true : undefined}
          data-testid={`${testIdPrefix}-occupationSegment`}
        >
          <option value="">{t('members.form.choose')}</option>
          {occupationSegments.map((segment) => (
            <option key={segment} value={segment}>
              {t(`members.segments.${segment}`)}
            </option>
          ))}
        </select>
        {errors.occupationSegment && (
          <span className="field-error">{t('members.form.errors.occupation')}</span>
        )}
      </label>
      {values.occupationSegment === 'karyawan' && text('employer', { optional: true })}
      {withPhone && text('joinedOn', { type: 'date', optional: true })}
    </>
  );
}
