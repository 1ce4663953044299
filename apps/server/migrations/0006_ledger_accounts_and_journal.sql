-- why: the books are append-only double entry per cooperative: accounts (with member sub-accounts under control accounts), balances maintained in the posting transaction, entries hash-chained, and the database itself refuses unbalanced entries and any change to journal rows.
create table ledger_accounts (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  code text not null check (code ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,39}$'),
  name text not null check (length(name) between 2 and 160),
  class text not null check (class in ('asset', 'liability', 'equity', 'revenue', 'expense')),
  normal_side text not null check (normal_side in ('debit', 'credit')),
  report_group text not null,
  cash_flow_activity text check (cash_flow_activity in ('cash', 'operating', 'investing', 'financing')),
  participation text check (participation in ('member', 'non_member')),
  parent_account_id uuid,
  is_control boolean not null default false,
  subledger text check (subledger in ('savings', 'loan', 'wallet', 'receivable')),
  owner_membership_id uuid,
  is_active boolean not null default true,
  created_at timestamptz not null,
  primary key (cooperative_id, id),
  unique (cooperative_id, code),
  foreign key (cooperative_id, parent_account_id) references ledger_accounts (cooperative_id, id)
);
create index ledger_accounts_parent_idx on ledger_accounts (cooperative_id, parent_account_id);

create table ledger_balances (
  cooperative_id uuid not null,
  account_id uuid not null,
  debit_total bigint not null default 0 check (debit_total >= 0),
  credit_total bigint not null default 0 check (credit_total >= 0),
  pending_debit bigint not null default 0 check (pending_debit >= 0),
  pending_credit bigint not null default 0 check (pending_credit >= 0),
  line_count bigint not null default 0,
  primary key (cooperative_id, account_id),
  foreign key (cooperative_id, account_id) references ledger_accounts (cooperative_id, id)
);

create table ledger_chain_heads (
  cooperative_id uuid primary key references cooperatives (id),
  last_sequence bigint not null default 0,
  last_hash text not null,
  debit_total bigint not null default 0
);

create table journal_entries (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  sequence bigint not null check (sequence > 0),
  business_date date not null,
  posted_at timestamptz not null,
  source_type text not null check (length(source_type) between 1 and 60),
  source_id text not null check (length(source_id) between 1 and 120),
  memo text not null check (length(memo) between 1 and 500),
  idempotency_key text not null,
  reverses_entry_id uuid,
  posted_by uuid,
  approved_by uuid,
  total_amount bigint not null check (total_amount > 0),
  content_hash text not null,
  prev_hash text not null,
  hash text not null,
  primary key (cooperative_id, id),
  unique (cooperative_id, sequence),
  unique (cooperative_id, idempotency_key),
  unique (cooperative_id, reverses_entry_id),
  foreign key (cooperative_id, reverses_entry_id) references journal_entries (cooperative_id, id)
);
create index journal_entries_date_idx on journal_entries (cooperative_id, business_date, sequence);
create index journal_entries_source_idx on journal_entries (cooperative_id, source_type, source_id);

create table journal_lines (
  cooperative_id uuid not null,
  entry_id uuid not null,
  line_number smallint not null check (line_number > 0),
  account_id uuid not null,
  side text not null check (side in ('debit', 'credit')),
  amount bigint not null check (amount > 0),
  business_date date not null,
  sequence bigint not null,
  memo text,
  primary key (cooperative_id, entry_id, line_number),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id),
  foreign key (cooperative_id, account_id) references ledger_accounts (cooperative_id, id)
);
create index journal_lines_account_idx on journal_lines (cooperative_id, account_id, business_date, sequence);
create index journal_lines_date_idx on journal_lines (cooperative_id, business_date);

create table ledger_periods (
  cooperative_id uuid not null references cooperatives (id),
  period_month date not null check (extract(day from period_month) = 1),
  status text not null check (status in ('closed')),
  closed_at timestamptz not null,
  closed_by uuid,
  primary key (cooperative_id, period_month)
);

create table ledger_holds (
  cooperative_id uuid not null,
  id uuid not null,
  account_id uuid not null,
  side text not null check (side in ('debit', 'credit')),
  amount bigint not null check (amount > 0),
  status text not null check (status in ('pending', 'captured', 'released')),
  source_type text not null,
  source_id text not null,
  idempotency_key text not null,
  created_at timestamptz not null,
  resolved_at timestamptz,
  captured_entry_id uuid,
  primary key (cooperative_id, id),
  unique (cooperative_id, idempotency_key),
  foreign key (cooperative_id, account_id) references ledger_accounts (cooperative_id, id)
);
create index ledger_holds_pending_idx on ledger_holds (cooperative_id, account_id) where status = 'pending';

