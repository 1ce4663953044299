import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenOfficer, signIn } from '../harness/builders.js';

describe('Idempotency-Key on POSTs that create or move something', () => {
  let test: TestApp;
  let token: string;
  let sequence = 0;
  beforeAll(async () => {
    test = await createTestApp();
    token = await signIn(test, await givenOfficer(test.db, 'platform'));
  });
  afterAll(() => test.drop());

  const body = () => ({
    name: `Kopdit Idem ${++sequence}`,
    legalEntityNumber: `AHU-IDEM-${sequence}`,
    type: 'konsumen',
    districtCode: '5371',
  });
  const post = (payload: object, key?: string) =>
    test.request({
      method: 'POST',
      url: '/api/v1/cooperatives',
      token,
      payload,
      ...(key ? { idempotencyKey: key } : {}),
    });

  it('returns the first response again for the same key and body, creating nothing new', async () => {
    const key = newIdempotencyKey();
    const payload = body();
    const first = await post(payload, key);
    const second = await post(payload, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const list = await test.request({
      method: 'GET',
      url: '/api/v1/cooperatives?limit=200',
      token,
    });
    const named = (list.json() as { items: { name: string }[] }).items.filter(
      (item) => item.name === payload.name,
    );
    expect(named).toHaveLength(1);
  });

  it('answers 409 when the same key comes with a different body', async () => {
    const key = newIdempotencyKey();
    await post(body(), key);
    const reused = await post(body(), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'request.idempotency_conflict' });
  });

  it('replays a refusal as the same refusal', async () => {
    const key = newIdempotencyKey();
    const payload = { ...body(), districtCode: '5398' };
    const first = await post(payload, key);
    const second = await post(payload, key);
    expect(first.statusCode).toBe(422);
    expect(second.statusCode).toBe(422);
    expect(second.json()).toMatchObject({ code: 'cooperatives.district_unknown' });
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a creating POST without a key, and a malformed key', async () => {
    expect((await post(body())).json()).toMatchObject({
      status: 400,
      code: 'request.idempotency_key_required',
    });
    expect((await post(body(), 'short')).json()).toMatchObject({
      code: 'request.idempotency_key_required',
    });
  });

  it('runs concurrent retries of one key exactly once', async () => {
    const key = newIdempotencyKey();
    const payload = body();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(payload, key)));
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => (response.json() as { id: string }).id)).size).toBe(
      1,
    );
  });
});
