import type { CooperativeType } from '@lumbung/shared/contracts/cooperatives';
import { withTenant, type Database, type Tx } from '../platform/db/database.js';
import {
  createCheckpoint,
  listAccounts,
  openMemberSubAccount,
  postJournalEntries,
  type EntryInput,
} from '../modules/ledger/index.js';
import type { SeededRandom } from './random.js';

export interface DemoMember {
  membershipId: string;
  memberNumber: string;
  fullName: string;
}

/** The demo year: January to October 2026, so every month shown is complete. */
const months = Array.from(
  { length: 10 },
  (_, index) => `2026-${String(index + 1).padStart(2, '0')}`,
);
const seededAt = new Date('2026-11-01T01:00:00Z');

function day(month: string, dayOfMonth: number) {
  return `${month}-${String(dayOfMonth).padStart(2, '0')}`;
}

function roundTo(amount: number, step: number): bigint {
  return BigInt(Math.max(step, Math.round(amount / step) * step));
}

/**
 * A plausible year of books for a demo cooperative: members pay simpanan pokok on joining and
 * wajib every month, save sukarela, borrow and repay through the loans module (credit unions: seed-loans.ts), buy at the store
 * (consumer coops) or deliver produce (producer coops); the cooperative pays salaries and
 * utilities. Every figure goes through postJournalEntries like real postings, in batches.
 */
export async function seedLedgerActivity(
  db: Database,
  input: {
    cooperativeId: string;
    type: CooperativeType;
    members: DemoMember[];
    random: SeededRandom;
    /** The lending of each month through the loans module, after the month's other books. */
    lending?: { atMonthEnd(tx: Tx, month: string): Promise<void> } | undefined;
  },
) {
  await withTenant(db, input.cooperativeId, async (tx) => {
    const ctx = { tx, cooperativeId: input.cooperativeId, now: seededAt };
    const code = await accountsByCode(tx, input.cooperativeId);
    const entries: EntryInput[] = [];
    const post = (
      businessDate: string,
      memo: string,
      sourceId: string,
      lines: EntryInput['lines'],
    ) =>
      entries.push({
        businessDate,
        memo,
        sourceType: 'demo.seed',
        sourceId,
        idempotencyKey: `demo:${sourceId}`,
        lines,
      });
    const subAccount = async (controlCode: string, member: DemoMember) =>
      (
        await openMemberSubAccount(ctx, {
          controlCode,
          membershipId: member.membershipId,
          memberNumber: member.memberNumber,
          memberName: member.fullName,
        })
      ).id;

    post(day('2026-01', 2), 'Modal awal: hibah pemerintah daerah', 'opening-grant', [
      { accountId: code('1-1201'), side: 'debit', amount: 50_000_000n },
      { accountId: code('3-1104'), side: 'credit', amount: 50_000_000n },
    ]);
    if (input.type === 'simpan_pinjam') {
      // A credit union founded in 2018 carries its reserves into the year: own capital that the
      // lending limits (15% a borrower) are measured against.
      post(day('2026-01', 2), 'Saldo awal cadangan umum tahun buku 2025', 'opening-reserve', [
        { accountId: code('1-1201'), side: 'debit', amount: 250_000_000n },
        { accountId: code('3-1201'), side: 'credit', amount: 250_000_000n },
      ]);
    }
    for (const [index, member] of input.members.entries()) {
      const pokok = await subAccount('3-1101', member);
      const wajib = await subAccount('3-1102', member);
      const sukarela = await subAccount('2-1201', member);
      const joinMonth = months[input.random.integer(0, 2)] ?? '2026-01';
      post(day(joinMonth, 3), `Simpanan pokok ${member.fullName}`, `pokok-${index}`, [
        { accountId: code('1-1101'), side: 'debit', amount: 100_000n },
        { accountId: pokok, side: 'credit', amount: 100_000n },
      ]);
      for (const month of months.filter((candidate) => candidate >= joinMonth)) {
        post(
          day(month, 10),
          `Simpanan wajib ${month} ${member.fullName}`,
          `wajib-${index}-${month}`,
          [
            { accountId: code('1-1101'), side: 'debit', amount: 25_000n },
            { accountId: wajib, side: 'credit', amount: 25_000n },
          ],
        );
        if (input.random.next() < 0.35) {
          const amount = roundTo(input.random.integer(50_000, 750_000), 5_000);
          post(
            day(month, input.random.integer(11, 25)),
            `Setoran sukarela ${member.fullName}`,
            `sukarela-${index}-${month}`,
            [
              { accountId: code('1-1101'), side: 'debit', amount },
              { accountId: sukarela, side: 'credit', amount },
            ],
          );
        }
      }
    }
    for (const month of months) {
      if (input.type === 'konsumen') storeMonth(post, code, input.random, month);
      if (input.type === 'produsen') produceMonth(post, code, input.random, month);
      post(day(month, 28), `Gaji pengelola ${month}`, `salary-${month}`, [
        { accountId: code('5-2201'), side: 'debit', amount: 3_500_000n },
        { accountId: code('1-1101'), side: 'credit', amount: 3_500_000n },
      ]);
      const utilities = roundTo(input.random.integer(250_000, 600_000), 1_000);
      post(day(month, 20), `Listrik, air dan pulsa ${month}`, `utilities-${month}`, [
        { accountId: code('5-2202'), side: 'debit', amount: utilities },
        { accountId: code('1-1101'), side: 'credit', amount: utilities },
      ]);
      post(day(month, 25), `Setor kas ke bank ${month}`, `bank-${month}`, [
        { accountId: code('1-1201'), side: 'debit', amount: 2_000_000n },
        { accountId: code('1-1101'), side: 'credit', amount: 2_000_000n },
      ]);
    }
    entries.sort((left, right) =>
      left.businessDate < right.businessDate ? -1 : left.businessDate > right.businessDate ? 1 : 0,
    );
    // Month by month: the month's books, then its lending (which reads balances as they stand).
    for (const month of months) {
      const ofMonth = entries.filter((entry) => entry.businessDate.startsWith(month));
      for (let start = 0; start < ofMonth.length; start += 500) {
        await postJournalEntries(ctx, ofMonth.slice(start, start + 500));
      }
      await input.lending?.atMonthEnd(tx, month);
    }
    await createCheckpoint(ctx, { checkpointDate: '2026-10-31' });
  });
}

