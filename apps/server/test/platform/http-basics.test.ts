import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../src/platform/db/migrate.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { closingGracefully } from '../harness/graceful-close.js';
import { testDatabaseKind, testPostgresSettings } from '../harness/settings.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const lastMigrationFile = fs
  .readdirSync(defaultMigrationsDir)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .at(-1);

describe(`HTTP basics on ${testDatabaseKind()}`, () => {
  let test: TestApp;
  let address = 0;
  beforeAll(async () => {
    test = await closingGracefully(await createTestApp());
  });
  afterAll(() => test.drop());

  /** Each request from its own address, so the sign-in rate limit stays out of the way. */
  const request = (options: Parameters<TestApp['request']>[0]) =>
    test.request({ remoteAddress: `10.4.0.${++address}`, ...options });

  describe('health and API documentation', () => {
    it('reports ok, the database kind of this run and the last migration', async () => {
      const response = await request({ method: 'GET', url: '/api/v1/health' });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({
        status: 'ok',
        database: testDatabaseKind(),
        migration: lastMigrationFile?.replace(/\.sql$/, ''),
        version: expect.any(String),
      });
    });

    it('publishes an OpenAPI 3.1.0 document listing the sign-in path and the tenant paths', async () => {
      const response = await request({ method: 'GET', url: '/api/docs/openapi.json' });

      expect(response.statusCode).toBe(200);
      const document = response.json<{
        openapi: string;
        info: { title: string };
        paths: Record<string, Record<string, unknown>>;
      }>();
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.title).toBe('Lumbung API');
      expect(document.paths['/api/v1/auth/login']).toHaveProperty('post');
      expect(document.paths['/api/v1/cooperatives/{cooperativeId}/people']).toHaveProperty('get');
      expect(document.paths['/api/v1/cooperatives/{cooperativeId}/people']).toHaveProperty('post');
      expect(Object.keys(document.paths).filter((path) => path.includes(':'))).toEqual([]);
      // The document does not describe itself (the route is hidden).
      expect(document.paths).not.toHaveProperty('/api/docs/openapi.json');
    });

    it('serves the API documentation page as HTML', async () => {
      const response = await request({ method: 'GET', url: '/api/docs' });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toMatch(/<html/i);
    });
  });

  describe('request ids', () => {
    it('puts a fresh UUID request id on every response, success or refusal', async () => {
      const responses = await Promise.all([
        request({ method: 'GET', url: '/api/v1/health' }),
        request({ method: 'GET', url: '/api/v1/no-such-route' }),
        request({ method: 'GET', url: '/api/v1/auth/me' }),
        request({ method: 'GET', url: '/api/docs' }),
      ]);
      expect(responses.map((response) => response.statusCode)).toEqual([200, 404, 401, 200]);
      const ids = responses.map((response) => response.headers['x-request-id']);
      for (const id of ids) expect(id).toMatch(uuid);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('echoes a valid incoming x-request-id in the header and in a problem body', async () => {
      const incoming = '0194a1c0-1234-7abc-8def-0123456789ab';
      const response = await request({
        method: 'GET',
        url: '/api/v1/no-such-route',
        headers: { 'x-request-id': incoming },
      });

      expect(response.headers['x-request-id']).toBe(incoming);
      expect(response.json()).toMatchObject({ requestId: incoming });
    });

    it('replaces an incoming x-request-id that is not a UUID with its own', async () => {
      for (const incoming of [
        'not-a-uuid',
        '0194a1c0-1234-7abc-8def-0123456789ab; drop',
        'x'.repeat(300),
      ]) {
        const response = await request({
          method: 'GET',
          url: '/api/v1/health',
          headers: { 'x-request-id': incoming },
        });
        expect(response.headers['x-request-id']).not.toBe(incoming);
        expect(response.headers['x-request-id']).toMatch(uuid);
      }
    });
  });

  describe('security headers', () => {
    it('sends a strict content security policy and the helmet headers on API answers and refusals', async () => {
      for (const url of ['/api/v1/health', '/api/v1/no-such-route']) {
        const { headers } = await request({ method: 'GET', url });
        const policy = String(headers['content-security-policy']);
        expect(policy, url).toContain("default-src 'self'");
        expect(policy, url).toContain("object-src 'none'");
        expect(policy, url).toContain("frame-ancestors 'self'");
        const scriptSource = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
        expect(scriptSource, url).toBe("'self'");
        expect(headers['x-content-type-options'], url).toBe('nosniff');
        expect(headers['strict-transport-security'], url).toMatch(/^max-age=\d{6,}/);
        expect(headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(headers['referrer-policy'], url).toBe('no-referrer');
        expect(headers, url).not.toHaveProperty('x-powered-by');
      }
    });
  });

  describe('problems', () => {
    it('answers an unknown /api path with a 404 problem in Indonesian and English, whatever the method', async () => {
      for (const method of ['GET', 'POST', 'DELETE'] as const) {
        const response = await request({
          method,
          url: '/api/v1/tidak-ada',
          ...(method === 'POST' ? { payload: {} } : {}),
        });

        expect(response.statusCode, method).toBe(404);
        expect(response.headers['content-type'], method).toMatch(/^application\/problem\+json/);
        expect(response.json(), method).toEqual({
          type: 'https://lumbung.id/problems/request.not_found',
          title: 'Address not found.',
          status: 404,
          code: 'request.not_found',
          message: { id: 'Alamat tidak ditemukan.', en: 'Address not found.' },
          requestId: response.headers['x-request-id'],
        });
      }
    });

    it('refuses a malformed JSON body with a 400 request.invalid problem', async () => {
      const response = await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"phone": "081234567890", "password": ',
      });

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 400,
        code: 'request.invalid',
        message: { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' },
        issues: [{ path: 'request', message: expect.any(String) }],
      });
    });

    it('refuses well-formed JSON that breaks the contract with a 400 naming the field', async () => {
      const response = await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: '081234567890' },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'request.invalid',
        issues: [expect.objectContaining({ path: expect.stringContaining('password') })],
      });
    });
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'keeps answering /health after PostgreSQL ends its idle connections (a restart or failover)',
    async () => {
      const uncaught: unknown[] = [];
      const recordUncaught = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', recordUncaught);
      try {
        expect((await request({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
        // In the select list, not the WHERE clause: PostgreSQL may evaluate WHERE conditions in any order.
        const terminated = await test.db.admin.query<{ terminated: boolean }>(
          `select pg_terminate_backend(pid) as terminated from pg_stat_activity
            where datname = current_database() and usename = $1`,
          [testPostgresSettings().appLogin],
        );
        expect(terminated).not.toEqual([]);
        expect(terminated.every((row) => row.terminated)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 500));

        expect((await request({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
        // An idle pooled connection that the server ends must not become an uncaught exception.
        expect(
          uncaught.map((error) => (error instanceof Error ? error.message : String(error))),
        ).toEqual([]);
      } finally {
        process.off('uncaughtException', recordUncaught);
      }
    },
  );
});
