-- why: every posting that touches a member's capital or participation adds to that member's counter row in the same transaction, and with full pages each of those updates moved the row to another page and wrote an entry in both of the table's indexes; leaving room on the page lets PostgreSQL update in place (a HOT update: no index write), as 0014 does for ledger_balances.
-- Pages written from now on keep the room; a VACUUM FULL gives it to the pages already written.
alter table shu_member_counters set (fillfactor = 70);
alter table shu_year_counters set (fillfactor = 50);
