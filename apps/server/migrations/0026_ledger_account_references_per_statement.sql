-- why: a posting of N member lines paid N foreign-key trigger calls to find each line's account (and the SHU counters N more to find the cooperative), the largest cost of a year-end SHU distribution after the rows themselves; the same guarantees now cost one set-based check per statement, and the distribution's member rows keep room for the "paid" mark to be written in place.

-- 1. Ledger accounts are permanent: never deleted, their keys never changed (an account that is no
--    longer used is deactivated). Every role is refused, as journal rows are (0006), so a line's
--    account, once found, cannot go away or be renamed under it.
create function ledger_account_keys_are_permanent() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.cooperative_id = old.cooperative_id and new.id = old.id then
    return new;
  end if;
  raise exception 'ledger accounts are permanent: % of account % refused; deactivate it instead', tg_op, old.id
    using errcode = 'P0001', hint = 'ledger.account_permanent';
end $$;

create trigger ledger_accounts_permanent before update of cooperative_id, id or delete on ledger_accounts
  for each row execute function ledger_account_keys_are_permanent();
create trigger ledger_accounts_no_truncate before truncate on ledger_accounts
  for each statement execute function journal_refuse_change();
revoke delete, truncate on ledger_accounts from lumbung_app;

-- 2. Every line's account exists in the line's cooperative: checked once per statement over the
--    statement's distinct accounts, with 0020's checks, in place of the foreign key journal_lines →
--    ledger_accounts and its trigger call per line. As strict: the key was checked at the end of the
--    statement too (not deferrable), and its other duty (refusing to delete or re-key a referenced
--    account) is 1. above, for every account.
create or replace function journal_lines_must_have_entries_and_balance() returns trigger language plpgsql security definer
  set search_path = public as $$
declare
  this_transaction text := (pg_current_xact_id()::text::numeric % 4294967296)::text;
  missing_account uuid;
  problem record;
begin
  select n.account_id into missing_account
    from (select distinct cooperative_id, account_id from new_lines) n
    where not exists (select 1 from ledger_accounts a where a.cooperative_id = n.cooperative_id and a.id = n.account_id)
    limit 1;
  if found then
    raise exception 'journal lines refer to account %, which does not exist in their cooperative', missing_account
      using errcode = '23503', hint = 'ledger.account_not_found';
  end if;
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

alter table journal_lines drop constraint journal_lines_cooperative_id_account_id_fkey;

-- 3. The SHU counters name their cooperative through the journal line that made them (only the
--    counters' trigger writes them, from lines whose entries reference the cooperative), so their
--    own foreign key to cooperatives checked, once per counter row, what was already true.
alter table shu_member_counters drop constraint shu_member_counters_cooperative_id_fkey;
alter table shu_year_counters drop constraint shu_year_counters_cooperative_id_fkey;

-- 4. Posting a distribution marks each paid member's row with the account paid; with room on the
--    page that update is written in place (no index entry), as for ledger_balances (0014).
alter table shu_distribution_members set (fillfactor = 50);
