import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import type { MemberBases } from './rules/compute-shu.js';
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
 * once per pair: 200,000 entries took minutes. A full recompute reads a whole year of the
 * cooperative's lines, which hash joins read once (benchmark shu-recompute).
 */
async function withHashJoins<Value>(tx: Tx, work: () => Promise<Value>): Promise<Value> {
  const [setting] = await queryRows<{ previous: string }>(
    tx,
    sql`select current_setting('enable_nestloop') as previous, set_config('enable_nestloop', 'off', true)`,
  );
  try {
    return await work();
  } finally {
    await tx.execute(sql`select set_config('enable_nestloop', ${setting?.previous ?? 'on'}, true)`);
  }
}

/** The year-end close entries of the cooperative (not business: the recompute leaves them out). */
const yearEndCloseIds = (cooperativeId: string) =>
  sql`(select e.id from journal_entries e
       where e.cooperative_id = ${cooperativeId} and e.source_type = 'ledger.year_end_close')`;

/** The year's business recomputed from the journal (the year-end close entry is not business). */
export async function sumLedgerSurplus(tx: Tx, cooperativeId: string, year: FiscalYear) {
  const [row] = await withHashJoins(tx, () =>
    queryRows<{ members: string; non_members: string; expenses: string }>(
      tx,
      sql`select
          coalesce(sum(case when l.side = 'credit' then l.amount else -l.amount end)
            filter (where a.class = 'revenue' and coalesce(a.participation, 'member') = 'member'), 0)::text as members,
          coalesce(sum(case when l.side = 'credit' then l.amount else -l.amount end)
            filter (where a.class = 'revenue' and a.participation = 'non_member'), 0)::text as non_members,
          coalesce(sum(case when l.side = 'debit' then l.amount else -l.amount end)
            filter (where a.class = 'expense'), 0)::text as expenses
        from journal_lines l
        join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
        where l.cooperative_id = ${cooperativeId}
          and l.business_date between ${year.start}::date and ${year.end}::date
          and a.class in ('revenue', 'expense') and l.entry_id not in ${yearEndCloseIds(cooperativeId)}`,
    ),
  );
  return {
    revenueFromMembers: BigInt(row?.members ?? '0'),
    revenueFromNonMembers: BigInt(row?.non_members ?? '0'),
    expenses: BigInt(row?.expenses ?? '0'),
  };
}

/** Each member's counted savings recomputed from the journal, like savings' balance-days. */
export async function sumLedgerCapital(
  tx: Tx,
  cooperativeId: string,
  input: { year: FiscalYear; capitalBase: ShuCapitalBase },
) {
  const { year, capitalBase } = input;
  const codes = list(capitalBase.kinds.map((kind) => capitalControlCodes[kind]));
  const weight =
    capitalBase.method === 'average_daily_balance'
      ? sql`case when l.business_date < ${year.start}::date then ${year.days}
                 else ${year.end}::date - l.business_date + 1 end`
      : sql`1`;
  const rows = await withHashJoins(tx, () =>
    queryRows<{ membership_id: string; capital: string }>(
      tx,
      sql`select a.owner_membership_id as membership_id,
          sum(case when l.side = 'credit' then l.amount else -l.amount end * ${weight})::text as capital
        from ledger_accounts p
        join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
        join journal_lines l on l.cooperative_id = a.cooperative_id and l.account_id = a.id
          and l.business_date <= ${year.end}::date
        where p.cooperative_id = ${cooperativeId} and p.code = any(string_to_array(${codes}, ','))
          and a.owner_membership_id is not null
        group by a.owner_membership_id`,
    ),
  );
  return new Map(rows.map((row) => [row.membership_id, BigInt(row.capital)]));
}

/**
 * Each member's participation in one ledger-measured line, recomputed from the journal: revenue on
 * the line's accounts in [from, to], credited to the one member whose sub-account the same entry
 * touches (the counters' trigger applies the same rule to each new statement's lines).
 */
export async function sumLedgerParticipation(
  tx: Tx,
  cooperativeId: string,
  input: { sourceKey: string; from: string; to: string },
) {
  // Per participation entry its revenue, then the members whose sub-accounts its lines touch (an
  // entry's lines share its business date, so they are in [from, to] too): one member (the least
  // and the greatest owner agree) gets it. No CTEs: the planner sees through the subqueries.
  const rows = await withHashJoins(tx, () =>
    queryRows<{ membership_id: string; amount: string }>(
      tx,
      sql`select owner::uuid as membership_id, sum(amount)::text as amount
        from (
          select min(a.owner_membership_id::text) as owner, max(a.owner_membership_id::text) as last_owner,
            min(p.amount) as amount
          from (
            select l.entry_id, sum(case when l.side = 'credit' then l.amount else -l.amount end) as amount
            from ledger_accounts pa
            join shu_participation_accounts s on s.account_code = pa.code and s.source_key = ${input.sourceKey}
            join journal_lines l on l.cooperative_id = pa.cooperative_id and l.account_id = pa.id
              and l.business_date between ${input.from}::date and ${input.to}::date
            where pa.cooperative_id = ${cooperativeId}
              and l.entry_id not in ${yearEndCloseIds(cooperativeId)}
            group by l.entry_id
          ) p
          join journal_lines m on m.cooperative_id = ${cooperativeId} and m.entry_id = p.entry_id
            and m.business_date between ${input.from}::date and ${input.to}::date
          join ledger_accounts a on a.cooperative_id = m.cooperative_id and a.id = m.account_id
          where a.owner_membership_id is not null
          group by p.entry_id
        ) per_entry
        where owner = last_owner
        group by owner`,
    ),
  );
  return new Map(rows.map((row) => [row.membership_id, BigInt(row.amount)]));
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

/** Every member's sukarela sub-account (2-1201), by membership. */
export async function findSukarelaAccounts(tx: Tx, cooperativeId: string) {
  const rows = await queryRows<{ membership_id: string; id: string }>(
    tx,
    sql`select a.owner_membership_id as membership_id, a.id
        from ledger_accounts p
        join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
        where p.cooperative_id = ${cooperativeId} and p.code = ${capitalControlCodes.sukarela}
          and a.owner_membership_id is not null and a.is_active`,
  );
  return new Map(rows.map((row) => [row.membership_id, row.id]));
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

/** Records which account each paid member's share went to (chunked like the insert). */
export async function markMembersPaid(
  tx: Tx,
  cooperativeId: string,
  distributionId: string,
  paid: { membershipId: string; accountId: string }[],
) {
  for (let start = 0; start < paid.length; start += insertChunk) {
    const chunk = paid
      .slice(start, start + insertChunk)
      .map((row) => ({ membership_id: row.membershipId, account_id: row.accountId }));
    await tx.execute(sql`
      update shu_distribution_members m set paid_account_id = r.account_id
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(membership_id uuid, account_id uuid)
      where m.cooperative_id = ${cooperativeId} and m.distribution_id = ${distributionId}
        and m.membership_id = r.membership_id`);
  }
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

/** Counter rows and their recompute from the journal, for verification (and its test). */
export async function readCounterDifferences(tx: Tx, cooperativeId: string) {
  return queryRows<{
    kind: string;
    fiscal_year_start: string;
    membership_id: string | null;
    base_key: string;
    counted: string | null;
    recomputed: string | null;
  }>(
    tx,
    sql`with contributions as materialized (
          select * from shu_ledger_contributions(${cooperativeId}, 'infinity'::date)
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
