/**
 * SHU year-end distribution posting (issue 6, benchmark 2; performance.md §7 B5 "posting").
 *
 * Data: one simpan-pinjam cooperative, 100,000 members (10,000 with --quick), each with pokok,
 * wajib, sukarela and loan sub-accounts, and a year of books (last calendar year) of 4 entries per
 * member: one pokok deposit each, then wajib and sukarela deposits, withdrawals, loans and their
 * repayments with interest, non-member revenue and expenses, written in bulk as the schema owner
 * with the rows the posting path writes (bench/fixtures/shu-books.ts; the real trigger keeps the
 * SHU counters). Then the year end through the real commands: closeFiscalYear, setShuRules (jasa
 * modal on pokok + wajib at year end, jasa usaha on loan interest paid, 10 % withholding so every
 * payment entry carries its tax line), proposeShuDistribution (payout to sukarela),
 * recordRatApproval by one person and countersignRatApproval by another.
 *
 * Measured: postShuDistribution, once, in its own withTenant transaction, committed: the allocation
 * entry, then payment entries of MEMBERS_PER_ENTRY (1,000) members (Dr 2-1401; Cr each member's
 * sukarela the share less tax; Cr 2-1301 the tax), in one ledger batch, and the members marked
 * paid. Figure: journal lines written per second of the command.
 * Ratio (the target ≥ 0.5): lines/s ÷ the same rows' batched-insert lines/s, measured
 * after the posting in the same run: the very journal lines the posting wrote (every column and
 * value) inserted by INSERT … SELECT unnest, 1,000 per statement, one commit each, into a table
 * with journal_lines' columns, checks and indexes and nothing else (performance.md §B5 compares the
 * posting with "the COPY time of the same rows"). Detail: the same lines/s ÷ the calibration's
 * unnestRowsPerSecond (rows of three bigints with one index), which earlier runs reported.
 * What the posting writes beyond the baseline's rows: each paid member's balance row, their SHU
 * capital counter for the new year (the counters' trigger), the distribution's "paid" mark, the
 * entries and the chain head.
 *
 * Correctness: verifyCooperativeLedger finds no problem and counts build + close + distribution
 * entries; 2-1401 (SHU yang akan dibagikan) ends at zero; 3-1301 ends at zero; 2-1301 = Σ tax;
 * Σ members' sukarela credits in the distribution = Σ (share − tax); every member is marked paid;
 * pools sum to the surplus; shares sum to the jasa pools less the residue; verifyShuCounters
 * finds no difference after the posting.
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import {
  closeFiscalYear,
  verifyCooperativeLedger,
} from '../../apps/server/src/modules/ledger/index.js';
import {
  countersignRatApproval,
  fiscalYearFor,
  postShuDistribution,
  proposeShuDistribution,
  recordRatApproval,
  setShuRules,
  verifyShuCounters,
} from '../../apps/server/src/modules/shu/index.js';
import {
  queryRows,
  withSystem,
  withTenant,
  type Database,
  type Tx,
} from '../../apps/server/src/platform/db/database.js';
import { openLedgerAppDatabase } from '../fixtures/ledger-app.js';
import { buildShuBooks } from '../fixtures/shu-books.js';
import {
  checkEqual,
  correctnessOf,
  ratioTo,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom } from '../random.js';

export const name = 'shu-distribution-posting';

const MEMBERS = 100_000;
const QUICK_MEMBERS = 10_000;
const ENTRIES_PER_MEMBER = 4;
const WORKLOAD_SEED = 20_240_807;
const RATIO_TARGET = 0.5;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const fromEnv = Number(process.env['SHU_BENCH_MEMBERS']);
  const memberCount =
    Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ctx.isQuick ? QUICK_MEMBERS : MEMBERS;
  const app = await openLedgerAppDatabase(ctx, 4);
  try {
    const { db } = app;
    const now = new Date();
    const yearNumber = now.getUTCFullYear() - 1;
    const books = await buildShuBooks(db, ctx, {
      label: 'D',
      memberCount,
      transactionCount: memberCount * ENTRIES_PER_MEMBER,
      year: yearNumber,
      now,
      random,
    });
    const { cooperativeId, members } = books;
    const [ketua, pengawas, bendahara] = members;
    if (!ketua || !pengawas || !bendahara) throw new Error('at least three members');
    const shuCtx = (tx: Tx, actorPersonId: string | null) => ({
      tx,
      cooperativeId,
      now,
      actorPersonId,
      idempotencyKey: null,
    });

    ctx.log('year end: close, rules, propose, RAT approval, countersignature');
    const yearEndStartedNs = process.hrtime.bigint();
    const year = await withTenant(db, cooperativeId, (tx) =>
      fiscalYearFor(shuCtx(tx, null), yearNumber),
    );
    await withTenant(db, cooperativeId, (tx) =>
      closeFiscalYear(shuCtx(tx, ketua.personId), {
        fiscalYearStart: year.start,
        fiscalYearEnd: year.end,
      }),
    );
    await withTenant(db, cooperativeId, (tx) =>
      setShuRules(shuCtx(tx, ketua.personId), {
        year,
        rules: {
          components: [
            { key: 'cadangan', bps: 4_000 },
            { key: 'jasa_modal', bps: 2_000 },
            { key: 'jasa_usaha', bps: 2_500 },
            { key: 'dana_pengurus_pengawas', bps: 500 },
            { key: 'dana_pendidikan', bps: 500 },
            { key: 'dana_sosial', bps: 500 },
          ],
          capitalBase: { kinds: ['pokok', 'wajib'], method: 'year_end_balance' },
          participation: [{ sourceKey: 'loan_interest_paid', weightBps: 10_000 }],
          taxRateBps: 1_000,
        },
      }),
    );
    const proposeStartedNs = process.hrtime.bigint();
    const proposal = await withTenant(db, cooperativeId, (tx) =>
      proposeShuDistribution(shuCtx(tx, ketua.personId), { year, payout: 'sukarela' }),
    );
    const proposeMs = msSince(proposeStartedNs);
    await withTenant(db, cooperativeId, (tx) =>
      recordRatApproval(shuCtx(tx, ketua.personId), {
        distributionId: proposal.id,
        ratDate: `${yearNumber + 1}-01-20`,
        minutesReference: `BA-RAT/${yearNumber + 1}/BENCH`,
        approvedPools: proposal.pools.map((pool) => ({
          key: pool.key,
          amount: BigInt(pool.amount),
        })),
      }),
    );
    await withTenant(db, cooperativeId, (tx) =>
      countersignRatApproval(shuCtx(tx, pengawas.personId), { distributionId: proposal.id }),
    );
    const yearEndSeconds = Number(process.hrtime.bigint() - yearEndStartedNs) / 1e9;
    await db.admin.exec(
      'analyze shu_distributions, shu_distribution_members, journal_entries, journal_lines',
    );

    ctx.log(`posting the distribution to ${proposal.memberCount.toLocaleString('en-US')} members`);
    const postStartedNs = process.hrtime.bigint();
    const posted = await withTenant(db, cooperativeId, (tx) =>
      postShuDistribution(shuCtx(tx, bendahara.personId), { distributionId: proposal.id }),
    );
    const postMs = msSince(postStartedNs);

    ctx.log('auditing');
    const auditStartedNs = process.hrtime.bigint();
    const audit = await withSystem(db, 'bench: audit after the SHU distribution', async (tx) => {
      const report = await verifyCooperativeLedger(tx, cooperativeId);
      const balances = await queryRows<{ code: string; balance: string }>(
        tx,
        sql`select a.code, (b.credit_total - b.debit_total)::text as balance
            from ledger_accounts a join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
            where a.cooperative_id = ${cooperativeId} and a.code in ('2-1401', '2-1301', '3-1301')`,
      );
      const [written] = await queryRows<{ lines: number; entries: number; member_credits: string }>(
        tx,
        sql`select count(*)::int as lines, count(distinct l.entry_id)::int as entries,
              coalesce(sum(l.amount) filter (where a.owner_membership_id is not null and l.side = 'credit'), 0)::text
                as member_credits
            from journal_lines l
            join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
            where l.cooperative_id = ${cooperativeId}
              and l.entry_id = any(string_to_array(${posted.entryIds.join(',')}, ',')::uuid[])`,
      );
      const [members] = await queryRows<{ count: number; paid: number; net: string; tax: string }>(
        tx,
        sql`select count(*)::int as count, count(paid_account_id)::int as paid,
              sum(share - tax)::text as net, sum(tax)::text as tax
            from shu_distribution_members
            where cooperative_id = ${cooperativeId} and distribution_id = ${proposal.id}`,
      );
      return { report, balances, written, members };
    });
    const counters = await withTenant(db, cooperativeId, (tx) =>
      verifyShuCounters({ tx, cooperativeId }),
    );
    const auditSeconds = Number(process.hrtime.bigint() - auditStartedNs) / 1e9;
    ctx.log(
      `same-rows baseline: the posted lines by unnest, ${SAME_ROWS_PER_STATEMENT} per statement`,
    );
    const postedLines = await readPostedLines(db, cooperativeId, posted.entryIds);
    const sameRows = await timeSameRowsUnnest(db, cooperativeId, postedLines);
    ctx.log('design floor: the same lines, balance rows and counters in bare SQL, one transaction');
    const floor = await timeDesignFloor(db, cooperativeId, postedLines);
    const balanceOf = (code: string) =>
      BigInt(audit.balances.find((row) => row.code === code)?.balance ?? 'NaN');
    const lines = audit.written?.lines ?? 0;
    const jasaPools = proposal.pools
      .filter((pool) => pool.key === 'jasa_modal' || pool.key === 'jasa_usaha')
      .reduce((sum, pool) => sum + BigInt(pool.amount), 0n);
    const checks: CorrectnessCheck[] = [
      {
        name: 'verifyCooperativeLedger finds no problem',
        isPassed: audit.report.problems.length === 0,
        detail:
          audit.report.problems.length === 0
            ? `${audit.report.entryCount} entries, no problems`
            : `${audit.report.problems.length} problem(s); first: ${audit.report.problems[0]?.kind}: ${audit.report.problems[0]?.detail}`,
      },
      checkEqual(
        'entries stored = build + year-end close + distribution entries',
        BigInt(audit.report.entryCount),
        BigInt(books.entryCount + 1 + posted.entryIds.length),
      ),
      checkEqual('2-1401 (SHU yang akan dibagikan) ends at zero', balanceOf('2-1401'), 0n),
      checkEqual('3-1301 (SHU tahun berjalan) ends at zero', balanceOf('3-1301'), 0n),
      checkEqual(
        '2-1301 (Utang pajak) = Σ tax withheld',
        balanceOf('2-1301'),
        BigInt(audit.members?.tax ?? '0'),
      ),
      checkEqual(
        "Σ members' sukarela credits in the distribution = Σ (share − tax)",
        BigInt(audit.written?.member_credits ?? '0'),
        BigInt(audit.members?.net ?? '0'),
      ),
      checkEqual(
        'every member of the distribution is marked paid',
        BigInt(audit.members?.paid ?? 0),
        BigInt(proposal.memberCount),
      ),
      checkEqual(
        'pools sum to the surplus',
        proposal.pools.reduce((sum, pool) => sum + BigInt(pool.amount), 0n),
        BigInt(proposal.surplus),
      ),
      checkEqual(
        'shares sum to the jasa pools less the residue',
        BigInt(proposal.membersTotal),
        jasaPools - BigInt(proposal.toCadanganResidue),
      ),
      checkEqual(
        'the same-rows baseline stored every posted line',
        BigInt(sameRows.stored),
        BigInt(lines),
      ),
      {
        name: 'verifyShuCounters finds no difference after the posting',
        isPassed: counters.isConsistent,
        detail: counters.isConsistent
          ? 'no difference'
          : `${counters.differences.length} difference(s); first ${JSON.stringify(counters.differences[0])}`,
      },
    ];
    const figures: Record<string, Figure> = {
      postingLinesPerSecond: { value: lines / (postMs / 1000), unit: 'lines/s' },
      postingMs: { value: postMs, unit: 'ms (postShuDistribution, committed)' },
      postedEntries: { value: posted.entryIds.length, unit: 'count' },
      postedLines: { value: lines, unit: 'count' },
      membersPaid: { value: audit.members?.paid ?? 0, unit: 'count' },
      membersPerSecond: { value: (audit.members?.paid ?? 0) / (postMs / 1000), unit: 'members/s' },
      proposeMs: { value: proposeMs, unit: 'ms (proposeShuDistribution, untimed detail)' },
      yearEndSeconds: {
        value: yearEndSeconds,
        unit: 's (close + rules + propose + approve + countersign)',
      },
      members: { value: memberCount, unit: 'count' },
      buildEntries: { value: books.entryCount, unit: 'count' },
      setupJournalSeconds: { value: books.journalSeconds, unit: 's' },
      auditSeconds: { value: auditSeconds, unit: 's' },
      sameRowsUnnestMs: {
        value: sameRows.medianMs,
        unit: `ms (the same ${sameRows.rowCount} lines by unnest, ${SAME_ROWS_PER_STATEMENT} per statement, median of ${SAME_ROWS_RUNS})`,
      },
      postingToSameRowsUnnest: {
        value: sameRows.medianMs / postMs,
        unit: `× (lines/s ÷ the same rows' unnest lines/s; target ≥ ${RATIO_TARGET})`,
      },
      designFloorMs: {
        value: floor.medianMs,
        unit: `ms (the same lines + ${floor.memberLines} balance and counter rows in bare SQL, one transaction, median of ${SAME_ROWS_RUNS})`,
      },
      postingToDesignFloor: {
        value: floor.medianMs / postMs,
        unit: '× (lines/s ÷ the design floor’s lines/s; detail)',
      },
    };
    const sameRowsRatio = sameRows.medianMs / postMs;
    const ratio = lines / (postMs / 1000) / ctx.calibration.unnestRowsPerSecond;
    return {
      figures,
      ratios: {
        // Detail: the calibration's unnest rows are three bigints with one index, not journal
        // lines; the target is judged on the same rows (postingToSameRowsUnnest).
        postingToUnnest: ratioTo(
          figures,
          'postingLinesPerSecond',
          ctx.calibration,
          'unnestRowsPerSecond',
        ),
      },
      correctness: correctnessOf(checks),
      notes: [
        `app database: ${app.label}`,
        `${memberCount.toLocaleString('en-US')} members` +
          (ctx.isQuick ? ` (--quick; a full run uses ${MEMBERS.toLocaleString('en-US')})` : '') +
          `, ${books.entryCount.toLocaleString('en-US')} entries of ${year.start}..${year.end} in bulk; the year end through the real commands`,
        `posting: ${posted.entryIds.length} entries, ${lines} lines in ${postMs.toFixed(0)} ms; the same rows by unnest ` +
          `${sameRows.medianMs.toFixed(0)} ms (runs ${sameRows.samples.map((value) => value.toFixed(0)).join(', ')}): ` +
          `ratio ${sameRowsRatio.toFixed(2)} (target ≥ ${RATIO_TARGET}: ${sameRowsRatio >= RATIO_TARGET ? 'met' : 'missed'})`,
        `the design floor (the same lines, each touched balance row and each member's counter, bare SQL, one transaction): ` +
          `${floor.medianMs.toFixed(0)} ms (runs ${floor.samples.map((value) => value.toFixed(0)).join(', ')}); the posting is ` +
          `${(postMs / floor.medianMs).toFixed(1)}× it, the floor alone ${(floor.medianMs / sameRows.medianMs).toFixed(1)}× the bare lines`,
        `÷ the calibration's unnest of narrow 3-column rows (${ctx.calibration.unnestRowsPerSecond.toFixed(0)} rows/s): ` +
          `${ratio.toFixed(3)} (detail: a row of three bigints with one index, not a journal line)`,
      ],
    };
  } finally {
    await app.close();
  }
}

const SAME_ROWS_TABLE = 'bench_distribution_same_rows';
const SAME_ROWS_PER_STATEMENT = 1_000;
const SAME_ROWS_RUNS = 3;

/** The journal lines a posting wrote, column by column (and each line's account owner). */
async function readPostedLines(db: Database, cooperativeId: string, entryIds: string[]) {
  const [columns] = await db.admin.query<PostedLines>(
    `select array_agg(l.entry_id order by l.sequence, l.line_number) as entry_ids,
       array_agg(l.line_number order by l.sequence, l.line_number) as line_numbers,
       array_agg(l.account_id order by l.sequence, l.line_number) as account_ids,
       array_agg(l.side order by l.sequence, l.line_number) as sides,
       array_agg(l.amount::text order by l.sequence, l.line_number) as amounts,
       array_agg(l.business_date::text order by l.sequence, l.line_number) as business_dates,
       array_agg(l.sequence::text order by l.sequence, l.line_number) as sequences,
       array_agg(l.memo order by l.sequence, l.line_number) as memos,
       array_agg(l.party_membership_id order by l.sequence, l.line_number) as parties,
       array_agg(a.owner_membership_id order by l.sequence, l.line_number) as owners
     from journal_lines l
     join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
     where l.cooperative_id = $1 and l.entry_id = any($2::uuid[])`,
    [cooperativeId, entryIds],
  );
  assert(columns, 'the posted lines are read back');
  return columns;
}

