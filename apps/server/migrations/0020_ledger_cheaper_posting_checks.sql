-- why: a batch posting paid a trigger call per entry twice (the open-period check and a commit-time balance check that serialised each row to jsonb and read the entry back), and the after-statement balance check summed every entry before asking whether it had to; the same checks now cost one call per statement, or one indexed read per entry at commit.

-- 1. The commit-time balance check of each entry written in the transaction (0006): the same
--    test, but it takes the entry's id and declared total from the row itself instead of
--    converting the row to jsonb to find the id and reading the entry back, and sums its lines in
--    one indexed read.
create function journal_entry_must_balance_at_commit() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  debits bigint;
  credits bigint;
  line_count integer;
begin
  select coalesce(sum(amount) filter (where side = 'debit'), 0), coalesce(sum(amount) filter (where side = 'credit'), 0), count(*)
    into debits, credits, line_count
    from journal_lines where cooperative_id = new.cooperative_id and entry_id = new.id;
  if line_count < 2 or debits <> credits or new.total_amount is distinct from debits then
    raise exception 'journal entry % is not balanced: debits %, credits %, % lines, total %',
      new.id, debits, credits, line_count, new.total_amount
      using errcode = '23514', hint = 'ledger.entry_not_balanced';
  end if;
  return null;
end $$;

drop trigger journal_entries_balanced on journal_entries;
create constraint trigger journal_entries_balanced after insert on journal_entries
  deferrable initially deferred for each row execute function journal_entry_must_balance_at_commit();
drop function journal_entry_must_balance();

-- 2. Posting into a closed month (0006): checked once per statement over the statement's new
--    entries instead of once per row. Either way the statement fails and nothing of it stays.
create function journal_entries_must_be_in_open_periods() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  closed_date date;
begin
  select n.business_date into closed_date
    from new_entries n
    join ledger_periods p on p.cooperative_id = n.cooperative_id
      and p.period_month = date_trunc('month', n.business_date)::date
    limit 1;
  if found then
    raise exception 'period % is closed', to_char(closed_date, 'YYYY-MM')
      using errcode = 'P0001', hint = 'ledger.period_closed';
  end if;
  return null;
end $$;

drop trigger journal_entries_open_period on journal_entries;
create trigger journal_entries_open_period after insert on journal_entries
  referencing new table as new_entries
  for each statement execute function journal_entries_must_be_in_open_periods();
drop function journal_period_must_be_open();

-- 3. One pass over the entries a statement adds lines to, at the end of the statement, in place of
--    two per-line checks (a foreign key trigger call per line, and 0013's check, which summed every
--    entry before asking whether it had to):
--    a. every line's entry exists. This replaces the foreign key journal_lines → journal_entries,
--       and is as strict: the key was checked at the end of the statement too (not deferrable),
--       and its other duties have no work left, because an entry can never be deleted or have its
--       key changed (journal_entries_append_only refuses UPDATE and DELETE to every role, TRUNCATE
--       is refused by journal_entries_no_truncate, and the app role holds none of those
--       privileges), so there is no referenced row to protect and no lock to take on it. The
--       lines' other key, to ledger_accounts, whose rows can change, stays a foreign key.
--    b. lines added to an entry an earlier transaction wrote balance with the entry's other lines
--       (0013's guard 2, unchanged): the transaction id is now computed once, and only entries of
--       earlier transactions are summed. A batch posting its own entries sums nothing here; the
--       commit-time check (1.) sees them.
create function journal_lines_must_have_entries_and_balance() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  this_transaction text := (pg_current_xact_id()::text::numeric % 4294967296)::text;
  problem record;
begin
  with statement_entries as materialized (
    select n.cooperative_id, n.entry_id, e.id is not null as is_found,
      e.id is not null and e.xmin::text <> this_transaction as is_earlier, e.total_amount
    from (select distinct cooperative_id, entry_id from new_lines) n
    left join journal_entries e on e.cooperative_id = n.cooperative_id and e.id = n.entry_id
  )
  select s.entry_id, s.is_found, t.debits, t.credits, t.line_count, s.total_amount
    into problem
    from statement_entries s
    cross join lateral (
      -- Summed for entries of earlier transactions only (s.is_earlier gates the scan).
      select coalesce(sum(l.amount) filter (where l.side = 'debit'), 0) as debits,
        coalesce(sum(l.amount) filter (where l.side = 'credit'), 0) as credits,
        count(*) as line_count
      from journal_lines l
      where s.is_earlier and l.cooperative_id = s.cooperative_id and l.entry_id = s.entry_id) t
    where not s.is_found
      or (s.is_earlier and (t.line_count < 2 or t.debits <> t.credits or s.total_amount is distinct from t.debits))
    order by s.is_found
    limit 1;
  if not found then
    return null;
  elsif not problem.is_found then
    raise exception 'journal lines refer to entry %, which does not exist', problem.entry_id
      using errcode = '23503', hint = 'ledger.entry_not_found';
  else
    raise exception 'journal entry % is not balanced: debits %, credits %, % lines, total %',
      problem.entry_id, problem.debits, problem.credits, problem.line_count, problem.total_amount
      using errcode = '23514', hint = 'ledger.entry_not_balanced';
  end if;
end $$;

drop trigger journal_lines_balanced_after_statement on journal_lines;
drop function journal_lines_must_balance();
alter table journal_lines drop constraint journal_lines_cooperative_id_entry_id_fkey;
create trigger journal_lines_checked_after_statement after insert on journal_lines
  referencing new table as new_lines
  for each statement execute function journal_lines_must_have_entries_and_balance();
