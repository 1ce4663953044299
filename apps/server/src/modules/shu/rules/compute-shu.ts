import { allocate, divFloor } from '@lumbung/shared/money';
import {
  componentAccountOf,
  componentNameOf,
  isMemberComponent,
  wholeBps,
  type ShuRules,
} from './shu-rules.js';

/** The year's business as the ledger counts it (revenue by partisipasi anggota vs non-anggota). */
export interface SurplusFigures {
  revenueFromMembers: bigint;
  revenueFromNonMembers: bigint;
  expenses: bigint;
  /** After the year-end close the ledger's SHU tahun berjalan is the surplus; before, revenue − expenses. */
  surplus: bigint;
}

export interface Pool {
  key: string;
  name: string;
  bps: number;
  accountCode: string;
  amount: bigint;
  fromMembers: bigint;
  fromNonMembers: bigint;
}

export interface ShuPools {
  memberSurplus: bigint;
  nonMemberSurplus: bigint;
  pools: Pool[];
  /** Jasa usaha per business line: its weight's part of the jasa usaha pool. */
  lines: { sourceKey: string; pool: bigint; total: bigint }[];
  capitalTotal: bigint;
  capitalPool: bigint;
  /** Pools nobody can share (no member has the base): they go to cadangan, to the rupiah. */
  toCadanganResidue: bigint;
}

const nonNegative = (amount: bigint) => (amount > 0n ? amount : 0n);

/**
 * Splits the surplus into the components' pools. The surplus is first split between members' and
 * non-members' business in proportion to the revenue each brought (largest remainder): what
 * non-members earned goes only to the cooperative's components (UU 12/1967 art. 34 practice,
 * rules.md §2.1), in proportion to their rates; members' part goes to every component. A deficit
 * is not distributed: every pool is zero. Each split sums exactly to its whole.
 */
export function computeShuPools(
  rules: ShuRules,
  figures: SurplusFigures,
  totals: { capital: bigint; participation: ReadonlyMap<string, bigint> },
): ShuPools {
  const surplus = nonNegative(figures.surplus);
  const fromMembers = nonNegative(figures.revenueFromMembers);
  const fromNonMembers = nonNegative(figures.revenueFromNonMembers);
  const [memberSurplus = 0n, nonMemberSurplus = 0n] =
    surplus > 0n && fromMembers + fromNonMembers > 0n
      ? allocate(surplus, [fromMembers, fromNonMembers])
      : [surplus, 0n];
  const memberParts = allocate(
    memberSurplus,
    rules.components.map((component) => BigInt(component.bps)),
  );
  const cooperativeWeights = rules.components.map((component) =>
    isMemberComponent(component.key) ? 0n : BigInt(component.bps),
  );
  // Only the reserve is left to take non-member surplus when every other rate is a member's.
  const hasCooperativeWeight = cooperativeWeights.some((weight) => weight > 0n);
  const nonMemberParts = allocate(
    nonMemberSurplus,
    hasCooperativeWeight
      ? cooperativeWeights
      : rules.components.map((component) => (component.key === 'cadangan' ? 1n : 0n)),
  );
  const pools = rules.components.map((component, index): Pool => {
    const member = memberParts[index] ?? 0n;
    const nonMember = nonMemberParts[index] ?? 0n;
    return {
      key: component.key,
      name: componentNameOf(component),
      bps: component.bps,
      accountCode: componentAccountOf(component),
      amount: member + nonMember,
      fromMembers: member,
      fromNonMembers: nonMember,
    };
  });
  const poolOf = (key: string) => pools.find((pool) => pool.key === key)?.amount ?? 0n;
  const usahaPool = poolOf('jasa_usaha');
  const lineParts =
    rules.participation.length > 0
      ? allocate(
          usahaPool,
          rules.participation.map((line) => BigInt(line.weightBps)),
        )
      : [];
  const lines = rules.participation.map((line, index) => ({
    sourceKey: line.sourceKey,
    pool: lineParts[index] ?? 0n,
    total: nonNegative(totals.participation.get(line.sourceKey) ?? 0n),
  }));
  const capitalPool = poolOf('jasa_modal');
  const capitalTotal = nonNegative(totals.capital);
  let residue = capitalTotal > 0n ? 0n : capitalPool;
  for (const line of lines) if (line.total === 0n) residue += line.pool;
  return {
    memberSurplus,
    nonMemberSurplus,
    pools,
    lines,
    capitalTotal,
    capitalPool,
    toCadanganResidue: residue,
  };
}

