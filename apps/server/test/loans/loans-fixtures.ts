import { randomUUID } from 'node:crypto';
import { postJournalEntry, verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import type { LoansContext } from '../../src/modules/loans/index.js';
import { withTenant, type Database } from '../../src/platform/db/database.js';
import { newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, signIn } from '../harness/builders.js';
import { anEntry, chartOf, credit, debit, inLedger } from '../harness/ledger-fixtures.js';
import { givenRegisteredMember } from '../harness/members.js';
import { givenSavingsMember } from '../savings/savings-fixtures.js';

/** Runs one loans command in its own tenant transaction, as `personId`, with a key. */
export function inLoans<T>(
  db: Database,
  cooperativeId: string,
  personId: string | null,
  fn: (ctx: LoansContext) => Promise<T>,
  options: { now?: Date; idempotencyKey?: string } = {},
): Promise<T> {
  return withTenant(db, cooperativeId, (tx) =>
    fn({
      tx,
      cooperativeId,
      now: options.now ?? new Date('2026-03-02T02:00:00Z'),
      actorPersonId: personId,
      idempotencyKey: options.idempotencyKey ?? `test-${randomUUID()}`,
    }),
  );
}

/** A flat product at 1% a month, fees deducted, one approver up to Rp10,000,000, else two with the ketua. */
export const flatProduct = {
  name: 'Pinjaman Umum',
  interestMethod: 'flat',
  interestRateBpsPerMonth: 100,
  tenors: [6, 12],
  frequency: 'monthly',
  adminFeeBps: 100,
  provisionFeeBps: 50,
  feeTreatment: 'deducted',
  penaltyBpsPerDay: 10,
  graceInstallments: 0,
  plafondSavingsMultiple: null,
  minAmount: '500000',
  maxAmount: '50000000',
  membersOnly: true,
  approvalTiers: [
    { upTo: '10000000', approvals: 1, requiresKetua: false },
    { upTo: null, approvals: 2, requiresKetua: true },
  ],
  collectibilityScheme: 'KSP_2009',
  isActive: true,
};

type Officer = Awaited<ReturnType<typeof givenMember>> & { personId: string; token: string };

async function officer(
  test: TestApp,
  cooperativeId: string,
  roles: Parameters<typeof givenMember>[2],
) {
  const member = await givenMember(test.db, cooperativeId, roles);
  return { ...member, personId: member.person.id, token: await signIn(test, member) } as Officer;
}

/**
 * A savings-and-loan cooperative whose own capital (Cadangan umum) is Rp`modalSendiri`, with a
 * kasir, bendahara, manajer, ketua and pengawas signed in over HTTP.
 */
export async function givenLendingCooperative(
  test: TestApp,
  options: { modalSendiri?: bigint } = {},
) {
  const cooperative = await givenCooperative(test.db);
  const cooperativeId = cooperative.id;
  const chart = await chartOf(test.db, cooperativeId);
  const modalSendiri = options.modalSendiri ?? 100_000_000n;
  await inLedger(test.db, cooperativeId, (ctx) =>
    postJournalEntry(
      ctx,
      anEntry([debit(chart.id('1-1201'), modalSendiri), credit(chart.id('3-1201'), modalSendiri)], {
        businessDate: '2026-03-01',
        memo: 'Saldo awal cadangan umum',
      }),
    ),
  );
  return {
    cooperativeId,
    chart,
    kasir: await officer(test, cooperativeId, ['kasir']),
    bendahara: await officer(test, cooperativeId, ['bendahara']),
    manajer: await officer(test, cooperativeId, ['manajer']),
    ketua: await officer(test, cooperativeId, ['ketua']),
    pengawas: await officer(test, cooperativeId, ['pengawas']),
  };
}

/** An aktif member with a member number who signs in. */
export async function givenBorrower(test: TestApp, cooperativeId: string) {
  const member = await givenSavingsMember(test.db, cooperativeId);
  return { ...member, token: await signIn(test, member) };
}

/** A registered member who also holds a pengurus or pengawas role. */
export async function givenBoardBorrower(
  test: TestApp,
  cooperativeId: string,
  role: 'ketua' | 'bendahara' | 'pengawas',
) {
  const member = await givenRegisteredMember(test.db, cooperativeId, { extraRoles: [role] });
  return { ...member, token: await signIn(test, member) };
}

/** HTTP helpers for one cooperative's loans API. */
export function loansApi(test: TestApp, cooperativeId: string) {
  const url = (path: string) =>
    `/api/v1/cooperatives/${cooperativeId}/loans${path === '' || path.startsWith('?') ? path : `/${path}`}`;
  return {
    url,
    get: (path: string, token: string) => test.request({ method: 'GET', url: url(path), token }),
    post: (path: string, token: string, payload: object, key = newIdempotencyKey()) =>
      test.request({ method: 'POST', url: url(path), token, payload, idempotencyKey: key }),
    put: (path: string, token: string, payload: object) =>
      test.request({ method: 'PUT', url: url(path), token, payload }),
  };
}

export function verifyLedger(db: Database, cooperativeId: string) {
  return inLedger(db, cooperativeId, (ctx) => verifyCooperativeLedger(ctx.tx, cooperativeId));
}
