import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '@lumbung/shared/nik';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import {
  aPerson,
  givenCooperative,
  givenMember,
  givenOfficer,
  signIn,
} from '../harness/builders.js';

describe('people, memberships and roles', () => {
  let test: TestApp;
  let cooperativeId: string;
  let ketuaToken: string;
  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db)).id;
    ketuaToken = await signIn(
      test,
      await givenMember(test.db, cooperativeId, ['anggota', 'ketua']),
    );
  });
  afterAll(() => test.drop());

  const register = (payload: object, token = ketuaToken, cooperative = cooperativeId) =>
    test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${cooperative}/people`,
      token,
      idempotencyKey: newIdempotencyKey(),
      payload,
    });

  it('registers a member with a validated NIK and a phone normalised to +62', async () => {
    const person = aPerson();
    const response = await register({
      ...person,
      phone: person.phone.replace('+62', '0'),
      roles: ['anggota'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      person: { phone: person.phone },
      membership: { cooperativeId, roles: ['anggota'], status: 'aktif' },
    });
  });

  it('explains why a NIK is refused, in both languages', async () => {
    const response = await register({ ...aPerson(), nik: '5310013202880001', roles: ['anggota'] });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'identity.nik_invalid',
      params: { reason: 'invalid_birth_date' },
      message: {
        id: 'NIK tidak valid: invalid_birth_date.',
        en: 'The NIK is not valid: invalid_birth_date.',
      },
    });
    expect(
      (await register({ ...aPerson(), phone: '0211234567', roles: ['anggota'] })).json(),
    ).toMatchObject({ code: 'identity.phone_invalid' });
  });

  it('keeps one identity per NIK across cooperatives, and one person per phone', async () => {
    const other = (await givenCooperative(test.db)).id;
    const otherKetua = await signIn(test, await givenMember(test.db, other, ['anggota', 'ketua']));
    const person = aPerson();
    const first = await register({ ...person, roles: ['anggota'] });
    const second = await register({ ...person, roles: ['anggota'] }, otherKetua, other);
    expect(second.statusCode).toBe(201);
    expect(second.json<{ person: { id: string } }>().person.id).toBe(
      first.json<{ person: { id: string } }>().person.id,
    );
    expect((await register({ ...person, roles: ['anggota'] })).json()).toMatchObject({
      status: 409,
      code: 'identity.membership_already_exists',
    });
    const samePhone = { ...aPerson(), phone: person.phone };
    expect((await register({ ...samePhone, roles: ['anggota'] })).json()).toMatchObject({
      status: 409,
      code: 'identity.phone_already_registered',
    });
  });

  it('lets the ketua set roles and nobody else', async () => {
    const member = await givenMember(test.db, cooperativeId);
    const url = `/api/v1/cooperatives/${cooperativeId}/people/${member.membership.membershipId}/roles`;
    const sekretaris = await signIn(
      test,
      await givenMember(test.db, cooperativeId, ['anggota', 'sekretaris']),
    );
    expect(
      (
        await test.request({
          method: 'PUT',
          url,
          token: sekretaris,
          payload: { roles: ['anggota', 'kasir'] },
        })
      ).statusCode,
    ).toBe(403);
    const granted = await test.request({
      method: 'PUT',
      url,
      token: ketuaToken,
      payload: { roles: ['anggota', 'kasir'] },
    });
    expect(granted.json()).toMatchObject({ roles: ['anggota', 'kasir'] });
    const token = await signIn(test, member);
    const me = await test.request({ method: 'GET', url: '/api/v1/auth/me', token });
    expect(me.json()).toMatchObject({ memberships: [{ roles: ['anggota', 'kasir'] }] });
  });

  it('lists the cooperative’s people for the back office, NIK masked, not for plain members', async () => {
    const list = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${cooperativeId}/people?limit=200`,
      token: ketuaToken,
    });
    const items = list.json<{ items: { nikMasked: string; cooperativeId: string }[] }>().items;
    expect(items.length).toBeGreaterThan(3);
    expect(
      items.every(
        (item) => item.cooperativeId === cooperativeId && item.nikMasked.includes('********'),
      ),
    ).toBe(true);
    const plainMember = await signIn(test, await givenMember(test.db, cooperativeId));
    expect(
      (
        await test.request({
          method: 'GET',
          url: `/api/v1/cooperatives/${cooperativeId}/people`,
          token: plainMember,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('scopes a dinas officer to their regions on cooperative routes', async () => {
    const nttOfficer = await signIn(test, await givenOfficer(test.db, 'dinas', ['53']));
    const kupangOfficer = await signIn(test, await givenOfficer(test.db, 'dinas', ['5371']));
    const url = `/api/v1/cooperatives/${cooperativeId}`;
    expect((await test.request({ method: 'GET', url, token: nttOfficer })).statusCode).toBe(200);
    expect((await test.request({ method: 'GET', url, token: kupangOfficer })).statusCode).toBe(403);
  });

  it('creates a dinas officer only with known region codes', async () => {
    const platform = await signIn(test, await givenOfficer(test.db, 'platform'));
    const officer = (regionCodes: string[]) =>
      test.request({
        method: 'POST',
        url: '/api/v1/officers',
        token: platform,
        idempotencyKey: newIdempotencyKey(),
        payload: {
          ...aPerson(),
          nik: composeNik({
            districtCode: '537101',
            birthDate: '1979-01-02',
            sex: 'male',
            sequence: 4242 + regionCodes.length,
          }),
          role: 'dinas',
          regionCodes,
        },
      });
    expect((await officer(['5399'])).json()).toMatchObject({
      code: 'identity.region_scope_invalid',
    });
    expect((await officer(['5310', '5371'])).json()).toMatchObject({
      officerScopes: [{ role: 'dinas', regionCodes: ['5310', '5371'] }],
    });
  });
});
