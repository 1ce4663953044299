-- why: cooperatives are the tenants; regions (provinces, NTT districts) place them for oversight, and a primary cooperative can be a member of a secondary one.
create table regions (
  code text primary key,
  name text not null,
  level text not null check (level in ('province', 'district')),
  province_code text not null
);

create table cooperatives (
  id uuid primary key,
  name text not null check (length(name) between 3 and 160),
  legal_entity_number text not null unique,
  nik_koperasi text unique check (nik_koperasi ~ '^\d{13,16}$'),
  type text not null check (type in ('simpan_pinjam', 'konsumen', 'produsen', 'pemasaran', 'jasa', 'serba_usaha')),
  tier text not null check (tier in ('primer', 'sekunder')),
  district_code text not null references regions (code),
  is_closed_loop boolean not null,
  fiscal_year_start_month smallint not null check (fiscal_year_start_month between 1 and 12),
  bylaws jsonb not null,
  created_at timestamptz not null,
  created_by uuid
);
create index cooperatives_district_idx on cooperatives (district_code);

create table cooperative_federation (
  secondary_cooperative_id uuid not null references cooperatives (id),
  member_cooperative_id uuid not null references cooperatives (id),
  joined_on date not null,
  primary key (secondary_cooperative_id, member_cooperative_id),
  check (secondary_cooperative_id <> member_cooperative_id)
);
create index cooperative_federation_member_idx on cooperative_federation (member_cooperative_id);

-- The registry (name, type, district) is public, like Kemenkop's NIK lookup; changes are not.
alter table cooperatives enable row level security;
create policy cooperatives_read on cooperatives for select using (true);
create policy cooperatives_create on cooperatives for insert with check (app_is_system());
create policy cooperatives_change on cooperatives for update
  using (id = app_cooperative_id() or app_is_system());

alter table cooperative_federation enable row level security;
create policy federation_read on cooperative_federation for select using (true);
create policy federation_join on cooperative_federation for insert
  with check (member_cooperative_id = app_cooperative_id() or app_is_system());

alter table regions enable row level security;
create policy regions_read on regions for select using (true);
create policy regions_write on regions for all using (app_is_system()) with check (app_is_system());
