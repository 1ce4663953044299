import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.js';
import {
  queryRows,
  withSystem,
  withTenant,
  type Database,
} from '../../src/platform/db/database.js';
import {
  defaultOutboxPolicy,
  deliverDueOutbox,
  enqueueOutbox,
  PermanentFailure,
  retryDelayMs,
  type OutboxHandler,
  type OutboxMessage,
  type OutboxPolicy,
} from '../../src/platform/outbox/outbox.js';
import { createWhatsAppCloudChannel } from '../../src/modules/identity/channels/whatsapp-cloud-channel.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember } from '../harness/builders.js';
import { createTestDatabase, type TestDatabase } from '../harness/database.js';
import { closingGracefully } from '../harness/graceful-close.js';
import { testDatabaseKind } from '../harness/settings.js';
import {
  startWhatsAppCloudSimulator,
  type WhatsAppCloudSimulator,
} from '../simulators/whatsapp-cloud-simulator.js';

interface OutboxRow {
  cooperative_id: string | null;
  topic: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  delivered_at: Date | string | null;
}

/** Reads outbox rows as the worker sees them (the system scope; tenants see only their own). */
async function outboxRowsWhere(db: Database, condition: ReturnType<typeof sql>) {
  return withSystem(db, 'test inspects the outbox', (tx) =>
    queryRows<OutboxRow>(
      tx,
      sql`select cooperative_id, topic, payload, status, attempts, next_attempt_at, last_error, delivered_at
            from outbox where ${condition} order by created_at`,
    ),
  );
}

async function outboxRow(db: Database, idempotencyKey: string): Promise<OutboxRow> {
  const [row, ...others] = await outboxRowsWhere(db, sql`idempotency_key = ${idempotencyKey}`);
  if (!row || others.length > 0) throw new Error(`expected one outbox row for ${idempotencyKey}`);
  return row;
}

/** Both drivers may hand back timestamptz as a Date or as text; compare instants in ms. */
const instant = (value: Date | string | null) =>
  value === null ? null : new Date(value).getTime();

/** A stand-in for the outside party: records every call and behaves as told on the n-th one. */
function outsideParty(behaviour: (call: number) => void = () => undefined) {
  const calls: { payload: Record<string, unknown>; idempotencyKey: string }[] = [];
  const handler: OutboxHandler = async (payload, meta) => {
    calls.push({ payload, idempotencyKey: meta.idempotencyKey });
    behaviour(calls.length);
  };
  return { calls, handler };
}

