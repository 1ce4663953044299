import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, givenOfficer, signIn } from '../harness/builders.js';

const newCooperative = (suffix: string, overrides: Record<string, unknown> = {}) => ({
  name: `Kopdit Uji ${suffix}`,
  legalEntityNumber: `AHU-API-${suffix}`,
  nikKoperasi: `531001000${suffix.charCodeAt(0)}`.padEnd(13, '0'),
  type: 'simpan_pinjam',
  districtCode: '5310',
  ...overrides,
});

describe('cooperatives API', () => {
  let test: TestApp;
  let platformToken: string;

  beforeAll(async () => {
    test = await createTestApp();
    platformToken = await signIn(test, await givenOfficer(test.db, 'platform'));
  });
  afterAll(() => test.drop());

  const create = (body: unknown, key = newIdempotencyKey(), token = platformToken) =>
    test.request({
      method: 'POST',
      url: '/api/v1/cooperatives',
      token,
      idempotencyKey: key,
      payload: body as object,
    });

  it('registers a cooperative with its district, type, loop flag, fiscal year and AD/ART settings', async () => {
    const response = await create(
      newCooperative('a', { isClosedLoop: false, fiscalYearStartMonth: 7 }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Kopdit Uji a',
      type: 'simpan_pinjam',
      tier: 'primer',
      districtCode: '5310',
      districtName: 'Kab. Sikka',
      provinceCode: '53',
      isClosedLoop: false,
      fiscalYearStartMonth: 7,
      bylaws: { simpananPokokRupiah: '100000', lendingLimitBps: 1500 },
    });
  });

  it('refuses an unknown district, a malformed NIK koperasi and a reused legal-entity number', async () => {
    expect((await create(newCooperative('b', { districtCode: '5399' }))).json()).toMatchObject({
      status: 422,
      code: 'cooperatives.district_unknown',
      message: { id: 'Kode kabupaten/kota 5399 tidak dikenal.' },
    });
    expect((await create(newCooperative('c', { nikKoperasi: '12ab' }))).json()).toMatchObject({
      code: 'cooperatives.nik_koperasi_invalid',
    });
    await create(newCooperative('d'));
    const reused = await create(newCooperative('d', { name: 'Another name' }));
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({
      code: 'cooperatives.legal_entity_number_already_registered',
    });
    const sameNik = await create(newCooperative('d', { legalEntityNumber: 'AHU-API-other' }));
    expect(sameNik.statusCode).toBe(409);
    expect(sameNik.json()).toMatchObject({ code: 'cooperatives.nik_koperasi_already_registered' });
  });

  it('refuses a body that breaks the contract with field paths', async () => {
    const response = await create({ name: 'X', type: 'bank' });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe('request.invalid');
    expect(problem.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.type']),
    );
  });

  it('lets only platform operators register cooperatives', async () => {
    const cooperative = await givenCooperative(test.db);
    const ketua = await givenMember(test.db, cooperative.id, ['anggota', 'ketua']);
    const response = await create(
      newCooperative('e'),
      newIdempotencyKey(),
      await signIn(test, ketua),
    );
    expect(response.statusCode).toBe(403);
  });

  it('shows a dinas officer only the cooperatives in their region', async () => {
    await givenCooperative(test.db, { districtCode: '5371' });
    const dinasSikka = await signIn(test, await givenOfficer(test.db, 'dinas', ['5310']));
    const response = await test.request({
      method: 'GET',
      url: '/api/v1/cooperatives?limit=200',
      token: dinasSikka,
    });
    const districts = (response.json() as { items: { districtCode: string }[] }).items.map(
      (item) => item.districtCode,
    );
    expect(districts.length).toBeGreaterThan(0);
    expect(new Set(districts)).toEqual(new Set(['5310']));
  });

  it('pages the registry with a cursor, each cooperative once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (
        await test.request({
          method: 'GET',
          url: `/api/v1/cooperatives?limit=2${query}`,
          token: platformToken,
        })
      ).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lets a primary cooperative join a secondary one, once, and never a primary or itself', async () => {
    const secondary = await givenCooperative(test.db, { tier: 'sekunder', name: 'Puskopdit Uji' });
    const primary = await givenCooperative(test.db);
    const otherPrimary = await givenCooperative(test.db);
    const ketua = await signIn(test, await givenMember(test.db, primary.id, ['anggota', 'ketua']));
    const join = (secondaryCooperativeId: string) =>
      test.request({
        method: 'POST',
        url: `/api/v1/cooperatives/${primary.id}/federation`,
        token: ketua,
        idempotencyKey: newIdempotencyKey(),
        payload: { secondaryCooperativeId },
      });
    const joined = await join(secondary.id);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({
      memberOf: [{ cooperativeId: secondary.id, name: 'Puskopdit Uji' }],
    });
    expect((await join(secondary.id)).json()).toMatchObject({
      code: 'cooperatives.federation_already_member',
    });
    expect((await join(otherPrimary.id)).json()).toMatchObject({
      code: 'cooperatives.federation_requires_secondary',
    });
    expect((await join(primary.id)).json()).toMatchObject({ code: 'cooperatives.federation_self' });
    const view = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${secondary.id}/federation`,
      token: platformToken,
    });
    expect(view.json()).toMatchObject({ members: [{ cooperativeId: primary.id }] });
  });

  it('serves the regions: every province and NTT’s 22 districts', async () => {
    const response = await test.request({ method: 'GET', url: '/api/v1/regions' });
    const items = (
      response.json() as { items: { code: string; level: string; provinceCode: string }[] }
    ).items;
    expect(items.filter((item) => item.level === 'province')).toHaveLength(38);
    expect(
      items.filter((item) => item.level === 'district' && item.provinceCode === '53'),
    ).toHaveLength(22);
  });
});
