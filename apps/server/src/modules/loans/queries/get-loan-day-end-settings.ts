import {
  defaultAllowanceRates,
  defaultCollectibilityBands,
  type AllowanceRates,
  type CollectibilityBand,
  type CollectibilityScheme,
} from '../rules/collectibility.js';
import { findDayEndSettings } from '../loans-day-end.sql.js';
import type { LoansReadContext } from '../loans.types.js';

export interface LoanDayEndSettings {
  bands: Record<CollectibilityScheme, CollectibilityBand[]>;
  allowanceRatesBps: Record<CollectibilityScheme, AllowanceRates>;
  isDefault: boolean;
}

/**
 * The cooperative's collectibility bands and allowance rates per scheme: its stored row, or the
 * defaults of rules/collectibility.ts (rules.md §5.1) when the pengurus set none.
 */
export async function getLoanDayEndSettings(ctx: LoansReadContext): Promise<LoanDayEndSettings> {
  const row = await findDayEndSettings(ctx.tx, ctx.cooperativeId);
  if (!row)
    return {
      bands: {
        KSP_2009: [...defaultCollectibilityBands.KSP_2009],
        OJK_BANK: [...defaultCollectibilityBands.OJK_BANK],
      },
      allowanceRatesBps: { ...defaultAllowanceRates },
      isDefault: true,
    };
  return {
    bands: {
      KSP_2009: [...(row.bands.KSP_2009 ?? defaultCollectibilityBands.KSP_2009)],
      OJK_BANK: [...(row.bands.OJK_BANK ?? defaultCollectibilityBands.OJK_BANK)],
    },
    allowanceRatesBps: {
      KSP_2009: row.allowanceRates.KSP_2009 ?? defaultAllowanceRates.KSP_2009,
      OJK_BANK: row.allowanceRates.OJK_BANK ?? defaultAllowanceRates.OJK_BANK,
    },
    isDefault: false,
  };
}
