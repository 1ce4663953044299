import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeMemberShares,
  computeShuPools,
  estimateMemberShare,
  totalsOf,
  withholdingOf,
  type MemberBases,
} from './compute-shu.js';
import { defaultShuRules, findRulesRefusal, fiscalYearOf, type ShuRules } from './shu-rules.js';

const workedExampleRules: ShuRules = {
  components: [
    { key: 'cadangan', bps: 5_500 },
    { key: 'jasa_modal', bps: 2_000 },
    { key: 'jasa_usaha', bps: 2_500 },
  ],
  capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
  participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
  taxRateBps: 0,
};

const member = (id: string, capital: bigint, participation: bigint): MemberBases => ({
  membershipId: id,
  capital,
  participation: new Map([['loan_interest_paid', participation]]),
});

describe('SHU computation', () => {
  it('reproduces the worked example of rules.md §2.4: Lukman receives Rp1,240,000', () => {
    // Coop: pokok + wajib Rp100,000,000; member loans Rp75,000,000; SHU Rp60,000,000.
    const members = [
      member('lukman', 2_000_000n, 5_000_000n),
      member('others', 98_000_000n, 70_000_000n),
    ];
    const pools = computeShuPools(
      workedExampleRules,
      {
        revenueFromMembers: 60_000_000n,
        revenueFromNonMembers: 0n,
        expenses: 0n,
        surplus: 60_000_000n,
      },
      totalsOf(members, ['loan_interest_paid']),
    );
    const [lukman] = computeMemberShares(pools, members);
    expect(lukman).toMatchObject({ jasaUsaha: 1_000_000n, jasaModal: 240_000n, share: 1_240_000n });
    expect(estimateMemberShare(pools, members[0] as MemberBases).share).toBe(1_240_000n);
  });

  it('gives the surplus earned from non-members only to the cooperative’s components', () => {
    const pools = computeShuPools(
      defaultShuRules,
      {
        revenueFromMembers: 30_000_000n,
        revenueFromNonMembers: 10_000_000n,
        expenses: 20_000_000n,
        surplus: 20_000_000n,
      },
      { capital: 1n, participation: new Map([['loan_interest_paid', 1n]]) },
    );
    expect(pools.memberSurplus).toBe(15_000_000n);
    expect(pools.nonMemberSurplus).toBe(5_000_000n);
    const jasa = pools.pools.filter((pool) => pool.key.startsWith('jasa_'));
    expect(jasa.every((pool) => pool.fromNonMembers === 0n)).toBe(true);
    expect(pools.pools.find((pool) => pool.key === 'jasa_modal')?.amount).toBe(3_000_000n);
  });

  it('sends a pool nobody can share to cadangan', () => {
    const pools = computeShuPools(
      defaultShuRules,
      { revenueFromMembers: 1_000n, revenueFromNonMembers: 0n, expenses: 0n, surplus: 1_000n },
      { capital: 500n, participation: new Map() },
    );
    expect(pools.toCadanganResidue).toBe(250n);
  });

  it('distributes nothing from a deficit', () => {
    const pools = computeShuPools(
      defaultShuRules,
      { revenueFromMembers: 1_000n, revenueFromNonMembers: 0n, expenses: 5_000n, surplus: -4_000n },
      { capital: 500n, participation: new Map() },
    );
    expect(pools.pools.every((pool) => pool.amount === 0n)).toBe(true);
  });

  it('withholds 10% rounded down', () => {
    expect(withholdingOf(1_240_005n, 1_000)).toBe(124_000n);
    expect(withholdingOf(1_240_005n, 0)).toBe(0n);
  });

  it('refuses rules whose components do not add up to 100%', () => {
    expect(
      findRulesRefusal({ ...defaultShuRules, components: [{ key: 'cadangan', bps: 9_999 }] }),
    ).toMatchObject({ code: 'shu.components_not_whole' });
    expect(
      findRulesRefusal({
        ...defaultShuRules,
        components: [
          { key: 'jasa_modal', bps: 5_000 },
          { key: 'jasa_usaha', bps: 5_000 },
        ],
      }),
    ).toMatchObject({ code: 'shu.cadangan_required' });
    expect(
      findRulesRefusal({
        ...defaultShuRules,
        components: [
          { key: 'cadangan', bps: 5_000 },
          { key: 'dana_masjid', bps: 5_000 },
        ],
      }),
    ).toMatchObject({ code: 'shu.component_needs_account' });
    expect(
      findRulesRefusal({
        ...defaultShuRules,
        participation: [{ sourceKey: 'loan_interest_paid', weightBps: 5_000 }],
      }),
    ).toMatchObject({ code: 'shu.participation_not_whole' });
    expect(findRulesRefusal(defaultShuRules)).toBeNull();
  });

  it('knows a fiscal year that starts in July', () => {
    expect(fiscalYearOf(2024, 7)).toEqual({ start: '2024-07-01', end: '2025-06-30', days: 365 });
    expect(fiscalYearOf(2024, 1)).toEqual({ start: '2024-01-01', end: '2024-12-31', days: 366 });
  });
});

