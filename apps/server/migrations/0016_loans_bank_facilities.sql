-- why: credit from partner banks reaches members through the cooperative, as executing facilities (the bank lends to the cooperative, which lends on) or channeling facilities (the bank lends to members, the cooperative is its agent), and each member loan names its funding source so day-end and the portfolio can leave channeled loans out.
create table loan_partner_banks (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
  name text not null check (length(name) between 2 and 120),
  contact_name text check (length(contact_name) between 2 and 120),
  contact_phone text check (length(contact_phone) between 6 and 20),
  created_at timestamptz not null,
  created_by uuid,
  primary key (cooperative_id, id),
  unique (cooperative_id, code)
);

-- A facility's terms as agreed with the bank. Executing: drawn and repaid through the ledger
-- (2-2101). Channeling: the bank's money never enters the cooperative's balance sheet; the
-- cooperative collects for a fee (fee_bps of every rupiah collected).
create table loan_bank_facilities (
  cooperative_id uuid not null,
  id uuid not null,
  bank_id uuid not null,
  kind text not null check (kind in ('executing', 'channeling')),
  agreement_number text not null check (length(agreement_number) between 2 and 60),
  plafond bigint not null check (plafond > 0),
  interest_rate_bps integer not null check (interest_rate_bps between 0 and 100000),
  rate_period text not null check (rate_period in ('month', 'year')),
  tenor_months integer not null check (tenor_months between 1 and 360),
  quota_per_member bigint not null check (quota_per_member > 0 and quota_per_member <= plafond),
  fee_bps integer not null check (fee_bps between 0 and 10000),
  status text not null check (status in ('aktif', 'ditutup')),
  opened_on date not null,
  created_at timestamptz not null,
  created_by uuid,
  primary key (cooperative_id, id),
  unique (cooperative_id, agreement_number),
  foreign key (cooperative_id, bank_id) references loan_partner_banks (cooperative_id, id),
  check (kind = 'channeling' or fee_bps = 0)
);

-- Executing: each drawdown (Dr Bank, Cr 2-2101) and repayment to the bank (Dr 2-2101 principal,
-- Dr 5-2102 interest, Cr Bank), with its entry. Outstanding = drawn - repaid principal.
create table loan_facility_movements (
  cooperative_id uuid not null,
  id uuid not null,
  facility_id uuid not null,
  kind text not null check (kind in ('drawdown', 'repayment')),
  business_date date not null,
  principal bigint not null check (principal >= 0),
  interest bigint not null check (interest >= 0),
  entry_id uuid not null,
  idempotency_key text not null,
  recorded_at timestamptz not null,
  recorded_by uuid,
  primary key (cooperative_id, id),
  unique (cooperative_id, idempotency_key),
  foreign key (cooperative_id, facility_id) references loan_bank_facilities (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id),
  check (kind = 'repayment' or interest = 0),
  check (principal + interest > 0)
);
create index loan_facility_movements_facility_idx
  on loan_facility_movements (cooperative_id, facility_id, business_date);

-- Each member loan funded by a bank facility; a loan without a row is funded by the
-- cooperative's own money. funding_kind = 'channeling' marks a loan that is the bank's, not
-- the cooperative's: day-end, NPL and the portfolio leave it out.
create table loan_funding_assignments (
  cooperative_id uuid not null,
  loan_id uuid not null,
  facility_id uuid not null,
  funding_kind text not null check (funding_kind in ('executing', 'channeling')),
  assigned_at timestamptz not null,
  assigned_by uuid,
  primary key (cooperative_id, loan_id),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id),
  foreign key (cooperative_id, facility_id) references loan_bank_facilities (cooperative_id, id)
);
create index loan_funding_assignments_facility_idx
  on loan_funding_assignments (cooperative_id, facility_id);

-- A channeled loan's life with the bank: the bank's decision, its disbursement and the bank's
-- schedule. Off the cooperative's balance sheet (payout 'bank_direct'), or passed through the
-- member's sukarela (payout 'sukarela', with its entry). Status: menunggu_bank ->
-- disetujui_bank | ditolak_bank; disetujui_bank -> aktif -> lunas.
create table loan_channeled_loans (
  cooperative_id uuid not null,
  loan_id uuid not null,
  facility_id uuid not null,
  status text not null check (status in ('menunggu_bank', 'disetujui_bank', 'ditolak_bank', 'aktif', 'lunas')),
  bank_decision text check (bank_decision in ('approved', 'rejected')),
  bank_reference text check (length(bank_reference) between 1 and 60),
  bank_decided_on date,
  bank_decision_note text check (length(bank_decision_note) <= 500),
  bank_decision_recorded_by uuid,
  bank_decision_recorded_at timestamptz,
  principal bigint check (principal > 0),
  interest_rate_bps_per_month integer check (interest_rate_bps_per_month between 0 and 10000),
  installments integer check (installments between 1 and 360),
  payout text check (payout in ('bank_direct', 'sukarela')),
  disbursed_on date,
  disbursement_reference text check (length(disbursement_reference) between 1 and 60),
  disbursement_entry_id uuid,
  disbursement_key text,
  disbursed_by uuid,
  closed_on date,
  created_at timestamptz not null,
  primary key (cooperative_id, loan_id),
  foreign key (cooperative_id, loan_id) references loans (cooperative_id, id),
  foreign key (cooperative_id, loan_id) references loan_funding_assignments (cooperative_id, loan_id),
  foreign key (cooperative_id, facility_id) references loan_bank_facilities (cooperative_id, id),
  foreign key (cooperative_id, disbursement_entry_id) references journal_entries (cooperative_id, id),
  check ((bank_decision is null) = (status = 'menunggu_bank')),
  check ((status in ('aktif', 'lunas')) = (disbursed_on is not null)),
  check ((payout = 'sukarela') = (disbursement_entry_id is not null)),
  check ((status = 'lunas') = (closed_on is not null))
);
create index loan_channeled_loans_facility_idx
  on loan_channeled_loans (cooperative_id, facility_id, status);

