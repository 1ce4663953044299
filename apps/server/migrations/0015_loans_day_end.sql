-- why: the loan day-end ages every running loan once per business date (days past due, collectibility, penalty accrual, loss allowance) and needs its runs, a per-loan snapshot of each run, the cooperative's collectibility settings and an auto-debit flag on loans.

-- A loan whose installments are taken from the member's sukarela on the due date (default off).
alter table loans add column is_auto_debit boolean not null default false;

-- The cooperative's collectibility bands and allowance rates per scheme; no row = the defaults of
-- rules/collectibility.ts. {"KSP_2009": [{"collectibility": "lancar", "maxDaysPastDue": 90}, ...]}
create table loan_day_end_settings (
  cooperative_id uuid not null references cooperatives (id),
  bands jsonb not null check (jsonb_typeof(bands) = 'object'),
  allowance_rates jsonb not null check (jsonb_typeof(allowance_rates) = 'object'),
  updated_at timestamptz not null,
  updated_by uuid,
  primary key (cooperative_id)
);

-- One row per (cooperative, business date): what the run found and posted. A rerun returns it.
create table loan_day_end_runs (
  cooperative_id uuid not null references cooperatives (id),
  business_date date not null,
  loan_count integer not null check (loan_count >= 0),
  overdue_loan_count integer not null check (overdue_loan_count >= 0),
  total_outstanding bigint not null check (total_outstanding >= 0),
  penalty_accrued bigint not null check (penalty_accrued >= 0),
  required_allowance bigint not null check (required_allowance >= 0),
  booked_allowance_before bigint not null,
  allowance_entry_id uuid,
  auto_debit_count integer not null check (auto_debit_count >= 0),
  auto_debit_amount bigint not null check (auto_debit_amount >= 0),
  ran_at timestamptz not null,
  ran_by uuid,
  primary key (cooperative_id, business_date),
  foreign key (cooperative_id, allowance_entry_id) references journal_entries (cooperative_id, id)
);

-- Each running loan as the run saw it at the end of its business date. Penalties are tracked
-- here, off the ledger, and recognised as income when paid (docs/architecture.md, Loans):
-- penalty_accrued_total is everything accrued up to business_date since disbursement.
create table loan_day_end_positions (
  cooperative_id uuid not null,
  business_date date not null,
  loan_id uuid not null,
  days_past_due integer not null check (days_past_due >= 0),
  collectibility text not null check (collectibility in
    ('lancar', 'dalam_perhatian_khusus', 'kurang_lancar', 'diragukan', 'macet')),
  principal_outstanding bigint not null check (principal_outstanding >= 0),
  overdue_principal bigint not null check (overdue_principal >= 0),
  overdue_interest bigint not null check (overdue_interest >= 0),
  penalty_accrued bigint not null check (penalty_accrued >= 0),
  penalty_accrued_total bigint not null check (penalty_accrued_total >= 0),
  penalty_owed bigint not null check (penalty_owed >= 0),
  required_allowance bigint not null check (required_allowance >= 0),
  primary key (cooperative_id, business_date, loan_id),
  -- The run row is written first, so the check is immediate (no deferred check of every row at commit).
  foreign key (cooperative_id, business_date) references loan_day_end_runs (cooperative_id, business_date),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);
create index loan_day_end_positions_loan_idx
  on loan_day_end_positions (cooperative_id, loan_id, business_date);

alter table loan_day_end_settings enable row level security;
alter table loan_day_end_runs enable row level security;
alter table loan_day_end_positions enable row level security;
create policy tenant on loan_day_end_settings using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_day_end_runs using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_day_end_positions using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- Runs and their positions are records of what was found and posted: never rewritten.
revoke update, delete, truncate on loan_day_end_runs, loan_day_end_positions from lumbung_app;
revoke delete, truncate on loan_day_end_settings from lumbung_app;
