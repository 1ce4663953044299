import { randomUUID } from 'node:crypto';
import type { EntryLineInput } from '../../src/modules/ledger/index.js';
import { chainHashOf, contentHashOf } from '../../src/modules/ledger/rules/entry-hash.js';
import type { Database } from '../../src/platform/db/database.js';

/**
 * Writes one entry as the schema owner, exactly as writeEntries writes one (hashes, chain head,
 * balances, all lines in one statement), dated 2026-03-10. `parties` gives each line's member
 * party; null leaves the column out, as the posting path wrote lines before migration 0025.
 * Returns the entry's id.
 */
export async function writeEntryBySql(
  db: Database,
  cooperativeId: string,
  input: { lines: EntryLineInput[]; memo: string; parties: (string | null)[] | null },
): Promise<string> {
  const { lines, parties } = input;
  const id = randomUUID();
  const entry = {
    cooperativeId,
    businessDate: '2026-03-10',
    sourceType: 'test.sql',
    sourceId: id,
    memo: input.memo,
    idempotencyKey: `sql-${id}`,
    reversesEntryId: null,
    postedBy: null,
    approvedBy: null,
    lines,
  };
  const total = lines
    .filter((line) => line.side === 'debit')
    .reduce((sum, line) => sum + line.amount, 0n);
  await db.admin.transaction(async (admin) => {
    const [head] = await admin.query<{ last_sequence: string | number; last_hash: string }>(
      'select last_sequence, last_hash from ledger_chain_heads where cooperative_id = $1 for update',
      [cooperativeId],
    );
    if (!head) throw new Error('the cooperative has a chain head');
    const sequence = Number(head.last_sequence) + 1;
    const contentHash = contentHashOf(entry);
    const hash = chainHashOf(head.last_hash, sequence, id, contentHash);
    await admin.query(
      `insert into journal_entries (cooperative_id, id, sequence, business_date, posted_at, source_type,
         source_id, memo, idempotency_key, total_amount, content_hash, prev_hash, hash)
       values ($1, $2, $3, $4, now(), $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        cooperativeId,
        id,
        sequence,
        entry.businessDate,
        entry.sourceType,
        entry.sourceId,
        entry.memo,
        entry.idempotencyKey,
        total.toString(),
        contentHash,
        head.last_hash,
        hash,
      ],
    );
    const columns = [
      cooperativeId,
      id,
      entry.businessDate,
      sequence,
      lines.map((line) => line.accountId),
      lines.map((line) => line.side),
      lines.map((line) => line.amount.toString()),
    ];
    await admin.query(
      parties === null
        ? `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
             business_date, sequence)
           select $1, $2, n, account_id, side, amount, $3, $4
           from unnest($5::uuid[], $6::text[], $7::bigint[]) with ordinality as l (account_id, side, amount, n)`
        : `insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount,
             business_date, sequence, party_membership_id)
           select $1, $2, n, account_id, side, amount, $3, $4, party
           from unnest($5::uuid[], $6::text[], $7::bigint[], $8::uuid[])
             with ordinality as l (account_id, side, amount, party, n)`,
      parties === null ? columns : [...columns, lines.map((_, index) => parties[index] ?? null)],
    );
    for (const line of lines) {
      await admin.query(
        `update ledger_balances set line_count = line_count + 1,
           debit_total = debit_total + case when $3 = 'debit' then $4::bigint else 0 end,
           credit_total = credit_total + case when $3 = 'credit' then $4::bigint else 0 end
         where cooperative_id = $1 and account_id = $2`,
        [cooperativeId, line.accountId, line.side, line.amount.toString()],
      );
    }
    await admin.query(
      `update ledger_chain_heads set last_sequence = $2, last_hash = $3, debit_total = debit_total + $4::bigint
       where cooperative_id = $1`,
      [cooperativeId, sequence, hash, total.toString()],
    );
  });
  return id;
}
