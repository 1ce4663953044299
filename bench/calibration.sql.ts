/**
 * The SQL of the calibration probes. Everything lives in the schema `bench_calibration`, created
 * fresh at the start of each calibration and dropped at its end.
 */

export const CALIBRATION_SCHEMA = 'bench_calibration';

export const dropSchemaSql = `DROP SCHEMA IF EXISTS ${CALIBRATION_SCHEMA} CASCADE`;
export const createSchemaSql = `CREATE SCHEMA ${CALIBRATION_SCHEMA}`;

// Plain-SQL transfers: the pgbench TPC-B "DebitCredit" shape without an application in between.

export const createAccountsTableSql = `
  CREATE TABLE ${CALIBRATION_SCHEMA}.bench_accounts (
    id bigint PRIMARY KEY,
    balance bigint NOT NULL
  )`;

export const createTransfersTableSql = `
  CREATE TABLE ${CALIBRATION_SCHEMA}.bench_transfers (
    id bigserial PRIMARY KEY,
    debit bigint NOT NULL,
    credit bigint NOT NULL,
    amount bigint NOT NULL
  )`;

/** $1 account count, $2 opening balance of each account. */
export const openAccountsSql = `
  INSERT INTO ${CALIBRATION_SCHEMA}.bench_accounts (id, balance)
  SELECT account_id, $2::bigint FROM generate_series(1, $1::bigint) AS account_id`;

export const analyzeAccountsSql = `ANALYZE ${CALIBRATION_SCHEMA}.bench_accounts`;

/** $1 account id, $2 amount. */
export const debitAccountSql = `
  UPDATE ${CALIBRATION_SCHEMA}.bench_accounts SET balance = balance - $2::bigint WHERE id = $1::bigint`;

/** $1 account id, $2 amount. */
export const creditAccountSql = `
  UPDATE ${CALIBRATION_SCHEMA}.bench_accounts SET balance = balance + $2::bigint WHERE id = $1::bigint`;

/** $1 debit account, $2 credit account, $3 amount. */
export const insertTransferSql = `
  INSERT INTO ${CALIBRATION_SCHEMA}.bench_transfers (debit, credit, amount)
  VALUES ($1::bigint, $2::bigint, $3::bigint)`;

export const countTransfersSql = `
  SELECT count(*)::text AS count FROM ${CALIBRATION_SCHEMA}.bench_transfers`;

export const sumBalancesSql = `
  SELECT coalesce(sum(balance), 0)::text AS total FROM ${CALIBRATION_SCHEMA}.bench_accounts`;

/** Accounts whose balance differs from opening balance ($1) plus credits minus debits. */
export const countUnreconciledAccountsSql = `
  WITH movements AS (
    SELECT debit AS account_id, -amount AS delta FROM ${CALIBRATION_SCHEMA}.bench_transfers
    UNION ALL
    SELECT credit, amount FROM ${CALIBRATION_SCHEMA}.bench_transfers
  ), net AS (
    SELECT account_id, sum(delta) AS delta FROM movements GROUP BY account_id
  )
  SELECT count(*)::text AS count
  FROM ${CALIBRATION_SCHEMA}.bench_accounts AS account
  LEFT JOIN net ON net.account_id = account.id
  WHERE account.balance <> $1::bigint + coalesce(net.delta, 0)`;

// Batched appends shaped like journal lines.

export const createLinesTableSql = `
  CREATE TABLE ${CALIBRATION_SCHEMA}.bench_lines (
    entry_id bigint NOT NULL,
    account_id bigint NOT NULL,
    amount bigint NOT NULL
  )`;

export const createLinesAccountIndexSql = `
  CREATE INDEX bench_lines_account_id ON ${CALIBRATION_SCHEMA}.bench_lines (account_id)`;

/** $1 entry ids, $2 account ids, $3 signed amounts; one statement, one commit. */
export const insertLinesSql = `
  INSERT INTO ${CALIBRATION_SCHEMA}.bench_lines (entry_id, account_id, amount)
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])`;

export const summarizeLinesSql = `
  SELECT count(*)::text AS count, coalesce(sum(amount), 0)::text AS total
  FROM ${CALIBRATION_SCHEMA}.bench_lines`;