interface PostedLines {
  entry_ids: string[];
  line_numbers: number[];
  account_ids: string[];
  sides: string[];
  amounts: string[];
  business_dates: string[];
  sequences: string[];
  memos: (string | null)[];
  parties: (string | null)[];
  owners: (string | null)[];
}

/** INSERT … SELECT unnest of the lines into `table`, SAME_ROWS_PER_STATEMENT rows per statement. */
async function insertLinesByUnnest(
  admin: Database['admin'],
  table: string,
  cooperativeId: string,
  lines: PostedLines,
) {
  for (let start = 0; start < lines.entry_ids.length; start += SAME_ROWS_PER_STATEMENT) {
    const part = <Value>(values: Value[]) => values.slice(start, start + SAME_ROWS_PER_STATEMENT);
    await admin.query(
      `insert into ${table} (cooperative_id, entry_id, line_number, account_id, side, amount,
         business_date, sequence, memo, party_membership_id)
       select $1::uuid, l.* from unnest($2::uuid[], $3::smallint[], $4::uuid[], $5::text[], $6::bigint[],
         $7::date[], $8::bigint[], $9::text[], $10::uuid[]) as l`,
      [
        cooperativeId,
        part(lines.entry_ids),
        part(lines.line_numbers),
        part(lines.account_ids),
        part(lines.sides),
        part(lines.amounts),
        part(lines.business_dates),
        part(lines.sequences),
        part(lines.memos),
        part(lines.parties),
      ],
    );
  }
}

