import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { ledgerStateOf } from '../harness/ledger-fixtures.js';
import { signIn } from '../harness/builders.js';
import { givenDeposit, givenSavingsCooperative, givenSavingsMember } from './savings-fixtures.js';

describe('transfers between members with the transaction PIN', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenSavingsCooperative>>;
  let sender: Awaited<ReturnType<typeof givenSavingsMember>> & { token: string };
  let recipient: Awaited<ReturnType<typeof givenSavingsMember>>;
  const pin = '260417';
  const transfer = (token: string, payload: object, key = newIdempotencyKey()) =>
    test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/transfers`,
      token,
      idempotencyKey: key,
      payload,
    });
  const setPin = (person: { password: string }, token: string) =>
    test.request({
      method: 'PUT',
      url: '/api/v1/auth/pin',
      token,
      payload: { password: person.password, pin },
    });

  beforeAll(async () => {
    test = await createTestApp();
    coop = await givenSavingsCooperative(test);
    const member = await givenSavingsMember(test.db, coop.cooperativeId);
    sender = { ...member, token: await signIn(test, member) };
    recipient = await givenSavingsMember(test.db, coop.cooperativeId);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: sender.membershipId,
      kind: 'sukarela',
      amount: 100_000n,
    });
    expect((await setPin(sender, sender.token)).statusCode).toBe(204);
  });
  afterAll(() => test.drop());

  it('moves sukarela to another member and replays a retried transfer', async () => {
    const key = newIdempotencyKey();
    const body = { toMemberNumber: recipient.memberNumber, amount: '30000', pin };
    const response = await transfer(sender.token, body, key);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      type: 'transfer',
      kind: 'sukarela',
      memberNumber: sender.memberNumber,
      amount: '30000',
      balanceAfter: '70000',
      sessionId: null,
      counterparty: { memberNumber: recipient.memberNumber, memberName: recipient.fullName },
    });
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const replay = await transfer(sender.token, body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(response.json());
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    const savings = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${recipient.membershipId}/savings`,
      token: coop.kasir.token,
    });
    expect(savings.json<{ accounts: unknown[] }>().accounts[2]).toMatchObject({
      kind: 'sukarela',
      balance: '30000',
    });
  });

  it('refuses overdrafts, transfers to oneself and unknown recipients, changing nothing', async () => {
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const short = await transfer(sender.token, {
      toMemberNumber: recipient.memberNumber,
      amount: '70001',
      pin,
    });
    expect(short.json()).toMatchObject({
      code: 'savings.insufficient_balance',
      params: { available: '70000', requested: '70001' },
    });
    const self = await transfer(sender.token, {
      toMemberNumber: sender.memberNumber,
      amount: '1000',
      pin,
    });
    expect(self.json()).toMatchObject({ code: 'savings.transfer_to_self' });
    const unknown = await transfer(sender.token, { toMemberNumber: '999999', amount: '1000', pin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'members.member_not_found' });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('refuses a wrong PIN and counts it: the third wrong PIN locks, even the right PIN then', async () => {
    const other = await givenSavingsMember(test.db, coop.cooperativeId);
    const token = await signIn(test, other);
    await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
      membershipId: other.membershipId,
      kind: 'sukarela',
      amount: 50_000n,
    });
    const notSet = await transfer(token, {
      toMemberNumber: recipient.memberNumber,
      amount: '1000',
      pin,
    });
    expect(notSet.json()).toMatchObject({ code: 'auth.pin_not_set' });
    await setPin(other, token);
    const before = await ledgerStateOf(test.db, coop.cooperativeId);
    const body = { toMemberNumber: recipient.memberNumber, amount: '1000', pin: '111111' };
    expect((await transfer(token, body)).json()).toMatchObject({ code: 'auth.pin_invalid' });
    expect((await transfer(token, body)).json()).toMatchObject({ code: 'auth.pin_invalid' });
    expect((await transfer(token, body)).json()).toMatchObject({ code: 'auth.pin_locked' });
    expect((await transfer(token, { ...body, pin })).json()).toMatchObject({
      code: 'auth.pin_locked',
    });
    expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
  });

  it('refuses a transfer from an officer who is not in the member registry', async () => {
    await setPin(coop.kasir, coop.kasir.token);
    const response = await transfer(coop.kasir.token, {
      toMemberNumber: recipient.memberNumber,
      amount: '1000',
      pin,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'members.member_not_found' });
  });
});
