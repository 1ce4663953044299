import { randomUUID } from 'node:crypto';
import { withTenant, type Database } from '../../src/platform/db/database.js';
import { registerMember } from '../../src/modules/members/index.js';
import {
  depositSavings,
  openTellerSession,
  type SavingsContext,
} from '../../src/modules/savings/index.js';
import { aPerson, givenCooperative, givenMember, signIn } from '../harness/builders.js';
import type { TestApp } from '../harness/app.js';

/** Runs one savings command in its own tenant transaction, as `personId`, with a fresh key. */
export function inSavings<T>(
  db: Database,
  cooperativeId: string,
  personId: string | null,
  fn: (ctx: SavingsContext) => Promise<T>,
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

/** A registered, aktif member with a member number who can sign in. */
export async function givenSavingsMember(
  db: Database,
  cooperativeId: string,
  options: { joinedOn?: string } = {},
) {
  const person = aPerson();
  const member = await withTenant(db, cooperativeId, (tx) =>
    registerMember(
      { tx, now: new Date('2026-01-05T02:00:00Z'), cooperativeId, actorPersonId: null },
      {
        ...person,
        address: 'Jl. Ahmad Yani 1, Maumere',
        occupationSegment: 'petani',
        joinedOn: options.joinedOn ?? '2026-01-05',
      },
    ),
  );
  return { ...member, phone: person.phone, password: person.password };
}

/** A cooperative with a kasir and a bendahara signed in over HTTP. */
export async function givenSavingsCooperative(test: TestApp) {
  const cooperative = await givenCooperative(test.db);
  const kasir = await givenMember(test.db, cooperative.id, ['kasir']);
  const bendahara = await givenMember(test.db, cooperative.id, ['bendahara']);
  return {
    cooperativeId: cooperative.id,
    kasir: { ...kasir, personId: kasir.person.id, token: await signIn(test, kasir) },
    bendahara: {
      ...bendahara,
      personId: bendahara.person.id,
      token: await signIn(test, bendahara),
    },
  };
}

/** Opens a session for `tellerPersonId` and deposits `amount` into the member's `kind`. */
export async function givenDeposit(
  db: Database,
  cooperativeId: string,
  tellerPersonId: string,
  input: { membershipId: string; kind: 'pokok' | 'wajib' | 'sukarela'; amount: bigint },
  now?: Date,
) {
  await inSavings(db, cooperativeId, tellerPersonId, async (ctx) => {
    await openTellerSession(ctx, { openingFloat: 0n }).catch(() => undefined);
  }).catch(() => undefined);
  return inSavings(db, cooperativeId, tellerPersonId, (ctx) => depositSavings(ctx, input), {
    ...(now ? { now } : {}),
  });
}
