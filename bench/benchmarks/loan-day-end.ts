/**
 * Loan day-end (issue 5, benchmark 2): runLoanDayEnd over a book of 100,000 aktif loans (10,000
 * with --quick) against one UPDATE plus one INSERT … SELECT over the same rows.
 *
 * Data: one simpan-pinjam cooperative, one aktif member per loan with a Piutang pinjaman
 * sub-account under 1-1310 (members and sub-accounts in bulk SQL, bench/fixtures/members-bulk.ts).
 * Each loan: 12 monthly flat installments at 1% a month, principal Rp500,000–Rp50,000,000,
 * disbursed 1–330 days before the business date, KSP_2009 and OJK_BANK in turn. Nine loans in ten
 * have paid every installment due; one in ten is 1–6 installments behind. The disbursement and
 * (one) repayment of each loan are posted through the real ledger (postJournalEntries, 2,000 entries
 * per batch); the loan, installment and repayment rows are inserted in bulk as disburseLoan and
 * repayLoan write them. The day-end of the day before runs untimed (every loan's first accrual,
 * the catch-up path), so the timed day is the daily case.
 *
 * Measured: runLoanDayEnd(today) in its own withTenant transaction: one warm-up and one timed run
 * rolled back (a run is once per date), then one committed run, the figure. Baseline: `update
 * loans set is_auto_debit = is_auto_debit` over the aktif loans plus `insert … select` of one row
 * per loan into a scratch table, in one transaction, 1 warm-up + 3 runs, median.
 * Ratio: day-end ÷ baseline (target ≤ 2).
 *
 * Correctness: positions stored = loans; overdue loans = the book's loans behind; 1-1319's balance
 * = the run's required allowance = Σ positions; verifyCooperativeLedger finds no problem; the trial
 * balance balances; entries = build entries + allowance entries.
 */
import { sql } from 'drizzle-orm';
import { uuidv7 } from '@lumbung/shared/ids';
import {
  getTrialBalance,
  postJournalEntries,
  verifyCooperativeLedger,
  type EntryInput,
} from '../../apps/server/src/modules/ledger/index.js';
import { runLoanDayEnd } from '../../apps/server/src/modules/loans/index.js';
import {
  addMonthsClamped,
  civilDateOf,
  dayNumberOf,
  formatIsoDate,
  parseIsoDate,
} from '../../apps/server/src/modules/loans/rules/calendar.js';
import {
  queryRows,
  withSystem,
  withTenant,
  type Tx,
} from '../../apps/server/src/platform/db/database.js';
import {
  isoDate,
  listBenchAccounts,
  openLedgerAppDatabase,
  registerBenchCooperative,
} from '../fixtures/ledger-app.js';
import { bulkInsertMembers, bulkOpenSubAccounts } from '../fixtures/members-bulk.js';
import {
  checkEqual,
  correctnessOf,
  type BenchContext,
  type BenchResult,
  type CorrectnessCheck,
  type Figure,
} from '../harness.js';
import { createSeededRandom, type SeededRandom } from '../random.js';

export const name = 'loan-day-end';

const LOANS = 100_000;
const QUICK_LOANS = 10_000;
const BATCH_ENTRIES = 2_000;
const INSTALLMENTS = 12;
const WORKLOAD_SEED = 20_240_707;
const RATIO_TARGET = 2;
const TIMED_BASELINE_RUNS = 3;

class RolledBack extends Error {
  constructor() {
    super('rolled back on purpose');
  }
}

interface BenchLoan {
  id: string;
  membershipId: string;
  personId: string;
  accountId: string;
  principal: bigint;
  disbursedOn: string;
  scheme: 'KSP_2009' | 'OJK_BANK';
  dueBefore: number;
  paid: number;
  paidOn: string | null;
}

