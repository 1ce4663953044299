import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/use-locale';
import { formatRupiah, groupDigits } from './rupiah';

/** A rupiah amount from the API, grouped for the UI's language; negatives marked. */
export function Amount({
  value,
  testId,
  isBare = false,
}: {
  value: string;
  testId?: string;
  /** Digits only, for tables whose column header already says "(Rp)". */
  isBare?: boolean;
}) {
  const { locale } = useLocale();
  return (
    <span className={value.startsWith('-') ? 'amount negative' : 'amount'} data-testid={testId}>
      {isBare ? groupDigits(value, locale) : formatRupiah(value, locale)}
    </span>
  );
}

/** An account as one table cell: its code small above its name (saves a column on phones). */
export function AccountCell({ code, children }: { code: string; children: ReactNode }) {
  return (
    <>
      <span className="account-code">{code}</span>
      {children}
    </>
  );
}

/** Wide tables scroll sideways inside this box, never the page (360px phones). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A focusable, labelled region, so keyboard users can scroll it too.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A confirmation that appears after an action succeeded. */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="notice" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

const knownSourceTypes = {
  'ledger.manual': 'manual',
  'ledger.reversal': 'reversal',
  'ledger.year_end_close': 'yearEndClose',
} as const;

export const sourceTypeOptions = Object.keys(knownSourceTypes);

/** A journal's source in words when we know it ("Jurnal manual"), else its code. */
export function useSourceTypeLabel(): (sourceType: string) => string {
  const { t } = useTranslation();
  return (sourceType) => {
    const key = Object.hasOwn(knownSourceTypes, sourceType)
      ? knownSourceTypes[sourceType as keyof typeof knownSourceTypes]
      : null;
    return key === null ? sourceType : t(`ledger.sourceTypes.${key}`);
  };
}
