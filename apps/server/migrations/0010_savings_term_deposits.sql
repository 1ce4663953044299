-- why: simpanan berjangka needs a record of each term deposit with the product terms it was placed on (the ledger holds the money, not the term, rate or maturity), and a record of how each one ended so maturity and early break happen once.
create table savings_term_deposits (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  membership_id uuid not null,
  account_id uuid not null,
  principal bigint not null check (principal > 0),
  interest_rate_bps integer not null check (interest_rate_bps between 0 and 10000),
  term_months integer not null check (term_months between 1 and 120),
  maturity_action text not null check (maturity_action in ('rollover', 'to_sukarela')),
  early_break_penalty_bps integer not null check (early_break_penalty_bps between 0 and 10000),
  start_date date not null,
  maturity_date date not null,
  source text not null check (source in ('sukarela', 'cash', 'rollover')),
  rolled_from_id uuid,
  opening_entry_id uuid,
  opened_at timestamptz not null,
  opened_by uuid,
  primary key (cooperative_id, id),
  check (maturity_date > start_date),
  -- A rolled-over term carries no new money, every other opening posts one entry.
  check ((source = 'rollover') = (rolled_from_id is not null)),
  check ((source = 'rollover') = (opening_entry_id is null)),
  unique (cooperative_id, rolled_from_id),
  unique (cooperative_id, opening_entry_id),
  foreign key (cooperative_id, membership_id) references members (cooperative_id, membership_id),
  foreign key (cooperative_id, account_id) references ledger_accounts (cooperative_id, id),
  foreign key (cooperative_id, rolled_from_id) references savings_term_deposits (cooperative_id, id),
  foreign key (cooperative_id, opening_entry_id) references journal_entries (cooperative_id, id)
);
create index savings_term_deposits_member_idx on savings_term_deposits (cooperative_id, membership_id);
create index savings_term_deposits_maturity_idx on savings_term_deposits (cooperative_id, maturity_date);

-- How a deposit ended: matured (paid to sukarela), rolled over (interest paid, principal into a
-- new term) or broken early (principal less a penalty). One row per deposit: it ends once.
create table savings_term_deposit_closures (
  cooperative_id uuid not null,
  deposit_id uuid not null,
  outcome text not null check (outcome in ('matured', 'rolled_over', 'broken')),
  closed_on date not null,
  membership_id uuid not null,
  gross_interest bigint not null check (gross_interest >= 0),
  tax_withheld bigint not null check (tax_withheld >= 0 and tax_withheld <= gross_interest),
  penalty bigint not null check (penalty >= 0),
  paid_to_sukarela bigint not null check (paid_to_sukarela >= 0),
  entry_id uuid,
  closed_at timestamptz not null,
  closed_by uuid,
  primary key (cooperative_id, deposit_id),
  foreign key (cooperative_id, deposit_id) references savings_term_deposits (cooperative_id, id),
  foreign key (cooperative_id, entry_id) references journal_entries (cooperative_id, id)
);
-- The month's earlier term interest of a member, for the PP 15/2009 threshold.
create index savings_term_deposit_closures_member_idx
  on savings_term_deposit_closures (cooperative_id, membership_id, closed_on);

alter table savings_term_deposits enable row level security;
alter table savings_term_deposit_closures enable row level security;
create policy tenant on savings_term_deposits using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on savings_term_deposit_closures using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- A deposit and its ending are records of what was agreed and posted: never rewritten.
revoke update, delete, truncate on savings_term_deposits, savings_term_deposit_closures from lumbung_app;
