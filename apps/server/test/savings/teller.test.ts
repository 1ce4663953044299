import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { ledgerStateOf, inLedger } from '../harness/ledger-fixtures.js';
import { givenMember, signIn } from '../harness/builders.js';
import { verifyCooperativeLedger } from '../../src/modules/ledger/index.js';
import { givenSavingsCooperative, givenSavingsMember } from './savings-fixtures.js';

describe('savings at the teller', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  let member: Awaited<ReturnType<typeof givenSavingsMember>>;
  let sessionId: string;
  const url = (path: string) => `/api/v1/cooperatives/${coop.cooperativeId}/savings/${path}`;
  const post = (
    path: string,
    payload: object,
    token = coop.kasir.token,
    key = newIdempotencyKey(),
  ) => test.request({ method: 'POST', url: url(path), token, payload, idempotencyKey: key });

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    member = await givenSavingsMember(test.db, coop.cooperativeId);
  });
  afterAll(() => test.drop());

  it('creates the products from the AD/ART on first read and lets the bendahara change them', async () => {
    const read = await test.request({
      method: 'GET',
      url: url('products'),
      token: coop.kasir.token,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      pokok: { amount: '100000' },
      wajib: { monthlyAmount: '25000' },
    });
    const products = {
      pokok: { amount: '100000' },
      wajib: { monthlyAmount: '25000' },
      sukarela: { interestRateBps: 600, minimumBalance: '10000' },
      berjangka: {
        termMonths: 6,
        interestRateBps: 700,
        maturityAction: 'rollover',
        earlyBreakPenaltyBps: 50,
      },
    };
    const refused = await test.request({
      method: 'PUT',
      url: url('products'),
      token: coop.kasir.token,
      payload: products,
    });
    expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });
    const put = await test.request({
      method: 'PUT',
      url: url('products'),
      token: coop.bendahara.token,
      payload: products,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(products);
  });

  it('refuses a deposit before the teller opens a session, changing nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await post('deposits', {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: '5000',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'savings.session_not_open' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('opens one session per teller with an opening float', async () => {
    const opened = await post('teller-sessions', { openingFloat: '1000000' });
    expect(opened.statusCode).toBe(201);
    sessionId = opened.json<{ id: string }>().id;
    expect(opened.json()).toMatchObject({
      openingFloat: '1000000',
      expectedCash: '1000000',
      closedAt: null,
    });
    const second = await post('teller-sessions', { openingFloat: '0' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'savings.session_already_open' });
  });

  it('deposits pokok, wajib and sukarela with a receipt, and replays a retried deposit', async () => {
    const key = newIdempotencyKey();
    const body = { membershipId: member.membershipId, kind: 'pokok', amount: '100000' };
    const first = await post('deposits', body, coop.kasir.token, key);
    expect(first.statusCode).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({
      type: 'deposit',
      kind: 'pokok',
      memberNumber: member.memberNumber,
      memberName: member.fullName,
      amount: '100000',
      balanceAfter: '100000',
      tellerPersonId: coop.kasir.personId,
      sessionId,
    });
    expect((receipt as { receiptNumber: string }).receiptNumber).toMatch(/^KW-20260302-\d{7}$/);
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const replay = await post('deposits', body, coop.kasir.token, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(receipt);
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    expect((await post('deposits', { ...body, kind: 'wajib', amount: '50000' })).statusCode).toBe(
      201,
    );
    const sukarela = await post('deposits', { ...body, kind: 'sukarela', amount: '500000' });
    expect(sukarela.json()).toMatchObject({ balanceAfter: '500000' });
  });

  it('refuses pokok beyond the product amount, changing nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const response = await post('deposits', {
      membershipId: member.membershipId,
      kind: 'pokok',
      amount: '1',
    });
    expect(response.json()).toMatchObject({
      code: 'savings.pokok_exceeds_amount',
      params: { remaining: '0' },
    });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('refuses withdrawing pokok or wajib while a member, changing nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    for (const kind of ['pokok', 'wajib']) {
      const response = await post('withdrawals', {
        membershipId: member.membershipId,
        kind,
        amount: '1000',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'savings.not_withdrawable', params: { kind } });
    }
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('withdraws sukarela down to the minimum balance and refuses one rupiah more', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const refused = await post('withdrawals', {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: '490001',
    });
    expect(refused.json()).toMatchObject({
      code: 'savings.insufficient_balance',
      params: { available: '500000', requested: '490001', minimumBalance: '10000' },
    });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    const paid = await post('withdrawals', {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: '490000',
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ type: 'withdrawal', balanceAfter: '10000' });
  });

  it('refuses a deposit for a person who is not a registered member', async () => {
    const outsider = await givenMember(test.db, coop.cooperativeId); // identity only, no registry row
    const response = await post('deposits', {
      membershipId: outsider.membership.membershipId,
      kind: 'sukarela',
      amount: '1000',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'members.member_not_found' });
  });

  it('shows a member every balance, to themself and the back office but not to another member', async () => {
    const path = `/api/v1/cooperatives/${coop.cooperativeId}/members/${member.membershipId}/savings`;
    const own = await test.request({ method: 'GET', url: path, token: await signIn(test, member) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      memberNumber: member.memberNumber,
      total: '160000',
      accounts: [
        { kind: 'pokok', balance: '100000' },
        { kind: 'wajib', balance: '50000' },
        { kind: 'sukarela', balance: '10000', available: '10000' },
      ],
    });
    expect(
      (await test.request({ method: 'GET', url: path, token: coop.kasir.token })).statusCode,
    ).toBe(200);
    const other = await givenSavingsMember(test.db, coop.cooperativeId);
    const refused = await test.request({
      method: 'GET',
      url: path,
      token: await signIn(test, other),
    });
    expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('closes the session: expected cash from the ledger, a shortfall booked to Selisih kas', async () => {
    const current = await test.request({
      method: 'GET',
      url: url('teller-sessions/current'),
      token: coop.kasir.token,
    });
    // float 1,000,000 + 100,000 + 50,000 + 500,000 − 490,000
    expect(current.json()).toMatchObject({
      id: sessionId,
      expectedCash: '1160000',
      cashIn: '650000',
      cashOut: '490000',
      transactionCount: 4,
    });
    const wrong = await post(`teller-sessions/${coop.bendahara.personId}/close`, {
      countedCash: '0',
    });
    expect(wrong.json()).toMatchObject({ code: 'savings.session_not_found' });
    const closed = await post(`teller-sessions/${sessionId}/close`, { countedCash: '1159000' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      expectedCash: '1160000',
      countedCash: '1159000',
      difference: '-1000',
    });
    expect(closed.json<{ differenceEntryId: string | null }>().differenceEntryId).toEqual(
      expect.any(String),
    );
    const state = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(state.accounts['5-2999']?.balance).toBe(1000n);
    // Kas holds what came through the drawer less the shortfall: 650,000 − 490,000 − 1,000.
    expect(state.accounts['1-1101']?.balance).toBe(159_000n);
    const after = await post('deposits', {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: '5000',
    });
    expect(after.json()).toMatchObject({ code: 'savings.session_not_open' });
  });

  it('books a surplus to Selisih kas (lebih) and keeps the ledger verified', async () => {
    const opened = await post('teller-sessions', { openingFloat: '200000' });
    const id = opened.json<{ id: string }>().id;
    await post('deposits', {
      membershipId: member.membershipId,
      kind: 'sukarela',
      amount: '20000',
    });
    const closed = await post(`teller-sessions/${id}/close`, { countedCash: '220500' });
    expect(closed.json()).toMatchObject({ expectedCash: '220000', difference: '500' });
    const state = await ledgerStateOf(test.db, coop.cooperativeId);
    expect(state.accounts['4-1399']?.balance).toBe(500n);
    const report = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      verifyCooperativeLedger(ctx.tx, coop.cooperativeId),
    );
    expect(report.problems).toEqual([]);
  });
});