create table ledger_checkpoints (
  cooperative_id uuid not null references cooperatives (id),
  checkpoint_date date not null,
  last_sequence bigint not null,
  head_hash text not null,
  entry_count bigint not null,
  debit_total bigint not null,
  credit_total bigint not null,
  created_at timestamptz not null,
  primary key (cooperative_id, checkpoint_date)
);

create table manual_journal_drafts (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  business_date date not null,
  memo text not null,
  lines jsonb not null,
  status text not null check (status in ('awaiting_approval', 'approved', 'rejected')),
  prepared_by uuid not null,
  prepared_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  entry_id uuid,
  primary key (cooperative_id, id)
);

-- The database keeps the books honest whatever the code does.
create function journal_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'journal rows are append-only: % on % refused; post a reversal instead', tg_op, tg_table_name
    using errcode = 'P0001', hint = 'ledger.append_only';
end $$;

create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function journal_refuse_change();
create trigger journal_lines_append_only before update or delete on journal_lines
  for each row execute function journal_refuse_change();
create trigger journal_entries_no_truncate before truncate on journal_entries
  for each statement execute function journal_refuse_change();
create trigger journal_lines_no_truncate before truncate on journal_lines
  for each statement execute function journal_refuse_change();

-- Checked at commit: every entry has at least two lines whose debits equal credits and its total.
create function journal_entry_must_balance() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  -- tg_argv[0] names the column holding the entry id (entry_id on lines, id on entries).
  target uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  debits bigint;
  credits bigint;
  line_count integer;
  declared bigint;
begin
  select coalesce(sum(amount) filter (where side = 'debit'), 0), coalesce(sum(amount) filter (where side = 'credit'), 0), count(*)
    into debits, credits, line_count
    from journal_lines where cooperative_id = new.cooperative_id and entry_id = target;
  select total_amount into declared from journal_entries where cooperative_id = new.cooperative_id and id = target;
  if line_count < 2 or debits <> credits or declared is distinct from debits then
    raise exception 'journal entry % is not balanced: debits %, credits %, % lines, total %', target, debits, credits, line_count, declared
      using errcode = '23514', hint = 'ledger.entry_not_balanced';
  end if;
  return null;
end $$;

create constraint trigger journal_entries_balanced after insert on journal_entries
  deferrable initially deferred for each row execute function journal_entry_must_balance('id');
create constraint trigger journal_lines_balanced after insert on journal_lines
  deferrable initially deferred for each row execute function journal_entry_must_balance('entry_id');

-- Posting into a closed month is refused by the database too.
create function journal_period_must_be_open() returns trigger language plpgsql security definer
  set search_path = public as $$
begin
  if exists (select 1 from ledger_periods where cooperative_id = new.cooperative_id
             and period_month = date_trunc('month', new.business_date)::date) then
    raise exception 'period % is closed', to_char(new.business_date, 'YYYY-MM')
      using errcode = 'P0001', hint = 'ledger.period_closed';
  end if;
  return new;
end $$;
create trigger journal_entries_open_period before insert on journal_entries
  for each row execute function journal_period_must_be_open();

revoke update, delete, truncate on journal_entries, journal_lines from lumbung_app;

-- A closed month stays closed and a published checkpoint stays as published.
create function ledger_record_is_permanent() returns trigger language plpgsql as $$
begin
  raise exception 'closed periods and published checkpoints are permanent: % on % refused', tg_op, tg_table_name
    using errcode = 'P0001', hint = 'ledger.append_only';
end $$;
create trigger ledger_periods_permanent before update or delete on ledger_periods
  for each row execute function ledger_record_is_permanent();
create trigger ledger_checkpoints_permanent before update or delete on ledger_checkpoints
  for each row execute function ledger_record_is_permanent();
revoke update, delete, truncate on ledger_periods, ledger_checkpoints from lumbung_app;

alter table ledger_accounts enable row level security;
alter table ledger_balances enable row level security;
alter table ledger_chain_heads enable row level security;
alter table journal_entries enable row level security;
alter table journal_lines enable row level security;
alter table ledger_periods enable row level security;
alter table ledger_holds enable row level security;
alter table ledger_checkpoints enable row level security;
alter table manual_journal_drafts enable row level security;

create policy tenant on ledger_accounts using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on ledger_balances using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on ledger_chain_heads using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on journal_entries using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on journal_lines using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on ledger_periods using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on ledger_holds using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on ledger_checkpoints using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on manual_journal_drafts using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
