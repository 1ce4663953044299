import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import { placeHold } from '../../src/modules/ledger/index.js';
import { withSystem } from '../../src/platform/db/database.js';
import { openTermDeposit } from '../../src/modules/savings/index.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenMember, signIn } from '../harness/builders.js';
import {
  givenDeposit,
  givenSavingsCooperative,
  givenSavingsMember,
  inSavings,
} from './savings-fixtures.js';

describe('a member leaving the cooperative', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  let ketuaToken: string;

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    ketuaToken = await signIn(
      test,
      await givenMember(test.db, coop.cooperativeId, ['anggota', 'ketua']),
    );
  });
  afterAll(() => test.drop());

  const leave = (membershipId: string, token = ketuaToken, status = 'keluar') =>
    test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${membershipId}/exit`,
      token,
      idempotencyKey: newIdempotencyKey(),
      payload: { status, reason: 'Pindah domisili ke Kupang' },
    });

  it('returns pokok and wajib and pays out sukarela in one entry, then ends the membership', async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    for (const [kind, amount] of [
      ['pokok', 100_000n],
      ['wajib', 75_000n],
      ['sukarela', 410_000n],
    ] as const) {
      await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
        membershipId: member.membershipId,
        kind,
        amount,
      });
    }
    const response = await leave(member.membershipId);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'keluar',
      total: '585000',
      returned: [
        { kind: 'sukarela', amount: '410000' },
        { kind: 'wajib', amount: '75000' },
        { kind: 'pokok', amount: '100000' },
      ],
      entryId: expect.any(String),
    });
    const savings = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${member.membershipId}/savings`,
      token: ketuaToken,
    });
    expect(savings.json()).toMatchObject({ status: 'keluar', total: '0' });
    const report = await withSystem(test.db, 'test verifies', (tx) =>
      verifyCooperativeLedger(tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
  });

  it('refuses a second exit, and an exit while money is held, and lets only the ketua do it', async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    const held = await givenSavingsMember(test.db, coop.cooperativeId);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: held.membershipId,
      kind: 'sukarela',
      amount: 50_000n,
    });
    const sukarela = (
      await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${held.membershipId}/savings`,
        token: ketuaToken,
      })
    )
      .json<{
        accounts: { kind: string; accountId: string }[];
      }>()
      .accounts.find((account) => account.kind === 'sukarela');
    await inSavings(test.db, coop.cooperativeId, null, (ctx) =>
      placeHold(ctx, {
        accountId: sukarela?.accountId ?? '',
        side: 'debit',
        amount: 20_000n,
        sourceType: 'test.bill',
        sourceId: '1',
        idempotencyKey: 'hold-1',
        mustBeAvailable: true,
      }),
    );
    expect((await leave(held.membershipId)).json()).toMatchObject({
      code: 'savings.exit_has_pending_holds',
    });
    expect((await leave(member.membershipId, coop.kasir.token)).statusCode).toBe(403);
    expect((await leave(member.membershipId)).statusCode).toBe(201);
    expect((await leave(member.membershipId)).json()).toMatchObject({ code: 'members.not_active' });
  });

  it('refuses to settle while a term deposit is still running', async () => {
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: 1_000_000n,
    });
    await inSavings(test.db, coop.cooperativeId, coop.kasir.personId, (ctx) =>
      openTermDeposit(ctx, {
        membershipId: member.membershipId,
        amount: 600_000n,
        source: 'sukarela',
      }),
    );
    const savings = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${member.membershipId}/savings`,
      token: ketuaToken,
    });
    expect(savings.json()).toMatchObject({
      termDeposits: { count: 1, principal: '600000' },
      total: '1000000',
    });
    expect((await leave(member.membershipId)).json()).toMatchObject({
      status: 422,
      code: 'savings.exit_has_term_deposits',
      params: { count: 1 },
    });
  });
});
