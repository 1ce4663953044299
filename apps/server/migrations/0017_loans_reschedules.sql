-- why: the board reschedules a running loan (restrukturisasi) and the old schedule must stay readable beside the new one with who, when, why and the old and new terms; and the employer's payroll deduction file repays loans, so a repayment can come from the bank transfer of the payroll.

-- Each schedule of a loan is a version: 1 at disbursement, one more per reschedule. The current
-- schedule is the highest version; older versions are superseded, never rewritten or deleted.
alter table loan_installments add column schedule_version integer not null default 1
  check (schedule_version >= 1);
alter table loan_installments drop constraint loan_installments_pkey;
alter table loan_installments add primary key (cooperative_id, loan_id, schedule_version, number);

-- A payroll deduction repays through the employer's bank transfer (Dr Bank 1-1201).
alter table loan_repayments drop constraint loan_repayments_channel_check;
alter table loan_repayments add constraint loan_repayments_channel_check
  check (channel in ('cash', 'sukarela', 'payroll'));

-- One row per reschedule: the terms before and after, the amounts carried, and the approver.
create table loan_reschedules (
  cooperative_id uuid not null,
  id uuid not null,
  loan_id uuid not null,
  -- The schedule version this reschedule created (the one it superseded is one less).
  schedule_version integer not null check (schedule_version >= 2),
  effective_date date not null,
  reason text not null check (length(reason) between 3 and 500),
  principal_outstanding bigint not null check (principal_outstanding > 0),
  -- Unpaid interest of installments due by the effective date, added to the first new installment.
  interest_carried bigint not null check (interest_carried >= 0),
  -- Denda owed on the day of the reschedule that the new schedule does not carry.
  penalty_waived bigint not null check (penalty_waived >= 0),
  installments_before integer not null check (installments_before >= 1),
  remaining_installments_before integer not null check (remaining_installments_before >= 0),
  interest_rate_bps_per_month_before integer not null,
  last_due_date_before date not null,
  installments_after integer not null check (installments_after between 1 and 520),
  new_installments integer not null check (new_installments >= 1),
  interest_rate_bps_per_month_after integer not null
    check (interest_rate_bps_per_month_after between 0 and 10000),
  last_due_date_after date not null,
  approved_by uuid not null references people (id),
  approver_roles text[] not null,
  approved_at timestamptz not null,
  idempotency_key text not null,
  primary key (cooperative_id, id),
  unique (cooperative_id, loan_id, schedule_version),
  unique (cooperative_id, idempotency_key),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

alter table loan_reschedules enable row level security;
create policy tenant on loan_reschedules using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- A reschedule is a record of a board decision: never rewritten.
revoke update, delete, truncate on loan_reschedules from lumbung_app;

-- The current schedule of every loan, for set-based readers (day-end): loan_installments holds
-- every version, so a reader of the table itself must filter on the highest version.
create view loan_current_installments with (security_invoker = true) as
  select i.* from loan_installments i
  where i.schedule_version = (
    select max(v.schedule_version) from loan_installments v
    where v.cooperative_id = i.cooperative_id and v.loan_id = i.loan_id);