describe(`the outbox on ${testDatabaseKind()}`, () => {
  const start = new Date('2026-03-02T02:00:00Z');
  const topic = 'test.notify_outside_party';
  let database: TestDatabase;
  let db: Database;
  let clock: ReturnType<typeof fixedClock>;
  let warnings: object[];
  let sequence = 0;

  beforeEach(async () => {
    database = await closingGracefully(await createTestDatabase());
    db = database.db;
    clock = fixedClock(start);
    warnings = [];
  });
  afterEach(() => database.drop());

  const message = (overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
    topic,
    payload: { to: '+6281234567890', text: `pesan ${++sequence}` },
    idempotencyKey: `test-outbox-${sequence}`,
    cooperativeId: null,
    ...overrides,
  });
  const enqueue = (outgoing: OutboxMessage) =>
    withSystem(db, 'test enqueues a side effect', (tx) => enqueueOutbox(tx, outgoing, clock.now()));
  const deliver = (
    handler: OutboxHandler,
    options: { policy?: OutboxPolicy; topicOf?: string } = {},
  ) =>
    deliverDueOutbox(db, new Map([[options.topicOf ?? topic, handler]]), {
      now: () => clock.now(),
      log: {
        info: () => undefined,
        warn: (object) => warnings.push(object),
        error: () => undefined,
      },
      random: () => 0,
      ...(options.policy ? { policy: options.policy } : {}),
    });

  it('delivers a due message once with its payload and idempotency key, and marks it delivered', async () => {
    const outgoing = message();
    await enqueue(outgoing);
    const party = outsideParty();

    expect(await deliver(party.handler)).toBe(1);

    expect(party.calls).toEqual([
      { payload: outgoing.payload, idempotencyKey: outgoing.idempotencyKey },
    ]);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_error: null,
    });
    expect(instant((await outboxRow(db, outgoing.idempotencyKey)).delivered_at)).toBe(
      start.getTime(),
    );
    clock.advance(24 * 60 * 60_000);
    expect(await deliver(party.handler)).toBe(0);
    expect(party.calls).toHaveLength(1);
  });

  it('retries a failing message only once it is due again, counting attempts and doubling the wait', async () => {
    const outgoing = message();
    await enqueue(outgoing);
    const party = outsideParty((call) => {
      if (call <= 2) throw new Error(`gateway timed out (call ${call})`);
    });
    const waits: number[] = [];
    const recordWait = async () => {
      const row = await outboxRow(db, outgoing.idempotencyKey);
      waits.push((instant(row.next_attempt_at) ?? 0) - clock.now().getTime());
      return row;
    };

    expect(await deliver(party.handler)).toBe(1);
    expect(await recordWait()).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'gateway timed out (call 1)',
    });
    expect(await deliver(party.handler)).toBe(0); // not due yet
    clock.advance(waits[0]! - 1);
    expect(await deliver(party.handler)).toBe(0); // one millisecond early
    expect(party.calls).toHaveLength(1);

    clock.advance(1);
    expect(await deliver(party.handler)).toBe(1);
    expect(await recordWait()).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: 'gateway timed out (call 2)',
    });
    clock.advance(waits[1]! - 1);
    expect(await deliver(party.handler)).toBe(0);

    clock.advance(1);
    expect(await deliver(party.handler)).toBe(1);
    const delivered = await outboxRow(db, outgoing.idempotencyKey);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
    expect(instant(delivered.delivered_at)).toBe(clock.now().getTime());
    expect(waits).toEqual([defaultOutboxPolicy.baseDelayMs, 2 * defaultOutboxPolicy.baseDelayMs]);
    expect(party.calls.map((call) => call.idempotencyKey)).toEqual(
      Array(3).fill(outgoing.idempotencyKey),
    );
    expect(warnings).toEqual([
      expect.objectContaining({ topic, attempts: 1, isDead: false }),
      expect.objectContaining({ topic, attempts: 2, isDead: false }),
    ]);
  });

  it('marks a message dead at once on a PermanentFailure and never tries it again', async () => {
    const outgoing = message();
    await enqueue(outgoing);
    const party = outsideParty(() => {
      throw new PermanentFailure('the number is not on WhatsApp');
    });

    expect(await deliver(party.handler)).toBe(1);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'the number is not on WhatsApp',
      delivered_at: null,
    });
    clock.advance(7 * 24 * 60 * 60_000);
    expect(await deliver(party.handler)).toBe(0);
    expect(party.calls).toHaveLength(1);
  });

  it('marks a message dead after maxAttempts failures, and keeps it pending before that', async () => {
    const policy: OutboxPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
    const outgoing = message();
    await enqueue(outgoing);
    const party = outsideParty(() => {
      throw new Error('gateway answered 502');
    });
    const statuses: string[] = [];
    for (let round = 0; round < 4; round++) {
      await deliver(party.handler, { policy });
      statuses.push((await outboxRow(db, outgoing.idempotencyKey)).status);
      clock.advance(60 * 60_000);
    }

    expect(statuses).toEqual(['pending', 'pending', 'dead', 'dead']);
    expect(party.calls).toHaveLength(3);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      attempts: 3,
      last_error: 'gateway answered 502',
    });
    expect(warnings.at(-1)).toMatchObject({ attempts: 3, isDead: true });
  });

  it('marks a message whose topic has no handler dead instead of retrying it forever', async () => {
    const outgoing = message({ topic: 'test.nobody_handles_this' });
    await enqueue(outgoing);
    const party = outsideParty();

    expect(await deliver(party.handler)).toBe(1);
    expect(party.calls).toEqual([]);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'no handler for topic test.nobody_handles_this',
    });
  });

  it('keeps one message per idempotency key however often it is enqueued, and the first payload wins', async () => {
    const first = message();
    await enqueue(first);
    await enqueue({ ...first, payload: { to: '+6281234567890', text: 'a later copy' } });
    await withSystem(db, 'test enqueues twice in one transaction', async (tx) => {
      await enqueueOutbox(tx, first, clock.now());
      await enqueueOutbox(tx, first, clock.now());
    });
    const party = outsideParty();

    expect(await outboxRowsWhere(db, sql`idempotency_key = ${first.idempotencyKey}`)).toHaveLength(
      1,
    );
    expect(await deliver(party.handler)).toBe(1);
    expect(party.calls).toEqual([{ payload: first.payload, idempotencyKey: first.idempotencyKey }]);
  });

  it('never delivers a message enqueued in a transaction that rolled back', async () => {
    const outgoing = message();
    const rollback = new Error('the business write failed after enqueueing');
    await expect(
      withSystem(db, 'test enqueues then fails', async (tx) => {
        await enqueueOutbox(tx, outgoing, clock.now());
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const party = outsideParty();

    expect(await outboxRowsWhere(db, sql`idempotency_key = ${outgoing.idempotencyKey}`)).toEqual(
      [],
    );
    clock.advance(60 * 60_000);
    expect(await deliver(party.handler)).toBe(0);
    expect(party.calls).toEqual([]);
  });

  it('delivers a message a cooperative enqueued in its own transaction, which other cooperatives cannot see', async () => {
    const cooperativeA = (await givenCooperative(db)).id;
    const cooperativeB = (await givenCooperative(db)).id;
    const outgoing = message({ cooperativeId: cooperativeA });
    await withTenant(db, cooperativeA, (tx) => enqueueOutbox(tx, outgoing, clock.now()));
    const seenBy = (cooperativeId: string) =>
      withTenant(db, cooperativeId, (tx) =>
        queryRows<{ topic: string }>(tx, sql`select topic from outbox`),
      );

    expect(await seenBy(cooperativeA)).toEqual([{ topic }]);
    expect(await seenBy(cooperativeB)).toEqual([]);
    const party = outsideParty();
    expect(await deliver(party.handler)).toBe(1);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      cooperative_id: cooperativeA,
      status: 'delivered',
    });
  });

  it('leases a message to one worker while its handler runs, and lets another take it once the lease ends', async () => {
    const outgoing = message();
    await enqueue(outgoing);
    let releaseFirstWorker: () => void = () => undefined;
    const hangingParty: OutboxHandler = () =>
      new Promise<void>((resolve) => (releaseFirstWorker = resolve));
    const secondParty = outsideParty();

    const firstWorker = deliver(hangingParty);
    await expect
      .poll(() => outboxRow(db, outgoing.idempotencyKey).then((row) => row.attempts))
      .toBe(1);
    expect(await deliver(secondParty.handler)).toBe(0); // leased to the first worker
    clock.advance(60_000); // the default lease: the first worker is presumed crashed
    expect(await deliver(secondParty.handler)).toBe(1);

    expect(secondParty.calls).toHaveLength(1);
    expect(await outboxRow(db, outgoing.idempotencyKey)).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    releaseFirstWorker();
    expect(await firstWorker).toBe(1);
  });
});

