import { divRoundHalfUp } from '@lumbung/shared/money';

export type CollectibilityScheme = 'KSP_2009' | 'OJK_BANK';
export type Collectibility =
  'lancar' | 'dalam_perhatian_khusus' | 'kurang_lancar' | 'diragukan' | 'macet';

/** Best to worst. */
export const collectibilities: readonly Collectibility[] = [
  'lancar',
  'dalam_perhatian_khusus',
  'kurang_lancar',
  'diragukan',
  'macet',
];

/** A loan falls in `collectibility` when its days past due are at most `maxDaysPastDue` (null: no upper bound). */
export interface CollectibilityBand {
  collectibility: Collectibility;
  maxDaysPastDue: number | null;
}

/** Bands from best to worst, upper bounds strictly increasing, the last one unbounded. */
export type CollectibilityBands = readonly CollectibilityBand[];

/**
 * Default day bands per scheme (rules.md §5.1). Configure per cooperative; these are defaults.
 *
 * KSP_2009 (Permenkop 14/2009, Perdep 06/2016 lineage): four classes, no DPK. The regulation
 * counts months of arrears for monthly installments: kurang lancar when principal is > 3 and
 * ≤ 6 months in arrears, so lancar ≤ 90 days and kurang lancar 91–180 days (a month = 30 days).
 * Diragukan and macet are defined there by collateral and rescue prospects, not by days; the day
 * bands used here, diragukan 181–270 and macet > 270, follow the older day-based Bank Indonesia
 * scheme that KSP practice copies (kurang lancar > 90, diragukan > 180, macet > 270 days:
 * https://text-id.123dok.com/document/ky6vegoq0-kolektibilitas-kredit-uraian-teoritis-1-pengertian-kredit.html).
 * Weekly loans are classed faster under the regulation (kurang lancar > 1 month); give them
 * their own bands if the cooperative applies that.
 *
 * OJK_BANK (bank style, uncertain for KSP): lancar 0, DPK 1–90, kurang lancar 91–120,
 * diragukan 121–180, macet > 180 days.
 */
export const defaultCollectibilityBands: Readonly<
  Record<CollectibilityScheme, CollectibilityBands>
> = {
  KSP_2009: [
    { collectibility: 'lancar', maxDaysPastDue: 90 },
    { collectibility: 'kurang_lancar', maxDaysPastDue: 180 },
    { collectibility: 'diragukan', maxDaysPastDue: 270 },
    { collectibility: 'macet', maxDaysPastDue: null },
  ],
  OJK_BANK: [
    { collectibility: 'lancar', maxDaysPastDue: 0 },
    { collectibility: 'dalam_perhatian_khusus', maxDaysPastDue: 90 },
    { collectibility: 'kurang_lancar', maxDaysPastDue: 120 },
    { collectibility: 'diragukan', maxDaysPastDue: 180 },
    { collectibility: 'macet', maxDaysPastDue: null },
  ],
};

/** Refuses a band table that would class some day count twice or not at all. */
export function checkCollectibilityBands(bands: CollectibilityBands): void {
  if (bands.length === 0) throw new RangeError('collectibility bands must not be empty');
  let previous = -1;
  bands.forEach((band, index) => {
    const isLast = index === bands.length - 1;
    if (isLast !== (band.maxDaysPastDue === null))
      throw new RangeError('only the last collectibility band is unbounded (maxDaysPastDue: null)');
    if (band.maxDaysPastDue === null) return;
    if (!Number.isSafeInteger(band.maxDaysPastDue) || band.maxDaysPastDue <= previous)
      throw new RangeError(
        `collectibility band upper bounds must be whole numbers rising from 0, got ${band.maxDaysPastDue} after ${previous}`,
      );
    previous = band.maxDaysPastDue;
  });
}

/** The class of a loan `daysPastDue` days late: the first band whose upper bound it does not pass. */
export function classify(daysPastDue: number, bands: CollectibilityBands): Collectibility {
  if (!Number.isSafeInteger(daysPastDue) || daysPastDue < 0)
    throw new RangeError(`daysPastDue must be a non-negative whole number, got ${daysPastDue}`);
  checkCollectibilityBands(bands);
  const band = bands.find(
    (candidate) => candidate.maxDaysPastDue === null || daysPastDue <= candidate.maxDaysPastDue,
  );
  if (band === undefined) throw new RangeError('the last collectibility band must be unbounded');
  return band.collectibility;
}

/** Allowance (PPAP / cadangan risiko) per class, in basis points of the outstanding principal. */
export type AllowanceRates = Readonly<Record<Collectibility, number>>;

/**
 * Defaults per scheme (rules.md §5.1). KSP_2009: the RPM weights of the health assessment,
 * 50/75/100% for KL/D/M (the scheme has no DPK class; its rate is 0 and unused). OJK_BANK: bank
 * PPA, 1% general on lancar, 5/15/50/100% specific on DPK/KL/D/M (uncertain for KSP). Under SAK EP
 * these are a management policy: configure them.
 */