-- The bank's schedule of a channeled loan, tracked off the balance sheet.
create table loan_channeled_installments (
  cooperative_id uuid not null,
  loan_id uuid not null,
  number integer not null check (number >= 1),
  due_date date not null,
  principal bigint not null check (principal >= 0),
  interest bigint not null check (interest >= 0),
  total bigint not null check (total = principal + interest),
  principal_outstanding_after bigint not null check (principal_outstanding_after >= 0),
  primary key (cooperative_id, loan_id, number),
  foreign key (cooperative_id, loan_id) references loan_channeled_loans (cooperative_id, loan_id)
);

-- What a member paid at the cooperative on a channeled loan (Dr Kas or sukarela, Cr 2-1601
-- titipan), allocated over the bank's schedule (interest, then principal, installment by
-- installment); the cooperative owes it to the bank until a remittance takes it.
create table loan_channeling_collections (
  cooperative_id uuid not null,
  id uuid not null,
  loan_id uuid not null,
  facility_id uuid not null,
  paid_on date not null,
  channel text not null check (channel in ('cash', 'sukarela')),
  amount bigint not null check (amount > 0),
  interest bigint not null check (interest >= 0),
  principal bigint not null check (principal >= 0),
  entry_id uuid not null,
  session_id uuid,
  idempotency_key text not null,
  received_by uuid,
  recorded_at timestamptz not null,
  primary key (cooperative_id, id),
  check (amount = interest + principal),
  unique (cooperative_id, idempotency_key),
  unique (cooperative_id, entry_id),
  foreign key (cooperative_id, loan_id) references loan_channeled_loans (cooperative_id, loan_id),
  foreign key (cooperative_id, facility_id) references loan_bank_facilities (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id)
);
create index loan_channeling_collections_facility_idx
  on loan_channeling_collections (cooperative_id, facility_id, paid_on);

-- A remittance to the bank of collections not yet remitted: Dr 2-1601 collected, Cr Bank
-- remitted, Cr 4-1211 the cooperative's fee.
create table loan_channeling_remittances (
  cooperative_id uuid not null,
  id uuid not null,
  facility_id uuid not null,
  business_date date not null,
  collected bigint not null check (collected > 0),
  fee bigint not null check (fee >= 0),
  remitted bigint not null check (remitted >= 0),
  entry_id uuid not null,
  idempotency_key text not null,
  recorded_at timestamptz not null,
  recorded_by uuid,
  primary key (cooperative_id, id),
  check (collected = fee + remitted),
  unique (cooperative_id, idempotency_key),
  foreign key (cooperative_id, facility_id) references loan_bank_facilities (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id)
);

-- Which collections a remittance took; a collection is remitted once.
create table loan_channeling_remittance_items (
  cooperative_id uuid not null,
  remittance_id uuid not null,
  collection_id uuid not null,
  primary key (cooperative_id, collection_id),
  foreign key (cooperative_id, remittance_id) references loan_channeling_remittances (cooperative_id, id),
  foreign key (cooperative_id, collection_id) references loan_channeling_collections (cooperative_id, id)
);

alter table loan_partner_banks enable row level security;
alter table loan_bank_facilities enable row level security;
alter table loan_facility_movements enable row level security;
alter table loan_funding_assignments enable row level security;
alter table loan_channeled_loans enable row level security;
alter table loan_channeled_installments enable row level security;
alter table loan_channeling_collections enable row level security;
alter table loan_channeling_remittances enable row level security;
alter table loan_channeling_remittance_items enable row level security;
create policy tenant on loan_partner_banks using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_bank_facilities using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_facility_movements using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_funding_assignments using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_channeled_loans using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_channeled_installments using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_channeling_collections using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_channeling_remittances using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on loan_channeling_remittance_items using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- Money records and assignments are never rewritten; facilities change status only.
revoke update, delete, truncate on loan_facility_movements, loan_funding_assignments,
  loan_channeled_installments, loan_channeling_collections, loan_channeling_remittances,
  loan_channeling_remittance_items from lumbung_app;
revoke delete, truncate on loan_partner_banks, loan_bank_facilities, loan_channeled_loans
  from lumbung_app;

-- A loan the bank funds through channeling is never paid out of the cooperative's own money:
-- disburseLoan cannot make it aktif (the database refuses, whatever the code path).
create function loans_channeled_never_disbursed() returns trigger language plpgsql as $$
begin
  if new.status = 'aktif' and exists (
    select 1 from loan_funding_assignments f
    where f.cooperative_id = new.cooperative_id and f.loan_id = new.id
      and f.funding_kind = 'channeling'
  ) then
    raise exception 'loan % is channeled: the bank disburses it, not the cooperative', new.id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger loans_channeled_never_disbursed before update of status on loans
  for each row execute function loans_channeled_never_disbursed();
