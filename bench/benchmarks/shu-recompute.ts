/**
 * SHU recompute and running estimate (issue 6, benchmark 1; performance.md §7 B5 "compute").
 *
 * Data: one simpan-pinjam cooperative, 100,000 members and 10,000,000 transactions in last
 * calendar year (--quick: 10,000 and 1,000,000), written in bulk as the schema owner with exactly
 * the rows the posting path writes, the SHU counters kept by the real trigger
 * (bench/fixtures/shu-books.ts). Rules: jasa modal on pokok + wajib + sukarela by average daily
 * balance (the heavier method: balance-days), jasa usaha on loan interest paid.
 *
 * Measured, each in its own withTenant transaction (row-level security on, as the app runs):
 * - recompute: computeYearShu(source: 'ledger'), every member's bases recomputed from the
 *   journal (surplus, capital balance-days, participation with its one-member rule), the pools and
 *   every member's share by largest remainder; 1 warm-up + 3 runs, median. ONE query reads the
 *   year's lines once (sumLedgerYearBases): summed per account, and on the participation account
 *   per account and member party (the member the ledger stamps on every line of an entry that
 *   touches one member's sub-accounts, migration 0025), with no join per line; the few tens of
 *   thousands of sums are then joined to the accounts and rolled up (surplus, capital per member,
 *   participation per member, unattributed);
 * - baseline: one plain `select owner, sum(signed amount) from journal_lines join ledger_accounts
 *   … where year … group by owner` over the same year's lines; 1 warm-up + 3 runs, median;
 * - detail: computeYearShu(source: 'counters') (what propose and the board's dashboard read) and
 *   verifyShuCounters (the full recompute of every counter row under shu_ledger_contributions'
 *   rules, from per-account (and, on participation accounts, per-member-party) sums of the whole
 *   journal, one read of it);
 * - the member's running estimate, as GET …/years/:year/me runs it (fiscalYearFor + getMemberShu,
 *   which reads the active rules and the counters in one round trip)
 *   against a primary-key lookup of one members row, each its own withTenant, interleaved,
 *   20 warm-up + 200 each; p50 and p99.
 * Ratios (to this benchmark's own baselines, not the calibration): recompute ÷ GROUP BY (target
 * ≤ 1.5), estimate p99 ÷ PK p99 and p50 ÷ p50 (target ≤ 3).
 *
 * Correctness: verifyShuCounters finds no difference (running counters = recompute from the
 * journal); computeYearShu from the counters and from the ledger give every member the same bases
 * and shares; each member's GROUP BY sum = their capital counters + their loan account's
 * maintained balance; participation counters + unattributed = the interest the books credited;
 * shares sum to the member pools less the residue; pools sum to the surplus.
 */
import { sql } from 'drizzle-orm';
import {
  computeYearShu,
  fiscalYearFor,
  getMemberShu,
  setShuRules,
  verifyShuCounters,
} from '../../apps/server/src/modules/shu/index.js';
import type { ShuRules } from '../../apps/server/src/modules/shu/rules/shu-rules.js';
import { queryRows, withTenant, type Tx } from '../../apps/server/src/platform/db/database.js';
import { openLedgerAppDatabase } from '../fixtures/ledger-app.js';
import { buildShuBooks } from '../fixtures/shu-books.js';
import {
  checkEqual,
  correctnessOf,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom } from '../random.js';
import { percentileOfSorted } from '../statistics.js';

export const name = 'shu-recompute';

const MEMBERS = 100_000;
const TRANSACTIONS = 10_000_000;
const QUICK_MEMBERS = 10_000;
const QUICK_TRANSACTIONS = 1_000_000;
const TIMED_RUNS = 3;
const QUERIES = 200;
const WARMUP_QUERIES = 20;
const WORKLOAD_SEED = 20_240_806;
const RECOMPUTE_TARGET = 1.5;
const ESTIMATE_TARGET = 3;

