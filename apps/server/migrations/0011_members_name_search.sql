-- why: pg_trgm's operators are not leakproof, so under row-level security the planner cannot use the trigram index and scans every member; this definer function filters the tenant itself and lets the index work.
-- Membership ids of the caller's cooperative whose name resembles or contains `query`, exact
-- substrings first, then by similarity. The tenant comes from the transaction's context, never
-- from an argument, so it reveals nothing a tenant query could not.
create function search_member_ids_by_name(query text, result_limit integer) returns table (membership_id uuid)
  language sql stable security definer set search_path = public as $$
    select m.membership_id
    from members m
    where m.cooperative_id = app_cooperative_id()
      and (lower(m.full_name) % lower(query) or lower(m.full_name) like '%' || lower(query) || '%')
    order by (lower(m.full_name) like '%' || lower(query) || '%') desc,
             similarity(lower(m.full_name), lower(query)) desc, m.member_number
    limit result_limit
  $$;
revoke all on function search_member_ids_by_name(text, integer) from public;
grant execute on function search_member_ids_by_name(text, integer) to lumbung_app;
