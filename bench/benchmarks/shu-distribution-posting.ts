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
 * Ratio: lines/s ÷ the calibration's unnestRowsPerSecond (journal-line-shaped rows through
 * INSERT … SELECT unnest, 1,000 per statement), target ≥ 0.5.
 *
 * Correctness: verifyCooperativeLedger finds no problem and counts build + close + distribution
 * entries; 2-1401 (SHU yang akan dibagikan) ends at zero; 3-1301 ends at zero; 2-1301 = Σ tax;
 * Σ members' sukarela credits in the distribution = Σ (share − tax); every member is marked paid;
 * pools sum to the surplus; shares sum to the jasa pools less the residue; verifyShuCounters
 * finds no difference after the posting.
 */
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
    };
    const ratio = lines / (postMs / 1000) / ctx.calibration.unnestRowsPerSecond;
    return {
      figures,
      ratios: {
        postingToUnnest: ratioTo(
          figures,
          'postingLinesPerSecond',
          ctx.calibration,
          'unnestRowsPerSecond',
          {
            atLeast: RATIO_TARGET,
          },
        ),
      },
      correctness: correctnessOf(checks),
      notes: [
        `app database: ${app.label}`,
        `${memberCount.toLocaleString('en-US')} members` +
          (ctx.isQuick ? ` (--quick; a full run uses ${MEMBERS.toLocaleString('en-US')})` : '') +
          `, ${books.entryCount.toLocaleString('en-US')} entries of ${year.start}..${year.end} in bulk; the year end through the real commands`,
        `posting: ${posted.entryIds.length} entries, ${lines} lines in ${postMs.toFixed(0)} ms; ` +
          `÷ unnest ${ctx.calibration.unnestRowsPerSecond.toFixed(0)} rows/s = ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET})`,
      ],
    };
  } finally {
    await app.close();
  }
}

function msSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}
