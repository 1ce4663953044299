-- why: SHU attributes a participation revenue line to the one member whose sub-account the same entry touches, and finding that member meant reading the entry's other lines again (the counters' trigger per statement, the full recompute over a whole year), so the ledger now stamps every line with its entry's member party when it writes it and SHU reads the attribution from the line itself.

-- The member party of a line's entry: the one member whose sub-accounts (ledger_accounts with an
-- owner_membership_id) the entry's lines touch; null when they touch none, or more than one
-- member's. The same on every line of an entry, like business_date and sequence; written by the
-- ledger with the line (postJournalEntries) and checked by verifyCooperativeLedger.
alter table journal_lines add column party_membership_id uuid;
comment on column journal_lines.party_membership_id is
  'The entry''s member party: the one member whose sub-accounts (ledger_accounts.owner_membership_id) the entry''s lines touch; null when none or several. The same on every line of the entry; written with the line, checked by verifyCooperativeLedger.';

-- Lines posted before this migration get their entry's party. Journal rows are append-only
-- (journal_lines_append_only refuses every UPDATE): the guard steps aside for this one statement,
-- inside the migration's transaction, as the table's owner, and is back before anyone else sees
-- the table.
alter table journal_lines disable trigger journal_lines_append_only;
update journal_lines l set party_membership_id = p.party
from (
  select m.cooperative_id, m.entry_id, min(a.owner_membership_id::text)::uuid as party
  from journal_lines m
  join ledger_accounts a on a.cooperative_id = m.cooperative_id and a.id = m.account_id
  where a.owner_membership_id is not null
  group by m.cooperative_id, m.entry_id
  having count(distinct a.owner_membership_id) = 1
) p
where l.cooperative_id = p.cooperative_id and l.entry_id = p.entry_id;
alter table journal_lines enable trigger journal_lines_append_only;

/*
 * Every counter contribution the books imply (0018), with participation revenue going to the
 * line's member party (unattributed when it has none): no second read of the entry's lines.
 */
create or replace function shu_ledger_contributions(p_cooperative_id uuid, p_until date)
returns table (fiscal_year_start date, membership_id uuid, base_key text, amount bigint, balance_days bigint)
language sql stable as $$
  with lines as (
    select l.business_date, l.party_membership_id,
      case when l.side = 'credit' then l.amount else -l.amount end as credit_amount,
      a.class, a.participation, a.owner_membership_id, shu_capital_kind_of(p.code) as capital_kind, s.source_key,
      shu_fiscal_year_of(l.business_date, c.fiscal_year_start_month) as fy_start
    from journal_lines l
    join cooperatives c on c.id = l.cooperative_id
    join journal_entries e on e.cooperative_id = l.cooperative_id and e.id = l.entry_id
    join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
    left join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
    left join shu_participation_accounts s on s.account_code = a.code
    where l.cooperative_id = p_cooperative_id and l.business_date <= p_until
      and e.source_type <> 'ledger.year_end_close'
      and (a.class in ('revenue', 'expense') or shu_capital_kind_of(p.code) is not null)
  )
  select fy_start, owner_membership_id, 'capital:' || capital_kind, credit_amount,
    credit_amount * (((fy_start + interval '1 year')::date - 1) - business_date + 1)
  from lines where capital_kind is not null and owner_membership_id is not null
  union all
  select fy_start, party_membership_id,
    case when party_membership_id is null then 'unattributed:' else 'participation:' end || source_key,
    credit_amount, 0
  from lines where source_key is not null
  union all
  select fy_start, null,
    case when class = 'expense' then 'expense'
         when coalesce(participation, 'member') = 'member' then 'revenue:member'
         else 'revenue:non_member' end,
    case when class = 'expense' then -credit_amount else credit_amount end, 0
  from lines where class in ('revenue', 'expense')
$$;

/*
 * The running counters (0018, same rules): participation goes to each new line's member party,
 * read from the line; the entry's other lines are no longer read, and whether a line belongs to
 * the year-end close is asked once per entry of the statement, not once per line.
 */
create or replace function shu_count_journal_lines() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  closing_entries uuid[];
begin
  select coalesce(array_agg(e.id), '{}') into closing_entries
    from (select distinct cooperative_id, entry_id from new_lines) n
    join journal_entries e on e.cooperative_id = n.cooperative_id and e.id = n.entry_id
    where e.source_type = 'ledger.year_end_close';
  with lines as (
    select n.cooperative_id, n.business_date, n.party_membership_id,
      case when n.side = 'credit' then n.amount else -n.amount end as credit_amount,
      a.class, a.participation, a.owner_membership_id, shu_capital_kind_of(p.code) as capital_kind, s.source_key,
      shu_fiscal_year_of(n.business_date, c.fiscal_year_start_month) as fy_start
    from new_lines n
    join cooperatives c on c.id = n.cooperative_id
    join ledger_accounts a on a.cooperative_id = n.cooperative_id and a.id = n.account_id
    left join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
    left join shu_participation_accounts s on s.account_code = a.code
    where n.entry_id <> all (closing_entries)
      and (a.class in ('revenue', 'expense') or shu_capital_kind_of(p.code) is not null)
  ), member_rows as (
    select cooperative_id, fy_start, owner_membership_id as membership_id, 'capital:' || capital_kind as base_key,
      credit_amount as amount,
      credit_amount * (((fy_start + interval '1 year')::date - 1) - business_date + 1) as balance_days
    from lines where capital_kind is not null and owner_membership_id is not null
    union all
    select cooperative_id, fy_start, party_membership_id, 'participation:' || source_key, credit_amount, 0
    from lines where source_key is not null and party_membership_id is not null
  ), year_rows as (
    select cooperative_id, fy_start, base_key, amount, balance_days from member_rows
    union all
    select cooperative_id, fy_start, 'unattributed:' || source_key, credit_amount, 0
    from lines where source_key is not null and party_membership_id is null
    union all
    select cooperative_id, fy_start,
      case when class = 'expense' then 'expense'
           when coalesce(participation, 'member') = 'member' then 'revenue:member'
           else 'revenue:non_member' end,
      case when class = 'expense' then -credit_amount else credit_amount end, 0
    from lines where class in ('revenue', 'expense')
  ), members_counted as (
    insert into shu_member_counters as t (cooperative_id, membership_id, base_key, fiscal_year_start, amount, balance_days)
    select cooperative_id, membership_id, base_key, fy_start, sum(amount), sum(balance_days)
    from member_rows group by cooperative_id, membership_id, base_key, fy_start
    order by cooperative_id, membership_id, base_key, fy_start
    on conflict (cooperative_id, membership_id, base_key, fiscal_year_start) do update
      set amount = t.amount + excluded.amount, balance_days = t.balance_days + excluded.balance_days
    returning 1
  )
  insert into shu_year_counters as t (cooperative_id, base_key, fiscal_year_start, amount, balance_days)
  select cooperative_id, base_key, fy_start, sum(amount), sum(balance_days)
  from year_rows group by cooperative_id, base_key, fy_start
  order by cooperative_id, base_key, fy_start
  on conflict (cooperative_id, base_key, fiscal_year_start) do update
    set amount = t.amount + excluded.amount, balance_days = t.balance_days + excluded.balance_days;
  return null;
end $$;
