import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import type { MemberBases } from './rules/compute-shu.js';
import type { ShuRules } from './rules/shu-rules.js';
import { shuDistributionMembers, shuDistributions, shuRuleVersions } from './shu.schema.js';
import { capitalControlCodes, type FiscalYear } from './shu.types.js';
import type { ShuCapitalBase, ShuCapitalKind } from '@lumbung/shared/contracts/shu';

export type RuleVersionRow = typeof shuRuleVersions.$inferSelect;
export type DistributionRow = typeof shuDistributions.$inferSelect;
export type DistributionMemberRow = typeof shuDistributionMembers.$inferSelect;

const list = (values: readonly string[]) => values.join(',');

/** The cooperative's fiscal year start month (cooperatives registry, read-only). */
export async function readFiscalYearStartMonth(tx: Tx, cooperativeId: string) {
  const [row] = await queryRows<{ month: number }>(
    tx,
    sql`select fiscal_year_start_month::int as month from cooperatives where id = ${cooperativeId}`,
  );
  return row?.month ?? null;
}

export async function listRuleVersionRows(tx: Tx, cooperativeId: string, fiscalYearStart: string) {
  return tx
    .select()
    .from(shuRuleVersions)
    .where(
      and(
        eq(shuRuleVersions.cooperativeId, cooperativeId),
        eq(shuRuleVersions.fiscalYearStart, fiscalYearStart),
      ),
    )
    .orderBy(desc(shuRuleVersions.version));
}

export async function insertRuleVersion(tx: Tx, row: RuleVersionRow) {
  await tx.insert(shuRuleVersions).values(row);
}

/** The version an approved (or posted) distribution of the year used, if any: it is frozen. */
export async function findFrozenRuleVersion(
  tx: Tx,
  cooperativeId: string,
  fiscalYearStart: string,
) {
  const [row] = await queryRows<{ rule_version: number }>(
    tx,
    sql`select rule_version from shu_distributions
        where cooperative_id = ${cooperativeId} and fiscal_year_start = ${fiscalYearStart}::date
          and status in ('awaiting_countersign', 'approved', 'posted')
        limit 1`,
  );
  return row?.rule_version ?? null;
}

function capitalValueSql(year: FiscalYear, method: ShuCapitalBase['method']) {
  // Earlier years carry their net change in as an opening balance held every day of this year.
  return method === 'average_daily_balance'
    ? sql`case when fiscal_year_start < ${year.start}::date then amount * ${year.days} else balance_days end`
    : sql`amount`;
}

const capitalKeysOf = (kinds: readonly ShuCapitalKind[]) =>
  list(kinds.map((kind) => `capital:${kind}`));

/**
 * Every member's bases from the running counters, one row per member: the capital counted for
 * jasa modal (balance, or balance-days for the average daily balance) and each participation line.
 * `membershipId` narrows it to one member (a primary-key range).
 */
export async function readMemberBases(
  tx: Tx,
  cooperativeId: string,
  input: {
    year: FiscalYear;
    capitalBase: ShuCapitalBase;
    sourceKeys: readonly string[];
    membershipId?: string;
  },
): Promise<MemberBases[]> {
  const { year, capitalBase, sourceKeys } = input;
  const participationColumns = sourceKeys.map(
    (key) =>
      sql`coalesce(sum(amount) filter (where base_key = ${`participation:${key}`} and fiscal_year_start = ${year.start}::date), 0)`,
  );
  const rows = await queryRows<{ membership_id: string; capital: string; participation: string }>(
    tx,
    sql`select membership_id,
          coalesce(sum(${capitalValueSql(year, capitalBase.method)})
            filter (where base_key = any(string_to_array(${capitalKeysOf(capitalBase.kinds)}, ','))), 0)::text as capital,
          concat_ws(',', ${participationColumns.length > 0 ? sql.join(participationColumns, sql`, `) : sql`''`}) as participation
        from shu_member_counters
        where cooperative_id = ${cooperativeId}
          ${input.membershipId ? sql`and membership_id = ${input.membershipId}` : sql``}
          and fiscal_year_start <= ${year.start}::date
          and (fiscal_year_start = ${year.start}::date or base_key like 'capital:%')
        group by membership_id
        order by membership_id`,
  );
  return rows.map((row) => {
    const values = row.participation.split(',');
    return {
      membershipId: row.membership_id,
      capital: BigInt(row.capital),
      participation: new Map(sourceKeys.map((key, index) => [key, BigInt(values[index] ?? '0')])),
    };
  });
}