export interface MemberBases {
  membershipId: string;
  /** Balance (year-end) or balance-days (average daily balance) of the counted savings. */
  capital: bigint;
  participation: ReadonlyMap<string, bigint>;
}

export interface MemberShare {
  membershipId: string;
  capital: bigint;
  participation: Map<string, bigint>;
  jasaModal: bigint;
  jasaUsaha: bigint;
  share: bigint;
}

/** Each base's total over members, counting nobody below zero (the weights allocation uses). */
export function totalsOf(members: readonly MemberBases[], sourceKeys: readonly string[]) {
  let capital = 0n;
  const participation = new Map<string, bigint>(sourceKeys.map((key) => [key, 0n]));
  for (const member of members) {
    capital += nonNegative(member.capital);
    for (const key of sourceKeys)
      participation.set(
        key,
        (participation.get(key) ?? 0n) + nonNegative(member.participation.get(key) ?? 0n),
      );
  }
  return { capital, participation };
}

/**
 * Every member's share: the jasa modal pool over capital, each business line's pool over that
 * line's participation, each by largest remainder so the shares sum exactly to the pools that
 * members can share (rules.md §2.3; ARCHITECTURE.md: splits sum to the whole).
 */
export function computeMemberShares(
  pools: ShuPools,
  members: readonly MemberBases[],
): MemberShare[] {
  const shares: MemberShare[] = members.map((member) => ({
    membershipId: member.membershipId,
    capital: member.capital,
    participation: new Map(member.participation),
    jasaModal: 0n,
    jasaUsaha: 0n,
    share: 0n,
  }));
  if (members.length === 0) return shares;
  if (pools.capitalTotal > 0n && pools.capitalPool > 0n) {
    const parts = allocate(
      pools.capitalPool,
      members.map((member) => nonNegative(member.capital)),
    );
    shares.forEach((share, index) => (share.jasaModal = parts[index] ?? 0n));
  }
  for (const line of pools.lines) {
    if (line.total === 0n || line.pool === 0n) continue;
    const parts = allocate(
      line.pool,
      members.map((member) => nonNegative(member.participation.get(line.sourceKey) ?? 0n)),
    );
    shares.forEach((share, index) => (share.jasaUsaha += parts[index] ?? 0n));
  }
  for (const share of shares) share.share = share.jasaModal + share.jasaUsaha;
  return shares;
}

/** One member's estimate without the others: each part rounded down (the year end may add Rp1). */
export function estimateMemberShare(pools: ShuPools, member: MemberBases) {
  const jasaModal =
    pools.capitalTotal > 0n
      ? divFloor(pools.capitalPool * nonNegative(member.capital), pools.capitalTotal)
      : 0n;
  const lines = pools.lines.map((line) => {
    const own = nonNegative(member.participation.get(line.sourceKey) ?? 0n);
    return {
      ...line,
      member: own,
      share: line.total > 0n ? divFloor(line.pool * own, line.total) : 0n,
    };
  });
  const jasaUsaha = lines.reduce((sum, line) => sum + line.share, 0n);
  return { jasaModal, lines, jasaUsaha, share: jasaModal + jasaUsaha };
}

/** Withholding on a member's SHU: `taxRateBps` of it, rounded down (in the member's favour). */
export function withholdingOf(share: bigint, taxRateBps: number): bigint {
  return divFloor(share * BigInt(taxRateBps), BigInt(wholeBps));
}
