import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipRoles } from '@lumbung/shared/contracts/identity';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { givenCooperative, givenMember, signIn } from '../harness/builders.js';

describe('route declarations', () => {
  let test: TestApp;
  let cooperativeA: string;
  let outsiderToken: string;

  beforeAll(async () => {
    test = await createTestApp();
    cooperativeA = (await givenCooperative(test.db)).id;
    await givenMember(test.db, cooperativeA, ['anggota']);
    const cooperativeB = (await givenCooperative(test.db)).id;
    // The outsider holds every role — in the other cooperative.
    const outsider = await givenMember(test.db, cooperativeB, [...membershipRoles]);
    outsiderToken = await signIn(test, outsider);
  });
  afterAll(() => test.drop());

  const apiRoutes = () => test.app.routeTable.filter((route) => route.url.startsWith('/api/v1/'));

  it('registers a declared access rule for every API route', () => {
    expect(apiRoutes().length).toBeGreaterThan(15);
    const undeclared = apiRoutes().filter((route) => route.access === undefined);
    expect(undeclared).toEqual([]);
  });

  it('makes every POST say whether it is idempotent', () => {
    const posts = apiRoutes().filter((route) => route.methods.includes('POST'));
    expect(posts.filter((route) => typeof route.idempotent !== 'boolean')).toEqual([]);
  });

  it('opens only the membership application to people outside the cooperative', () => {
    const openCooperativeRoutes = apiRoutes()
      .filter(
        (route) => route.url.includes(':cooperativeId') && !('tenant' in (route.access as object)),
      )
      .map((route) => `${route.methods.join(',')} ${route.url}`);
    expect(openCooperativeRoutes).toEqual([
      'POST /api/v1/cooperatives/:cooperativeId/member-applications',
    ]);
  });

  it('refuses a user of another cooperative on every tenant route', async () => {
    const tenantRoutes = apiRoutes().filter(
      (route) => route.url.includes(':cooperativeId') && 'tenant' in (route.access as object),
    );
    expect(tenantRoutes.length).toBeGreaterThan(4);
    for (const route of tenantRoutes) {
      for (const method of route.methods.filter((candidate) => candidate !== 'HEAD')) {
        const url = route.url
          .replace(':cooperativeId', cooperativeA)
          .replace(/:\w+/g, randomUUID());
        const response = await test.request({
          method: method,
          url,
          token: outsiderToken,
          idempotencyKey: newIdempotencyKey(),
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        expect([403, 404], `${method} ${route.url} answered ${response.statusCode}`).toContain(
          response.statusCode,
        );
      }
    }
  });

  it('asks for a sign-in on every route that is not public', async () => {
    const guarded = apiRoutes().filter((route) => !(route.access as { public?: boolean }).public);
    for (const route of guarded) {
      for (const method of route.methods.filter((candidate) => candidate !== 'HEAD')) {
        const url = route.url.replace(/:\w+/g, randomUUID());
        const response = await test.request({
          method: method,
          url,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${method} ${route.url}`).toBe(401);
        expect(response.json()).toMatchObject({ code: 'auth.unauthenticated' });
      }
    }
  });
});
