-- why: a cooperative's member registry (member number, address, occupation segment, lifecycle from application to exit) sits beside the identity membership, searchable by name, number, NIK or phone at 100,000 members.
create extension if not exists pg_trgm;

-- A self-registered applicant holds a 'calon' membership until the pengurus decides.
alter table memberships drop constraint memberships_status_check;
alter table memberships add constraint memberships_status_check
  check (status in ('calon', 'aktif', 'keluar', 'meninggal', 'diberhentikan', 'ditolak'));

create table member_number_counters (
  cooperative_id uuid primary key references cooperatives (id),
  last_number integer not null default 0
);

create table members (
  cooperative_id uuid not null references cooperatives (id),
  membership_id uuid not null,
  member_number text,
  person_id uuid not null references people (id),
  full_name text not null,
  nik text not null check (nik ~ '^\d{16}$'),
  phone text not null,
  address text not null check (length(address) between 3 and 300),
  village text,
  occupation_segment text not null
    check (occupation_segment in ('petani', 'umkm', 'karyawan', 'pedagang', 'mahasiswa', 'pelajar', 'lainnya')),
  employer text,
  status text not null check (status in ('calon', 'aktif', 'keluar', 'meninggal', 'diberhentikan', 'ditolak')),
  registered_via text not null check (registered_via in ('officer', 'self', 'import')),
  registered_by uuid,
  applied_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  joined_on date,
  left_on date,
  exit_reason text,
  primary key (cooperative_id, membership_id),
  unique (cooperative_id, member_number),
  foreign key (cooperative_id, membership_id) references memberships (cooperative_id, id)
);
create index members_status_idx on members (cooperative_id, status);
create index members_nik_idx on members (cooperative_id, nik);
create index members_phone_idx on members (cooperative_id, phone);
create index members_name_trgm_idx on members using gin (lower(full_name) gin_trgm_ops);

alter table member_number_counters enable row level security;
alter table members enable row level security;
create policy tenant on member_number_counters using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy tenant on members using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
-- A person sees their own member records in every cooperative they applied to.
create policy own on members for select using (person_id = app_person_id());
