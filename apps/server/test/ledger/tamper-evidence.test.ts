import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCheckpoint,
  listCheckpoints,
  postJournalEntry,
  verifyCooperativeLedger,
  type PostedEntry,
} from '../../src/modules/ledger/index.js';
import { chainHashOf, contentHashOf } from '../../src/modules/ledger/rules/entry-hash.js';
import { connectPglite } from '../../src/platform/db/connect-pglite.js';
import { withSystem, type Database } from '../../src/platform/db/database.js';
import { givenCooperative } from '../harness/builders.js';
import { runCli } from '../harness/cli-process.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

/** Books of one cooperative with `count` entries of cash against revenue, 1,000 × n rupiah each. */
async function givenPostedBooks(db: Database, count: number, cooperativeId?: string) {
  const id = cooperativeId ?? (await givenCooperative(db)).id;
  const chart = await chartOf(db, id);
  const cash = chart.id('1-1101');
  const revenue = chart.id('4-1301');
  const entries: PostedEntry[] = [];
  for (let n = 1; n <= count; n++) {
    const amount = BigInt(n) * 1_000n;
    entries.push(
      await inLedger(db, id, (ctx) =>
        postJournalEntry(ctx, anEntry([debit(cash, amount), credit(revenue, amount)])),
      ),
    );
  }
  return { cooperativeId: id, cash, revenue, entries };
}

function entryAt(entries: PostedEntry[], sequence: number): PostedEntry {
  const entry = entries.find((candidate) => candidate.sequence === sequence);
  if (!entry) throw new Error(`no entry ${sequence}`);
  return entry;
}

/**
 * What an intruder with the superuser's password can do: switch the triggers off for one
 * transaction (session_replication_role = replica) and rewrite journal rows.
 */
async function tamper(db: Database, statements: [string, unknown[]][]) {
  const [role] = await db.admin.query<{ rolsuper: boolean }>(
    'select rolsuper from pg_roles where rolname = current_user',
  );
  if (!role?.rolsuper) {
    throw new Error('tampering needs a superuser admin connection (DATABASE_ADMIN_URL=postgres)');
  }
  await db.admin.transaction(async (admin) => {
    await admin.exec('set local session_replication_role = replica');
    for (const [text, params] of statements) await admin.query(text, params);
  });
}

const verify = (db: Database, cooperativeId: string) =>
  withSystem(db, 'test verifies a ledger', (tx) => verifyCooperativeLedger(tx, cooperativeId));

