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

const { baseUrl, creditUnionLogin, openPhone } = usePhoneSessions();

/** The exact rupiah behind a balance card (its data-amount), once the balances have loaded. */
async function balanceOf(page: Page, kind: string): Promise<bigint> {
  const card = page.getByTestId(`savings-balance-${kind}`);
  await card.waitFor();
  const amount = await card.getAttribute('data-amount');
  if (amount === null) throw new Error(`savings-balance-${kind} has no data-amount`);
  return BigInt(amount);
}

describe('savings at the teller and in the member app', () => {
  it('a sukarela deposit at the teller shows up, to the rupiah, in the member app', async () => {
    const anggota = creditUnionLogin('anggota');

    // The member, on their phone: balances before, and the member card with its QR.
    const member = await openPhone();
    await logInAs(member, anggota);
    const before = await balanceOf(member, 'sukarela');
    const totalBefore = await balanceOf(member, 'total');
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);

    await member.getByTestId('member-card-link').click();
    await member.getByTestId('member-card-qr').waitFor();
    expect(await member.getByTestId('member-card-qr').locator('path').count()).toBe(1);
    expect(await member.getByTestId('member-card-name').textContent()).toBe(anggota.fullName);
    const memberNumber = /(\d+)\s*$/.exec(
      (await member.getByTestId('member-card-number').textContent()) ?? '',
    )?.[1];
    expect(memberNumber).toMatch(/^\d{1,6}$/);
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await member.screenshot({ path: `${screenshotDir}member-card-360.png`, fullPage: true });

    // The kasir opens the drawer with Rp500.000.
    const teller = await openPhone();
    await logInAs(teller, creditUnionLogin('kasir'));
    await teller.getByTestId('teller-link').click();
    await teller.getByTestId('teller-title').waitFor();
    await teller.getByTestId('teller-float').fill('500.000');
    await teller.getByTestId('teller-open').click();
    await teller.getByTestId('teller-session').waitFor();
    expect(await teller.getByTestId('teller-openingFloatFigure').getAttribute('data-amount')).toBe(
      '500000',
    );
    expect(await teller.getByTestId('teller-expectedCash').textContent()).toBe('Rp500.000');

    // Without a camera (no BarcodeDetector here), the card code is pasted and checked by the server.
    const cardPayload = await member.evaluate(async (cooperativeId) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as {
        memberships: { cooperativeId: string; membershipId: string }[];
      };
      const membershipId = me.memberships.find(
        (m) => m.cooperativeId === cooperativeId,
      )?.membershipId;
      const card = (await (
        await fetch(`/api/v1/cooperatives/${cooperativeId}/members/${membershipId ?? ''}/card`)
      ).json()) as { payload: string };
      return card.payload;
    }, creditUnionId);
    await teller.getByTestId('teller-card-payload').fill(cardPayload);
    await teller.getByTestId('teller-card-verify').click();
    await teller.getByTestId('teller-form').waitFor();
    expect(await teller.getByTestId('teller-member-name').textContent()).toBe(
      `${memberNumber ?? ''} · ${anggota.fullName}`,
    );
    await teller.getByTestId('teller-change-member').click();

    // Finds the member by name, and deposits Rp125.000 into sukarela.
    await teller.getByTestId('teller-search').fill(anggota.fullName);
    const result = teller.locator(
      `[data-testid="teller-member-result"][data-member-number="${memberNumber ?? ''}"]`,
    );
    await result.waitFor();
    expect(await pageWidth(teller)).toBeLessThanOrEqual(phone.width);
    await teller.screenshot({ path: `${screenshotDir}teller-find-360.png`, fullPage: true });
    await result.click();
    await teller.getByTestId('teller-form').waitFor();
    expect(await teller.getByTestId('teller-member-name').textContent()).toContain(
      anggota.fullName,
    );
    await teller.getByTestId('teller-type-deposit').check();
    await teller.getByTestId('teller-kind').selectOption('sukarela');
    await teller.getByTestId('teller-amount').fill('125.000');
    await teller.getByTestId('teller-submit').click();

    // The receipt: amount, member and the balance after.
    const receipt = teller.getByTestId('receipt');
    await receipt.waitFor();
    expect(await teller.getByTestId('receipt-amount').textContent()).toBe('Rp125.000');
    expect(await teller.getByTestId('receipt-member').textContent()).toContain(anggota.fullName);
    const balanceAfter = await teller.getByTestId('receipt-balance').getAttribute('data-amount');
    expect(BigInt(balanceAfter ?? '-1')).toBe(before + 125_000n);
    expect(await teller.getByTestId('receipt-print').isVisible()).toBe(true);
    await teller.locator('[data-testid="teller-cashIn"][data-amount="125000"]').waitFor();
    expect(await teller.getByTestId('teller-expectedCash').textContent()).toBe('Rp625.000');
    expect(await pageWidth(teller)).toBeLessThanOrEqual(phone.width);
    await teller.screenshot({ path: `${screenshotDir}teller-360.png`, fullPage: true });

    // The member sees exactly Rp125.000 more.
    await member.goto(new URL('/', baseUrl()).href);
    const after = await balanceOf(member, 'sukarela');
    expect(after - before).toBe(125_000n);
    expect((await balanceOf(member, 'total')) - totalBefore).toBe(125_000n);
    expect(await pageWidth(member)).toBeLessThanOrEqual(phone.width);
    await member.screenshot({ path: `${screenshotDir}member-home-360.png`, fullPage: true });

    // The sukarela history lists the deposit.
    await member.getByTestId('member-history-link').click();
    await member.getByTestId('passbook-line').first().waitFor();

    // The kasir closes the drawer with exactly what it should hold.
    await teller.getByTestId('receipt-next').click();
    await teller.getByTestId('teller-close-toggle').click();
    await teller.getByTestId('teller-counted').fill('625.000');
    await teller.getByTestId('teller-close').click();
    await teller.getByTestId('teller-close').click(); // confirm
    await teller.getByTestId('teller-closed').waitFor();
    expect(await teller.getByTestId('teller-closed-expected').textContent()).toBe('Rp625.000');
    expect(await teller.getByTestId('teller-closed-counted').textContent()).toBe('Rp625.000');
    expect(await teller.getByTestId('teller-closed-difference').getAttribute('data-kind')).toBe(
      'balanced',
    );
    await teller.getByTestId('teller-open-form').waitFor();
  });
});
