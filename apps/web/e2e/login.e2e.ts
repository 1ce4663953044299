import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './phone-session';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type DemoLogin, type RunningServer } from './server';

// Git-ignored (test-results/), so screenshots never land in a commit.
const screenshotDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const phone = { width: 360, height: 740 };

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function running(): { server: RunningServer; browser: Browser } {
  if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
  return { server, browser };
}

function loginFor(role: string): DemoLogin {
  const login = running().server.logins.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`demo-logins.json has no ${role} login`);
  return login;
}

/** Each test gets a fresh browser profile: no cookie, no stored language or cooperative. */
async function openPage(path: string): Promise<Page> {
  context = await running().browser.newContext({ viewport: phone, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(new URL(path, running().server.baseUrl).href);
  return page;
}

async function logIn(page: Page, credentials: { phone: string; password: string }): Promise<void> {
  await page.getByTestId('login-phone').fill(credentials.phone);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
}

/** A person in several cooperatives starts in the first; look at the one the demo login is for. */
async function logInAndOpenCooperative(page: Page, login: DemoLogin): Promise<void> {
  await logIn(page, login);
  await page.getByTestId('home-title').waitFor();
  const switcher = page.getByTestId('cooperative-switcher');
  if (login.cooperativeId !== null && (await switcher.count()) > 0) {
    await switcher.selectOption(login.cooperativeId);
  }
}

describe('signing in on a phone', () => {
  it('shows a member their home in Indonesian, fitting 360px, and switches to English', async () => {
    const page = await openPage('/masuk');
    await logInAndOpenCooperative(page, loginFor('anggota'));

    const title = page.getByTestId('home-title');
    await title.waitFor();
    expect(await title.textContent()).toContain('Halo');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}member-home-360.png`, fullPage: true });

    await page.getByTestId('locale-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await title.textContent()).toContain('Hello');
    expect(await page.evaluate(() => localStorage.getItem('lumbung.locale'))).toBe('en');
  });

  it('shows the Indonesian refusal for a wrong password', async () => {
    const page = await openPage('/masuk');
    await logIn(page, { phone: loginFor('anggota').phone, password: 'kata-sandi-salah-123' });

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Nomor HP atau kata sandi salah');
  });

  it('shows a ketua the back-office home', async () => {
    const page = await openPage('/masuk');
    await logInAndOpenCooperative(page, loginFor('ketua'));

    const title = page.getByTestId('home-title');
    await title.waitFor();
    expect(await title.textContent()).toContain('Beranda Pengurus');
    expect(await page.getByTestId('active-cooperative').textContent()).not.toBe('');
  });

  it('shows a dinas officer the cooperatives in their regions', async () => {
    const page = await openPage('/masuk');
    await logIn(page, loginFor('dinas'));

    const title = page.getByTestId('home-title');
    await title.waitFor();
    expect(await title.textContent()).toContain('Pemantauan Koperasi');
    await page.getByTestId('oversight-cooperative').nth(2).waitFor();
    expect(await page.getByTestId('oversight-cooperative').count()).toBeGreaterThanOrEqual(3);
  });

  it('logs out back to the login page', async () => {
    const page = await openPage('/masuk');
    await logIn(page, loginFor('anggota'));
    await page.getByTestId('home-title').waitFor();

    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await page.goto(new URL('/', running().server.baseUrl).href);
    await page.getByTestId('login-submit').waitFor(); // the session cookie is gone
    expect(new URL(page.url()).pathname).toBe('/masuk');
  });
});

describe('installable app', () => {
  it('serves the manifest and registers the service worker', async () => {
    const page = await openPage('/masuk');
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, body: (await response.json()) as unknown };
    }, manifestHref ?? '');
    expect(manifest.status).toBe(200);
    expect(manifest.body).toMatchObject({
      name: 'Lumbung',
      short_name: 'Lumbung',
      lang: 'id',
      start_url: '/',
    });

    const scriptUrl = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          setTimeout(() => {
            reject(new Error('no active service worker within 20 s'));
          }, 20_000);
          void navigator.serviceWorker.ready.then((registration) => {
            resolve(registration.active?.scriptURL ?? '');
          });
        }),
    );
    expect(scriptUrl).toMatch(/\/sw\.js$/);
  });

  it('tells the person when the connection drops', async () => {
    const page = await openPage('/masuk');
    await page.getByTestId('login-submit').waitFor();
    await context?.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await context?.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  });
});