const rupiah = (max: bigint) => fc.bigInt({ min: 0n, max });

const rulesArbitrary = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 7, maxLength: 7 })
  .map((raw): ShuRules => {
    // Seven cuts of 10,000 basis points: the remainder goes to cadangan.
    const keys = [
      'jasa_modal',
      'jasa_usaha',
      'dana_pengurus_pengawas',
      'dana_karyawan',
      'dana_pendidikan',
      'dana_sosial',
      'dana_pembangunan_daerah_kerja',
    ];
    let left = 10_000;
    const components = keys.map((key, index) => {
      const bps = Math.min(left, raw[index] ?? 0);
      left -= bps;
      return { key, bps };
    });
    return {
      ...defaultShuRules,
      components: [{ key: 'cadangan', bps: left }, ...components],
      participation: [
        { sourceKey: 'loan_interest_paid', weightBps: 6_000 },
        { sourceKey: 'store_purchases', weightBps: 4_000 },
      ],
    };
  });

describe('SHU pools and shares (property)', () => {
  it('always sum exactly: pools to the surplus, shares to the shareable pools', () => {
    fc.assert(
      fc.property(
        rulesArbitrary,
        rupiah(10_000_000_000n),
        rupiah(10_000_000_000n),
        rupiah(5_000_000_000n),
        fc.array(fc.tuple(rupiah(50_000_000n), rupiah(5_000_000n), rupiah(5_000_000n)), {
          maxLength: 40,
        }),
        (rules, revenueFromMembers, revenueFromNonMembers, expenses, bases) => {
          const members = bases.map(([capital, interest, purchases], index) => ({
            membershipId: `m${index}`,
            capital,
            participation: new Map([
              ['loan_interest_paid', interest],
              ['store_purchases', purchases],
            ]),
          }));
          const surplus = revenueFromMembers + revenueFromNonMembers - expenses;
          const pools = computeShuPools(
            rules,
            { revenueFromMembers, revenueFromNonMembers, expenses, surplus },
            totalsOf(members, ['loan_interest_paid', 'store_purchases']),
          );
          const poolSum = pools.pools.reduce((sum, pool) => sum + pool.amount, 0n);
          expect(poolSum).toBe(surplus > 0n ? surplus : 0n);
          expect(pools.memberSurplus + pools.nonMemberSurplus).toBe(surplus > 0n ? surplus : 0n);
          const shares = computeMemberShares(pools, members);
          const shared = shares.reduce((sum, share) => sum + share.share, 0n);
          const jasa = pools.pools
            .filter((pool) => pool.key === 'jasa_modal' || pool.key === 'jasa_usaha')
            .reduce((sum, pool) => sum + pool.amount, 0n);
          expect(shared + pools.toCadanganResidue).toBe(jasa);
          for (const share of shares) {
            expect(share.share).toBeGreaterThanOrEqual(0n);
            const estimate = estimateMemberShare(pools, {
              membershipId: share.membershipId,
              capital: share.capital,
              participation: share.participation,
            });
            // An estimate alone is the exact share rounded down per part: at most Rp1 per part short.
            expect(share.share - estimate.share).toBeGreaterThanOrEqual(0n);
            expect(share.share - estimate.share).toBeLessThanOrEqual(3n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