const installmentPrincipal = (loan: BenchLoan, number: number) => {
  const regular = loan.principal / BigInt(INSTALLMENTS);
  return number < INSTALLMENTS ? regular : loan.principal - regular * BigInt(INSTALLMENTS - 1);
};
const interestOf = (loan: BenchLoan) => loan.principal / 100n;
const dueDateOf = (disbursedOn: string, number: number) =>
  formatIsoDate(addMonthsClamped(parseIsoDate(disbursedOn), number));

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const random = createSeededRandom(WORKLOAD_SEED);
  const loanCount = ctx.isQuick ? QUICK_LOANS : LOANS;
  const app = await openLedgerAppDatabase(ctx, 4);
  try {
    const { db } = app;
    const now = new Date();
    const today = isoDate(now);
    const yesterday = formatIsoDate(civilDateOf(dayNumberOf(parseIsoDate(today)) - 1));
    const setupStartedNs = process.hrtime.bigint();
    const cooperativeId = await registerBenchCooperative(db, 'L', now);
    ctx.log(`set-up: ${loanCount.toLocaleString('en-US')} members + loan sub-accounts in bulk`);
    const members = await bulkInsertMembers(db, cooperativeId, { count: loanCount, now, random });
    const accounts = await bulkOpenSubAccounts(db, cooperativeId, {
      controlCode: '1-1310',
      members,
      now,
    });
    const chart = await listBenchAccounts(db, cooperativeId);
    const idOf = (code: string) => {
      const account = chart.find((row) => row.code === code);
      if (!account) throw new Error(`the chart has ${code}`);
      return account.id;
    };
    const book = members.map((member, index) =>
      benchLoanOf(member, accounts.get(member.membershipId) ?? '', index, today, random),
    );
    ctx.log('posting disbursements and repayments through the ledger');
    const entries = buildEntries(book, idOf('1-1101'), idOf('4-1201'));
    const entryIds: string[] = [];
    for (let start = 0; start < entries.length; start += BATCH_ENTRIES) {
      const posted = await withTenant(db, cooperativeId, (tx) =>
        postJournalEntries({ tx, cooperativeId, now }, entries.slice(start, start + BATCH_ENTRIES)),
      );
      entryIds.push(...posted.map((entry) => entry.id));
    }
    await insertLoanRows(db, cooperativeId, book, entryIds, now);
    await db.admin.exec(
      'analyze loans, loan_installments, loan_repayments, ledger_accounts, ledger_balances, journal_entries, journal_lines',
    );
    const setupSeconds = secondsSince(setupStartedNs);

    const loansCtx = (tx: Tx) => ({
      tx,
      cooperativeId,
      now,
      actorPersonId: null,
      idempotencyKey: 'bench-day-end',
    });
    ctx.log(`untimed day-end of ${yesterday} (first accrual of every loan)`);
    const firstStartedNs = process.hrtime.bigint();
    await withTenant(db, cooperativeId, (tx) =>
      runLoanDayEnd(loansCtx(tx), { businessDate: yesterday }),
    );
    const firstRunSeconds = secondsSince(firstStartedNs);
    await db.admin.exec('analyze loan_day_end_positions, loan_day_end_runs');

    const rolledBack = async () => {
      try {
        await withTenant(db, cooperativeId, async (tx) => {
          await runLoanDayEnd(loansCtx(tx), { businessDate: today });
          throw new RolledBack();
        });
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
    };
    ctx.log('baseline: UPDATE + INSERT … SELECT, 1 warm-up + 3 runs');
    await db.admin.exec(
      'create table if not exists bench_loan_day_end (loan_id uuid, business_date date, days_past_due int, amount bigint)',
    );
    const baseline = async () => {
      await db.admin.exec('truncate bench_loan_day_end');
      const startedNs = process.hrtime.bigint();
      await withTenant(db, cooperativeId, async (tx) => {
        await tx.execute(sql`update loans set is_auto_debit = is_auto_debit
                             where cooperative_id = ${cooperativeId} and status = 'aktif'`);
        await tx.execute(sql`insert into bench_loan_day_end
                             select id, ${today}::date, 0, principal from loans
                             where cooperative_id = ${cooperativeId} and status = 'aktif'`);
      });
      return secondsSince(startedNs) * 1000;
    };
    await baseline();
    const baselineSamples: number[] = [];
    for (let index = 0; index < TIMED_BASELINE_RUNS; index++)
      baselineSamples.push(await baseline());

    ctx.log('day-end: 1 warm-up (rolled back) + 1 rolled back + 1 committed');
    await rolledBack();
    const rolledStartedNs = process.hrtime.bigint();
    await rolledBack();
    const rolledBackMs = secondsSince(rolledStartedNs) * 1000;
    const committedStartedNs = process.hrtime.bigint();
    const committed = await withTenant(db, cooperativeId, (tx) =>
      runLoanDayEnd(loansCtx(tx), { businessDate: today }),
    );
    const dayEndMs = secondsSince(committedStartedNs) * 1000;

    const audit = await withSystem(db, 'bench: audit after the loan day-end', async (tx) => {
      const report = await verifyCooperativeLedger(tx, cooperativeId);
      const trial = await getTrialBalance({ tx, cooperativeId }, { asOf: today });
      const [positions] = await queryRows<{ count: number; overdue: number; allowance: string }>(
        tx,
        sql`select count(*)::int as count, count(*) filter (where days_past_due > 0)::int as overdue,
              coalesce(sum(required_allowance), 0)::text as allowance
            from loan_day_end_positions
            where cooperative_id = ${cooperativeId} and business_date = ${today}::date`,
      );
      const [allowance] = await queryRows<{ balance: string }>(
        tx,
        sql`select coalesce(sum(case when l.side = 'credit' then l.amount else -l.amount end), 0)::text
              as balance
            from journal_lines l join ledger_accounts a
              on a.cooperative_id = l.cooperative_id and a.id = l.account_id
            where l.cooperative_id = ${cooperativeId} and a.code = '1-1319'`,
      );
      const [allowanceEntries] = await queryRows<{ count: number }>(
        tx,
        sql`select count(*)::int as count from journal_entries
            where cooperative_id = ${cooperativeId} and source_type = 'loans.allowance'`,
      );
      return { report, trial, positions, allowance, allowanceEntries };
    });
    const expectedOverdue = book.filter((loan) => loan.paid < loan.dueBefore).length;
    const checks: CorrectnessCheck[] = [
      checkEqual('loans aged = loans in the book', BigInt(committed.loanCount), BigInt(loanCount)),
      checkEqual(
        'positions stored = loans',
        BigInt(audit.positions?.count ?? 0),
        BigInt(loanCount),
      ),
      checkEqual(
        'overdue loans = loans behind in the book',
        BigInt(audit.positions?.overdue ?? 0),
        BigInt(expectedOverdue),
      ),
      checkEqual(
        'required allowance of the run = Σ positions',
        committed.requiredAllowance,
        BigInt(audit.positions?.allowance ?? '0'),
      ),
      checkEqual(
        "1-1319's balance = the run's required allowance",
        BigInt(audit.allowance?.balance ?? '0'),
        committed.requiredAllowance,
      ),
      {
        name: 'verifyCooperativeLedger finds no problem',
        isPassed: audit.report.problems.length === 0,
        detail:
          audit.report.problems.length === 0
            ? `${audit.report.entryCount} entries, no problems`
            : `${audit.report.problems.length} problem(s); first: ${audit.report.problems[0]?.kind}`,
      },
      checkEqual(
        'entries stored = build entries + allowance entries',
        BigInt(audit.report.entryCount),
        BigInt(entries.length + (audit.allowanceEntries?.count ?? 0)),
      ),
      {
        name: `trial balance as of ${today} balances`,
        isPassed: audit.trial.isBalanced,
        detail: audit.trial.isBalanced ? 'balanced' : 'unbalanced',
      },
    ];
    const baselineMs = median(baselineSamples);
    const ratio = dayEndMs / baselineMs;
    const figures: Record<string, Figure> = {
      dayEndMs: { value: dayEndMs, unit: 'ms (the committed run)' },
      dayEndRolledBackMs: {
        value: rolledBackMs,
        unit: 'ms (rolled back: no deferred triggers, no commit)',
      },
      baselineMs: { value: baselineMs, unit: 'ms (median of 3)' },
      dayEndToBaseline: { value: ratio, unit: `× (target ≤ ${RATIO_TARGET})` },
      microsecondsPerLoan: { value: (dayEndMs * 1000) / loanCount, unit: 'µs/loan' },
      firstDayEndSeconds: { value: firstRunSeconds, unit: 's (catch-up of every loan, untimed)' },
      loans: { value: loanCount, unit: 'count' },
      overdueLoans: { value: expectedOverdue, unit: 'count' },
      penaltyAccrued: { value: Number(committed.penaltyAccrued), unit: 'rupiah' },
      requiredAllowance: { value: Number(committed.requiredAllowance), unit: 'rupiah' },
      setupSeconds: { value: setupSeconds, unit: 's' },
    };
    const notes = [
      `app database: ${app.label}`,
      `${loanCount.toLocaleString('en-US')} aktif loans` +
        (ctx.isQuick ? ` (--quick; a full run uses ${LOANS.toLocaleString('en-US')})` : '') +
        `, ${expectedOverdue.toLocaleString('en-US')} behind; ${entries.length.toLocaleString('en-US')} build entries`,
      `day-end ÷ (UPDATE + INSERT … SELECT) = ${ratio.toFixed(2)} (target ≤ ${RATIO_TARGET}: ${ratio <= RATIO_TARGET ? 'met' : 'missed'})`,
      `baseline runs (ms): ${baselineSamples.map((value) => value.toFixed(0)).join(', ')}`,
    ];
    return { figures, ratios: {}, correctness: correctnessOf(checks), notes };
  } finally {
    await app.close();
  }
}

