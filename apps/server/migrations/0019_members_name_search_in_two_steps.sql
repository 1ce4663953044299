-- why: ranking every trigram candidate by similarity cost tens of milliseconds at 100,000 members, because names share their trigrams (thousands of candidates per fragment); a name that contains the typed text is now found by the index alone, in member-number order, and the fuzzy ranking runs only when those are too few (a typo), on word similarity with a firm threshold.
-- Membership ids of the caller's cooperative whose name contains `query` (in member-number
-- order), then, when those are fewer than `result_limit`, names that resemble it (a typo, or
-- part of a name: word similarity ≥ 0.6, best first). EXECUTE plans each query with its values,
-- so the trigram index is used for the actual pattern. The tenant comes from the transaction's
-- context, never from an argument.
create or replace function search_member_ids_by_name(query text, result_limit integer) returns table (membership_id uuid)
  language plpgsql stable security definer set search_path = public
  set pg_trgm.word_similarity_threshold = 0.6 as $$
declare
  needle text := lower(query);
  pattern text := '%' || lower(query) || '%';
  found_count integer;
begin
  return query execute
    'select m.membership_id from members m
     where m.cooperative_id = app_cooperative_id() and lower(m.full_name) like $1
     order by m.member_number limit $2'
    using pattern, result_limit;
  get diagnostics found_count = row_count;
  if found_count < result_limit then
    return query execute
      'select m.membership_id from members m
       where m.cooperative_id = app_cooperative_id() and $1 <% lower(m.full_name)
         and lower(m.full_name) not like $2
       order by word_similarity($1, lower(m.full_name)) desc, m.member_number limit $3'
      using needle, pattern, result_limit - found_count;
  end if;
end $$;
