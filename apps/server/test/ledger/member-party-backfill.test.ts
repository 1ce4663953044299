import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openMemberSubAccount,
  postJournalEntries,
  verifyCooperativeLedger,
  type EntryLineInput,
} from '../../src/modules/ledger/index.js';
import { seedRegions } from '../../src/modules/cooperatives/index.js';
import { verifyShuCounters } from '../../src/modules/shu/index.js';
import { withSystem, withTenant, type Database } from '../../src/platform/db/database.js';
import { defaultMigrationsDir, migrate } from '../../src/platform/db/migrate.js';
import { givenCooperative } from '../harness/builders.js';
import type { TestDatabase } from '../harness/database.js';
import { createEmptyDatabase } from '../harness/empty-database.js';
import { writeEntryBySql } from '../harness/entry-by-sql.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

const partyMigration = '0025_ledger_lines_member_party.sql';

/** The real migrations up to (not including) the one that adds the member party. */
function migrationsBeforeParty(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-before-party-'));
  for (const file of fs.readdirSync(defaultMigrationsDir).sort()) {
    if (file >= partyMigration) break;
    fs.copyFileSync(path.join(defaultMigrationsDir, file), path.join(dir, file));
  }
  return dir;
}

/**
 * Books posted before migration 0025 get their entries' member party on every line, the same
 * attribution the SHU counters made then by reading each entry's lines.
 */
describe(`migration 0025 stamps the member party on lines already posted, on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;
  let dir: string;
  let cooperativeId: string;
  let cash: string;
  let interest: string;
  const alice = { membershipId: randomUUID(), loan: '' };
  const bob = { membershipId: randomUUID(), loan: '' };

  /** An entry as the posting path wrote it before 0025 (no party), with its hashes and totals. */
  const postTheOldWay = (lines: EntryLineInput[]) =>
    writeEntryBySql(db, cooperativeId, { lines, memo: 'Ditulis sebelum 0025', parties: null });

  const partiesOf = async (entryId: string) =>
    (
      await db.admin.query<{ party: string | null }>(
        `select party_membership_id as party from journal_lines
         where cooperative_id = $1 and entry_id = $2 order by line_number`,
        [cooperativeId, entryId],
      )
    ).map((row) => row.party);

  const verifyAll = () =>
    withSystem(db, 'test verifies the books', async (tx) => ({
      ledger: (await verifyCooperativeLedger(tx, cooperativeId)).problems,
      shu: await verifyShuCounters({ tx, cooperativeId }),
    }));

  beforeAll(async () => {
    test = await createEmptyDatabase();
    db = test.db;
    dir = migrationsBeforeParty();
    await migrate(db, dir);
    await withSystem(db, 'test reference data', (tx) => seedRegions({ tx }));
    cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    cash = chart.id('1-1101');
    interest = chart.id('4-1201');
    for (const [index, member] of [alice, bob].entries()) {
      member.loan = (
        await withTenant(db, cooperativeId, (tx) =>
          openMemberSubAccount(
            { tx, cooperativeId, now: new Date('2026-03-15T03:00:00Z') },
            {
              controlCode: '1-1310',
              membershipId: member.membershipId,
              memberNumber: `B${index + 1}`,
              memberName: `Anggota ${index + 1}`,
            },
          ),
        )
      ).id;
    }
  });
  afterAll(async () => {
    await test.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives each old entry its one member, or none, and SHU's counters still equal the recompute", async () => {
    const alone = await postTheOldWay([
      debit(cash, 1_100n),
      credit(alice.loan, 1_000n),
      credit(interest, 100n),
    ]);
    const shared = await postTheOldWay([
      debit(cash, 300n),
      credit(alice.loan, 100n),
      credit(bob.loan, 100n),
      credit(interest, 100n),
    ]);
    const nobodys = await postTheOldWay([debit(cash, 250n), credit(interest, 250n)]);

    const { applied } = await migrate(db);

    // 0025 first, then any later migration (they build on it).
    expect(applied[0]).toBe('0025_ledger_lines_member_party');
    expect(await partiesOf(alone)).toEqual([
      alice.membershipId,
      alice.membershipId,
      alice.membershipId,
    ]);
    expect(await partiesOf(shared)).toEqual([null, null, null, null]);
    expect(await partiesOf(nobodys)).toEqual([null, null]);
    // The counters were kept before 0025 by reading each entry's lines; the recompute now reads
    // the stamp: they agree, and the ledger's own check finds every stamp right.
    expect(await verifyAll()).toEqual({ ledger: [], shu: { isConsistent: true, differences: [] } });
  });

  it('keeps journal lines append-only after the backfill', async () => {
    const refusal = await db.admin
      .query('update journal_lines set memo = $2 where cooperative_id = $1', [cooperativeId, 'x'])
      .then(
        () => null,
        (error: unknown) => error as { message?: string },
      );

    expect(refusal?.message).toMatch(/append-only/);
  });

  it('counts entries posted after the migration by their stamp', async () => {
    await inLedger(db, cooperativeId, (ctx) =>
      postJournalEntries(ctx, [
        anEntry([debit(cash, 550n), credit(bob.loan, 500n), credit(interest, 50n)]),
      ]),
    );

    expect(await verifyAll()).toEqual({ ledger: [], shu: { isConsistent: true, differences: [] } });
    const [row] = await db.admin.query<{ amount: string }>(
      `select amount::text from shu_member_counters where cooperative_id = $1 and membership_id = $2
         and base_key = 'participation:loan_interest_paid'`,
      [cooperativeId, bob.membershipId],
    );
    expect(row?.amount).toBe('50');
  });
});