function benchLoanOf(
  member: { membershipId: string; personId: string },
  accountId: string,
  index: number,
  today: string,
  random: SeededRandom,
): BenchLoan {
  const todayNumber = dayNumberOf(parseIsoDate(today));
  const disbursedOn = formatIsoDate(civilDateOf(todayNumber - 1 - random.nextInt(330)));
  let dueBefore = 0;
  while (dueBefore < INSTALLMENTS && dueDateOf(disbursedOn, dueBefore + 1) < today) dueBefore++;
  const isBehind = index % 10 === 0;
  const paid = isBehind ? Math.max(0, dueBefore - 1 - random.nextInt(6)) : dueBefore;
  return {
    id: uuidv7(),
    membershipId: member.membershipId,
    personId: member.personId,
    accountId,
    principal: BigInt(1 + random.nextInt(100)) * 500_000n,
    disbursedOn,
    scheme: index % 2 === 0 ? 'KSP_2009' : 'OJK_BANK',
    dueBefore,
    paid,
    paidOn: paid > 0 ? dueDateOf(disbursedOn, paid) : null,
  };
}

/** Per loan its disbursement, then (when it paid) one repayment of its installments paid. */
function buildEntries(book: readonly BenchLoan[], cashId: string, interestId: string) {
  const entries: EntryInput[] = [];
  for (const loan of book) {
    entries.push({
      businessDate: loan.disbursedOn,
      lines: [
        { accountId: loan.accountId, side: 'debit', amount: loan.principal },
        { accountId: cashId, side: 'credit', amount: loan.principal },
      ],
      sourceType: 'loans.disbursement',
      sourceId: loan.id,
      memo: 'Pencairan pinjaman (bench)',
      idempotencyKey: `bench.disbursement:${loan.id}`,
      postedBy: null,
    });
    if (loan.paid === 0 || loan.paidOn === null) continue;
    const { principal, interest } = paidOf(loan);
    entries.push({
      businessDate: loan.paidOn,
      lines: [
        { accountId: cashId, side: 'debit', amount: principal + interest },
        { accountId: loan.accountId, side: 'credit', amount: principal },
        { accountId: interestId, side: 'credit', amount: interest },
      ],
      sourceType: 'loans.repayment',
      sourceId: loan.id,
      memo: 'Angsuran pinjaman (bench)',
      idempotencyKey: `bench.repayment:${loan.id}`,
      postedBy: null,
    });
  }
  return entries;
}

