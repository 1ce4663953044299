-- why: SHU needs versioned allocation rules per cooperative and fiscal year, running participation and capital counters kept in the posting transaction by the database itself, and a record of each year's proposal, RAT approval, countersignature and posting.

-- Which revenue accounts measure which participation base (jasa usaha). A module that adds a base
-- later (store purchases, produce sold, bill-payment fees, service fees) adds its accounts here in
-- its own migration and registers the source in shu/rules/participation-sources.ts.
create table shu_participation_accounts (
  account_code text primary key,
  source_key text not null check (source_key ~ '^[a-z][a-z_]{1,39}$')
);
insert into shu_participation_accounts (account_code, source_key) values ('4-1201', 'loan_interest_paid');
revoke insert, update, delete, truncate on shu_participation_accounts from lumbung_app;

create table shu_rule_versions (
  cooperative_id uuid not null references cooperatives (id),
  fiscal_year_start date not null check (extract(day from fiscal_year_start) = 1),
  version integer not null check (version > 0),
  components jsonb not null,
  capital_base jsonb not null,
  participation jsonb not null,
  tax_rate_bps integer not null check (tax_rate_bps between 0 and 10000),
  note text,
  created_at timestamptz not null,
  created_by uuid,
  primary key (cooperative_id, fiscal_year_start, version)
);

-- Running counters, one row per member and base per fiscal year: for capital bases (capital:pokok,
-- capital:wajib, capital:sukarela, capital:berjangka) `amount` is the year's net change and
-- `balance_days` the year's lines weighted by the days left in the year; for participation bases
-- (participation:<source>) `amount` is the year's participation. Maintained by the trigger below.
create table shu_member_counters (
  cooperative_id uuid not null references cooperatives (id),
  membership_id uuid not null,
  base_key text not null,
  fiscal_year_start date not null,
  amount bigint not null default 0,
  balance_days bigint not null default 0,
  primary key (cooperative_id, membership_id, base_key, fiscal_year_start)
);
create index shu_member_counters_year_idx on shu_member_counters (cooperative_id, fiscal_year_start);

-- The same per cooperative and year, plus revenue:member, revenue:non_member, expense and
-- unattributed:<source> (participation revenue whose entry names no single member).
create table shu_year_counters (
  cooperative_id uuid not null references cooperatives (id),
  base_key text not null,
  fiscal_year_start date not null,
  amount bigint not null default 0,
  balance_days bigint not null default 0,
  primary key (cooperative_id, base_key, fiscal_year_start)
);

create table shu_distributions (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  fiscal_year_start date not null,
  rule_version integer not null,
  status text not null check (status in ('proposed', 'awaiting_countersign', 'approved', 'posted', 'superseded')),
  surplus bigint not null,
  figures jsonb not null,
  member_count integer not null,
  proposed_at timestamptz not null,
  proposed_by uuid,
  rat_date date,
  minutes_reference text,
  recorded_by uuid,
  recorded_at timestamptz,
  countersigned_by uuid,
  countersigned_at timestamptz,
  posted_by uuid,
  posted_at timestamptz,
  payout text check (payout in ('sukarela', 'cash')),
  entry_ids uuid[] not null default '{}',
  primary key (cooperative_id, id),
  foreign key (cooperative_id, fiscal_year_start, rule_version)
    references shu_rule_versions (cooperative_id, fiscal_year_start, version),
  check (countersigned_by is null or countersigned_by <> recorded_by)
);
create unique index shu_distributions_one_approved_idx on shu_distributions (cooperative_id, fiscal_year_start)
  where status in ('awaiting_countersign', 'approved', 'posted');

create table shu_distribution_members (
  cooperative_id uuid not null,
  distribution_id uuid not null,
  membership_id uuid not null,
  capital_base bigint not null,
  participation jsonb not null,
  jasa_modal bigint not null check (jasa_modal >= 0),
  jasa_usaha bigint not null check (jasa_usaha >= 0),
  share bigint not null check (share >= 0),
  tax bigint not null check (tax >= 0),
  paid_account_id uuid,
  primary key (cooperative_id, distribution_id, membership_id),
  foreign key (cooperative_id, distribution_id) references shu_distributions (cooperative_id, id)
);