/**
 * The batched-insert baseline over the same rows (performance.md §B5 compares the posting with
 * "the COPY time of the same rows"): the journal lines the posting wrote, every column and value,
 * inserted into a table with journal_lines' columns, checks and indexes (`like … including all`)
 * but none of the ledger's triggers, policies or references, by INSERT … SELECT unnest of typed
 * arrays, SAME_ROWS_PER_STATEMENT rows per statement, each statement its own commit (as the
 * calibration's unnest probe). Emptied between runs (not timed); the median of SAME_ROWS_RUNS.
 */
async function timeSameRowsUnnest(db: Database, cooperativeId: string, lines: PostedLines) {
  const { admin } = db;
  await admin.exec(`drop table if exists ${SAME_ROWS_TABLE};
    create table ${SAME_ROWS_TABLE} (like journal_lines including all)`);
  const samples: number[] = [];
  for (let run = 0; run < SAME_ROWS_RUNS; run++) {
    await admin.exec(`truncate ${SAME_ROWS_TABLE}`);
    const startedNs = process.hrtime.bigint();
    await insertLinesByUnnest(admin, SAME_ROWS_TABLE, cooperativeId, lines);
    samples.push(msSince(startedNs));
  }
  const [stored] = await admin.query<{ count: number }>(
    `select count(*)::int as count from ${SAME_ROWS_TABLE}`,
  );
  await admin.exec(`drop table ${SAME_ROWS_TABLE}`);
  return { ...medianOf(samples), rowCount: lines.entry_ids.length, stored: stored?.count ?? 0 };
}

