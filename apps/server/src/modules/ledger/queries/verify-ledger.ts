import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../platform/db/database.js';
import { chainHashOf, contentHashOf, genesisHash } from '../rules/entry-hash.js';

export interface VerifyProblem {
  cooperativeId: string;
  kind:
    | 'content_hash'
    | 'chain_hash'
    | 'sequence_gap'
    | 'line_mismatch'
    | 'head'
    | 'balance'
    | 'unbalanced_entry'
    | 'member_party';
  sequence: number | null;
  entryId: string | null;
  accountId: string | null;
  detail: string;
}

export interface VerifyReport {
  cooperativeId: string;
  entryCount: number;
  headHash: string;
  problems: VerifyProblem[];
}

interface EntryPageRow {
  id: string;
  sequence: string | number;
  business_date: string;
  source_type: string;
  source_id: string;
  memo: string;
  idempotency_key: string;
  reverses_entry_id: string | null;
  posted_by: string | null;
  approved_by: string | null;
  total_amount: string;
  content_hash: string;
  prev_hash: string;
  hash: string;
  /** The member party the entry's accounts give it (one distinct owner, else null). */
  party: string | null;
  lines: {
    accountId: string;
    side: 'debit' | 'credit';
    amount: string;
    lineNumber: number;
    memo: string | null;
    businessDate: string;
    sequence: number;
    party: string | null;
  }[];
}

const pageSize = 2_000;

/**
 * Recomputes one cooperative's books from the journal alone: every entry's content hash from its
 * stored lines, the chain from genesis, the head, every entry's balance, every line's member party
 * (SHU attributes participation by it) and every account's maintained totals. Returns the problems
 * found, the first broken entry first. Reads in pages, so memory stays flat for millions of
 * entries.
 */
