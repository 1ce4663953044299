-- why: savings needs per-cooperative product settings, teller sessions whose cash reconciles to the ledger, and a record of each month-end interest run so the job runs once per month.
create table savings_products (
  cooperative_id uuid primary key references cooperatives (id),
  pokok_amount bigint not null check (pokok_amount >= 0),
  wajib_monthly_amount bigint not null check (wajib_monthly_amount >= 0),
  sukarela_interest_rate_bps integer not null check (sukarela_interest_rate_bps between 0 and 10000),
  sukarela_minimum_balance bigint not null check (sukarela_minimum_balance >= 0),
  berjangka_term_months integer not null check (berjangka_term_months between 1 and 120),
  berjangka_interest_rate_bps integer not null check (berjangka_interest_rate_bps between 0 and 10000),
  berjangka_maturity_action text not null check (berjangka_maturity_action in ('rollover', 'to_sukarela')),
  berjangka_early_break_penalty_bps integer not null check (berjangka_early_break_penalty_bps between 0 and 10000),
  updated_at timestamptz not null,
  updated_by uuid
);

create table savings_teller_sessions (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  teller_person_id uuid not null references people (id),
  opened_at timestamptz not null,
  opening_float bigint not null check (opening_float >= 0),
  closed_at timestamptz,
  expected_cash bigint,
  counted_cash bigint check (counted_cash >= 0),
  difference_entry_id uuid,
  primary key (cooperative_id, id)
);
-- One open session per teller: a second open waits for or fails on this index.
create unique index savings_teller_sessions_open_idx on savings_teller_sessions (cooperative_id, teller_person_id)
  where closed_at is null;

create table savings_session_entries (
  cooperative_id uuid not null,
  entry_id uuid not null,
  session_id uuid not null,
  primary key (cooperative_id, entry_id),
  foreign key (cooperative_id, session_id) references savings_teller_sessions (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id)
);
create index savings_session_entries_session_idx on savings_session_entries (cooperative_id, session_id);

create table savings_interest_runs (
  cooperative_id uuid not null references cooperatives (id),
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  account_count integer not null,
  member_count integer not null,
  gross_interest bigint not null,
  tax_withheld bigint not null,
  entry_ids uuid[] not null,
  ran_at timestamptz not null,
  ran_by uuid,
  primary key (cooperative_id, month)
);

alter table savings_products enable row level security;
alter table savings_teller_sessions enable row level security;
alter table savings_session_entries enable row level security;
alter table savings_interest_runs enable row level security;
create policy tenant on savings_products using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on savings_teller_sessions using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on savings_session_entries using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on savings_interest_runs using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- Session entries and interest runs are records of what was posted: never rewritten.
revoke update, delete, truncate on savings_session_entries, savings_interest_runs from lumbung_app;
