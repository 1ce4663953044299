import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openMemberSubAccount,
  postJournalEntries,
  verifyCooperativeLedger,
  type EntryLineInput,
} from '../../src/modules/ledger/index.js';
import { queryRows, withSystem, type Database } from '../../src/platform/db/database.js';
import { givenCooperative } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { writeEntryBySql } from '../harness/entry-by-sql.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { testDatabaseKind } from '../harness/settings.js';

/**
 * Every journal line carries its entry's member party (migration 0025): the one member whose
 * sub-accounts the entry touches, else null. SHU attributes participation revenue by it, so the
 * ledger writes it with the line and verify checks it.
 */
describe(`the member party on journal lines on ${testDatabaseKind()}`, () => {
  let test: TestDatabase;
  let db: Database;
  let cooperativeId: string;
  let cash: string;
  let interest: string;
  const alice = { membershipId: randomUUID(), savings: '', loan: '' };
  const bob = { membershipId: randomUUID(), savings: '', loan: '' };

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    cooperativeId = (await givenCooperative(db)).id;
    const chart = await chartOf(db, cooperativeId);
    cash = chart.id('1-1101');
    interest = chart.id('4-1201');
    for (const [index, member] of [alice, bob].entries()) {
      await inLedger(db, cooperativeId, async (ctx) => {
        const open = (controlCode: string) =>
          openMemberSubAccount(ctx, {
            controlCode,
            membershipId: member.membershipId,
            memberNumber: `P${index + 1}`,
            memberName: `Anggota ${index + 1}`,
          });
        member.savings = (await open('2-1201')).id;
        member.loan = (await open('1-1310')).id;
      });
    }
  });
  afterAll(() => test.drop());

  /** Each line's party of an entry, in line order (as the schema owner: no row-level security). */
  const partiesOf = async (entryId: string) =>
    (
      await db.admin.query<{ party: string | null }>(
        `select party_membership_id as party from journal_lines
         where cooperative_id = $1 and entry_id = $2 order by line_number`,
        [cooperativeId, entryId],
      )
    ).map((row) => row.party);

  const verify = () =>
    withSystem(db, 'test verifies a ledger', (tx) => verifyCooperativeLedger(tx, cooperativeId));

  it('stamps the one member an entry touches on every line, also when the entry touches that member twice', async () => {
    const [repayment, twice] = await inLedger(db, cooperativeId, (ctx) =>
      postJournalEntries(ctx, [
        anEntry([debit(cash, 1_100n), credit(alice.loan, 1_000n), credit(interest, 100n)]),
        anEntry([debit(alice.savings, 600n), credit(alice.loan, 500n), credit(interest, 100n)]),
      ]),
    );

    expect(await partiesOf(repayment!.id)).toEqual([
      alice.membershipId,
      alice.membershipId,
      alice.membershipId,
    ]);
    expect(await partiesOf(twice!.id)).toEqual([
      alice.membershipId,
      alice.membershipId,
      alice.membershipId,
    ]);
  });

  it("stamps no party on an entry touching two members' sub-accounts, nor on one touching none", async () => {
    const [shared, ownBusiness, afterShared] = await inLedger(db, cooperativeId, (ctx) =>
      postJournalEntries(ctx, [
        anEntry([
          debit(cash, 300n),
          credit(alice.loan, 100n),
          credit(bob.loan, 100n),
          credit(interest, 100n),
        ]),
        anEntry([debit(cash, 250n), credit(interest, 250n)]),
        // The next entry of the same batch starts afresh: bob alone.
        anEntry([debit(cash, 80n), credit(bob.savings, 80n)]),
      ]),
    );

    expect(await partiesOf(shared!.id)).toEqual([null, null, null, null]);
    expect(await partiesOf(ownBusiness!.id)).toEqual([null, null]);
    expect(await partiesOf(afterShared!.id)).toEqual([bob.membershipId, bob.membershipId]);
    expect((await verify()).problems).toEqual([]);
  });

  /**
   * An entry written by hand as the schema owner, exactly as writeEntries writes one (hashes,
   * chain head, balances) except for the party its lines carry.
   */
  const writeByHand = (lines: EntryLineInput[], parties: (string | null)[]) =>
    writeEntryBySql(db, cooperativeId, { lines, memo: 'Ditulis langsung dengan SQL', parties });

  it('finds nothing wrong in an entry written by hand with the party the posting path would stamp', async () => {
    await writeByHand(
      [debit(cash, 700n), credit(alice.loan, 650n), credit(interest, 50n)],
      [alice.membershipId, alice.membershipId, alice.membershipId],
    );

    expect((await verify()).problems).toEqual([]);
  });

  it("reports a line whose party is another member's, one that names nobody, and one that names someone for nobody's entry", async () => {
    const [sequenceBefore] = await withSystem(db, 'test reads the head', (tx) =>
      queryRows<{ last_sequence: string }>(
        tx,
        sql`select last_sequence::text from ledger_chain_heads where cooperative_id = ${cooperativeId}`,
      ),
    );
    const first = Number(sequenceBefore!.last_sequence) + 1;
    // Bob's interest attributed to Alice on its revenue line: her jasa usaha would grow by it.
    const misattributed = await writeByHand(
      [debit(cash, 1_100n), credit(bob.loan, 1_000n), credit(interest, 100n)],
      [bob.membershipId, bob.membershipId, alice.membershipId],
    );
    const dropped = await writeByHand(
      [debit(cash, 1_100n), credit(bob.loan, 1_000n), credit(interest, 100n)],
      [null, null, null],
    );
    const invented = await writeByHand(
      [debit(cash, 400n), credit(interest, 400n)],
      [alice.membershipId, alice.membershipId],
    );

    const report = await verify();

    expect(report.problems).toEqual([
      {
        cooperativeId,
        kind: 'member_party',
        sequence: first,
        entryId: misattributed,
        accountId: null,
        detail: `line 3 names member party ${alice.membershipId}, its entry's accounts ${bob.membershipId}`,
      },
      {
        cooperativeId,
        kind: 'member_party',
        sequence: first + 1,
        entryId: dropped,
        accountId: null,
        detail: `line 1 names member party none, its entry's accounts ${bob.membershipId}`,
      },
      {
        cooperativeId,
        kind: 'member_party',
        sequence: first + 2,
        entryId: invented,
        accountId: null,
        detail: `line 1 names member party ${alice.membershipId}, its entry's accounts none`,
      },
    ]);
  });
});
