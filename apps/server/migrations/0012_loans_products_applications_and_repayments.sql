-- why: member loans need per-cooperative products, applications with their guarantors, collateral and stored assessment, the committee's decisions, the schedule agreed at disbursement and every repayment, while the ledger holds the money.
create table loan_products (
  cooperative_id uuid not null references cooperatives (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
  name text not null check (length(name) between 2 and 120),
  interest_method text not null check (interest_method in ('flat', 'efektif', 'anuitas')),
  interest_rate_bps_per_month integer not null check (interest_rate_bps_per_month between 0 and 10000),
  tenors integer[] not null check (cardinality(tenors) between 1 and 24),
  frequency text not null check (frequency in ('weekly', 'monthly')),
  admin_fee_bps integer not null check (admin_fee_bps between 0 and 10000),
  provision_fee_bps integer not null check (provision_fee_bps between 0 and 10000),
  fee_treatment text not null check (fee_treatment in ('deducted', 'financed')),
  penalty_bps_per_day integer not null check (penalty_bps_per_day between 0 and 10000),
  grace_installments integer not null check (grace_installments >= 0),
  plafond_savings_multiple integer check (plafond_savings_multiple > 0),
  min_amount bigint not null check (min_amount > 0),
  max_amount bigint not null check (max_amount >= min_amount),
  members_only boolean not null,
  -- [{ "upTo": "5000000" | null, "approvals": 1, "requiresKetua": false }, ...] ascending, last upTo null
  approval_tiers jsonb not null check (jsonb_typeof(approval_tiers) = 'array'),
  collectibility_scheme text not null check (collectibility_scheme in ('KSP_2009', 'OJK_BANK')),
  is_active boolean not null,
  updated_at timestamptz not null,
  updated_by uuid,
  primary key (cooperative_id, code)
);

-- One row per application; after approval and disbursement the same row is the loan. The
-- product's terms are copied onto it when it is applied for, so a later product change never
-- alters a running loan. Status: diajukan -> disetujui | ditolak; disetujui -> aktif -> lunas.
create table loans (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  membership_id uuid not null,
  applicant_person_id uuid not null,
  product_code text not null,
  amount bigint not null check (amount > 0),
  principal bigint not null check (principal >= amount),
  admin_fee bigint not null check (admin_fee >= 0),
  provision_fee bigint not null check (provision_fee >= 0),
  fee_treatment text not null check (fee_treatment in ('deducted', 'financed')),
  interest_method text not null check (interest_method in ('flat', 'efektif', 'anuitas')),
  interest_rate_bps_per_month integer not null check (interest_rate_bps_per_month between 0 and 10000),
  installments integer not null check (installments between 1 and 520),
  frequency text not null check (frequency in ('weekly', 'monthly')),
  penalty_bps_per_day integer not null check (penalty_bps_per_day between 0 and 10000),
  grace_installments integer not null check (grace_installments >= 0),
  collectibility_scheme text not null check (collectibility_scheme in ('KSP_2009', 'OJK_BANK')),
  plafond_savings_multiple integer check (plafond_savings_multiple > 0),
  required_approvals integer not null check (required_approvals >= 1),
  requires_ketua boolean not null,
  purpose text not null check (length(purpose) between 3 and 500),
  declared_monthly_income bigint not null check (declared_monthly_income > 0),
  status text not null check (status in ('diajukan', 'disetujui', 'ditolak', 'aktif', 'lunas')),
  applied_at timestamptz not null,
  applied_by uuid,
  applied_via text not null check (applied_via in ('member', 'officer')),
  decided_at timestamptz,
  loan_account_id uuid,
  disbursed_on date,
  disbursed_at timestamptz,
  disbursed_by uuid,
  disbursement_channel text check (disbursement_channel in ('sukarela', 'cash')),
  disbursement_entry_id uuid,
  disbursement_key text,
  closed_on date,
  primary key (cooperative_id, id),
  foreign key (cooperative_id, membership_id) references members (cooperative_id, membership_id),
  foreign key (cooperative_id, product_code) references loan_products (cooperative_id, code),
  foreign key (cooperative_id, loan_account_id) references ledger_accounts (cooperative_id, id),
  foreign key (cooperative_id, disbursement_entry_id) references journal_entries (cooperative_id, id),
  unique (cooperative_id, disbursement_entry_id),
  -- A disbursed loan names its sub-account, entry and channel; an undisbursed one names none.
  check ((status in ('aktif', 'lunas')) = (disbursement_entry_id is not null)),
  check ((disbursement_entry_id is null) = (loan_account_id is null)),
  check ((disbursement_entry_id is null) = (disbursement_channel is null)),
  check ((status = 'lunas') = (closed_on is not null))
);
create index loans_member_idx on loans (cooperative_id, membership_id);
create index loans_status_idx on loans (cooperative_id, status, id);

create table loan_guarantors (
  cooperative_id uuid not null,
  loan_id uuid not null,
  position integer not null check (position between 1 and 10),
  full_name text not null check (length(full_name) between 2 and 120),
  nik text not null check (nik ~ '^\d{16}$'),
  relation text not null check (length(relation) between 2 and 60),
  primary key (cooperative_id, loan_id, position),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

create table loan_collateral (
  cooperative_id uuid not null,
  loan_id uuid not null,
  position integer not null check (position between 1 and 10),
  kind text not null check (length(kind) between 2 and 60),
  description text not null check (length(description) between 2 and 300),
  estimated_value bigint not null check (estimated_value >= 0),
  primary key (cooperative_id, loan_id, position),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

-- The assessment computed at submission, factor by factor, with the inputs it read.
create table loan_assessments (
  cooperative_id uuid not null,
  loan_id uuid not null,
  score integer not null,
  grade text not null,
  factors jsonb not null check (jsonb_typeof(factors) = 'array'),
  inputs jsonb not null check (jsonb_typeof(inputs) = 'object'),
  proposed_installment bigint not null check (proposed_installment >= 0),
  installment_to_income_bps integer not null,
  is_capacity_ok boolean not null,
  assessed_at timestamptz not null,
  primary key (cooperative_id, loan_id),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

-- Each decision: who, with which roles, when and why. One decision per person per loan.
create table loan_decisions (
  cooperative_id uuid not null,
  id uuid not null,
  loan_id uuid not null,
  person_id uuid not null,
  roles text[] not null,
  decision text not null check (decision in ('approve', 'reject')),
  reason text not null check (length(reason) between 3 and 500),
  decided_at timestamptz not null,
  primary key (cooperative_id, id),
  unique (cooperative_id, loan_id, person_id),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

-- The schedule agreed at disbursement (rules/schedule.ts); what is paid is derived from repayments.
create table loan_installments (
  cooperative_id uuid not null,
  loan_id uuid not null,
  number integer not null check (number >= 1),
  due_date date not null,
  principal bigint not null check (principal >= 0),
  interest bigint not null check (interest >= 0),
  total bigint not null check (total = principal + interest),
  principal_outstanding_after bigint not null check (principal_outstanding_after >= 0),
  primary key (cooperative_id, loan_id, number),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id)
);

-- Each repayment and how it was allocated (penalty -> interest -> principal), with its entry.
create table loan_repayments (
  cooperative_id uuid not null,
  id uuid not null,
  loan_id uuid not null,
  paid_on date not null,
  channel text not null check (channel in ('cash', 'sukarela')),
  amount bigint not null check (amount > 0),
  penalty bigint not null check (penalty >= 0),
  interest bigint not null check (interest >= 0),
  principal bigint not null check (principal >= 0),
  is_payoff boolean not null,
  entry_id uuid not null,
  session_id uuid,
  idempotency_key text not null,
  received_by uuid,
  recorded_at timestamptz not null,
  primary key (cooperative_id, id),
  check (amount = penalty + interest + principal),
  unique (cooperative_id, entry_id),
  unique (cooperative_id, idempotency_key),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id)
);
create index loan_repayments_loan_idx on loan_repayments (cooperative_id, loan_id, paid_on);

alter table loan_products enable row level security;
alter table loans enable row level security;
alter table loan_guarantors enable row level security;
alter table loan_collateral enable row level security;
alter table loan_assessments enable row level security;
alter table loan_decisions enable row level security;
alter table loan_installments enable row level security;
alter table loan_repayments enable row level security;
create policy tenant on loan_products using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loans using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_guarantors using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_collateral using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_assessments using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_decisions using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_installments using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_repayments using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- What was applied for, assessed, decided, scheduled and repaid is a record: never rewritten.
-- (Rescheduling, when it comes, keeps the old schedule and records the new one beside it.)
revoke update, delete, truncate on loan_guarantors, loan_collateral, loan_assessments,
  loan_decisions, loan_installments, loan_repayments from lumbung_app;
revoke delete, truncate on loans from lumbung_app;