describe('retryDelayMs', () => {
  const policy = defaultOutboxPolicy;

  it('waits the base delay doubled per attempt, plus between 0 and 20 % jitter', () => {
    for (let attempts = 1; attempts <= 8; attempts++) {
      const exponential = policy.baseDelayMs * 2 ** (attempts - 1);
      expect(retryDelayMs(attempts, policy, 0)).toBe(exponential);
      expect(retryDelayMs(attempts, policy, 1)).toBe(Math.round(exponential * 1.2));
      expect(retryDelayMs(attempts, policy, 0.5)).toBe(Math.round(exponential * 1.1));
    }
  });

  it('treats a message not yet attempted like a first attempt', () => {
    expect(retryDelayMs(0, policy, 0)).toBe(policy.baseDelayMs);
  });

  it('caps the exponential part at maxDelayMs however many attempts, before adding jitter', () => {
    // 1 s * 2^10 is already past the 15-minute cap.
    for (const attempts of [11, 20, 100, 10_000]) {
      expect(retryDelayMs(attempts, policy, 0)).toBe(policy.maxDelayMs);
      expect(retryDelayMs(attempts, policy, 1)).toBe(policy.maxDelayMs * 1.2);
    }
  });

  it('never waits less for a later attempt', () => {
    const waits = Array.from({ length: 40 }, (_, index) => retryDelayMs(index + 1, policy, 0));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });
});