export interface YearFigures {
  revenueFromMembers: bigint;
  revenueFromNonMembers: bigint;
  expenses: bigint;
  capitalTotal: bigint;
  participation: Map<string, bigint>;
  unattributed: Map<string, bigint>;
}

/** The cooperative's totals for the year from the running counters (a handful of primary keys). */
export async function readYearFigures(
  tx: Tx,
  cooperativeId: string,
  input: { year: FiscalYear; capitalBase: ShuCapitalBase },
): Promise<YearFigures> {
  const { year, capitalBase } = input;
  const rows = await queryRows<{ base_key: string; value: string }>(
    tx,
    sql`select case when base_key like 'capital:%' then 'capital' else base_key end as base_key,
          sum(case when base_key like 'capital:%' then ${capitalValueSql(year, capitalBase.method)} else amount end)::text as value
        from shu_year_counters
        where cooperative_id = ${cooperativeId}
          and ((fiscal_year_start = ${year.start}::date and base_key not like 'capital:%')
            or (fiscal_year_start <= ${year.start}::date
                and base_key = any(string_to_array(${capitalKeysOf(capitalBase.kinds)}, ','))))
        group by 1`,
  );
  const value = new Map(rows.map((row) => [row.base_key, BigInt(row.value)]));
  const prefixed = (prefix: string) =>
    new Map(
      [...value.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, amount]) => [key.slice(prefix.length), amount]),
    );
  return {
    revenueFromMembers: value.get('revenue:member') ?? 0n,
    revenueFromNonMembers: value.get('revenue:non_member') ?? 0n,
    expenses: value.get('expense') ?? 0n,
    capitalTotal: value.get('capital') ?? 0n,
    participation: prefixed('participation:'),
    unattributed: prefixed('unattributed:'),
  };
}

/**
 * Runs a recompute over the journal with hash joins only. The planner estimates the lines of one
 * account from the average (a few dozen), so for a hot revenue account (every loan repayment's
 * interest) it picks nested loops that probe an index once per line and, joining two such sets,
 * once per pair: 200,000 entries took minutes. Merge joins are off too: fed by that account's
 * index they read the lines in date order, one random heap page per line. A full recompute reads a
 * whole year of the cooperative's lines, which hash joins read once (benchmark shu-recompute).
 */
async function withHashJoins<Value>(tx: Tx, work: () => Promise<Value>): Promise<Value> {
  const [setting] = await queryRows<{ nestloop: string; mergejoin: string }>(
    tx,
    sql`select current_setting('enable_nestloop') as nestloop, current_setting('enable_mergejoin') as mergejoin,
          set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true)`,
  );
  try {
    return await work();
  } finally {
    await tx.execute(
      sql`select set_config('enable_nestloop', ${setting?.nestloop ?? 'on'}, true),
            set_config('enable_mergejoin', ${setting?.mergejoin ?? 'on'}, true)`,
    );
  }
}

/** The year-end close entries of the cooperative (not business: the recompute leaves them out). */
const yearEndCloseIds = (cooperativeId: string) =>
  sql`(select e.id from journal_entries e
       where e.cooperative_id = ${cooperativeId} and e.source_type = 'ledger.year_end_close')`;

/** The cooperative's accounts that measure a participation line (shu_participation_accounts). */
const participationAccountIds = (cooperativeId: string) =>
  sql`(select pa.id from ledger_accounts pa
       join shu_participation_accounts s on s.account_code = pa.code
       where pa.cooperative_id = ${cooperativeId})`;

/**
 * The year's business, every member's counted capital and every member's participation,
 * recomputed from the journal in ONE scan of its lines (the year-end close entry is not business,
 * as in the counters' trigger). The lines are summed per account first, and on the accounts that
 * measure a participation line (shu_participation_accounts) per account and member party: the
 * ledger stamps each line with its entry's one member (migration 0025), so attributing
 * participation needs no second read of the entry's lines. The few thousand sums are then rolled up
 * by member, by participation line and by revenue/expense class. Capital is weighted like savings'
 * balance-days: a line counts for the days left in the year (an earlier year's for every day).
 * Participation counts the year's revenue of the `sourceKeys` lines; unattributed (no member
 * party) is returned for every line, as the counters keep it.
 */