type Post = (
  businessDate: string,
  memo: string,
  sourceId: string,
  lines: EntryInput['lines'],
) => void;
type Code = (code: string) => string;

async function accountsByCode(tx: Tx, cooperativeId: string): Promise<Code> {
  const accounts = await listAccounts({ tx, cooperativeId }, { includeSubAccounts: false });
  const ids = new Map(accounts.map((account) => [account.code, account.id]));
  return (code) => {
    const id = ids.get(code);
    if (!id) throw new Error(`the demo chart has no account ${code}`);
    return id;
  };
}

function storeMonth(post: Post, code: Code, random: SeededRandom, month: string) {
  const stock = roundTo(random.integer(15, 25) * 1_000_000, 10_000);
  post(day(month, 2), `Pembelian barang dagangan ${month}`, `stock-${month}`, [
    { accountId: code('1-1401'), side: 'debit', amount: stock },
    { accountId: code('1-1101'), side: 'credit', amount: stock },
  ]);
  const memberSales = (stock * 80n) / 100n + roundTo(random.integer(0, 2_000_000), 1_000);
  const outsiderSales = (stock * 25n) / 100n;
  const cost = (stock * 90n) / 100n; // floor: the remaining stock stays in persediaan
  post(day(month, 27), `Penjualan toko ${month}`, `sales-${month}`, [
    { accountId: code('1-1101'), side: 'debit', amount: memberSales + outsiderSales },
    { accountId: code('4-1101'), side: 'credit', amount: memberSales },
    { accountId: code('4-1102'), side: 'credit', amount: outsiderSales },
  ]);
  post(day(month, 27), `Harga pokok penjualan ${month}`, `cogs-${month}`, [
    { accountId: code('5-1101'), side: 'debit', amount: cost },
    { accountId: code('1-1401'), side: 'credit', amount: cost },
  ]);
}

function produceMonth(post: Post, code: Code, random: SeededRandom, month: string) {
  const delivered = roundTo(random.integer(20, 40) * 1_000_000, 10_000);
  post(day(month, 12), `Pembelian kopi gelondong dari anggota ${month}`, `produce-${month}`, [
    { accountId: code('5-1102'), side: 'debit', amount: delivered },
    { accountId: code('1-1201'), side: 'credit', amount: delivered },
  ]);
  const sold = (delivered * 118n) / 100n;
  post(day(month, 26), `Penjualan kopi olahan ${month}`, `coffee-sales-${month}`, [
    { accountId: code('1-1201'), side: 'debit', amount: sold },
    { accountId: code('4-1111'), side: 'credit', amount: sold },
  ]);
}
