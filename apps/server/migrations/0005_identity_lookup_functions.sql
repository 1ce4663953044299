-- why: registration and login must find a person by NIK or phone across cooperatives without granting any tenant sight of other tenants' people; these definer functions reveal only the id.
create function person_id_by_nik(candidate text) returns uuid
  language sql stable security definer set search_path = public as
  $$ select id from people where nik = candidate $$;

create function person_id_by_phone(candidate text) returns uuid
  language sql stable security definer set search_path = public as
  $$ select id from people where phone = candidate $$;

revoke all on function person_id_by_nik(text) from public;
revoke all on function person_id_by_phone(text) from public;
grant execute on function person_id_by_nik(text) to lumbung_app;
grant execute on function person_id_by_phone(text) to lumbung_app;
