import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logInAs, pageWidth, phone, screenshotDir, usePhoneSessions } from './phone-session';

const { creditUnionLogin, openPhone } = usePhoneSessions();

/** Opens the loans menu from the board's home, then one of its tiles. */
async function openLoansTile(page: Page, tile: string): Promise<void> {
  await page.getByTestId('module-loans').click();
  await page.getByTestId('loans-title').waitFor();
  await page.getByTestId(`loans-tile-${tile}`).click();
}

/** An officer approves the member's application in the committee queue, with a reason. */
async function approveInQueue(page: Page, memberName: string, reason: string): Promise<void> {
  await openLoansTile(page, 'queue');
  await page.getByTestId('loan-queue-title').waitFor();
  const item = page.getByTestId('loan-queue-item').filter({ hasText: memberName });
  await item.waitFor();
  // The assessment, factor by factor, in Indonesian.
  expect(await item.getByTestId('loan-factor').count()).toBe(6);
  expect(await item.locator('[data-factor="savings_regularity"]').textContent()).toContain(
    'Keteraturan menabung',
  );
  expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
  await item.getByTestId('loan-decision-reason').fill(reason);
  await item.getByTestId('loan-approve').click();
  await page.getByTestId('loan-decided').waitFor();
}

describe('loans in the member app and the committee queue', () => {
  it('a member applies for a loan that needs two approvals, the manajer and ketua approve it, and the member pays an installment with the PIN', async () => {
    const anggota = creditUnionLogin('anggota');

    // The ketua sets a product: up to Rp1.000.000 one approval, above that two including the ketua.
    const ketua = await openPhone();
    await logInAs(ketua, creditUnionLogin('ketua'));
    await openLoansTile(ketua, 'products');
    await ketua.getByTestId('loan-product-add').click();
    await ketua.getByTestId('product-code').fill('produktif');
    await ketua.getByTestId('product-name').fill('Pinjaman produktif');
    await ketua.getByTestId('product-tenors').fill('6, 12');
    await ketua.getByTestId('product-min').fill('500.000');
    await ketua.getByTestId('product-max').fill('10.000.000');
    await ketua.getByTestId('product-tier-up-to').fill('1.000.000');
    await ketua.getByTestId('product-save').click();
    await ketua.getByTestId('product-saved').or(ketua.getByTestId('product-error')).waitFor();
    expect(await ketua.getByTestId('product-error').count()).toBe(0);
    expect(await ketua.getByTestId('product-saved').textContent()).toBe(
      'Produk PRODUKTIF tersimpan.',
    );
    expect(await pageWidth(ketua)).toBeLessThanOrEqual(phone.width);

    // The member applies on their phone; the form first refuses what the server would refuse.
    const member = await openPhone();
    await logInAs(member, anggota);
    await member.getByTestId('member-loans-link').click();
    await member.getByTestId('my-loans-title').waitFor();
    await member.getByTestId('my-loans-apply').click();
    await member.getByTestId('loan-apply-product').selectOption('PRODUKTIF');
    await member.getByTestId('loan-apply-amount').fill('25.000.000');
    await member.getByTestId('loan-apply-submit').click();
    expect(await member.getByTestId('loan-field-error').first().textContent()).toBe(
      'Jumlah harus antara Rp500.000 dan Rp10.000.000.',
    );
    await member.getByTestId('loan-apply-amount').fill('3.000.000');
    await member.getByTestId('loan-apply-tenor').selectOption('12');
    await member.getByTestId('loan-apply-purpose').fill('Modal usaha tenun ikat');
    await member.getByTestId('loan-apply-income').fill('4.000.000');
    // Flat 1% a month over 12 installments: 250,000 principal + 30,000 interest.
    expect(await member.getByTestId('loan-apply-estimate').getAttribute('data-amount')).toBe(
      '280000',
    );
    await member.getByTestId('loan-apply-add-guarantor').click();
    await member.getByTestId('guarantor-name').fill('Yosef Lado');
    await member.getByTestId('guarantor-nik').fill('5371010101800001');
    await member.getByTestId('guarantor-relation').fill('Suami');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await member.getByTestId('loan-apply-submit').click();
    await member.getByTestId('loan-apply-done').waitFor();
    await member.screenshot({ path: `${screenshotDir}loan-applied-360.png`, fullPage: true });
    await member.getByTestId('loan-applied-open').click();
    await member.getByTestId('loan-title').waitFor();
    const loanUrl = member.url();
    // The demo member already has loans of their own: find this one by its id.
    const loanId = new URL(loanUrl).pathname.split('/').pop() ?? '';
    const myLoanCard = () => member.locator(`[data-testid="my-loan"][data-loan-id="${loanId}"]`);
    expect(await member.getByTestId('loan-status').getAttribute('data-status')).toBe('diajukan');
    expect(await member.getByTestId('loan-approvals').getAttribute('data-required')).toBe('2');

    // The manajer approves first: recorded, one approval still missing.
    const manajer = await openPhone();
    await logInAs(manajer, creditUnionLogin('manajer'));
    await approveInQueue(manajer, anggota.fullName, 'Riwayat simpanan baik');
    expect(
      await manajer
        .getByTestId('loan-decided')
        .locator('[data-status]')
        .getAttribute('data-status'),
    ).toBe('diajukan');
    await manajer.screenshot({ path: `${screenshotDir}loan-queue-360.png`, fullPage: true });

    // The ketua completes the tier.
    await ketua.goto(new URL('/', ketua.url()).href);
    await ketua.getByTestId('home-title').waitFor();
    await approveInQueue(ketua, anggota.fullName, 'Usaha jelas, angsuran terjangkau');
    expect(
      await ketua.getByTestId('loan-decided').locator('[data-status]').getAttribute('data-status'),
    ).toBe('disetujui');

    // The member sees the loan approved, with both decisions.
    await member.reload();
    await member.getByTestId('loan-title').waitFor();
    expect(await member.getByTestId('loan-status').getAttribute('data-status')).toBe('disetujui');
    expect(await member.getByTestId('loan-decision').count()).toBe(2);
    await member.getByRole('link', { name: /Pinjaman saya/ }).click();
    const card = myLoanCard();
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('disetujui');
    expect(await card.getByTestId('loan-status').textContent()).toBe('Disetujui');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await member.screenshot({ path: `${screenshotDir}my-loans-360.png`, fullPage: true });

    // The manajer disburses to the member's sukarela.
    await manajer.goto(loanUrl);
    await manajer.getByTestId('loan-disburse-submit').click();
    await manajer.getByTestId('loan-disbursed').waitFor();

    // The member creates a transaction PIN, then pays the first installment from sukarela.
    await member.goto(new URL('/pin', member.url()).href);
    await member.getByTestId('pin-password').fill(anggota.password);
    await member.getByTestId('pin-pin').fill('246810');
    await member.getByTestId('pin-repeat').fill('246810');
    await member.getByTestId('pin-submit').click();
    await member.getByTestId('pin-notice').waitFor();
    await member.goto(new URL('/pinjaman/saya', member.url()).href);
    const running = myLoanCard();
    await running.getByTestId('self-repay-open').click();
    await running.getByTestId('self-repay-available').waitFor();
    // Nothing is due yet: the form offers the first installment, Rp280.000.
    expect(await running.getByTestId('self-repay-amount').inputValue()).toBe('280.000');
    await running.getByTestId('self-repay-pin').fill('246810');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await running.getByTestId('self-repay-submit').click();
    await running
      .getByTestId('self-repay-done')
      .or(running.getByTestId('self-repay-error'))
      .waitFor();
    expect(await running.getByTestId('self-repay-error').count()).toBe(0);
    expect(await running.getByTestId('loan-receipt-amount').getAttribute('data-amount')).toBe(
      '280000',
    );
    await member.screenshot({ path: `${screenshotDir}my-loan-repaid-360.png`, fullPage: true });
  });
});