-- Rule versions and member figures are records: a change is a new version or a new proposal.
create function shu_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'SHU records are append-only: % on % refused', tg_op, tg_table_name
    using errcode = 'P0001', hint = 'shu.append_only';
end $$;
create trigger shu_rule_versions_append_only before update or delete on shu_rule_versions
  for each row execute function shu_refuse_change();
create trigger shu_distribution_members_figures_fixed before delete or update of
  capital_base, participation, jasa_modal, jasa_usaha, share, tax on shu_distribution_members
  for each row execute function shu_refuse_change();
revoke update, delete, truncate on shu_rule_versions from lumbung_app;
revoke delete, truncate on shu_distributions, shu_distribution_members from lumbung_app;

-- The first day of the fiscal year holding `day`, for a cooperative whose year starts in `start_month`.
create function shu_fiscal_year_of(day date, start_month smallint) returns date language sql immutable as $$
  select make_date(extract(year from day)::int - case when extract(month from day)::int < start_month then 1 else 0 end,
                   start_month, 1)
$$;

-- Capital kinds by the control account their member sub-accounts roll up to (savings.types.ts).
create function shu_capital_kind_of(control_code text) returns text language sql immutable as $$
  select case control_code when '3-1101' then 'pokok' when '3-1102' then 'wajib'
    when '2-1201' then 'sukarela' when '2-1202' then 'berjangka' end
$$;

/*
 * Every counter contribution the books imply for one cooperative, line by line, up to a date: the
 * full recompute that the running counters must always equal (running-equals-recompute.test.ts),
 * read with the caller's row-level security. Same rules
 * as the trigger: the year-end close entry is not business; participation revenue goes to the
 * one member whose sub-account the same entry touches, else it is unattributed.
 */
create function shu_ledger_contributions(p_cooperative_id uuid, p_until date)
returns table (fiscal_year_start date, membership_id uuid, base_key text, amount bigint, balance_days bigint)
language sql stable as $$
  with lines as (
    select l.entry_id, l.business_date,
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
  ), owners as (
    select x.entry_id, min(a.owner_membership_id::text)::uuid as owner, count(distinct a.owner_membership_id) as owners
    from (select distinct entry_id from lines where source_key is not null) x
    join journal_lines l on l.cooperative_id = p_cooperative_id and l.entry_id = x.entry_id
    join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
    where a.owner_membership_id is not null
    group by x.entry_id
  )
  select fy_start, owner_membership_id, 'capital:' || capital_kind, credit_amount,
    credit_amount * (((fy_start + interval '1 year')::date - 1) - business_date + 1)
  from lines where capital_kind is not null and owner_membership_id is not null
  union all
  select l.fy_start, o.owner, 'participation:' || l.source_key, l.credit_amount, 0
  from lines l join owners o on o.entry_id = l.entry_id and o.owners = 1
  where l.source_key is not null
  union all
  select l.fy_start, null, 'unattributed:' || l.source_key, l.credit_amount, 0
  from lines l left join owners o on o.entry_id = l.entry_id
  where l.source_key is not null and coalesce(o.owners, 0) <> 1
  union all
  select fy_start, null,
    case when class = 'expense' then 'expense'
         when coalesce(participation, 'member') = 'member' then 'revenue:member'
         else 'revenue:non_member' end,
    case when class = 'expense' then -credit_amount else credit_amount end, 0
  from lines where class in ('revenue', 'expense')
$$;

/*
 * The running counters, kept in the posting transaction: once per INSERT statement on
 * journal_lines (the ledger writes an entry's lines in one statement), over the statement's new
 * lines only, the same rules as shu_ledger_contributions. Nothing in the ledger's code calls it,
 * so every way of posting (repayments, reversals, manual journals, imports) is counted alike.
 */
