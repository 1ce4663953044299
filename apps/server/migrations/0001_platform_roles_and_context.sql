-- why: every application transaction runs as lumbung_app, a role that neither is superuser nor bypasses row-level security, and policies read the tenant/person/system context it sets per transaction.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'lumbung_app') then
    create role lumbung_app nologin nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
end
$$;

grant usage on schema public to lumbung_app;
alter default privileges in schema public grant select, insert, update, delete on tables to lumbung_app;
alter default privileges in schema public grant usage, select on sequences to lumbung_app;
alter default privileges in schema public grant execute on functions to lumbung_app;

-- The context set by withTenant / withPerson / withSystem (platform/db/database.ts).
create function app_cooperative_id() returns uuid language sql stable as
  $$ select nullif(current_setting('app.cooperative_id', true), '')::uuid $$;
create function app_person_id() returns uuid language sql stable as
  $$ select nullif(current_setting('app.person_id', true), '')::uuid $$;
create function app_is_system() returns boolean language sql stable as
  $$ select coalesce(current_setting('app.system', true), '') = 'on' $$;