export async function sumLedgerYearBases(
  tx: Tx,
  cooperativeId: string,
  input: { year: FiscalYear; capitalBase: ShuCapitalBase; sourceKeys: readonly string[] },
) {
  const { year, capitalBase } = input;
  const codes = list(capitalBase.kinds.map((kind) => capitalControlCodes[kind]));
  const weight =
    capitalBase.method === 'average_daily_balance'
      ? sql`case when l.business_date < ${year.start}::date then ${year.days}
                 else ${year.end}::date - l.business_date + 1 end`
      : sql`1`;
  const rows = await withHashJoins(tx, () =>
    queryRows<{
      membership_id: string | null;
      party: string | null;
      source_key: string | null;
      capital: string | null;
      members: string | null;
      non_members: string | null;
      expenses: string | null;
      participation: string | null;
    }>(
      tx,
      sql`select a.owner_membership_id as membership_id, t.party, s.source_key,
          sum(t.weighted) filter (where a.owner_membership_id is not null
            and p.code = any(string_to_array(${codes}, ',')))::text as capital,
          sum(t.in_year) filter (where a.class = 'revenue' and coalesce(a.participation, 'member') = 'member')::text as members,
          sum(t.in_year) filter (where a.class = 'revenue' and a.participation = 'non_member')::text as non_members,
          sum(-t.in_year) filter (where a.class = 'expense')::text as expenses,
          sum(t.in_year) filter (where t.party is null
            or s.source_key = any(string_to_array(${list(input.sourceKeys)}, ',')))::text as participation
        from (
          select l.account_id,
            case when l.account_id in ${participationAccountIds(cooperativeId)} then l.party_membership_id end as party,
            sum(case when l.side = 'credit' then l.amount else -l.amount end * ${weight}) as weighted,
            sum(case when l.side = 'credit' then l.amount else -l.amount end)
              filter (where l.business_date >= ${year.start}::date) as in_year
          from journal_lines l
          where l.cooperative_id = ${cooperativeId} and l.business_date <= ${year.end}::date
            and l.entry_id not in ${yearEndCloseIds(cooperativeId)}
          group by 1, 2
        ) t
        join ledger_accounts a on a.cooperative_id = ${cooperativeId} and a.id = t.account_id
        left join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
        left join shu_participation_accounts s on s.account_code = a.code
        group by a.owner_membership_id, t.party, s.source_key`,
    ),
  );
  const amount = (value: string | null | undefined) => BigInt(value ?? '0');
  const capital = new Map<string, bigint>();
  const participation = new Map<string, Map<string, bigint>>();
  const unattributed = new Map<string, bigint>();
  const business = { revenueFromMembers: 0n, revenueFromNonMembers: 0n, expenses: 0n };
  for (const row of rows) {
    if (row.membership_id !== null && row.capital !== null)
      capital.set(row.membership_id, amount(row.capital));
    if (row.source_key !== null && row.participation !== null) {
      if (row.party === null) {
        unattributed.set(
          row.source_key,
          (unattributed.get(row.source_key) ?? 0n) + amount(row.participation),
        );
      } else {
        const lines = participation.get(row.party) ?? new Map<string, bigint>();
        lines.set(row.source_key, (lines.get(row.source_key) ?? 0n) + amount(row.participation));
        participation.set(row.party, lines);
      }
    }
    business.revenueFromMembers += amount(row.members);
    business.revenueFromNonMembers += amount(row.non_members);
    business.expenses += amount(row.expenses);
  }
  return { business, capital, participation, unattributed };
}

/** The year-end close entry of the ledger and the surplus it put into SHU tahun berjalan. */
export async function findYearEndClose(tx: Tx, cooperativeId: string, year: FiscalYear) {
  const [row] = await queryRows<{ entry_id: string; surplus: string }>(
    tx,
    sql`select e.id as entry_id,
          coalesce(sum(case when l.side = 'credit' then l.amount else -l.amount end)
            filter (where a.code = '3-1301'), 0)::text as surplus
        from journal_entries e
        join journal_lines l on l.cooperative_id = e.cooperative_id and l.entry_id = e.id
        join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
        where e.cooperative_id = ${cooperativeId} and e.source_type = 'ledger.year_end_close'
          and e.source_id = ${`${year.start}..${year.end}`}
        group by e.id`,
  );
  return row ? { entryId: row.entry_id, surplus: BigInt(row.surplus) } : null;
}

