-- why: every posting rewrites its accounts' balance rows; with full pages each rewrite moved the row to another page and added an index entry, and leaving room on the page lets PostgreSQL update in place (a HOT update: no index write).
alter table ledger_balances set (fillfactor = 70);
alter table ledger_chain_heads set (fillfactor = 50);
