import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  creditUnionId,
  logInAs,
  pageWidth,
  phone,
  screenshotDir,
  usePhoneSessions,
} from './phone-session';

const { creditUnionLogin, openPhone } = usePhoneSessions();

interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Calls the API from a signed-in phone (its session cookie), as the screens do; every POST carries
 * a fresh Idempotency-Key. Used to set up what this spec is not about: the loan being repaid.
 */
async function callApi<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
      const response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    { method, url: `/api/v1/cooperatives/${creditUnionId}${path}`, body },
  );
}

function expectOk<T>(answer: Answer<T>, what: string): T {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}

/** The member's SHU page, freshly loaded: the estimate and loan-interest participation, exact. */
async function readMyShu(page: Page): Promise<{ share: bigint; interestPaid: bigint }> {
  const estimate = page.getByTestId('shu-estimate');
  await estimate.waitFor();
  const row = page.getByTestId('shu-participation-loan_interest_paid');
  return {
    share: BigInt((await estimate.getAttribute('data-amount')) ?? 'NaN'),
    interestPaid: BigInt((await row.getAttribute('data-member')) ?? 'NaN'),
  };
}

interface Account {
  id: string;
  code: string;
  class: string;
  participation: 'member' | 'non_member' | null;
  isControl: boolean;
  isActive: boolean;
}

/**
 * The demo credit union may run at a loss so far this year (salaries outweigh its members'
 * interest), and a loss leaves no SHU to share. A manual journal of revenue from members (the kasir
 * prepares, the ketua approves) makes the year Rp40.000.000 profitable, as a good year would be.
 */
async function givenProfitableYear(preparer: Page, approver: Page): Promise<void> {
  const { items } = expectOk(
    await callApi<{ items: Account[] }>(preparer, 'GET', '/ledger/accounts'),
    'accounts',
  );
  const postable = items.filter((account) => account.isActive && !account.isControl);
  const bank = postable.find((account) => account.code === '1-1201');
  const revenue =
    postable.find(
      (account) =>
        account.class === 'revenue' &&
        account.participation === 'member' &&
        account.code !== '4-1201',
    ) ?? postable.find((account) => account.code === '4-1201');
  if (!bank || !revenue) throw new Error('the demo chart has no bank or member revenue account');
  const year = new Date().getFullYear();
  const running = expectOk(
    await callApi<{ surplus: string }>(
      approver,
      'GET',
      `/shu/years/${String(year)}/running?limit=0`,
    ),
    'running SHU',
  );
  const loss = BigInt(running.surplus) < 0n ? -BigInt(running.surplus) : 0n;
  const amount = String(loss + 40_000_000n);
  const draft = expectOk(
    await callApi<{ id: string }>(preparer, 'POST', '/ledger/manual-journals', {
      businessDate: new Date().toISOString().slice(0, 10),
      memo: 'Pendapatan jasa dari anggota (data uji SHU)',
      lines: [
        { accountId: bank.id, side: 'debit', amount },
        { accountId: revenue.id, side: 'credit', amount },
      ],
    }),
    'manual journal',
  );
  expectOk(
    await callApi(approver, 'POST', `/ledger/manual-journals/${draft.id}/approval`, {}),
    'manual journal approval',
  );
}