export async function findAccountIdsByCode(tx: Tx, cooperativeId: string, codes: string[]) {
  const rows = await queryRows<{ code: string; id: string }>(
    tx,
    sql`select code, id from ledger_accounts
        where cooperative_id = ${cooperativeId} and code = any(string_to_array(${list(codes)}, ','))`,
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

export interface DistributionPayoutRow {
  membershipId: string;
  share: bigint;
  tax: bigint;
  /** Only aktif members are paid to sukarela; a member who has left collects at the teller. */
  isAktif: boolean;
  /** The member's active sukarela sub-account, if they have one. */
  sukarelaAccountId: string | null;
}

/**
 * Every member of a distribution with what paying them needs, in one read: share and tax, whether
 * the member is still aktif, and their active sukarela sub-account. Largest share first, then by
 * membership (the order of the list and of the payment entries).
 */
export async function listDistributionPayoutRows(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
): Promise<DistributionPayoutRow[]> {
  const rows = await queryRows<{
    membership_id: string;
    share: string;
    tax: string;
    is_aktif: boolean;
    account_id: string | null;
  }>(
    tx,
    sql`select m.membership_id, m.share::text as share, m.tax::text as tax,
          coalesce(r.status = 'aktif', false) as is_aktif, s.id as account_id
        from shu_distribution_members m
        left join members r on r.cooperative_id = m.cooperative_id and r.membership_id = m.membership_id
        left join (
          select distinct on (a.owner_membership_id) a.owner_membership_id, a.id
          from ledger_accounts p
          join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
          where p.cooperative_id = ${cooperativeId} and p.code = ${capitalControlCodes.sukarela}
            and a.owner_membership_id is not null and a.is_active
          order by a.owner_membership_id, a.id
        ) s on s.owner_membership_id = m.membership_id
        where m.cooperative_id = ${cooperativeId} and m.distribution_id = ${distributionId}
        order by m.share desc, m.membership_id`,
  );
  return rows.map((row) => ({
    membershipId: row.membership_id,
    share: BigInt(row.share),
    tax: BigInt(row.tax),
    isAktif: row.is_aktif,
    sukarelaAccountId: row.account_id,
  }));
}

/** Numbers and names for a page of members (the registry, read-only). */
export async function readMemberNames(tx: Tx, cooperativeId: string, membershipIds: string[]) {
  if (membershipIds.length === 0) return new Map<string, MemberName>();
  const rows = await queryRows<{
    membership_id: string;
    member_number: string | null;
    full_name: string | null;
    status: string;
  }>(
    tx,
    sql`select membership_id, member_number, full_name, status from members
        where cooperative_id = ${cooperativeId}
          and membership_id = any(string_to_array(${list(membershipIds)}, ',')::uuid[])`,
  );
  return new Map(
    rows.map((row) => [
      row.membership_id,
      { memberNumber: row.member_number, fullName: row.full_name, status: row.status },
    ]),
  );
}

export interface MemberName {
  memberNumber: string | null;
  fullName: string | null;
  status: string;
}

export async function insertDistribution(tx: Tx, row: DistributionRow) {
  await tx.insert(shuDistributions).values(row);
}

/** A fiscal year's distributions, newest first (a rejected proposal may precede the approved one). */
export async function listDistributionRows(tx: Tx, cooperativeId: string, fiscalYearStart: string) {
  return tx
    .select()
    .from(shuDistributions)
    .where(
      and(
        eq(shuDistributions.cooperativeId, cooperativeId),
        eq(shuDistributions.fiscalYearStart, fiscalYearStart),
      ),
    )
    .orderBy(desc(shuDistributions.id));
}

export async function findDistributionRow(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
  lock = false,
) {
  const query = tx
    .select()
    .from(shuDistributions)
    .where(
      and(
        eq(shuDistributions.cooperativeId, cooperativeId),
        eq(shuDistributions.id, distributionId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function setDistributionFields(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
  fields: Partial<Omit<DistributionRow, 'cooperativeId' | 'id'>>,
) {
  await tx
    .update(shuDistributions)
    .set(fields)
    .where(
      and(
        eq(shuDistributions.cooperativeId, cooperativeId),
        eq(shuDistributions.id, distributionId),
      ),
    );
}

/** Earlier proposals of the year give way to a newer one. */
export async function supersedeProposals(tx: Tx, cooperativeId: string, fiscalYearStart: string) {
  await tx
    .update(shuDistributions)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(shuDistributions.cooperativeId, cooperativeId),
        eq(shuDistributions.fiscalYearStart, fiscalYearStart),
        eq(shuDistributions.status, 'proposed'),
      ),
    );
}

const insertChunk = 5_000;

/** Members' figures, set-based in chunks (100,000 members are 20 statements). */
export async function insertDistributionMembers(
  tx: Tx,
  cooperativeId: string,
  rows: Omit<DistributionMemberRow, 'cooperativeId'>[],
) {
  for (let start = 0; start < rows.length; start += insertChunk) {
    const chunk = rows.slice(start, start + insertChunk).map((row) => ({
      distribution_id: row.distributionId,
      membership_id: row.membershipId,
      capital_base: row.capitalBase.toString(),
      participation: row.participation,
      jasa_modal: row.jasaModal.toString(),
      jasa_usaha: row.jasaUsaha.toString(),
      share: row.share.toString(),
      tax: row.tax.toString(),
    }));
    await tx.execute(sql`
      insert into shu_distribution_members (cooperative_id, distribution_id, membership_id, capital_base,
        participation, jasa_modal, jasa_usaha, share, tax)
      select ${cooperativeId}, r.distribution_id, r.membership_id, r.capital_base, r.participation,
        r.jasa_modal, r.jasa_usaha, r.share, r.tax
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(distribution_id uuid, membership_id uuid,
        capital_base bigint, participation jsonb, jasa_modal bigint, jasa_usaha bigint, share bigint, tax bigint)`);
  }
}

/** Records which account each paid member's share went to, in one statement (typed arrays). */
export async function markMembersPaid(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
  paid: { membershipId: string; accountId: string }[],
) {
  if (paid.length === 0) return;
  await tx.execute(sql`
    update shu_distribution_members m set paid_account_id = r.account_id
    from unnest(string_to_array(${list(paid.map((row) => row.membershipId))}, ',')::uuid[],
      string_to_array(${list(paid.map((row) => row.accountId))}, ',')::uuid[]) as r(membership_id, account_id)
    where m.cooperative_id = ${cooperativeId} and m.distribution_id = ${distributionId}
      and m.membership_id = r.membership_id`);
}

/** A distribution's members, largest share first (then by membership for a stable order). */
export async function listDistributionMemberRows(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
  page: { offset: number; limit: number | null },
) {
  return tx
    .select()
    .from(shuDistributionMembers)
    .where(
      and(
        eq(shuDistributionMembers.cooperativeId, cooperativeId),
        eq(shuDistributionMembers.distributionId, distributionId),
      ),
    )
    .orderBy(desc(shuDistributionMembers.share), shuDistributionMembers.membershipId)
    .offset(page.offset)
    .limit(page.limit ?? 1_000_000_000);
}

export async function sumDistributionMembers(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
) {
  const [row] = await queryRows<{ shares: string; tax: string }>(
    tx,
    sql`select coalesce(sum(share), 0)::text as shares, coalesce(sum(tax), 0)::text as tax
        from shu_distribution_members where cooperative_id = ${cooperativeId} and distribution_id = ${distributionId}`,
  );
  return { shares: BigInt(row?.shares ?? '0'), tax: BigInt(row?.tax ?? '0') };
}

const nobody = '00000000-0000-0000-0000-000000000000';

/**
 * Counter rows and their recompute from the journal, for verification (and its test): the rules of
 * shu_ledger_contributions (migrations 0018, 0025), which the counters' trigger applies per
 * statement, over the cooperative's whole journal. Lines are summed per account and fiscal year
 * (and, on participation accounts, per the member party stamped on the line) in one read of the
 * journal, with no join per line.
 */
export async function readCounterDifferences(tx: Tx, cooperativeId: string) {
  return withHashJoins(tx, () =>
    queryRows<{
      kind: string;
      fiscal_year_start: string;
      membership_id: string | null;
      base_key: string;
      counted: string | null;
      recomputed: string | null;
    }>(
      tx,
      sql`with fiscal_years as (
          -- The first day of every fiscal year the journal spans (and one either side).
          select array(
            select make_date(year, c.fiscal_year_start_month, 1)
            from cooperatives c, generate_series(
              extract(year from (select min(business_date) from journal_lines where cooperative_id = ${cooperativeId}))::int - 1,
              extract(year from (select max(business_date) from journal_lines where cooperative_id = ${cooperativeId}))::int + 1) year
            where c.id = ${cooperativeId} order by 1) as starts
        ), accounts as (
          select a.id, a.class, a.participation, a.owner_membership_id as owner,
            shu_capital_kind_of(p.code) as capital_kind, s.source_key
          from ledger_accounts a
          left join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
          left join shu_participation_accounts s on s.account_code = a.code
          where a.cooperative_id = ${cooperativeId}
        ), per_account as (
          -- balance-days = Σ amount × (year end + 1 − day): the day's part is summed as days since
          -- a fixed epoch, the year end's once per account and year. A line's fiscal year is its
          -- bucket among the years' first days (a binary search, no date arithmetic per line).
          -- The member party matters on participation accounts only (null elsewhere: fewer groups).
          select t.account_id, t.party, y.starts[t.bucket] as fy_start, t.amount,
            t.amount * ((y.starts[t.bucket] + interval '1 year')::date - '2000-01-01'::date) - t.dated as balance_days
          from (
            select l.account_id, width_bucket(l.business_date, (select starts from fiscal_years)) as bucket,
              case when l.account_id in ${participationAccountIds(cooperativeId)} then l.party_membership_id end as party,
              sum(case when l.side = 'credit' then l.amount else -l.amount end) as amount,
              sum(case when l.side = 'credit' then l.amount else -l.amount end
                * (l.business_date - '2000-01-01'::date)) as dated
            from journal_lines l
            where l.cooperative_id = ${cooperativeId} and l.entry_id not in ${yearEndCloseIds(cooperativeId)}
            group by 1, 2, 3
          ) t, fiscal_years y
        ), contributions as materialized (
          select t.fy_start as fiscal_year_start, x.owner as membership_id, 'capital:' || x.capital_kind as base_key,
            t.amount, t.balance_days
          from per_account t join accounts x on x.id = t.account_id
          where x.capital_kind is not null and x.owner is not null
          union all
          select t.fy_start, t.party,
            case when t.party is null then 'unattributed:' else 'participation:' end || x.source_key,
            t.amount, 0
          from per_account t join accounts x on x.id = t.account_id
          where x.source_key is not null and (x.class in ('revenue', 'expense') or x.capital_kind is not null)
          union all
          select t.fy_start, null,
            case when x.class = 'expense' then 'expense'
                 when coalesce(x.participation, 'member') = 'member' then 'revenue:member'
                 else 'revenue:non_member' end,
            case when x.class = 'expense' then -t.amount else t.amount end, 0
          from per_account t join accounts x on x.id = t.account_id
          where x.class in ('revenue', 'expense')
        ), recomputed as (
          select fiscal_year_start, membership_id, base_key, sum(amount) as amount, sum(balance_days) as balance_days
          from contributions where membership_id is not null group by 1, 2, 3
          union all
          select fiscal_year_start, null, base_key, sum(amount), sum(balance_days)
          from contributions group by 1, 3
        ), counted as (
          select fiscal_year_start, membership_id, base_key, amount, balance_days from shu_member_counters
          where cooperative_id = ${cooperativeId}
          union all
          select fiscal_year_start, null, base_key, amount, balance_days from shu_year_counters
          where cooperative_id = ${cooperativeId}
        )
        select case when c.base_key is null then 'missing' when r.base_key is null then 'extra' else 'different' end as kind,
          coalesce(c.fiscal_year_start, r.fiscal_year_start)::text as fiscal_year_start,
          coalesce(c.membership_id, r.membership_id) as membership_id,
          coalesce(c.base_key, r.base_key) as base_key,
          c.amount::text || '/' || c.balance_days::text as counted,
          r.amount::text || '/' || r.balance_days::text as recomputed
        from counted c
        full join recomputed r on r.fiscal_year_start = c.fiscal_year_start and r.base_key = c.base_key
          and coalesce(r.membership_id, ${nobody}::uuid) = coalesce(c.membership_id, ${nobody}::uuid)
        where c.amount is distinct from r.amount or c.balance_days is distinct from r.balance_days
        order by 2, 4`,
    ),
  );
}

/** The cooperative's name for document headers (cooperatives registry, read-only). */
export async function readCooperativeName(tx: Tx, cooperativeId: string) {
  const [row] = await queryRows<{ name: string }>(
    tx,
    sql`select name from cooperatives where id = ${cooperativeId}`,
  );
  return row?.name ?? '';
}

// Cash payouts at the teller (migration 0023) ---------------------------------------------------

/** A timestamptz as epoch milliseconds: the same Date on PGlite and PostgreSQL drivers. */
const epochMs = (column: ReturnType<typeof sql>) =>
  sql`floor(extract(epoch from ${column}) * 1000)::bigint::text`;

export interface CashPayoutRow {
  entryId: string;
  sessionId: string;
  paidBy: string | null;
  paidAt: Date;
  idempotencyKey: string;
}

/** One member's row of a distribution, locked so two tellers cannot pay the same share. */
export async function findDistributionMemberForPayout(
  tx: Tx,
  cooperativeId: string,
  input: { distributionId: string; membershipId: string },
) {
  const [row] = await queryRows<{ share: string; tax: string; paid_account_id: string | null }>(
    tx,
    sql`select share::text, tax::text, paid_account_id from shu_distribution_members
        where cooperative_id = ${cooperativeId} and distribution_id = ${input.distributionId}
          and membership_id = ${input.membershipId}
        for update`,
  );
  return row
    ? {
        share: BigInt(row.share),
        tax: BigInt(row.tax),
        paidAccountId: row.paid_account_id,
      }
    : null;
}

export async function findCashPayout(
  tx: Tx,
  cooperativeId: string,
  input: { distributionId: string; membershipId: string },
): Promise<CashPayoutRow | null> {
  const [row] = await queryRows<{
    entry_id: string;
    session_id: string;
    paid_by: string | null;
    paid_at_ms: string;
    idempotency_key: string;
  }>(
    tx,
    sql`select entry_id, session_id, paid_by, ${epochMs(sql`paid_at`)} as paid_at_ms, idempotency_key
        from shu_cash_payouts
        where cooperative_id = ${cooperativeId} and distribution_id = ${input.distributionId}
          and membership_id = ${input.membershipId}`,
  );
  return row
    ? {
        entryId: row.entry_id,
        sessionId: row.session_id,
        paidBy: row.paid_by,
        paidAt: new Date(Number(row.paid_at_ms)),
        idempotencyKey: row.idempotency_key,
      }
    : null;
}

/** Records the cash payout and marks the member's share paid from the teller's cash account. */
export async function insertCashPayout(
  tx: Tx,
  cooperativeId: string,
  input: { distributionId: string; membershipId: string; cashAccountId: string } & CashPayoutRow,
) {
  await tx.execute(sql`
    insert into shu_cash_payouts (cooperative_id, distribution_id, membership_id, entry_id, session_id,
      paid_by, paid_at, idempotency_key)
    values (${cooperativeId}, ${input.distributionId}, ${input.membershipId}, ${input.entryId},
      ${input.sessionId}, ${input.paidBy}, ${input.paidAt.toISOString()}::timestamptz, ${input.idempotencyKey})`);
  await tx.execute(sql`
    update shu_distribution_members set paid_account_id = ${input.cashAccountId}
    where cooperative_id = ${cooperativeId} and distribution_id = ${input.distributionId}
      and membership_id = ${input.membershipId} and paid_account_id is null`);
}

export interface OwedShareRow {
  distributionId: string;
  fiscalYearStart: string;
  payout: 'sukarela' | 'cash' | null;
  membershipId: string;
  memberNumber: string | null;
  fullName: string | null;
  memberStatus: string;
  share: bigint;
  tax: bigint;
}

/**
 * Members' shares of posted distributions nobody has paid yet, newest year first, then by member
 * number: one member's (a primary-key lookup per posted distribution) or those whose number is `q`
 * or whose name contains it.
 */
export async function listOwedShareRows(
  tx: Tx,
  cooperativeId: string,
  input: { membershipId?: string; q?: string; offset: number; limit: number },
): Promise<OwedShareRow[]> {
  const rows = await queryRows<{
    distribution_id: string;
    fiscal_year_start: string;
    payout: 'sukarela' | 'cash' | null;
    membership_id: string;
    member_number: string | null;
    full_name: string | null;
    status: string;
    share: string;
    tax: string;
  }>(
    tx,
    sql`select d.id as distribution_id, d.fiscal_year_start::text as fiscal_year_start, d.payout,
          m.membership_id, r.member_number, r.full_name, r.status, m.share::text as share, m.tax::text as tax
        from shu_distributions d
        join shu_distribution_members m on m.cooperative_id = d.cooperative_id and m.distribution_id = d.id
        join members r on r.cooperative_id = m.cooperative_id and r.membership_id = m.membership_id
        where d.cooperative_id = ${cooperativeId} and d.status = 'posted'
          and m.paid_account_id is null and m.share > 0
          ${input.membershipId ? sql`and m.membership_id = ${input.membershipId}` : sql``}
          ${
            input.q
              ? sql`and (r.member_number = ${input.q}
                         or strpos(lower(r.full_name), lower(${input.q})) > 0)`
              : sql``
          }
        order by d.fiscal_year_start desc, r.member_number nulls last, m.membership_id
        offset ${input.offset} limit ${input.limit}`,
  );
  return rows.map((row) => ({
    distributionId: row.distribution_id,
    fiscalYearStart: row.fiscal_year_start,
    payout: row.payout,
    membershipId: row.membership_id,
    memberNumber: row.member_number,
    fullName: row.full_name,
    memberStatus: row.status,
    share: BigInt(row.share),
    tax: BigInt(row.tax),
  }));
}

/** One member's figures in the fiscal year's posted distribution, with the cash payout if any. */
export async function findMemberPostedShare(
  tx: Tx,
  cooperativeId: string,
  input: { fiscalYearStart: string; membershipId: string },
) {
  const [row] = await queryRows<{
    distribution_id: string;
    posted_at_ms: string;
    rat_date: string | null;
    minutes_reference: string | null;
    payout: 'sukarela' | 'cash' | null;
    capital_base: string;
    jasa_modal: string;
    jasa_usaha: string;
    share: string;
    tax: string;
    paid_account_id: string | null;
    cash_paid_at_ms: string | null;
  }>(
    tx,
    sql`select d.id as distribution_id, ${epochMs(sql`d.posted_at`)} as posted_at_ms,
          d.rat_date::text as rat_date, d.minutes_reference, d.payout,
          m.capital_base::text as capital_base, m.jasa_modal::text as jasa_modal,
          m.jasa_usaha::text as jasa_usaha, m.share::text as share, m.tax::text as tax,
          m.paid_account_id, ${epochMs(sql`p.paid_at`)} as cash_paid_at_ms
        from shu_distributions d
        join shu_distribution_members m on m.cooperative_id = d.cooperative_id and m.distribution_id = d.id
          and m.membership_id = ${input.membershipId}
        left join shu_cash_payouts p on p.cooperative_id = m.cooperative_id
          and p.distribution_id = m.distribution_id and p.membership_id = m.membership_id
        where d.cooperative_id = ${cooperativeId} and d.fiscal_year_start = ${input.fiscalYearStart}::date
          and d.status = 'posted'`,
  );
  if (!row) return null;
  return {
    distributionId: row.distribution_id,
    postedAt: new Date(Number(row.posted_at_ms)),
    ratDate: row.rat_date,
    minutesReference: row.minutes_reference,
    payout: row.payout,
    capitalBase: BigInt(row.capital_base),
    jasaModal: BigInt(row.jasa_modal),
    jasaUsaha: BigInt(row.jasa_usaha),
    share: BigInt(row.share),
    tax: BigInt(row.tax),
    paidAccountId: row.paid_account_id,
    cashPaidAt: row.cash_paid_at_ms === null ? null : new Date(Number(row.cash_paid_at_ms)),
  };
}

/** A counter total by base key ('capital' for the capital kinds the rules count), as text. */
const countedFiguresSql = (
  counters: SQL,
  where: SQL,
  year: FiscalYear,
) => sql`(select coalesce(jsonb_object_agg(key, value::text), '{}'::jsonb) from (
    select case when c.base_key like 'capital:%' then 'capital' else c.base_key end as key,
      sum(case when c.base_key like 'capital:%' and b.is_average
        then case when c.fiscal_year_start < ${year.start}::date then c.amount * ${year.days} else c.balance_days end
        else c.amount end) as value
    from ${counters} c, base b
    where ${where}
      and ((c.fiscal_year_start = ${year.start}::date and c.base_key not like 'capital:%')
        or (c.fiscal_year_start <= ${year.start}::date and c.base_key = any(b.capital_keys)))
    group by 1) figures)`;

/**
 * What one member's running estimate needs, in one round trip: the year's latest rule version (null
 * until the pengurus set one; then `defaultCapitalBase` picks the capital counted), the
 * cooperative's totals and the member's own figures from the counters, by base key ('capital' is
 * the capital counted: balance, or balance-days for the average daily balance), as text.
 */
export async function readMemberEstimateInputs(
  tx: Tx,
  cooperativeId: string,
  input: { year: FiscalYear; membershipId: string; defaultCapitalBase: ShuCapitalBase },
) {
  const { year } = input;
  const [row] = await queryRows<{
    rules: {
      components: ShuRules['components'];
      capital_base: ShuCapitalBase;
      participation: ShuRules['participation'];
      tax_rate_bps: number;
    } | null;
    totals: Record<string, string>;
    member: Record<string, string>;
  }>(
    tx,
    sql`with latest as (
          select components, capital_base, participation, tax_rate_bps from shu_rule_versions
          where cooperative_id = ${cooperativeId} and fiscal_year_start = ${year.start}::date
          order by version desc limit 1
        ), base as (
          select array(select 'capital:' || kind from jsonb_array_elements_text(chosen.capital_base -> 'kinds') kind) as capital_keys,
            chosen.capital_base ->> 'method' = 'average_daily_balance' as is_average
          from (select coalesce((select capital_base from latest), ${JSON.stringify(input.defaultCapitalBase)}::jsonb) as capital_base) chosen
        )
        select (select to_jsonb(latest) from latest) as rules,
          ${countedFiguresSql(sql`shu_year_counters`, sql`c.cooperative_id = ${cooperativeId}`, year)} as totals,
          ${countedFiguresSql(
            sql`shu_member_counters`,
            sql`c.cooperative_id = ${cooperativeId} and c.membership_id = ${input.membershipId}`,
            year,
          )} as member`,
  );
  const amounts = (values: Record<string, string> | undefined) =>
    new Map(Object.entries(values ?? {}).map(([key, value]) => [key, BigInt(value)]));
  return { rules: row?.rules ?? null, totals: amounts(row?.totals), member: amounts(row?.member) };
}
