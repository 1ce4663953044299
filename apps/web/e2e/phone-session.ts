import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type DemoLogin, type RunningServer } from './server';

// Git-ignored (test-results/), so screenshots never land in a commit.
export const screenshotDir = fileURLToPath(new URL('../test-results/', import.meta.url));
export const phone = { width: 360, height: 740 };
/** The demo's credit union, Kopdit Swadaya Sejahtera (apps/server/src/demo/demo-data.ts). */
export const creditUnionId = '0194a1c0-0000-7000-8000-000000000001';

/** demo-logins.json also carries each person's name (apps/server/src/demo/seed-demo.ts). */
export type NamedLogin = DemoLogin & { fullName: string };

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One real server and browser for a spec file, and phones (browser contexts) that close after
 * each test. Call at the top level of the spec; it registers the hooks.
 */
export function usePhoneSessions() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await mkdir(screenshotDir, { recursive: true });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function running(): { server: RunningServer; browser: Browser } {
    if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
    return { server, browser };
  }

  return {
    baseUrl: () => running().server.baseUrl,
    creditUnionLogin: (role: string): NamedLogin => {
      const login = running().server.logins.find(
        (candidate) => candidate.role === role && candidate.cooperativeId === creditUnionId,
      );
      if (!login) throw new Error(`demo-logins.json has no ${role} login for the credit union`);
      return login as NamedLogin;
    },
    /** A fresh browser profile (its own cookies: a second person on a second phone). */
    openPhone: async (): Promise<Page> => {
      const context = await running().browser.newContext({ viewport: phone, locale: 'id-ID' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(new URL('/masuk', running().server.baseUrl).href);
      return page;
    },
  };
}

export async function logInAs(page: Page, login: DemoLogin): Promise<void> {
  await page.getByTestId('login-phone').fill(login.phone);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-title').waitFor();
  const switcher = page.getByTestId('cooperative-switcher');
  if (login.cooperativeId !== null && (await switcher.count()) > 0) {
    await switcher.selectOption(login.cooperativeId);
  }
}

export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
