import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { aPerson, givenCooperative, givenMember, signIn } from '../harness/builders.js';
import { givenRegisteredMember } from '../harness/members.js';

describe('members registry', () => {
  let test: TestApp;
  let cooperativeId: string;
  let ketuaToken: string;

  beforeAll(async () => {
    test = await createTestApp();
    cooperativeId = (await givenCooperative(test.db)).id;
    ketuaToken = await signIn(
      test,
      await givenRegisteredMember(test.db, cooperativeId, { extraRoles: ['ketua'] }),
    );
  });
  afterAll(() => test.drop());

  const register = (payload: object, token = ketuaToken) =>
    test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${cooperativeId}/members`,
      token,
      idempotencyKey: newIdempotencyKey(),
      payload,
    });

  it('registers members with consecutive member numbers, address and occupation segment', async () => {
    const first = await register({
      ...aPerson(),
      address: 'RT 002/RW 001, Koting',
      occupationSegment: 'umkm',
    });
    const second = await register({
      ...aPerson(),
      address: 'RT 003/RW 001, Koting',
      occupationSegment: 'pedagang',
    });
    expect(first.statusCode).toBe(201);
    const numbers = [first, second].map((response) =>
      Number(response.json<{ memberNumber: string }>().memberNumber),
    );
    expect(numbers[1]).toBe((numbers[0] ?? 0) + 1);
    expect(first.json()).toMatchObject({
      status: 'aktif',
      occupationSegment: 'umkm',
      registeredVia: 'officer',
      nikMasked: expect.stringContaining('********'),
    });
  });

  it('refuses an invalid NIK and an unknown occupation segment', async () => {
    expect(
      (
        await register({
          ...aPerson(),
          nik: '5310019902880001',
          address: 'Nita',
          occupationSegment: 'petani',
        })
      ).json(),
    ).toMatchObject({ code: 'identity.nik_invalid' });
    expect(
      (await register({ ...aPerson(), address: 'Nita', occupationSegment: 'nelayan' })).statusCode,
    ).toBe(400);
  });

  it('finds a member by number, NIK, phone and by part of the name despite a typo', async () => {
    const member = await givenRegisteredMember(test.db, cooperativeId, {
      fullName: 'Yohanes Bosco Nggadas',
    });
    const search = async (q: string) =>
      (
        await test.request({
          method: 'GET',
          url: `/api/v1/cooperatives/${cooperativeId}/members/search?q=${encodeURIComponent(q)}`,
          token: ketuaToken,
        })
      )
        .json<{
          items: { membershipId: string }[];
        }>()
        .items.map((item) => item.membershipId);
    expect(await search(member.memberNumber ?? '')).toContain(member.membershipId);
    expect(await search(String(Number(member.memberNumber)))).toContain(member.membershipId);
    expect(await search(member.nik)).toContain(member.membershipId);
    expect(await search(member.phone.replace('+62', '0'))).toContain(member.membershipId);
    expect(await search('nggadas')).toContain(member.membershipId);
    expect(await search('Yohanes Nggadaz')).toContain(member.membershipId);
    expect(await search('zzzz-nobody')).toEqual([]);
  });

  it('takes a self-registration into the approval queue and lets the pengurus approve it', async () => {
    const other = (await givenCooperative(test.db)).id;
    const applicant = await givenMember(test.db, other); // known to the platform through another cooperative
    const token = await signIn(test, applicant);
    const applied = await test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${cooperativeId}/member-applications`,
      token,
      idempotencyKey: newIdempotencyKey(),
      payload: {
        nik: applicant.nik,
        fullName: 'Pemohon Baru',
        address: 'RT 004/RW 002, Habi',
        occupationSegment: 'petani',
      },
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      status: 'calon',
      memberNumber: null,
      registeredVia: 'self',
    });
    const membershipId = applied.json<{ membershipId: string }>().membershipId;
    expect(
      (await test.request({ method: 'GET', url: `/api/v1/cooperatives/${cooperativeId}`, token }))
        .statusCode,
    ).toBe(403);
    const queue = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${cooperativeId}/members?status=calon`,
      token: ketuaToken,
    });
    expect(
      queue.json<{ items: { membershipId: string }[] }>().items.map((item) => item.membershipId),
    ).toEqual([membershipId]);
    const decide = (decision: string) =>
      test.request({
        method: 'POST',
        url: `/api/v1/cooperatives/${cooperativeId}/member-applications/${membershipId}/decision`,
        token: ketuaToken,
        idempotencyKey: newIdempotencyKey(),
        payload: { decision, note: 'Syarat lengkap' },
      });
    const approved = await decide('approve');
    expect(approved.json()).toMatchObject({
      status: 'aktif',
      memberNumber: expect.stringMatching(/^\d{6}$/),
      decisionNote: 'Syarat lengkap',
    });
    expect((await decide('reject')).json()).toMatchObject({
      status: 409,
      code: 'members.application_not_pending',
    });
    const freshToken = await signIn(test, applicant);
    expect(
      (
        await test.request({
          method: 'GET',
          url: `/api/v1/cooperatives/${cooperativeId}`,
          token: freshToken,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses an application with someone else’s NIK', async () => {
    const applicant = await givenMember(test.db, (await givenCooperative(test.db)).id);
    const victim = await givenRegisteredMember(test.db, cooperativeId);
    const response = await test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${(await givenCooperative(test.db)).id}/member-applications`,
      token: await signIn(test, applicant),
      idempotencyKey: newIdempotencyKey(),
      payload: {
        nik: victim.nik,
        fullName: 'Menyamar',
        address: 'Nita',
        occupationSegment: 'petani',
      },
    });
    expect(response.json()).toMatchObject({ code: 'identity.phone_already_registered' });
  });

  it('gives a member a signed card that verifies offline, and refuses a forged one', async () => {
    const member = await givenRegisteredMember(test.db, cooperativeId, {
      fullName: 'Maria Goreti Parera',
    });
    const token = await signIn(test, member);
    const card = (
      await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${cooperativeId}/members/${member.membershipId}/card`,
        token,
      })
    ).json<{
      payload: string;
      publicKeyPem: string;
      memberNumber: string;
    }>();
    expect(card.memberNumber).toBe(member.memberNumber);
    const [prefix, body, signature] = card.payload.split('.');
    const isValidOffline = verify(
      null,
      Buffer.from(`${prefix}.${body}`),
      createPublicKey(card.publicKeyPem),
      Buffer.from(signature ?? '', 'base64url'),
    );
    expect(isValidOffline).toBe(true);
    expect(Buffer.from(body ?? '', 'base64url').toString()).not.toContain(member.nik);
    const verified = await test.request({
      method: 'POST',
      url: '/api/v1/member-cards/verify',
      payload: { payload: card.payload },
    });
    expect(verified.json()).toMatchObject({
      isValid: true,
      membershipId: member.membershipId,
      fullName: 'Maria Goreti Parera',
    });
    const forgedBody = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()),
        n: '999999',
      }),
    ).toString('base64url');
    const forged = await test.request({
      method: 'POST',
      url: '/api/v1/member-cards/verify',
      payload: { payload: `${prefix}.${forgedBody}.${signature}` },
    });
    expect(forged.json()).toMatchObject({ status: 422, code: 'members.card_invalid' });
  });

  it('shows a member their own record and card but not another member’s', async () => {
    const member = await givenRegisteredMember(test.db, cooperativeId);
    const other = await givenRegisteredMember(test.db, cooperativeId);
    const token = await signIn(test, member);
    const base = `/api/v1/cooperatives/${cooperativeId}/members`;
    expect(
      (await test.request({ method: 'GET', url: `${base}/${member.membershipId}`, token }))
        .statusCode,
    ).toBe(200);
    expect(
      (await test.request({ method: 'GET', url: `${base}/${other.membershipId}`, token }))
        .statusCode,
    ).toBe(403);
    expect(
      (await test.request({ method: 'GET', url: `${base}/${other.membershipId}/card`, token }))
        .statusCode,
    ).toBe(403);
    expect((await test.request({ method: 'GET', url: `${base}?limit=5`, token })).statusCode).toBe(
      403,
    );
  });
});
