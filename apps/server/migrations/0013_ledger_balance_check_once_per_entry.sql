-- why: the per-line balance check summed every line of its entry at commit, so an entry of N lines cost N² row visits (a month-end interest entry of 1,000 member lines: a million) and every line paid a trigger call; entries are now checked once each, set-based.
-- Two guards remain, together as strict as before:
-- 1. journal_entries_balanced (0006, unchanged): every entry row written in a transaction is
--    checked at commit, once, with all its lines in.
-- 2. journal_lines_balanced_after_statement (below): lines added to an entry that an earlier
--    transaction wrote (which guard 1 no longer watches) are checked at the end of the statement
--    that adds them. Entries this transaction wrote are left to guard 1, so their lines may come
--    in several statements. "This transaction" is the top-level transaction id; an entry written
--    inside a savepoint carries its subtransaction's id, so its lines are checked at the end of
--    their statement too, which holds for the ledger's single-statement writes.
drop trigger journal_lines_balanced on journal_lines;

create function journal_lines_must_balance() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  unbalanced record;
begin
  select t.entry_id, t.debits, t.credits, t.line_count, e.total_amount
    into unbalanced
    from (select distinct cooperative_id, entry_id from new_lines) n
    join journal_entries e on e.cooperative_id = n.cooperative_id and e.id = n.entry_id
    cross join lateral (
      select l.entry_id,
        coalesce(sum(l.amount) filter (where l.side = 'debit'), 0) as debits,
        coalesce(sum(l.amount) filter (where l.side = 'credit'), 0) as credits,
        count(*) as line_count
      from journal_lines l where l.cooperative_id = n.cooperative_id and l.entry_id = n.entry_id
      group by l.entry_id) t
    where e.xmin::text <> (pg_current_xact_id()::text::numeric % 4294967296)::text
      and (t.line_count < 2 or t.debits <> t.credits or e.total_amount is distinct from t.debits)
    limit 1;
  if found then
    raise exception 'journal entry % is not balanced: debits %, credits %, % lines, total %',
      unbalanced.entry_id, unbalanced.debits, unbalanced.credits, unbalanced.line_count, unbalanced.total_amount
      using errcode = '23514', hint = 'ledger.entry_not_balanced';
  end if;
  return null;
end $$;

create trigger journal_lines_balanced_after_statement after insert on journal_lines
  referencing new table as new_lines
  for each statement execute function journal_lines_must_balance();
