import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, clientErrorCodes, errorText } from './api';

function problemResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends the session cookie and a JSON body', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json({ ok: true })));
    vi.stubGlobal('fetch', fetchMock);
    await apiFetch('/api/v1/auth/login', {
      method: 'POST',
      json: { phone: '0812', password: 'x' },
    });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe('include');
    expect(init.body).toBe('{"phone":"0812","password":"x"}');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns problem details into an ApiError with both languages', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        problemResponse(401, {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'auth.invalid_credentials',
          message: { id: 'Nomor HP atau kata sandi salah.', en: 'Wrong phone number or password.' },
          requestId: 'req-1',
        }),
      ),
    );
    const error: unknown = await apiFetch('/api/v1/auth/login').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'auth.invalid_credentials',
      status: 401,
      requestId: 'req-1',
    });
    expect(errorText(error, 'id')).toBe('Nomor HP atau kata sandi salah.');
    expect(errorText(error, 'en')).toBe('Wrong phone number or password.');
  });

  it('gives a generic error for a failure that is not problem details', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const error: unknown = await apiFetch('/api/v1/auth/me').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: clientErrorCodes.unexpected, status: 502 });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error: unknown = await apiFetch('/api/v1/auth/me').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: clientErrorCodes.network, status: 0 });
    expect(errorText(error, 'id')).toMatch(/koneksi internet/);
  });

  it('resolves undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(null, { status: 204 })));
    await expect(apiFetch('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
