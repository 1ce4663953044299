-- why: the loan day-end writes a position per running loan every day, and per-row foreign-key lookups plus a correlated subquery per installment made it several times slower than one UPDATE plus one INSERT over the same loans.

-- The current schedule of a loan is version 1, or the version its last reschedule created
-- (reschedule-loan writes the reschedule row and its installments together). Found through the
-- few reschedules instead of a max() subquery per installment row.
create or replace view loan_current_installments with (security_invoker = true) as
  select i.* from loan_installments i
  left join (select r.cooperative_id, r.loan_id, max(r.schedule_version) as schedule_version
             from loan_reschedules r group by r.cooperative_id, r.loan_id) v
    on v.cooperative_id = i.cooperative_id and v.loan_id = i.loan_id
  where i.schedule_version = coalesce(v.schedule_version, 1);

-- Positions are only ever inserted (update, delete and truncate are revoked), and loans and runs
-- are never deleted by the app, so the references need checking once, when the rows go in: one
-- set-based check per statement instead of a key lookup and a row lock on the loan per position.
alter table loan_day_end_positions
  drop constraint loan_day_end_positions_cooperative_id_business_date_fkey,
  drop constraint loan_day_end_positions_cooperative_id_loan_id_fkey;

create function loan_day_end_positions_check_references() returns trigger
language plpgsql as $$
begin
  if exists (select 1 from inserted n
             left join loans l on l.cooperative_id = n.cooperative_id and l.id = n.loan_id
             where l.id is null) then
    raise foreign_key_violation using
      message = 'loan_day_end_positions: a position names a loan that does not exist';
  end if;
  if exists (select 1 from (select distinct cooperative_id, business_date from inserted) n
             left join loan_day_end_runs r
               on r.cooperative_id = n.cooperative_id and r.business_date = n.business_date
             where r.business_date is null) then
    raise foreign_key_violation using
      message = 'loan_day_end_positions: a position names a day-end run that does not exist';
  end if;
  return null;
end $$;

create trigger loan_day_end_positions_references
  after insert on loan_day_end_positions
  referencing new table as inserted
  for each statement execute function loan_day_end_positions_check_references();