describe(`tamper evidence of the hash chain on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
  });
  afterAll(() => test.drop());

  it('finds nothing wrong in books nobody touched, and reports the head the last entry made', async () => {
    const books = await givenPostedBooks(db, 5);

    const report = await verify(db, books.cooperativeId);

    expect(report).toEqual({
      cooperativeId: books.cooperativeId,
      entryCount: 5,
      headHash: entryAt(books.entries, 5).hash,
      problems: [],
    });
  });

  it('names the first broken entry by sequence and id, and the balance that no longer adds up, when a line amount is edited', async () => {
    const books = await givenPostedBooks(db, 5);
    const neighbour = await givenPostedBooks(db, 2);
    const broken = entryAt(books.entries, 3);

    await tamper(db, [
      [
        `update journal_lines set amount = amount + 500
          where cooperative_id = $1 and entry_id = $2 and line_number = 1`,
        [books.cooperativeId, broken.id],
      ],
    ]);
    const report = await verify(db, books.cooperativeId);

    expect(report.problems[0]).toMatchObject({
      kind: 'content_hash',
      sequence: 3,
      entryId: broken.id,
    });
    expect(report.problems.map((problem) => [problem.kind, problem.sequence])).toEqual(
      expect.arrayContaining([
        ['content_hash', 3],
        ['chain_hash', 3],
        ['unbalanced_entry', 3],
        ['balance', null],
      ]),
    );
    expect(
      report.problems.filter((problem) => problem.sequence !== null && problem.sequence !== 3),
    ).toEqual([]);
    const balanceProblems = report.problems.filter((problem) => problem.kind === 'balance');
    expect(balanceProblems).toEqual([
      expect.objectContaining({
        accountId: books.cash,
        detail: 'account 1-1101: maintained 15000/0, lines sum to 15500/0',
      }),
    ]);
    expect((await verify(db, neighbour.cooperativeId)).problems).toEqual([]);
  });

  it('catches a careful forger who edits both lines, the total and the maintained balances alike', async () => {
    const books = await givenPostedBooks(db, 4);
    const broken = entryAt(books.entries, 2);

    await tamper(db, [
      [
        `update journal_lines set amount = amount + 700 where cooperative_id = $1 and entry_id = $2`,
        [books.cooperativeId, broken.id],
      ],
      [
        `update journal_entries set total_amount = total_amount + 700 where cooperative_id = $1 and id = $2`,
        [books.cooperativeId, broken.id],
      ],
      [
        `update ledger_balances set debit_total = debit_total + 700 where cooperative_id = $1 and account_id = $2`,
        [books.cooperativeId, books.cash],
      ],
      [
        `update ledger_balances set credit_total = credit_total + 700 where cooperative_id = $1 and account_id = $2`,
        [books.cooperativeId, books.revenue],
      ],
    ]);
    const report = await verify(db, books.cooperativeId);

    expect(
      report.problems.map((problem) => [problem.kind, problem.sequence, problem.entryId]),
    ).toEqual([
      ['content_hash', 2, broken.id],
      ['chain_hash', 2, broken.id],
      // The head's debit total (published in checkpoints) no longer equals the entries' totals.
      ['head', 4, null],
    ]);
  });

  it('catches a rewritten memo', async () => {
    const books = await givenPostedBooks(db, 3);
    const broken = entryAt(books.entries, 1);

    await tamper(db, [
      [
        `update journal_entries set memo = 'Setoran yang tidak pernah ada' where cooperative_id = $1 and id = $2`,
        [books.cooperativeId, broken.id],
      ],
    ]);

    expect((await verify(db, books.cooperativeId)).problems[0]).toMatchObject({
      kind: 'content_hash',
      sequence: 1,
      entryId: broken.id,
    });
  });

  it('catches an entry deleted from the middle of the chain at the entry after the gap', async () => {
    const books = await givenPostedBooks(db, 4);
    const removed = entryAt(books.entries, 2);
    const next = entryAt(books.entries, 3);

    await tamper(db, [
      [
        'delete from journal_lines where cooperative_id = $1 and entry_id = $2',
        [books.cooperativeId, removed.id],
      ],
      [
        'delete from journal_entries where cooperative_id = $1 and id = $2',
        [books.cooperativeId, removed.id],
      ],
    ]);
    const report = await verify(db, books.cooperativeId);

    expect(report.problems[0]).toMatchObject({
      kind: 'sequence_gap',
      sequence: 3,
      entryId: next.id,
    });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'chain_hash', sequence: 3, entryId: next.id }),
        expect.objectContaining({ kind: 'balance', accountId: books.cash }),
      ]),
    );
  });

  it('catches a line moved to another business date, which every as-of report reads', async () => {
    const books = await givenPostedBooks(db, 3);
    const broken = entryAt(books.entries, 2);

    await tamper(db, [
      [
        `update journal_lines set business_date = '2025-12-31'
          where cooperative_id = $1 and entry_id = $2 and line_number = 1`,
        [books.cooperativeId, broken.id],
      ],
    ]);

    expect((await verify(db, books.cooperativeId)).problems[0]).toMatchObject({
      sequence: 2,
      entryId: broken.id,
    });
  });

  it('catches a rewritten preparer or approver of an entry (the maker and the checker)', async () => {
    const books = await givenPostedBooks(db, 1);
    const maker = randomUUID();
    const checker = randomUUID();
    const approved = await inLedger(db, books.cooperativeId, (ctx) =>
      postJournalEntry(
        ctx,
        anEntry([debit(books.cash, 500n), credit(books.revenue, 500n)], {
          sourceType: 'ledger.manual',
          postedBy: maker,
          approvedBy: checker,
        }),
      ),
    );

    await tamper(db, [
      [
        'update journal_entries set approved_by = posted_by where cooperative_id = $1 and id = $2',
        [books.cooperativeId, approved.id],
      ],
    ]);

    expect((await verify(db, books.cooperativeId)).problems[0]).toMatchObject({
      kind: 'content_hash',
      sequence: 2,
      entryId: approved.id,
    });
  });

  it('catches a rewritten line memo', async () => {
    const books = await givenPostedBooks(db, 2);
    const broken = entryAt(books.entries, 1);

    await tamper(db, [
      [
        `update journal_lines set memo = 'Titipan ketua' where cooperative_id = $1 and entry_id = $2`,
        [books.cooperativeId, broken.id],
      ],
    ]);

    expect((await verify(db, books.cooperativeId)).problems[0]).toMatchObject({
      kind: 'content_hash',
      sequence: 1,
      entryId: broken.id,
    });
  });

  it('reports a chain head whose debit total, which checkpoints publish, no longer matches the entries', async () => {
    const books = await givenPostedBooks(db, 2);

    // No trigger guards the chain head, so even the application role can do this.
    await db.admin.query(
      'update ledger_chain_heads set debit_total = debit_total + 1000000 where cooperative_id = $1',
      [books.cooperativeId],
    );

    expect((await verify(db, books.cooperativeId)).problems).toEqual([
      expect.objectContaining({ kind: 'head' }),
    ]);
  });

  it('shows a forger who recomputes the whole chain no longer reaching the published checkpoint', async () => {
    const books = await givenPostedBooks(db, 3);
    const published = await inLedger(db, books.cooperativeId, (ctx) =>
      createCheckpoint(ctx, { checkpointDate: '2026-03-15' }),
    );
    const broken = entryAt(books.entries, 2);

    await tamper(db, [
      [
        `update journal_lines set amount = amount + 900 where cooperative_id = $1 and entry_id = $2`,
        [books.cooperativeId, broken.id],
      ],
      [
        `update journal_entries set total_amount = total_amount + 900 where cooperative_id = $1 and id = $2`,
        [books.cooperativeId, broken.id],
      ],
      [
        `update ledger_balances set debit_total = debit_total + 900 where cooperative_id = $1 and account_id = $2`,
        [books.cooperativeId, books.cash],
      ],
      [
        `update ledger_balances set credit_total = credit_total + 900 where cooperative_id = $1 and account_id = $2`,
        [books.cooperativeId, books.revenue],
      ],
    ]);
    await rehashChain(db, books.cooperativeId);

    const report = await verify(db, books.cooperativeId);
    expect(report.problems).toEqual([]); // the books agree with themselves again…
    expect(report.headHash).not.toBe(published.headHash); // …but not with what outsiders hold
    const checkpoints = await inLedger(db, books.cooperativeId, (ctx) =>
      listCheckpoints(ctx, { beforeDate: null, limit: 10 }),
    );
    expect(checkpoints.items[0]?.headHash).toBe(published.headHash);
    expect(checkpoints.head?.lastHash).toBe(report.headHash);
  });
});

/** The forger's last step: recompute every content hash and the whole chain, then the head. */
async function rehashChain(db: Database, cooperativeId: string) {
  await db.admin.transaction(async (admin) => {
    await admin.exec('set local session_replication_role = replica');
    const entries = await admin.query<{
      id: string;
      sequence: bigint | number;
      business_date: string;
      source_type: string;
      source_id: string;
      memo: string;
      idempotency_key: string;
      reverses_entry_id: string | null;
      posted_by: string | null;
      approved_by: string | null;
      lines: { accountId: string; side: 'debit' | 'credit'; amount: string; memo: string | null }[];
    }>(
      `select e.id, e.sequence, to_char(e.business_date, 'YYYY-MM-DD') as business_date,
         e.source_type, e.source_id, e.memo, e.idempotency_key, e.reverses_entry_id, e.posted_by, e.approved_by,
         (select json_agg(json_build_object('accountId', l.account_id, 'side', l.side,
            'amount', l.amount::text, 'memo', l.memo) order by l.line_number)
          from journal_lines l where l.cooperative_id = e.cooperative_id and l.entry_id = e.id) as lines
       from journal_entries e where e.cooperative_id = $1 order by e.sequence`,
      [cooperativeId],
    );
    let previousHash = '0'.repeat(64);
    for (const entry of entries) {
      const contentHash = contentHashOf({
        cooperativeId,
        businessDate: entry.business_date,
        sourceType: entry.source_type,
        sourceId: entry.source_id,
        memo: entry.memo,
        idempotencyKey: entry.idempotency_key,
        reversesEntryId: entry.reverses_entry_id,
        postedBy: entry.posted_by,
        approvedBy: entry.approved_by,
        lines: entry.lines.map((line) => ({ ...line, amount: BigInt(line.amount) })),
      });
      const hash = chainHashOf(previousHash, Number(entry.sequence), entry.id, contentHash);
      await admin.query(
        `update journal_entries set content_hash = $3, prev_hash = $4, hash = $5
          where cooperative_id = $1 and id = $2`,
        [cooperativeId, entry.id, contentHash, previousHash, hash],
      );
      previousHash = hash;
    }
    await admin.query(
      `update ledger_chain_heads set last_hash = $2,
         debit_total = (select sum(total_amount) from journal_entries where cooperative_id = $1)
       where cooperative_id = $1`,
      [cooperativeId, previousHash],
    );
  });
}

describe('lumbung verify and lumbung checkpoint (the CLI, on PGlite in its own data directory)', () => {
  let dataDir: string;
  let cooperativeId: string;
  let entries: PostedEntry[];

  /** PGlite allows one process per data directory: open, work, close before the CLI runs. */
  async function withDataDir<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await connectPglite(path.join(dataDir, 'pglite'));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-verify-'));
    const created = await runCli(dataDir, [
      'create-cooperative',
      '--name',
      'Kopdit Uji Verifikasi',
      '--legal-entity-number',
      'AHU-VERIFY-1',
      '--type',
      'simpan_pinjam',
      '--district',
      '5310',
    ]);
    if (created.exitCode !== 0) throw new Error(`create-cooperative failed: ${created.stderr}`);
    cooperativeId = (JSON.parse(created.stdout) as { id: string }).id;
    entries = await withDataDir(
      async (db) => (await givenPostedBooks(db, 3, cooperativeId)).entries,
    );
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 and prints OK with the entry count and head hash of untouched books', async () => {
    const run = await runCli(dataDir, ['verify']);

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `OK      ${cooperativeId}  3 entries  head ${entryAt(entries, 3).hash}`,
    );
    expect(run.stdout).toContain('1 of 1 ledgers verified');
    expect(run.stderr).not.toContain('BROKEN');
  }, 120_000);

  it('publishes the head hash verify reports as a checkpoint, once per date', async () => {
    const first = await runCli(dataDir, ['checkpoint', '--date', '2026-03-15']);
    const again = await runCli(dataDir, ['checkpoint', '--date', '2026-03-15']);

    expect(first.exitCode, first.stderr).toBe(0);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(first.stdout).toContain('Published 2026-03-15 checkpoints for 1 cooperatives');
    const rows = await withDataDir((db) =>
      db.admin.query<{ checkpoint_date: string; last_sequence: bigint; head_hash: string }>(
        'select checkpoint_date, last_sequence, head_hash from ledger_checkpoints where cooperative_id = $1',
        [cooperativeId],
      ),
    );
    expect(rows).toEqual([
      { checkpoint_date: '2026-03-15', last_sequence: 3n, head_hash: entryAt(entries, 3).hash },
    ]);
  }, 120_000);

  it('exits non-zero and prints BROKEN with the first broken entry after a line was edited', async () => {
    const broken = entryAt(entries, 2);
    await withDataDir((db) =>
      tamper(db, [
        [
          `update journal_lines set amount = 1 where cooperative_id = $1 and entry_id = $2 and line_number = 2`,
          [cooperativeId, broken.id],
        ],
      ]),
    );

    const run = await runCli(dataDir, ['verify']);

    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`BROKEN  ${cooperativeId}`);
    expect(run.stderr).toContain(`first: content_hash at entry ${broken.id} (sequence 2)`);
    expect(run.stderr).toMatch(/balance sequence - entry - account [0-9a-f-]{36}: account 4-1301/);
    expect(run.stdout).toContain('0 of 1 ledgers verified');
    expect(run.stdout).not.toContain(`OK      ${cooperativeId}`);
  }, 120_000);
});