const rules: ShuRules = {
  components: [
    { key: 'cadangan', bps: 4_000 },
    { key: 'jasa_modal', bps: 2_000 },
    { key: 'jasa_usaha', bps: 2_500 },
    { key: 'dana_pengurus_pengawas', bps: 500 },
    { key: 'dana_pendidikan', bps: 500 },
    { key: 'dana_sosial', bps: 500 },
  ],
  capitalBase: { kinds: ['pokok', 'wajib', 'sukarela'], method: 'average_daily_balance' },
  participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
  taxRateBps: 0,
};

/** Sizes can be lowered for a slow database (SHU_BENCH_MEMBERS / SHU_BENCH_TRANSACTIONS). */
function sizesOf(ctx: BenchContext) {
  const fromEnv = (key: string) => {
    const value = Number(process.env[key]);
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  return {
    members: fromEnv('SHU_BENCH_MEMBERS') ?? (ctx.isQuick ? QUICK_MEMBERS : MEMBERS),
    transactions:
      fromEnv('SHU_BENCH_TRANSACTIONS') ?? (ctx.isQuick ? QUICK_TRANSACTIONS : TRANSACTIONS),
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const sizes = sizesOf(ctx);
  const app = await openLedgerAppDatabase(ctx, 4);
  try {
    const { db } = app;
    const now = new Date();
    const yearNumber = now.getUTCFullYear() - 1;
    const books = await buildShuBooks(db, ctx, {
      label: 'S',
      memberCount: sizes.members,
      transactionCount: sizes.transactions,
      year: yearNumber,
      now,
      random,
    });
    const { cooperativeId } = books;
    ctx.log(
      `set-up: members ${books.memberSetupSeconds.toFixed(1)} s, ${books.entryCount} entries / ${books.lineCount} lines ` +
        `in ${books.journalSeconds.toFixed(1)} s (${(books.lineCount / books.journalSeconds).toFixed(0)} lines/s)`,
    );
    const shuCtx = (tx: Tx) => ({
      tx,
      cooperativeId,
      now,
      actorPersonId: null,
      idempotencyKey: null,
    });
    const year = await withTenant(db, cooperativeId, async (tx) => {
      const found = await fiscalYearFor(shuCtx(tx), yearNumber);
      await setShuRules(shuCtx(tx), {
        year: found,
        rules: { ...rules, note: 'bench' },
      });
      return found;
    });

    const timeRuns = async <Value>(label: string, work: () => Promise<Value>) => {
      ctx.log(`${label}: 1 warm-up + ${TIMED_RUNS} runs`);
      let value = await work();
      const samples: number[] = [];
      for (let index = 0; index < TIMED_RUNS; index++) {
        const startedNs = process.hrtime.bigint();
        value = await work();
        samples.push(msSince(startedNs));
      }
      return { value, samples, median: median(samples) };
    };
    const groupBy = await timeRuns('GROUP BY member baseline', () =>
      withTenant(db, cooperativeId, (tx) => groupByMember(tx, cooperativeId, year)),
    );
    const fromLedger = await timeRuns("computeYearShu(source: 'ledger')", () =>
      withTenant(db, cooperativeId, (tx) =>
        computeYearShu(shuCtx(tx), { year, rules, source: 'ledger' }),
      ),
    );
    const fromCounters = await timeRuns("computeYearShu(source: 'counters')", () =>
      withTenant(db, cooperativeId, (tx) =>
        computeYearShu(shuCtx(tx), { year, rules, source: 'counters' }),
      ),
    );
    ctx.log('verifyShuCounters (once, timed)');
    const verifyStartedNs = process.hrtime.bigint();
    const verified = await withTenant(db, cooperativeId, (tx) =>
      verifyShuCounters({ tx, cooperativeId }),
    );
    const verifyMs = msSince(verifyStartedNs);

    ctx.log(
      `running estimate vs primary key: ${WARMUP_QUERIES} warm-up + ${QUERIES} each, interleaved`,
    );
    const pick = () => books.members[random.nextInt(books.members.length)]!.membershipId;
    const estimate = async (membershipId: string) =>
      withTenant(db, cooperativeId, async (tx) => {
        const found = await fiscalYearFor(shuCtx(tx), yearNumber);
        return getMemberShu(shuCtx(tx), { year: found, membershipId });
      });
    const primaryKey = async (membershipId: string) =>
      withTenant(db, cooperativeId, (tx) =>
        queryRows<{ membership_id: string }>(
          tx,
          sql`select * from members where cooperative_id = ${cooperativeId} and membership_id = ${membershipId}`,
        ),
      );
    for (let index = 0; index < WARMUP_QUERIES; index++) {
      await estimate(pick());
      await primaryKey(pick());
    }
    const estimateSamples = new Float64Array(QUERIES);
    const keySamples = new Float64Array(QUERIES);
    let keyHits = 0;
    let estimateCapitalMismatches = 0;
    const countersByMember = new Map(
      fromCounters.value.shares.map((row) => [row.membershipId, row]),
    );
    for (let index = 0; index < QUERIES; index++) {
      const estimated = pick();
      let startedNs = process.hrtime.bigint();
      const view = await estimate(estimated);
      estimateSamples[index] = msSince(startedNs);
      const expectedCapital = countersByMember.get(estimated)?.capital ?? 0n;
      // The view shows the average daily balance: balance-days ÷ days of the year, rounded down.
      if (view.capital.member !== (expectedCapital > 0n ? expectedCapital : 0n) / BigInt(year.days))
        estimateCapitalMismatches += 1;
      const keyed = pick();
      startedNs = process.hrtime.bigint();
      const rows = await primaryKey(keyed);
      keySamples[index] = msSince(startedNs);
      if (rows[0]?.membership_id === keyed) keyHits += 1;
    }
    estimateSamples.sort();
    keySamples.sort();
    const p = (samples: Float64Array, fraction: number) => percentileOfSorted(samples, fraction);

    ctx.log('checks');
    const checks: CorrectnessCheck[] = [
      {
        name: 'verifyShuCounters: the running counters equal the recompute from the journal',
        isPassed: verified.isConsistent,
        detail: verified.isConsistent
          ? 'no difference'
          : `${verified.differences.length} difference(s); first: ${JSON.stringify(verified.differences[0])}`,
      },
      sameShares(fromCounters.value, fromLedger.value),
      ...(await withTenant(db, cooperativeId, (tx) =>
        sumChecks(tx, cooperativeId, {
          groupBy: groupBy.value,
          counters: fromCounters.value,
          interestTotal: books.interestTotal,
          year,
        }),
      )),
      checkEqual(
        'the primary-key lookup finds its member every time',
        BigInt(keyHits),
        BigInt(QUERIES),
      ),
      checkEqual(
        "the estimate shows each member's counted capital (average daily balance)",
        BigInt(estimateCapitalMismatches),
        0n,
      ),
    ];

    const recomputeRatio = fromLedger.median / groupBy.median;
    const p99Ratio = p(estimateSamples, 0.99) / p(keySamples, 0.99);
    const p50Ratio = p(estimateSamples, 0.5) / p(keySamples, 0.5);
    const figures: Record<string, Figure> = {
      recomputeMs: { value: fromLedger.median, unit: "ms (computeYearShu 'ledger', median of 3)" },
      groupByMs: { value: groupBy.median, unit: 'ms (plain GROUP BY member, median of 3)' },
      recomputeToGroupBy: { value: recomputeRatio, unit: `× (target ≤ ${RECOMPUTE_TARGET})` },
      countersComputeMs: {
        value: fromCounters.median,
        unit: "ms (computeYearShu 'counters', median of 3)",
      },
      countersComputeToGroupBy: {
        value: fromCounters.median / groupBy.median,
        unit: '× (detail)',
      },
      verifyShuCountersMs: { value: verifyMs, unit: 'ms (every counter row recomputed, once)' },
      verifyToGroupBy: { value: verifyMs / groupBy.median, unit: '× (detail)' },
      estimateP50Ms: { value: p(estimateSamples, 0.5), unit: 'ms' },
      estimateP99Ms: { value: p(estimateSamples, 0.99), unit: 'ms' },
      primaryKeyP50Ms: { value: p(keySamples, 0.5), unit: 'ms' },
      primaryKeyP99Ms: { value: p(keySamples, 0.99), unit: 'ms' },
      estimateP99ToPrimaryKeyP99: { value: p99Ratio, unit: `× (target ≤ ${ESTIMATE_TARGET})` },
      estimateP50ToPrimaryKeyP50: { value: p50Ratio, unit: `× (target ≤ ${ESTIMATE_TARGET})` },
      members: { value: sizes.members, unit: 'count' },
      membersWithShare: { value: fromLedger.value.shares.length, unit: 'count' },
      entries: { value: books.entryCount, unit: 'count' },
      lines: { value: books.lineCount, unit: 'count' },
      setupMembersSeconds: { value: books.memberSetupSeconds, unit: 's' },
      setupJournalSeconds: { value: books.journalSeconds, unit: 's' },
      setupLinesPerSecond: {
        value: books.lineCount / books.journalSeconds,
        unit: 'lines/s (bulk, with the SHU trigger and the ledger triggers)',
      },
    };
    const verdict = (value: number, target: number) => (value <= target ? 'met' : 'missed');
    const notes = [
      `app database: ${app.label}`,
      `${sizes.members.toLocaleString('en-US')} members, ${books.entryCount.toLocaleString('en-US')} transactions ` +
        `(${books.lineCount.toLocaleString('en-US')} journal lines) in ${year.start}..${year.end}` +
        (ctx.isQuick
          ? ` (--quick; a full run uses ${MEMBERS.toLocaleString('en-US')} and ${TRANSACTIONS.toLocaleString('en-US')})`
          : '') +
        '; journal written in bulk as the schema owner (5,000 entries per statement, the real triggers keep the SHU counters)',
      `recompute ÷ GROUP BY = ${recomputeRatio.toFixed(2)} (target ≤ ${RECOMPUTE_TARGET}: ${verdict(recomputeRatio, RECOMPUTE_TARGET)}); ` +
        `estimate p99 ÷ PK p99 = ${p99Ratio.toFixed(2)}, p50 ÷ p50 = ${p50Ratio.toFixed(2)} (target ≤ ${ESTIMATE_TARGET}: ` +
        `${verdict(Math.max(p99Ratio, p50Ratio), ESTIMATE_TARGET)})`,
      `runs (ms): ledger recompute ${fmt(fromLedger.samples)}; GROUP BY ${fmt(groupBy.samples)}; counters ${fmt(fromCounters.samples)}`,
      'the ratios are to this benchmark’s own baselines (the same rows, the same session kind), so they carry no calibration ratio',
    ];
    return { figures, ratios: {}, correctness: correctnessOf(checks), notes };
  } finally {
    await app.close();
  }
}

/** The plain baseline: every member's signed sum over the year's lines on their sub-accounts. */
async function groupByMember(tx: Tx, cooperativeId: string, year: { start: string; end: string }) {
  const rows = await queryRows<{ membership_id: string; amount: string }>(
    tx,
    sql`select a.owner_membership_id as membership_id,
          sum(case when l.side = 'credit' then l.amount else -l.amount end)::text as amount
        from journal_lines l
        join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
        where l.cooperative_id = ${cooperativeId}
          and l.business_date between ${year.start}::date and ${year.end}::date
          and a.owner_membership_id is not null
        group by a.owner_membership_id`,
  );
  return new Map(rows.map((row) => [row.membership_id, BigInt(row.amount)]));
}

type YearShu = Awaited<ReturnType<typeof computeYearShu>>;

function sameShares(counters: YearShu, ledger: YearShu): CorrectnessCheck {
  const byMember = new Map(ledger.shares.map((row) => [row.membershipId, row]));
  let differences = 0;
  let first = '';
  for (const row of counters.shares) {
    const other = byMember.get(row.membershipId);
    const same =
      other !== undefined &&
      other.capital === row.capital &&
      other.jasaModal === row.jasaModal &&
      other.jasaUsaha === row.jasaUsaha &&
      other.share === row.share &&
      [...row.participation].every(([key, value]) => other.participation.get(key) === value);
    if (!same) {
      differences += 1;
      if (first === '') first = row.membershipId;
    }
  }
  if (counters.shares.length !== ledger.shares.length) differences += 1;
  return {
    name: "computeYearShu from the counters = from the ledger (every member's bases and shares)",
    isPassed: differences === 0,
    detail:
      differences === 0
        ? `${counters.shares.length} members identical`
        : `${differences} difference(s) (${counters.shares.length} vs ${ledger.shares.length} members); first ${first}`,
  };
}

async function sumChecks(
  tx: Tx,
  cooperativeId: string,
  input: {
    groupBy: Map<string, bigint>;
    counters: YearShu;
    interestTotal: bigint;
    year: { start: string };
  },
): Promise<CorrectnessCheck[]> {
  const capital = await queryRows<{ membership_id: string; amount: string }>(
    tx,
    sql`select membership_id, sum(amount)::text as amount from shu_member_counters
        where cooperative_id = ${cooperativeId} and fiscal_year_start = ${input.year.start}::date
          and base_key like 'capital:%'
        group by membership_id`,
  );
  const loans = await queryRows<{ membership_id: string; amount: string }>(
    tx,
    sql`select a.owner_membership_id as membership_id, (b.credit_total - b.debit_total)::text as amount
        from ledger_accounts p
        join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
        join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
        where p.cooperative_id = ${cooperativeId} and p.code = '1-1310'`,
  );
  const expected = new Map<string, bigint>();
  for (const row of [...capital, ...loans])
    expected.set(row.membership_id, (expected.get(row.membership_id) ?? 0n) + BigInt(row.amount));
  let mismatches = 0;
  for (const [membershipId, amount] of expected)
    if ((input.groupBy.get(membershipId) ?? 0n) !== amount) mismatches += 1;
  for (const membershipId of input.groupBy.keys()) if (!expected.has(membershipId)) mismatches += 1;
  const [participation] = await queryRows<{ members: string; unattributed: string }>(
    tx,
    sql`select
          (select coalesce(sum(amount), 0) from shu_member_counters where cooperative_id = ${cooperativeId}
             and fiscal_year_start = ${input.year.start}::date and base_key = 'participation:loan_interest_paid')::text as members,
          (select coalesce(sum(amount), 0) from shu_year_counters where cooperative_id = ${cooperativeId}
             and fiscal_year_start = ${input.year.start}::date and base_key = 'unattributed:loan_interest_paid')::text as unattributed`,
  );
  const { pools, shares, figures } = input.counters;
  const memberPools = pools.pools
    .filter((pool) => pool.key === 'jasa_modal' || pool.key === 'jasa_usaha')
    .reduce((sum, pool) => sum + pool.amount, 0n);
  return [
    checkEqual(
      "each member's GROUP BY sum = capital counters + loan account balance (members differing)",
      BigInt(mismatches),
      0n,
    ),
    checkEqual(
      'participation counters + unattributed = interest credited by the books',
      BigInt(participation?.members ?? '0') + BigInt(participation?.unattributed ?? '0'),
      input.interestTotal,
    ),
    checkEqual(
      'shares sum to the member pools less the residue',
      shares.reduce((sum, row) => sum + row.share, 0n),
      memberPools - pools.toCadanganResidue,
    ),
    checkEqual(
      'pools sum to the surplus',
      pools.pools.reduce((sum, pool) => sum + pool.amount, 0n),
      figures.surplus > 0n ? figures.surplus : 0n,
    ),
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function msSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}

function fmt(values: readonly number[]): string {
  return values.map((value) => value.toFixed(0)).join(', ');
}