describe(`one-time codes through the WhatsApp Cloud API simulator on ${testDatabaseKind()}`, () => {
  const account = {
    phoneNumberId: '109876543210987',
    accessToken: 'EAAG-simulated-access-token',
    templateName: 'lumbung_kode_verifikasi',
  };
  let simulator: WhatsAppCloudSimulator;
  let test: TestApp;
  let cooperativeId: string;
  let address = 0;

  beforeAll(async () => {
    simulator = await startWhatsAppCloudSimulator({
      ...account,
      approvedTemplates: [{ name: account.templateName, languageCode: 'id' }],
    });
    test = await closingGracefully(
      await createTestApp({
        channel: createWhatsAppCloudChannel({ baseUrl: simulator.baseUrl, ...account }),
      }),
    );
    cooperativeId = (await givenCooperative(test.db)).id;
  });
  afterAll(async () => {
    await test.drop();
    await simulator.close();
  });

  const requestLoginCode = async (phone: string) => {
    const response = await test.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { phone, purpose: 'login' },
      remoteAddress: `10.3.0.${++address}`,
    });
    expect(response.statusCode).toBe(200);
  };
  const messagesTo = (phone: string) =>
    simulator.messages.filter((sent) => sent.to === phone.slice(1));
  const outboxRowFor = async (phone: string) => {
    const rows = await outboxRowsWhere(test.db, sql`payload->>'to' = ${phone}`);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('sends the authentication template with the code, and that code signs the member in', async () => {
    const member = await givenMember(test.db, cooperativeId);
    await requestLoginCode(member.phone);
    expect(messagesTo(member.phone)).toEqual([]); // nothing leaves before the worker runs

    expect(await test.deliverOutbox()).toBe(1);

    const [sent, ...more] = messagesTo(member.phone);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({
      templateName: account.templateName,
      languageCode: 'id',
      code: expect.stringMatching(/^\d{6}$/),
    });
    expect(await outboxRowFor(member.phone)).toMatchObject({ status: 'delivered', attempts: 1 });
    const signIn = await test.request({
      method: 'POST',
      url: '/api/v1/auth/otp/login',
      payload: { phone: member.phone, code: sent?.code },
      remoteAddress: `10.3.0.${++address}`,
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('keeps the message pending after a 503 from WhatsApp, and delivers it on the retry', async () => {
    const member = await givenMember(test.db, cooperativeId);
    await requestLoginCode(member.phone);
    simulator.failNext(1, 503);

    expect(await test.deliverOutbox()).toBe(1);
    const afterOutage = await outboxRowFor(member.phone);
    expect(afterOutage).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterOutage.last_error).toContain('HTTP 503');
    expect(messagesTo(member.phone)).toEqual([]);
    expect(await test.deliverOutbox()).toBe(0); // the backoff has not passed

    test.clock.advance(2_000); // the first retry waits 1 s plus at most 20 % jitter
    expect(await test.deliverOutbox()).toBe(1);
    expect(messagesTo(member.phone)).toHaveLength(1);
    expect(await outboxRowFor(member.phone)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_error: null,
    });
  });

  it('gives up at once when WhatsApp refuses the access token (401)', async () => {
    const member = await givenMember(test.db, cooperativeId);
    await requestLoginCode(member.phone);
    simulator.failNext(1, 401);

    expect(await test.deliverOutbox()).toBe(1);
    const refused = await outboxRowFor(member.phone);
    expect(refused).toMatchObject({ status: 'dead', attempts: 1 });
    expect(refused.last_error).toContain('HTTP 401');
    expect(refused.last_error).toContain('Invalid OAuth access token');

    test.clock.advance(60 * 60_000);
    expect(await test.deliverOutbox()).toBe(0);
    expect(messagesTo(member.phone)).toEqual([]);
  });
});