function paidOf(loan: BenchLoan) {
  let principal = 0n;
  for (let number = 1; number <= loan.paid; number++)
    principal += installmentPrincipal(loan, number);
  return { principal, interest: interestOf(loan) * BigInt(loan.paid) };
}

/** The product, loan, installment and repayment rows disburseLoan and repayLoan write, in bulk. */
async function insertLoanRows(
  db: Awaited<ReturnType<typeof openLedgerAppDatabase>>['db'],
  cooperativeId: string,
  book: readonly BenchLoan[],
  entryIds: readonly string[],
  now: Date,
) {
  await db.admin.query(
    `insert into loan_products (cooperative_id, code, name, interest_method,
       interest_rate_bps_per_month, tenors, frequency, admin_fee_bps, provision_fee_bps,
       fee_treatment, penalty_bps_per_day, grace_installments, plafond_savings_multiple, min_amount,
       max_amount, members_only, approval_tiers, collectibility_scheme, is_active, updated_at)
     values ($1, 'BENCH', 'Pinjaman bench', 'flat', 100, '{12}', 'monthly', 0, 0, 'deducted', 10, 0,
       null, 500000, 50000000, true, '[{"upTo":null,"approvals":1,"requiresKetua":false}]',
       'KSP_2009', true, $2)`,
    [cooperativeId, now.toISOString()],
  );
  let entryIndex = 0;
  const disbursementIds: string[] = [];
  const repaymentIds: (string | null)[] = [];
  for (const loan of book) {
    disbursementIds.push(entryIds[entryIndex++] ?? '');
    repaymentIds.push(loan.paid > 0 ? (entryIds[entryIndex++] ?? '') : null);
  }
  const chunk = 10_000;
  for (let start = 0; start < book.length; start += chunk) {
    const part = book.slice(start, start + chunk);
    await db.admin.query(
      `insert into loans (cooperative_id, id, membership_id, applicant_person_id, product_code,
         amount, principal, admin_fee, provision_fee, fee_treatment, interest_method,
         interest_rate_bps_per_month, installments, frequency, penalty_bps_per_day,
         grace_installments, collectibility_scheme, required_approvals, requires_ketua, purpose,
         declared_monthly_income, status, applied_at, applied_via, decided_at, loan_account_id,
         disbursed_on, disbursed_at, disbursement_channel, disbursement_entry_id, disbursement_key)
       select $1, u.id, u.membership_id, u.person_id, 'BENCH', u.principal, u.principal, 0, 0,
         'deducted', 'flat', 100, 12, 'monthly', 10, 0, u.scheme, 1, false, 'Modal usaha (bench)',
         5000000, 'aktif', $2, 'officer', $2, u.account_id, u.disbursed_on, $2, 'cash', u.entry_id,
         'bench.disbursement:' || u.id
       from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[], $7::text[], $8::uuid[],
         $9::date[], $10::uuid[])
         as u (id, membership_id, person_id, principal, scheme, account_id, disbursed_on, entry_id)`,
      [
        cooperativeId,
        now.toISOString(),
        part.map((loan) => loan.id),
        part.map((loan) => loan.membershipId),
        part.map((loan) => loan.personId),
        part.map((loan) => loan.principal.toString()),
        part.map((loan) => loan.scheme),
        part.map((loan) => loan.accountId),
        part.map((loan) => loan.disbursedOn),
        disbursementIds.slice(start, start + chunk),
      ],
    );
    // 12 flat installments: principal / 12 (the last takes the rest), 1% interest each.
    await db.admin.query(
      `insert into loan_installments (cooperative_id, loan_id, number, due_date, principal,
         interest, total, principal_outstanding_after)
       select l.cooperative_id, l.id, n, (l.disbursed_on + make_interval(months => n))::date,
         case when n < 12 then l.principal / 12 else l.principal - (l.principal / 12) * 11 end,
         l.principal / 100,
         case when n < 12 then l.principal / 12 else l.principal - (l.principal / 12) * 11 end
           + l.principal / 100,
         case when n < 12 then l.principal - (l.principal / 12) * n else 0 end
       from loans l cross join generate_series(1, 12) as n
       where l.cooperative_id = $1 and l.id = any($2::uuid[])`,
      [cooperativeId, part.map((loan) => loan.id)],
    );
    const paying = part
      .map((loan, index) => ({ loan, entryId: repaymentIds[start + index] }))
      .filter((row): row is { loan: BenchLoan; entryId: string } => row.entryId != null);
    if (paying.length === 0) continue;
    await db.admin.query(
      `insert into loan_repayments (cooperative_id, id, loan_id, paid_on, channel, amount, penalty,
         interest, principal, is_payoff, entry_id, idempotency_key, recorded_at)
       select $1, u.id, u.loan_id, u.paid_on, 'cash', u.principal + u.interest, 0, u.interest,
         u.principal, false, u.entry_id, 'bench.repayment:' || u.loan_id, $2
       from unnest($3::uuid[], $4::uuid[], $5::date[], $6::bigint[], $7::bigint[], $8::uuid[])
         as u (id, loan_id, paid_on, principal, interest, entry_id)`,
      [
        cooperativeId,
        now.toISOString(),
        paying.map(() => uuidv7()),
        paying.map((row) => row.loan.id),
        paying.map((row) => row.loan.paidOn),
        paying.map((row) => paidOf(row.loan).principal.toString()),
        paying.map((row) => paidOf(row.loan).interest.toString()),
        paying.map((row) => row.entryId),
      ],
    );
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function secondsSince(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e9;
}