create function shu_count_journal_lines() returns trigger language plpgsql security definer
  set search_path = public as $$
begin
  with lines as (
    select n.cooperative_id, n.entry_id, n.business_date,
      case when n.side = 'credit' then n.amount else -n.amount end as credit_amount,
      a.class, a.participation, a.owner_membership_id, shu_capital_kind_of(p.code) as capital_kind, s.source_key,
      shu_fiscal_year_of(n.business_date, c.fiscal_year_start_month) as fy_start
    from new_lines n
    join cooperatives c on c.id = n.cooperative_id
    join journal_entries e on e.cooperative_id = n.cooperative_id and e.id = n.entry_id
    join ledger_accounts a on a.cooperative_id = n.cooperative_id and a.id = n.account_id
    left join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
    left join shu_participation_accounts s on s.account_code = a.code
    where e.source_type <> 'ledger.year_end_close'
      and (a.class in ('revenue', 'expense') or shu_capital_kind_of(p.code) is not null)
  ), owners as (
    select x.cooperative_id, x.entry_id, min(a.owner_membership_id::text)::uuid as owner,
      count(distinct a.owner_membership_id) as owners
    from (select distinct cooperative_id, entry_id from lines where source_key is not null) x
    join journal_lines l on l.cooperative_id = x.cooperative_id and l.entry_id = x.entry_id
    join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
    where a.owner_membership_id is not null
    group by x.cooperative_id, x.entry_id
  ), member_rows as (
    select cooperative_id, fy_start, owner_membership_id as membership_id, 'capital:' || capital_kind as base_key,
      credit_amount as amount,
      credit_amount * (((fy_start + interval '1 year')::date - 1) - business_date + 1) as balance_days
    from lines where capital_kind is not null and owner_membership_id is not null
    union all
    select l.cooperative_id, l.fy_start, o.owner, 'participation:' || l.source_key, l.credit_amount, 0
    from lines l join owners o on o.cooperative_id = l.cooperative_id and o.entry_id = l.entry_id and o.owners = 1
    where l.source_key is not null
  ), year_rows as (
    select cooperative_id, fy_start, base_key, amount, balance_days from member_rows
    union all
    select l.cooperative_id, l.fy_start, 'unattributed:' || l.source_key, l.credit_amount, 0
    from lines l left join owners o on o.cooperative_id = l.cooperative_id and o.entry_id = l.entry_id
    where l.source_key is not null and coalesce(o.owners, 0) <> 1
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

create trigger shu_count_journal_lines after insert on journal_lines
  referencing new table as new_lines
  for each statement execute function shu_count_journal_lines();

-- Books posted before this migration are counted once, from the ledger.
insert into shu_member_counters (cooperative_id, membership_id, base_key, fiscal_year_start, amount, balance_days)
select c.id, x.membership_id, x.base_key, x.fiscal_year_start, sum(x.amount), sum(x.balance_days)
from cooperatives c cross join lateral shu_ledger_contributions(c.id, 'infinity'::date) x
where x.membership_id is not null
group by c.id, x.membership_id, x.base_key, x.fiscal_year_start;
insert into shu_year_counters (cooperative_id, base_key, fiscal_year_start, amount, balance_days)
select c.id, x.base_key, x.fiscal_year_start, sum(x.amount), sum(x.balance_days)
from cooperatives c cross join lateral shu_ledger_contributions(c.id, 'infinity'::date) x
group by c.id, x.base_key, x.fiscal_year_start;

-- Counters are written by the trigger (security definer) only; the application reads them.
revoke insert, update, delete, truncate on shu_member_counters, shu_year_counters from lumbung_app;

alter table shu_rule_versions enable row level security;
alter table shu_member_counters enable row level security;
alter table shu_year_counters enable row level security;
alter table shu_distributions enable row level security;
alter table shu_distribution_members enable row level security;
create policy tenant on shu_rule_versions using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on shu_member_counters using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on shu_year_counters using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on shu_distributions using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on shu_distribution_members using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
