import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember } from '../harness/builders.js';

describe('signing in', () => {
  let test: TestApp;
  let cooperativeId: string;
  let member: Awaited<ReturnType<typeof givenMember>>;
  let address = 0;

  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db)).id;
    member = await givenMember(test.db, cooperativeId);
  });
  afterAll(() => test.drop());

  /** Each test signs in from its own address so the per-address rate limit stays out of the way. */
  const login = (phone: string, password: string, remoteAddress = `10.1.0.${++address}`) =>
    test.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone, password },
      remoteAddress,
    });

  it('returns token, person and memberships, and sets an httpOnly session cookie', async () => {
    const localPhone = member.phone.replace('+62', '0');
    const response = await login(localPhone, member.password);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      token: string;
      person: { id: string; nikMasked: string };
      memberships: { cooperativeId: string; roles: string[] }[];
    };
    expect(body.token.length).toBeGreaterThan(30);
    expect(body.person.id).toBe(member.person.id);
    expect(body.person.nikMasked).toMatch(/^\d{6}\*{8}\d{2}$/);
    expect(body.memberships).toEqual([
      expect.objectContaining({ cooperativeId, roles: ['anggota'] }),
    ]);
    const cookie = response.cookies.find((candidate) => candidate.name === 'lumbung_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await test.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { lumbung_session: cookie?.value ?? '' },
    });
    expect(me.json()).toMatchObject({ person: { id: member.person.id } });
  });

  it('accepts the token as a bearer for API clients, and forgets it after logout', async () => {
    const token = (await login(member.phone, member.password)).json<{ token: string }>().token;
    expect((await test.request({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(
      200,
    );
    expect(
      (await test.request({ method: 'POST', url: '/api/v1/auth/logout', token })).statusCode,
    ).toBe(204);
    const after = await test.request({ method: 'GET', url: '/api/v1/auth/me', token });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({
      code: 'auth.unauthenticated',
      message: { id: 'Silakan masuk terlebih dahulu.' },
    });
  });

  it('gives the same refusal for a wrong password and for an unknown phone', async () => {
    const wrong = await login(member.phone, 'not-the-password');
    const unknown = await login('081299999999', 'whatever-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      message: { id: 'Nomor HP atau kata sandi salah.', en: 'Phone number or password is wrong.' },
    });
    expect(unknown.json<{ code: string }>().code).toBe('auth.invalid_credentials');
  });

  it('locks the account after five failures, even against the right password, until the lock ends', async () => {
    const victim = await givenMember(test.db, cooperativeId);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++)
      statuses.push((await login(victim.phone, 'wrong-password-x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await login(victim.phone, victim.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({
      code: 'auth.account_locked',
      params: { lockedUntil: expect.any(String) },
    });
    test.clock.advance(15 * 60_000);
    expect((await login(victim.phone, victim.password)).statusCode).toBe(200);
  });

  it('rate-limits repeated sign-ins from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++)
      statuses.push((await login('081200000000', 'x', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await login('081200000000', 'x', '10.9.9.9');
    expect(limited.json()).toMatchObject({ code: 'request.rate_limited' });
  });

  it('shows every cooperative a person belongs to', async () => {
    const other = (await givenCooperative(test.db, { type: 'konsumen', districtCode: '5371' })).id;
    const person = await givenMember(test.db, cooperativeId);
    const { withTenant } = await import('../../src/platform/db/database.js');
    const { registerPerson } = await import('../../src/modules/identity/index.js');
    await withTenant(test.db, other, (tx) =>
      registerPerson(
        { tx, now: new Date(), cooperativeId: other },
        { nik: person.nik, fullName: 'x', phone: person.phone, roles: ['anggota', 'bendahara'] },
      ),
    );
    const body = (await login(person.phone, person.password)).json<{
      memberships: { cooperativeId: string; roles: string[] }[];
    }>();
    expect(body.memberships.map((membership) => membership.cooperativeId).sort()).toEqual(
      [cooperativeId, other].sort(),
    );
  });
});
