-- why: a person (one NIK, one phone) can belong to several cooperatives with roles per membership; dinas and platform officers hold scopes; sessions and one-time codes back login.
create table people (
  id uuid primary key,
  nik text not null unique check (nik ~ '^\d{16}$'),
  full_name text not null,
  phone text not null unique check (phone ~ '^\+628\d{8,11}$'),
  birth_date date not null,
  sex text not null check (sex in ('female', 'male')),
  locale text not null default 'id' check (locale in ('id', 'en')),
  password_hash text,
  pin_hash text,
  failed_login_count integer not null default 0,
  locked_until timestamptz,
  failed_pin_count integer not null default 0,
  pin_locked_until timestamptz,
  created_at timestamptz not null
);

create table memberships (
  cooperative_id uuid not null references cooperatives (id),
  id uuid not null,
  person_id uuid not null references people (id),
  roles text[] not null check (
    cardinality(roles) > 0
    and roles <@ array['anggota', 'ketua', 'sekretaris', 'bendahara', 'pengawas', 'manajer', 'kasir']
  ),
  status text not null default 'aktif' check (status in ('aktif', 'keluar', 'meninggal', 'diberhentikan')),
  joined_on date not null,
  created_at timestamptz not null,
  primary key (cooperative_id, id),
  unique (cooperative_id, person_id)
);
create index memberships_person_idx on memberships (person_id);

create table officer_scopes (
  person_id uuid not null references people (id),
  role text not null check (role in ('dinas', 'platform')),
  region_codes text[] not null default '{}',
  granted_at timestamptz not null,
  primary key (person_id, role)
);

create table sessions (
  token_hash text primary key,
  person_id uuid not null references people (id),
  kind text not null check (kind in ('cookie', 'bearer')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text
);
create index sessions_person_idx on sessions (person_id);

create table one_time_codes (
  id uuid primary key,
  phone text not null,
  purpose text not null check (purpose in ('login', 'reset_password')),
  code_hash text not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz,
  created_at timestamptz not null
);
create index one_time_codes_phone_idx on one_time_codes (phone, purpose, created_at desc);

alter table people enable row level security;
-- A person sees themself; a cooperative sees the people who belong to it.
create policy people_read on people for select using (
  id = app_person_id() or app_is_system()
  or exists (select 1 from memberships m where m.person_id = people.id and m.cooperative_id = app_cooperative_id())
);
-- Registration inserts a person before their membership exists (no RETURNING).
create policy people_register on people for insert with check (app_cooperative_id() is not null or app_is_system());
create policy people_change on people for update using (id = app_person_id() or app_is_system());

alter table memberships enable row level security;
create policy memberships_tenant on memberships
  using (cooperative_id = app_cooperative_id() or app_is_system())
  with check (cooperative_id = app_cooperative_id() or app_is_system());
create policy memberships_own on memberships for select using (person_id = app_person_id());

alter table officer_scopes enable row level security;
create policy officer_scopes_read on officer_scopes for select using (person_id = app_person_id() or app_is_system());
create policy officer_scopes_write on officer_scopes for insert with check (app_is_system());

alter table sessions enable row level security;
create policy sessions_own on sessions using (person_id = app_person_id() or app_is_system())
  with check (person_id = app_person_id() or app_is_system());

alter table one_time_codes enable row level security;
create policy one_time_codes_system on one_time_codes using (app_is_system()) with check (app_is_system());
