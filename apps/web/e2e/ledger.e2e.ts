import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logInAs, pageWidth, phone, screenshotDir, usePhoneSessions } from './phone-session';

const sha256Hex = /^[0-9a-f]{64}$/;
/** One journal per run, recognisable in lists and queues. */
const memo = `Hibah pemerintah desa (e2e ${String(Date.now())})`;

const { baseUrl, creditUnionLogin, openPhone } = usePhoneSessions();

/** From the back-office home through the "Pembukuan" tile to one section of the books. */
async function openBooksSection(page: Page, section: string): Promise<void> {
  await page.getByTestId('module-bookkeeping').click();
  await page.getByTestId('ledger-title').waitFor();
  await page.getByTestId(`ledger-tile-${section}`).click();
}

describe('the books on a phone', () => {
  it('takes a manual journal from the bendahara through the ketua into the books', async () => {
    // The maker: the bendahara prepares a balanced journal.
    const treasurer = await openPhone();
    await logInAs(treasurer, creditUnionLogin('bendahara'));
    await openBooksSection(treasurer, 'manual');
    await treasurer.getByTestId('manual-form').waitFor();
    await treasurer.getByTestId('manual-memo').fill(memo);
    await treasurer.getByTestId('manual-line-1-account').selectOption({ label: '1-1101 Kas' });
    await treasurer.getByTestId('manual-line-1-side').selectOption('debit');
    await treasurer.getByTestId('manual-line-1-amount').fill('150.000');
    const balance = treasurer.getByTestId('manual-balance');
    expect(await balance.getAttribute('data-balanced')).toBe('false');
    expect(await balance.textContent()).toContain('Belum seimbang');
    expect(await balance.textContent()).toContain('Rp150.000');

    await treasurer.getByTestId('manual-line-2-account').selectOption({ label: '3-1104 Hibah' });
    await treasurer.getByTestId('manual-line-2-side').selectOption('credit');
    await treasurer.getByTestId('manual-line-2-amount').fill('150000');
    await treasurer.locator('[data-testid="manual-balance"][data-balanced="true"]').waitFor();
    expect(await treasurer.getByTestId('manual-total-debit').textContent()).toBe('Rp150.000');
    expect(await treasurer.getByTestId('manual-total-credit').textContent()).toBe('Rp150.000');
    expect(await pageWidth(treasurer)).toBeLessThanOrEqual(phone.width);
    await treasurer.screenshot({ path: `${screenshotDir}manual-journal-360.png`, fullPage: true });

    await treasurer.getByTestId('manual-submit').click();
    await treasurer.getByTestId('manual-notice').waitFor();
    const ownDraft = treasurer.getByTestId('manual-queue-item').filter({ hasText: memo });
    await ownDraft.waitFor();
    // Maker-checker: the person who prepared it gets no approve button.
    expect(await ownDraft.getByTestId('manual-prepared-by-you').count()).toBe(1);
    expect(await ownDraft.getByTestId('manual-approve').count()).toBe(0);

    // The checker: the ketua, on another phone, approves it.
    const chair = await openPhone();
    await logInAs(chair, creditUnionLogin('ketua'));
    await openBooksSection(chair, 'manual');
    const draft = chair.getByTestId('manual-queue-item').filter({ hasText: memo });
    await draft.waitFor();
    expect(await draft.getByTestId('manual-prepared-by-you').count()).toBe(0);
    await draft.getByTestId('manual-approve').click();
    const notice = chair.getByTestId('manual-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('disetujui');
    await draft.waitFor({ state: 'detached' });

    // The journal list shows it, newest first.
    await chair.getByTestId('ledger-nav-journal').click();
    const newest = chair.getByTestId('journal-entry').first();
    await newest.waitFor();
    expect(await newest.textContent()).toContain(memo);
    expect(await newest.textContent()).toContain('Rp150.000');

    // Its detail: both lines with account code and name, and its place in the hash chain.
    await newest.click();
    await chair.getByTestId('entry-title').waitFor();
    const lines = chair.getByTestId('entry-lines');
    await lines.getByText('Hibah').waitFor();
    expect(await lines.textContent()).toContain('1-1101');
    expect(await lines.textContent()).toContain('Kas');
    expect(await chair.getByTestId('entry-hash').textContent()).toMatch(sha256Hex);
    expect(await chair.getByTestId('entry-prev-hash').textContent()).toMatch(sha256Hex);
    expect(await chair.getByTestId('entry-reverse').count()).toBe(1); // ketua may reverse
    expect(await pageWidth(chair)).toBeLessThanOrEqual(phone.width);

    // The trial balance includes it and is balanced.
    await chair.getByTestId('ledger-nav-trialBalance').click();
    const status = chair.getByTestId('trial-balance-status');
    await status.waitFor();
    expect(await status.getAttribute('data-balanced')).toBe('true');
    await chair.locator('[data-testid="trial-balance-line"][data-code="1-1101"]').waitFor();
    expect(await chair.getByTestId('trial-balance-debit').textContent()).toBe(
      await chair.getByTestId('trial-balance-credit').textContent(),
    );
    expect(await pageWidth(chair)).toBeLessThanOrEqual(phone.width);
    await chair.screenshot({ path: `${screenshotDir}trial-balance-360.png`, fullPage: true });
  });

  it('shows the statements of the month and serves them as PDF and XLSX', async () => {
    const chair = await openPhone();
    await logInAs(chair, creditUnionLogin('ketua'));
    await openBooksSection(chair, 'statements');
    for (const kind of ['balance-sheet', 'income-statement', 'equity-changes', 'cash-flow']) {
      await chair.getByTestId('statement-kind').selectOption(kind);
      await chair.getByTestId('statement-show').click();
      await chair.waitForURL((url) => url.searchParams.get('laporan') === kind);
      const view = chair.getByTestId('statement-view');
      const error = chair.getByTestId('statement-error');
      await view.or(error).waitFor();
      if ((await error.count()) > 0)
        throw new Error(`${kind}: the API refused: ${(await error.textContent()) ?? ''}`);
      // The statement's rows may render a moment after its view: wait for the first.
      await chair.getByTestId('statement-row').first().waitFor();
      expect(await chair.getByTestId('statement-row').count()).toBeGreaterThan(0);
      expect(await pageWidth(chair)).toBeLessThanOrEqual(phone.width);
    }
    await chair.screenshot({ path: `${screenshotDir}statements-360.png`, fullPage: true });

    const downloads = await Promise.all(
      ['statement-pdf', 'statement-xlsx'].map(async (testId) => {
        const href = (await chair.getByTestId(testId).getAttribute('href')) ?? '';
        return chair.evaluate(async (url) => {
          const response = await fetch(url, { credentials: 'include' });
          return { url, status: response.status, type: response.headers.get('content-type') };
        }, href);
      }),
    );
    expect(downloads[0]?.url).toContain('format=pdf');
    expect(downloads[0]?.status).toBe(200);
    expect(downloads[0]?.type).toContain('application/pdf');
    expect(downloads[1]?.url).toContain('format=xlsx');
    expect(downloads[1]?.status).toBe(200);
    expect(downloads[1]?.type).toContain('spreadsheetml');
  });

  it('shows a plain member the checkpoint hash in "Koperasi dalam angka"', async () => {
    const member = await openPhone();
    await logInAs(member, creditUnionLogin('anggota'));
    await member.getByTestId('figures-link').click();
    await member.getByTestId('figures-title').waitFor();
    const hash = member.getByTestId('chain-hash');
    await hash.waitFor();
    // A published checkpoint, or (none published yet) the live head of the chain.
    expect(await hash.textContent()).toMatch(sha256Hex);
    expect(['checkpoint', 'live']).toContain(await hash.getAttribute('data-kind'));
    expect(await member.getByTestId('chain-explanation').textContent()).toContain('dinas pengawas');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await member.screenshot({ path: `${screenshotDir}figures-360.png`, fullPage: true });

    // The books themselves stay closed to a plain member.
    await member.goto(new URL('/pembukuan/neraca-saldo', baseUrl()).href);
    await member.getByTestId('ledger-no-access').waitFor();
  });

  it('shows a plain member the highlight figures', async () => {
    const member = await openPhone();
    await logInAs(member, creditUnionLogin('anggota'));
    await member.getByTestId('figures-link').click();
    const cards = member.getByTestId('figure-card');
    const unavailable = member.getByTestId('figures-unavailable');
    await cards.first().or(unavailable).waitFor();
    expect(await unavailable.count()).toBe(0);
    expect(await cards.count()).toBeGreaterThan(0);
  });
  it('lets the bendahara add and deactivate an account, read a ledger, reverse, close a month', async () => {
    const treasurer = await openPhone();
    await logInAs(treasurer, creditUnionLogin('bendahara'));
    await openBooksSection(treasurer, 'accounts');
    await treasurer.getByTestId('accounts-table').waitFor();

    // A new account, then deactivated: it stays in the chart, greyed.
    await treasurer.getByTestId('account-add').click();
    await treasurer.getByTestId('account-add-code').fill('5-2299');
    await treasurer.getByTestId('account-add-name').fill('Beban uji e2e');
    await treasurer.getByTestId('account-add-class').selectOption('expense');
    await treasurer.getByTestId('account-add-submit').click();
    await treasurer.getByTestId('account-notice').waitFor();
    const added = treasurer.locator('[data-testid="account-row"][data-code="5-2299"]');
    await added.waitFor();
    expect(await added.getAttribute('data-active')).toBe('true');
    await added.getByTestId('account-toggle-active').click();
    await treasurer
      .locator('[data-testid="account-row"][data-code="5-2299"][data-active="false"]')
      .waitFor();
    expect(await added.getAttribute('class')).toContain('is-inactive');

    // The general ledger of Kas: an opening balance and lines with a running balance.
    await treasurer.locator('[data-testid="account-row"][data-code="1-1101"] a').click();
    await treasurer.getByTestId('gl-opening').waitFor();
    expect(await treasurer.getByTestId('gl-table').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await pageWidth(treasurer)).toBeLessThanOrEqual(phone.width);

    // Reverse the manual journal of the first test: the only correction the books allow.
    await treasurer.getByTestId('ledger-nav-journal').click();
    const entry = treasurer.getByTestId('journal-entry').filter({ hasText: memo });
    await entry.click();
    await treasurer.getByTestId('entry-reverse').click();
    await treasurer.getByTestId('entry-reverse-submit').click();
    await treasurer.getByTestId('entry-reversed').waitFor();
    await treasurer.getByTestId('entry-reversed-by').waitFor();

    // Close a month long past, with a confirmation first.
    await treasurer.getByTestId('ledger-nav-periods').click();
    await treasurer.getByTestId('period-close-month').fill('2025-06');
    await treasurer.getByTestId('period-close').click();
    await treasurer.getByTestId('period-close-confirm').click();
    await treasurer.getByTestId('period-closed').waitFor();
    await treasurer.locator('[data-testid="closed-periods"] [data-period="2025-06"]').waitFor();
  });
});