const FLOOR_BALANCES = 'bench_distribution_floor_balances';
const FLOOR_COUNTERS = 'bench_distribution_floor_counters';

/**
 * What this design must write for the same posting, in bare SQL (detail, no target): in ONE
 * transaction, as the posting, the same lines inserted as in the baseline, then each touched
 * account's balance row moved by its summed delta (a copy of the cooperative's ledger_balances rows:
 * same columns, indexes and fillfactor), then each paid member's capital counter for the posting's
 * fiscal year written (an empty copy of shu_member_counters, on conflict add). No triggers, checks,
 * hashes, locks or application code: the floor the posting's own work sits on.
 */
async function timeDesignFloor(db: Database, cooperativeId: string, lines: PostedLines) {
  const { admin } = db;
  await admin.exec(`drop table if exists ${SAME_ROWS_TABLE}, ${FLOOR_BALANCES}, ${FLOOR_COUNTERS};
    create table ${SAME_ROWS_TABLE} (like journal_lines including all);
    create table ${FLOOR_BALANCES} (like ledger_balances including all) with (fillfactor = 70);
    create table ${FLOOR_COUNTERS} (like shu_member_counters including all) with (fillfactor = 70)`);
  const members = lines.owners.flatMap((owner, index) =>
    owner !== null && lines.sides[index] === 'credit'
      ? [{ owner, amount: lines.amounts[index]!, day: lines.business_dates[index]! }]
      : [],
  );
  const samples: number[] = [];
  for (let run = 0; run < SAME_ROWS_RUNS; run++) {
    await admin.exec(`truncate ${SAME_ROWS_TABLE}, ${FLOOR_BALANCES}, ${FLOOR_COUNTERS}`);
    await admin.query(
      `insert into ${FLOOR_BALANCES} select * from ledger_balances where cooperative_id = $1`,
      [cooperativeId],
    );
    await admin.exec(`analyze ${FLOOR_BALANCES}`);
    const startedNs = process.hrtime.bigint();
    await admin.transaction(async (tx) => {
      await insertLinesByUnnest(tx, SAME_ROWS_TABLE, cooperativeId, lines);
      await tx.query(
        `update ${FLOOR_BALANCES} b set debit_total = b.debit_total + d.debit,
           credit_total = b.credit_total + d.credit, line_count = b.line_count + d.count
         from (select account_id, coalesce(sum(amount) filter (where side = 'debit'), 0) as debit,
                 coalesce(sum(amount) filter (where side = 'credit'), 0) as credit, count(*) as count
               from unnest($2::uuid[], $3::text[], $4::bigint[]) as l(account_id, side, amount)
               group by account_id) d
         where b.cooperative_id = $1 and b.account_id = d.account_id`,
        [cooperativeId, lines.account_ids, lines.sides, lines.amounts],
      );
      await tx.query(
        `insert into ${FLOOR_COUNTERS} as t (cooperative_id, membership_id, base_key, fiscal_year_start, amount, balance_days)
         select $1, m.owner, 'capital:sukarela', date_trunc('year', m.day)::date, sum(m.amount),
           sum(m.amount * ((date_trunc('year', m.day) + interval '1 year')::date - m.day))
         from unnest($2::uuid[], $3::bigint[], $4::date[]) as m(owner, amount, day)
         group by m.owner, date_trunc('year', m.day)
         order by m.owner
         on conflict (cooperative_id, membership_id, base_key, fiscal_year_start) do update
           set amount = t.amount + excluded.amount, balance_days = t.balance_days + excluded.balance_days`,
        [
          cooperativeId,
          members.map((member) => member.owner),
          members.map((member) => member.amount),
          members.map((member) => member.day),
        ],
      );
    });
    samples.push(msSince(startedNs));
  }
  await admin.exec(`drop table ${SAME_ROWS_TABLE}, ${FLOOR_BALANCES}, ${FLOOR_COUNTERS}`);
  return { ...medianOf(samples), memberLines: members.length };
}

function medianOf(samples: number[]) {
  const sorted = [...samples].sort((left, right) => left - right);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, samples };
}

function msSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}
