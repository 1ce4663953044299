-- why: an employees' cooperative imports the employer's monthly payroll-deduction file, and the bendahara needs a record of each file (which, by whom, when) and of what became of every row to reconcile the employer's bank transfer and to show that a re-imported file posted nothing twice.
create table savings_payroll_imports (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  file_name text not null check (length(file_name) between 1 and 255),
  file_format text not null check (file_format in ('csv', 'xlsx')),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer not null check (row_count >= 0),
  posted_count integer not null check (posted_count >= 0),
  already_posted_count integer not null check (already_posted_count >= 0),
  refused_count integer not null check (refused_count >= 0),
  skipped_count integer not null check (skipped_count >= 0),
  total_posted bigint not null check (total_posted >= 0),
  imported_at timestamptz not null,
  imported_by uuid references people (id),
  primary key (cooperative_id, id),
  check (posted_count + already_posted_count + refused_count + skipped_count = row_count)
);
create index savings_payroll_imports_imported_idx on savings_payroll_imports (cooperative_id, imported_at, id);

create table savings_payroll_import_rows (
  cooperative_id uuid not null,
  import_id uuid not null,
  row_number integer not null check (row_number >= 1),
  member_number text,
  member_name text,
  membership_id uuid,
  status text not null check (status in ('posted', 'already_posted', 'refused', 'skipped')),
  code text,
  params jsonb not null,
  wajib_amount bigint check (wajib_amount >= 0),
  sukarela_amount bigint check (sukarela_amount >= 0),
  angsuran_amount bigint check (angsuran_amount >= 0),
  postings jsonb not null,
  primary key (cooperative_id, import_id, row_number),
  foreign key (cooperative_id, import_id) references savings_payroll_imports (cooperative_id, id),
  -- A posted row has no refusal code; every other row says why it was not posted.
  check ((status = 'posted') = (code is null))
);

alter table savings_payroll_imports enable row level security;
alter table savings_payroll_import_rows enable row level security;
create policy tenant on savings_payroll_imports using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on savings_payroll_import_rows using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- An import and its row results are records of what was posted: never rewritten.
revoke update, delete, truncate on savings_payroll_imports, savings_payroll_import_rows from lumbung_app;