describe('SHU in the member app', () => {
  it('shows a member their SHU estimate growing after a loan repayment, explained', async () => {
    const anggota = creditUnionLogin('anggota');

    // The ketua sets a flat 1 %-a-month product that one approval decides.
    const ketua = await openPhone();
    await logInAs(ketua, creditUnionLogin('ketua'));
    expectOk(
      await callApi(ketua, 'PUT', '/loans/products/SHU-UJI', {
        name: 'Pinjaman uji SHU',
        interestMethod: 'flat',
        interestRateBpsPerMonth: 100,
        tenors: [12],
        frequency: 'monthly',
        adminFeeBps: 0,
        provisionFeeBps: 0,
        feeTreatment: 'deducted',
        penaltyBpsPerDay: 0,
        graceInstallments: 0,
        plafondSavingsMultiple: null,
        minAmount: '100000',
        maxAmount: '50000000',
        approvalTiers: [{ upTo: null, approvals: 1, requiresKetua: false }],
        collectibilityScheme: 'KSP_2009',
        isActive: true,
      }),
      'product',
    );

    // The member applies on their phone; the ketua approves; the kasir disburses to sukarela.
    const member = await openPhone();
    await logInAs(member, anggota);
    const loan = expectOk(
      await callApi<{ id: string }>(member, 'POST', '/loans/applications', {
        productCode: 'SHU-UJI',
        amount: '1200000',
        installments: 12,
        purpose: 'Modal warung',
        declaredMonthlyIncome: '4000000',
      }),
      'application',
    );
    expectOk(
      await callApi(ketua, 'POST', `/loans/${loan.id}/decisions`, {
        decision: 'approve',
        reason: 'Simpanan teratur',
      }),
      'decision',
    );
    const kasir = await openPhone();
    await logInAs(kasir, creditUnionLogin('kasir'));
    expectOk(
      await callApi(kasir, 'POST', `/loans/${loan.id}/disbursement`, { channel: 'sukarela' }),
      'disbursement',
    );
    await givenProfitableYear(kasir, ketua);

    // The member opens "SHU saya" from the home card and notes the estimate.
    await member.goto(new URL('/', member.url()).href);
    await member.getByTestId('member-shu-card').waitFor();
    const homeEstimate = member.getByTestId('member-shu-estimate');
    await homeEstimate.waitFor();
    await member.getByTestId('member-shu-link').click();
    await member.getByTestId('my-shu-title').waitFor();
    const before = await readMyShu(member);
    expect(
      before.share,
      await member.getByTestId('shu-explanation-lines').innerText(),
    ).toBeGreaterThan(0n);
    expect(await homeEstimate.count()).toBe(0); // the home is gone: this is the SHU page
    expect(await member.getByTestId('shu-explanation-lines').locator('li').count()).toBeGreaterThan(
      2,
    );
    expect(await member.getByTestId('shu-formula').textContent()).toContain(' = Rp');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);

    // The kasir takes the first installment from sukarela: Rp100.000 principal + Rp12.000 interest.
    const repayment = expectOk(
      await callApi<{ interest: string }>(kasir, 'POST', `/loans/${loan.id}/repayments`, {
        channel: 'sukarela',
        amount: '112000',
      }),
      'repayment',
    );
    expect(repayment.interest).toBe('12000');

    // Reloaded, the estimate has grown, and the member's interest paid with it.
    await member.reload();
    await member.getByTestId('my-shu-title').waitFor();
    const after = await readMyShu(member);
    expect(after.interestPaid).toBe(before.interestPaid + 12_000n);
    expect(after.share).toBeGreaterThan(before.share);
    const lines = await member.getByTestId('shu-explanation-lines').locator('li').allTextContents();
    expect(lines.join(' ')).toMatch(/perkiraan berjalan/);
    await member.screenshot({ path: `${screenshotDir}my-shu-360.png`, fullPage: true });
  });

  it('the board sees the running SHU, simulates only whole percentages, and the wizard says who acts', async () => {
    const ketua = await openPhone();
    await logInAs(ketua, creditUnionLogin('ketua'));
    await ketua.getByTestId('module-shu').click();
    await ketua.getByTestId('shu-dashboard-title').waitFor();
    await ketua.getByTestId('shu-surplus').waitFor();
    expect(await ketua.getByTestId('shu-pool').count()).toBe(8);
    expect(await ketua.getByTestId('shu-member').count()).toBeGreaterThan(0);
    expect(await pageWidth(ketua)).toBeLessThanOrEqual(phone.width);
    await ketua.screenshot({ path: `${screenshotDir}shu-dashboard-360.png`, fullPage: true });

    // 35 % + 5 % more for cadangan: 105 %, refused before anything is sent.
    await ketua.getByTestId('shu-tile-simulation').click();
    await ketua.getByTestId('shu-simulation-title').waitFor();
    await ketua.getByTestId('shu-component-cadangan').fill('40');
    expect(await ketua.getByTestId('shu-components-total').textContent()).toBe('Jumlah: 105 %');
    await ketua.getByTestId('shu-simulate').click();
    expect(await ketua.getByTestId('shu-rules-problem').textContent()).toBe(
      'Komponen berjumlah 105 %, harus tepat 100 %.',
    );
    await ketua.getByTestId('shu-component-jasa_usaha').fill('20');
    await ketua.getByTestId('shu-simulate').click();
    await ketua.getByTestId('shu-simulation-result').waitFor();
    expect(
      await ketua
        .getByTestId('shu-simulated-pools')
        .locator('[data-key="cadangan"]')
        .locator('td')
        .nth(1)
        .textContent(),
    ).toBe('40');
    expect(await pageWidth(ketua)).toBeLessThanOrEqual(phone.width);

    // The year-end steps: the ketua may propose; countersigning is the pengawas's.
    await ketua.goto(new URL('/shu/tutup-tahun', ketua.url()).href);
    await ketua.getByTestId('shu-year-end-title').waitFor();
    expect(await ketua.getByTestId('shu-step-propose').getAttribute('data-state')).toBe('current');
    expect(await ketua.getByTestId('shu-propose').isDisabled()).toBe(false);
    expect(await ketua.getByTestId('shu-countersign').isDisabled()).toBe(true);
    const pengawas = await openPhone();
    await logInAs(pengawas, creditUnionLogin('pengawas'));
    await pengawas.goto(new URL('/shu/tutup-tahun', pengawas.url()).href);
    await pengawas.getByTestId('shu-year-end-title').waitFor();
    expect(await pengawas.getByTestId('shu-propose').isDisabled()).toBe(true);
    expect(
      await pengawas.getByTestId('shu-step-propose').getByTestId('shu-step-block').textContent(),
    ).toBe('Bukan peran Anda.');
    expect(await pageWidth(pengawas)).toBeLessThanOrEqual(phone.width);
    await ketua.screenshot({ path: `${screenshotDir}shu-year-end-360.png`, fullPage: true });
  });
});
