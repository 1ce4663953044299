import type { ReactNode } from 'react';

/** A labelled text input with an optional hint and an error (already in the UI's language). */
export function InputField({
  label,
  value,
  onChange,
  error,
  testId,
  inputMode,
  type = 'text',
  hint,
  placeholder,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId: string;
  inputMode?: 'numeric' | 'decimal';
  type?: 'text' | 'date' | 'password' | 'tel';
  hint?: ReactNode;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <label className="field">
      {label}
      <input
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete={type === 'password' ? 'off' : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      {hint && <span className="muted small">{hint}</span>}
      {error && (
        <span className="field-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}

/** Radio buttons for a few fixed choices, laid out as a segmented control. */
export function SegmentedField<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labelOf,
  testId,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  labelOf: (option: T) => string;
  testId: string;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="segment">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => {
              onChange(option);
            }}
            data-testid={`${testId}-${option}`}
          />
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}

/** PDF and XLSX links for a document the server renders (same origin: the cookie goes along). */
export function DownloadLinks({
  label,
  pathOf,
  testId,
  pdfLabel,
  xlsxLabel,
}: {
  label: string;
  pathOf: (format: 'pdf' | 'xlsx') => string;
  testId: string;
  pdfLabel: string;
  xlsxLabel: string;
}) {
  return (
    <div className="download-row">
      <span className="small">{label}:</span>
      <a className="button small" href={pathOf('pdf')} download data-testid={`${testId}-pdf`}>
        {pdfLabel}
      </a>
      <a className="button small" href={pathOf('xlsx')} download data-testid={`${testId}-xlsx`}>
        {xlsxLabel}
      </a>
    </div>
  );
}