export const defaultAllowanceRates: Readonly<Record<CollectibilityScheme, AllowanceRates>> = {
  KSP_2009: {
    lancar: 0,
    dalam_perhatian_khusus: 0,
    kurang_lancar: 5_000,
    diragukan: 7_500,
    macet: 10_000,
  },
  OJK_BANK: {
    lancar: 100,
    dalam_perhatian_khusus: 500,
    kurang_lancar: 1_500,
    diragukan: 5_000,
    macet: 10_000,
  },
};

/** Allowance required on one loan: outstanding × the class's rate, rounded half up to the rupiah. */
export function requiredAllowance(
  outstanding: bigint,
  collectibility: Collectibility,
  rates: AllowanceRates,
): bigint {
  if (outstanding < 0n)
    throw new RangeError(`outstanding must be non-negative, got ${outstanding}`);
  const rateBps = rates[collectibility];
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > 10_000)
    throw new RangeError(
      `the allowance rate of ${collectibility} must be 0–10,000 bps, got ${rateBps}`,
    );
  return divRoundHalfUp(outstanding * BigInt(rateBps), 10_000n);
}

export interface LoanQualityInput {
  outstanding: bigint;
  daysPastDue: number;
  collectibility: Collectibility;
}

/** An outstanding sum and its share of the whole portfolio in basis points (rounded half up; 0 on an empty portfolio). */
export interface PortfolioShare {
  outstanding: bigint;
  ratioBps: number;
  loanCount: number;
}

export interface PortfolioQuality {
  loanCount: number;
  totalOutstanding: bigint;
  byCollectibility: Record<Collectibility, PortfolioShare>;
  /** Non-performing loans: kurang lancar + diragukan + macet. */
  npl: PortfolioShare;
  /** Portfolio at risk: loans with any arrears (≥ 1 day past due). */
  par1: PortfolioShare;
  /** Loans more than 30 days past due (CGAP/MIX "PAR > 30"). */
  par30: PortfolioShare;
  /** Loans more than 90 days past due. */
  par90: PortfolioShare;
  /** Sum of `requiredAllowance` per loan; present when rates are given. For KSP_2009 rates this is the RPM. */
  requiredAllowance?: bigint;
}

const nonPerforming: ReadonlySet<Collectibility> = new Set(['kurang_lancar', 'diragukan', 'macet']);

/** Portfolio quality of a set of loans: totals per class, NPL, PAR1/30/90 and, given rates, the allowance. */
export function portfolioQuality(
  loans: readonly LoanQualityInput[],
  rates?: AllowanceRates,
): PortfolioQuality {
  const sums = {
    total: 0n,
    npl: [0n, 0] as [bigint, number],
    par1: [0n, 0] as [bigint, number],
    par30: [0n, 0] as [bigint, number],
    par90: [0n, 0] as [bigint, number],
  };
  const byClass = new Map<Collectibility, [bigint, number]>(
    collectibilities.map((collectibility) => [collectibility, [0n, 0]]),
  );
  let allowance = 0n;
  const add = (sum: [bigint, number], outstanding: bigint) => {
    sum[0] += outstanding;
    sum[1] += 1;
  };
  for (const loan of loans) {
    if (loan.outstanding < 0n)
      throw new RangeError(`a loan's outstanding must be non-negative, got ${loan.outstanding}`);
    if (!Number.isSafeInteger(loan.daysPastDue) || loan.daysPastDue < 0)
      throw new RangeError(
        `a loan's daysPastDue must be a non-negative whole number, got ${loan.daysPastDue}`,
      );
    sums.total += loan.outstanding;
    const perClass = byClass.get(loan.collectibility);
    if (perClass === undefined)
      throw new RangeError(`unknown collectibility "${String(loan.collectibility)}"`);
    add(perClass, loan.outstanding);
    if (nonPerforming.has(loan.collectibility)) add(sums.npl, loan.outstanding);
    if (loan.daysPastDue >= 1) add(sums.par1, loan.outstanding);
    if (loan.daysPastDue > 30) add(sums.par30, loan.outstanding);
    if (loan.daysPastDue > 90) add(sums.par90, loan.outstanding);
    if (rates !== undefined)
      allowance += requiredAllowance(loan.outstanding, loan.collectibility, rates);
  }
  const share = ([outstanding, loanCount]: [bigint, number]): PortfolioShare => ({
    outstanding,
    loanCount,
    ratioBps: sums.total === 0n ? 0 : Number(divRoundHalfUp(outstanding * 10_000n, sums.total)),
  });
  const quality: PortfolioQuality = {
    loanCount: loans.length,
    totalOutstanding: sums.total,
    byCollectibility: Object.fromEntries(
      collectibilities.map((collectibility) => [
        collectibility,
        share(byClass.get(collectibility) ?? [0n, 0]),
      ]),
    ) as Record<Collectibility, PortfolioShare>,
    npl: share(sums.npl),
    par1: share(sums.par1),
    par30: share(sums.par30),
    par90: share(sums.par90),
  };
  if (rates !== undefined) quality.requiredAllowance = allowance;
  return quality;
}