export async function verifyCooperativeLedger(
  tx: Tx,
  cooperativeId: string,
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const totals = new Map<string, { debit: bigint; credit: bigint }>();
  let previousHash = genesisHash;
  let expectedSequence = 1;
  let afterSequence = 0;
  let debitTotal = 0n;
  for (;;) {
    const page = await queryRows<EntryPageRow>(
      tx,
      sql`select e.id, e.sequence, to_char(e.business_date, 'YYYY-MM-DD') as business_date, e.source_type, e.source_id, e.memo,
            e.idempotency_key, e.reverses_entry_id, e.posted_by, e.approved_by, e.total_amount::text as total_amount,
            e.content_hash, e.prev_hash, e.hash, x.party, x.lines
          from (
            -- The page first: with the lateral below, an outer limit would let the planner build
            -- every later entry's lines before sorting (each page reading the rest of the journal).
            select * from journal_entries
            where cooperative_id = ${cooperativeId} and sequence > ${afterSequence}
            order by sequence limit ${pageSize}
          ) e
          cross join lateral (
            select json_agg(json_build_object('accountId', l.account_id, 'side', l.side, 'amount', l.amount::text,
                    'lineNumber', l.line_number, 'memo', l.memo, 'businessDate', to_char(l.business_date, 'YYYY-MM-DD'),
                    'sequence', l.sequence, 'party', l.party_membership_id) order by l.line_number) as lines,
              case when count(distinct a.owner_membership_id) = 1 then min(a.owner_membership_id::text) end as party
            from journal_lines l
            join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
            where l.cooperative_id = e.cooperative_id and l.entry_id = e.id) x
          order by e.sequence`,
    );
    for (const row of page) {
      const sequence = Number(row.sequence);
      const at = { cooperativeId, sequence, entryId: row.id, accountId: null };
      if (sequence !== expectedSequence) {
        problems.push({
          ...at,
          kind: 'sequence_gap',
          detail: `expected sequence ${expectedSequence}`,
        });
      }
      const lines = (row.lines ?? []).map((line) => ({ ...line, amount: BigInt(line.amount) }));
      const content = contentHashOf({
        cooperativeId,
        businessDate: row.business_date,
        sourceType: row.source_type,
        sourceId: row.source_id,
        memo: row.memo,
        idempotencyKey: row.idempotency_key,
        reversesEntryId: row.reverses_entry_id,
        postedBy: row.posted_by,
        approvedBy: row.approved_by,
        lines,
      });
      if (content !== row.content_hash) {
        problems.push({
          ...at,
          kind: 'content_hash',
          detail: 'the stored lines or fields no longer match the hash taken at posting',
        });
      }
      if (
        row.prev_hash !== previousHash ||
        chainHashOf(previousHash, sequence, row.id, content) !== row.hash
      ) {
        problems.push({
          ...at,
          kind: 'chain_hash',
          detail: 'the entry does not link to the one before it',
        });
      }
      let debit = 0n;
      let credit = 0n;
      for (const line of lines) {
        const total = totals.get(line.accountId) ?? { debit: 0n, credit: 0n };
        if (line.side === 'debit') {
          total.debit += line.amount;
          debit += line.amount;
        } else {
          total.credit += line.amount;
          credit += line.amount;
        }
        totals.set(line.accountId, total);
      }
      // Lines repeat their entry's date and sequence for fast as-of reads: they must agree.
      const strayLine = lines.find(
        (line) => line.businessDate !== row.business_date || Number(line.sequence) !== sequence,
      );
      if (strayLine) {
        problems.push({
          ...at,
          kind: 'line_mismatch',
          detail: `line ${strayLine.lineNumber} is dated or numbered apart from its entry`,
        });
      }
      // Lines carry their entry's member party, which SHU attributes participation by: a wrong
      // one would credit a member's jasa usaha to another member, or to nobody.
      const strayParty = lines.find((line) => line.party !== row.party);
      if (strayParty) {
        problems.push({
          ...at,
          kind: 'member_party',
          detail: `line ${strayParty.lineNumber} names member party ${strayParty.party ?? 'none'}, its entry's accounts ${row.party ?? 'none'}`,
        });
      }
      if (debit !== credit || lines.length < 2 || debit.toString() !== row.total_amount) {
        problems.push({
          ...at,
          kind: 'unbalanced_entry',
          detail: `debits ${debit}, credits ${credit}`,
        });
      }
      debitTotal += BigInt(row.total_amount); // the head sums entry totals as posted
      previousHash = row.hash;
      expectedSequence = sequence + 1;
      afterSequence = sequence;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await queryRows<{
    last_sequence: string | number;
    last_hash: string;
    debit_total: string | bigint;
  }>(
    tx,
    sql`select last_sequence, last_hash, debit_total from ledger_chain_heads where cooperative_id = ${cooperativeId}`,
  );
  const isHeadWrong =
    head !== undefined &&
    (Number(head.last_sequence) !== expectedSequence - 1 ||
      head.last_hash !== previousHash ||
      BigInt(head.debit_total) !== debitTotal);
  if (isHeadWrong) {
    problems.push({
      cooperativeId,
      kind: 'head',
      sequence: Number(head.last_sequence),
      entryId: null,
      accountId: null,
      detail: 'the chain head (sequence, hash or debit total) does not match the journal',
    });
  }
  const balances = await queryRows<{
    account_id: string;
    code: string;
    debit_total: string | bigint;
    credit_total: string | bigint;
  }>(
    tx,
    sql`select b.account_id, a.code, b.debit_total, b.credit_total from ledger_balances b
        join ledger_accounts a on a.cooperative_id = b.cooperative_id and a.id = b.account_id
        where b.cooperative_id = ${cooperativeId} order by a.code`,
  );
  for (const balance of balances) {
    const summed = totals.get(balance.account_id) ?? { debit: 0n, credit: 0n };
    if (
      summed.debit !== BigInt(balance.debit_total) ||
      summed.credit !== BigInt(balance.credit_total)
    ) {
      problems.push({
        cooperativeId,
        kind: 'balance',
        sequence: null,
        entryId: null,
        accountId: balance.account_id,
        detail: `account ${balance.code}: maintained ${balance.debit_total}/${balance.credit_total}, lines sum to ${summed.debit}/${summed.credit}`,
      });
    }
  }
  problems.sort(
    (left, right) =>
      (left.sequence ?? Number.MAX_SAFE_INTEGER) - (right.sequence ?? Number.MAX_SAFE_INTEGER),
  );
  return { cooperativeId, entryCount: expectedSequence - 1, headHash: previousHash, problems };
}

export async function listLedgerCooperatives(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ cooperative_id: string }>(
    tx,
    sql`select cooperative_id from ledger_chain_heads order by cooperative_id`,
  );
  return rows.map((row) => row.cooperative_id);
}
