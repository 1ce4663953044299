import { DomainError } from '../../../platform/domain-error.js';
import { checkCollectibilityBands } from '../rules/collectibility.js';
import { upsertDayEndSettings } from '../loans-day-end.sql.js';
import type { LoansContext } from '../loans.types.js';
import type { LoanDayEndSettings } from '../queries/get-loan-day-end-settings.js';

/**
 * The pengurus set the collectibility bands and allowance rates per scheme (under SAK EP these
 * are a management policy, rules.md §5.1); the next day-end classes and reserves by them.
 *
 * Refuses: loans.invalid_collectibility_settings.
 */
export async function setLoanDayEndSettings(
  ctx: LoansContext,
  input: Omit<LoanDayEndSettings, 'isDefault'>,
): Promise<LoanDayEndSettings> {
  for (const [scheme, bands] of Object.entries(input.bands)) {
    try {
      checkCollectibilityBands(bands);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new DomainError('loans.invalid_collectibility_settings', {
        reason: `${scheme}: ${error.message}`,
      });
    }
  }
  // KSP_2009 has four classes: a DPK band there would class loans in a class it does not know.
  if (input.bands.KSP_2009.some((band) => band.collectibility === 'dalam_perhatian_khusus'))
    throw new DomainError('loans.invalid_collectibility_settings', {
      reason: 'KSP_2009 has no dalam_perhatian_khusus class',
    });
  await upsertDayEndSettings(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    bands: { KSP_2009: [...input.bands.KSP_2009], OJK_BANK: [...input.bands.OJK_BANK] },
    allowanceRates: { ...input.allowanceRatesBps },
    updatedAt: ctx.now,
    updatedBy: ctx.actorPersonId,
  });
  return { ...input, isDefault: false };
}
