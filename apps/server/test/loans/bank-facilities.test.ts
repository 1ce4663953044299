import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../../src/modules/ledger/index.js';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { inLedger } from '../harness/ledger-fixtures.js';
import { givenDeposit } from '../savings/savings-fixtures.js';
import {
  flatProduct,
  givenBorrower,
  givenLendingCooperative,
  loansApi,
  verifyLedger,
} from './loans-fixtures.js';

describe('bank facilities: executing and channeling', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  let api: ReturnType<typeof loansApi>;
  const coopUrl = (path: string) => `/api/v1/cooperatives/${coop.cooperativeId}/${path}`;
  const post = (path: string, token: string, payload: object, key = newIdempotencyKey()) =>
    test.request({ method: 'POST', url: coopUrl(path), token, payload, idempotencyKey: key });
  const get = (path: string, token: string) =>
    test.request({ method: 'GET', url: coopUrl(path), token });
  const balanceOf = async (code: string) => {
    const accounts = await inLedger(test.db, coop.cooperativeId, (ctx) =>
      listAccounts(ctx, { includeSubAccounts: false }),
    );
    return accounts.find((account) => account.code === code)?.balance ?? 0n;
  };
  const apply = async (token: string, amount: string, installments = 12) => {
    const response = await api.post('applications', token, {
      productCode: 'UMUM',
      amount,
      installments,
      purpose: 'Modal usaha tenun ikat',
      declaredMonthlyIncome: '9000000',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const addBank = async (code: string, name: string) => {
    const response = await post('partner-banks', coop.manajer.token, { code, name });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const openFacility = async (body: object) => {
    const response = await post('bank-facilities', coop.ketua.token, {
      interestRateBps: 1200,
      ratePeriod: 'year',
      tenorMonths: 24,
      openedOn: '2026-03-01',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    test = await createTestApp({
      env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000', LUMBUNG_SESSION_TTL_HOURS: '8760' },
    });
    coop = await givenLendingCooperative(test, { modalSendiri: 100_000_000n });
    api = loansApi(test, coop.cooperativeId);
    expect((await api.put('products/UMUM', coop.manajer.token, flatProduct)).statusCode).toBe(200);
  });
  afterAll(() => test.drop());

  it('lets the board add a partner bank, refuses the kasir and a code used twice', async () => {
    const refused = await post('partner-banks', coop.kasir.token, { code: 'BRI', name: 'BRI' });
    expect(refused.statusCode).toBe(403);
    await addBank('BANK-NTT', 'Bank NTT');
    const twice = await post('partner-banks', coop.manajer.token, {
      code: 'BANK-NTT',
      name: 'Bank X',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'loans.partner_bank_already_exists' });
    const list = await get('partner-banks', coop.pengawas.token);
    expect(list.json()).toMatchObject({ items: [{ code: 'BANK-NTT', name: 'Bank NTT' }] });
  });

  describe('executing', () => {
    let facilityId: string;

    it('draws the facility into the bank account and refuses a drawdown above the plafond', async () => {
      const bankId = await addBank('BRI', 'Bank Rakyat Indonesia');
      facilityId = await openFacility({
        bankId,
        kind: 'executing',
        agreementNumber: 'KMK-BRI-001',
        plafond: '20000000',
        quotaPerMember: '8000000',
      });
      const key = newIdempotencyKey();
      const drawn = await post(
        `bank-facilities/${facilityId}/drawdowns`,
        coop.bendahara.token,
        { amount: '15000000' },
        key,
      );
      expect(drawn.statusCode, drawn.body).toBe(201);
      expect(drawn.json()).toMatchObject({
        kind: 'drawdown',
        principal: '15000000',
        outstandingAfter: '15000000',
      });
      const retried = await post(
        `bank-facilities/${facilityId}/drawdowns`,
        coop.bendahara.token,
        { amount: '15000000' },
        key,
      );
      expect(retried.json()).toEqual(drawn.json());
      const above = await post(`bank-facilities/${facilityId}/drawdowns`, coop.bendahara.token, {
        amount: '6000000',
      });
      expect(above.statusCode).toBe(422);
      expect(above.json()).toMatchObject({
        code: 'loans.facility_plafond_exceeded',
        params: { available: '5000000' },
      });
      expect(await balanceOf('2-2101')).toBe(15_000_000n);
    });

    it('repays the bank principal and interest, and refuses principal beyond the debt', async () => {
      const paid = await post(`bank-facilities/${facilityId}/repayments`, coop.bendahara.token, {
        principal: '1000000',
        interest: '150000',
      });
      expect(paid.statusCode, paid.body).toBe(201);
      expect(paid.json()).toMatchObject({ outstandingAfter: '14000000', interest: '150000' });
      const beyond = await post(`bank-facilities/${facilityId}/repayments`, coop.bendahara.token, {
        principal: '14000001',
        interest: '0',
      });
      expect(beyond.json()).toMatchObject({ code: 'loans.facility_repayment_exceeds_outstanding' });
      expect(await balanceOf('2-2101')).toBe(14_000_000n);
      expect(await balanceOf('5-2102')).toBe(150_000n);
    });

    it('funds a member loan from the facility within the member quota and the plafond', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const first = await apply(borrower.token, '6000000');
      const funded = await post(`loans/${first}/funding`, coop.manajer.token, { facilityId });
      expect(funded.statusCode, funded.body).toBe(201);
      expect(funded.json()).toMatchObject({ fundingKind: 'executing', facilityId });
      const detail = await get(`loans/${first}`, coop.manajer.token);
      expect(detail.json()).toMatchObject({
        isAutoDebit: false,
        funding: { facilityId, fundingKind: 'executing' },
      });
      const again = await post(`loans/${first}/funding`, coop.manajer.token, { facilityId });
      expect(again.json()).toMatchObject({ code: 'loans.loan_already_assigned' });
      const second = await apply(borrower.token, '3000000');
      const overQuota = await post(`loans/${second}/funding`, coop.manajer.token, { facilityId });
      expect(overQuota.statusCode).toBe(422);
      expect(overQuota.json()).toMatchObject({
        code: 'loans.facility_quota_exceeded',
        params: { available: '2000000' },
      });
      const other = await givenBorrower(test, coop.cooperativeId);
      const large = await apply(other.token, '15000000');
      const overPlafond = await post(`loans/${large}/funding`, coop.manajer.token, { facilityId });
      expect(overPlafond.json()).toMatchObject({
        code: 'loans.facility_plafond_exceeded',
        params: { available: '14000000' },
      });
      const facility = await get(`bank-facilities/${facilityId}`, coop.pengawas.token);
      expect(facility.json()).toMatchObject({
        drawn: '15000000',
        repaid: '1000000',
        outstanding: '14000000',
        assigned: '6000000',
        available: '14000000',
      });
      const report = await get(`bank-facilities/${facilityId}/report`, coop.pengawas.token);
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json()).toMatchObject({
        totals: {
          drawn: '15000000',
          repaid: '1000000',
          outstanding: '14000000',
          interestPaid: '150000',
        },
        lines: [{ loanId: first, principal: '6000000', status: 'diajukan' }],
        movements: [{ kind: 'drawdown' }, { kind: 'repayment' }],
      });
    });
  });

  describe('channeling, end to end', () => {
    let facilityId: string;
    let loanId: string;
    let borrower: Awaited<ReturnType<typeof givenBorrower>>;
    const channeling = (path = '') => `loans/${loanId}/channeling${path}`;

    it('assigns only a loan the board approved, and never makes it part of the cooperative’s loans', async () => {
      const bankId = await addBank('BNI', 'Bank Negara Indonesia');
      facilityId = await openFacility({
        bankId,
        kind: 'channeling',
        agreementNumber: 'CHN-BNI-001',
        plafond: '50000000',
        interestRateBps: 100,
        ratePeriod: 'month',
        quotaPerMember: '10000000',
        feeBps: 150,
      });
      borrower = await givenBorrower(test, coop.cooperativeId);
      loanId = await apply(borrower.token, '6000000', 6);
      const early = await post(`loans/${loanId}/funding`, coop.manajer.token, { facilityId });
      expect(early.json()).toMatchObject({
        code: 'loans.loan_not_assignable',
        params: { status: 'diajukan' },
      });
      const approved = await api.post(`${loanId}/decisions`, coop.manajer.token, {
        decision: 'approve',
        reason: 'Layak',
      });
      expect(approved.json()).toMatchObject({ status: 'disetujui' });
      const funded = await post(`loans/${loanId}/funding`, coop.ketua.token, { facilityId });
      expect(funded.json()).toMatchObject({ fundingKind: 'channeling' });
      const waiting = await get(channeling(), coop.pengawas.token);
      expect(waiting.json()).toMatchObject({ status: 'menunggu_bank', bankDecision: null });
      // The borrower follows their case at the bank; another member may not read it.
      const own = await get(channeling(), borrower.token);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ loanId, status: 'menunggu_bank' });
      const stranger = await givenBorrower(test, coop.cooperativeId);
      expect((await get(channeling(), stranger.token)).statusCode).toBe(403);
      const early2 = await post(channeling('/disbursement'), coop.ketua.token, {
        payout: 'bank_direct',
        disbursedOn: '2026-03-02',
        bankReference: 'X',
      });
      expect(early2.json()).toMatchObject({ code: 'loans.bank_not_approved' });
    });

    it('builds the document package for the bank as a PDF and a readable spreadsheet', async () => {
      const pdf = await get(`${channeling('/package')}?format=pdf`, coop.manajer.token);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      const xlsx = await get(`${channeling('/package')}?format=xlsx`, coop.pengawas.token);
      expect(xlsx.statusCode).toBe(200);
      const rows = await readSheet(xlsx.rawPayload);
      const cells = rows.flat();
      expect(cells).toContain(borrower.nik);
      expect(cells).toContain(6_000_000);
      expect(cells).toContain('Modal usaha tenun ikat');
      expect(cells).toContain('Persetujuan pengurus');
      expect(cells).toContain('Layak');
    });

    it('records the bank’s approval once, with who recorded it', async () => {
      const refused = await post(channeling('/bank-decision'), coop.kasir.token, {
        decision: 'approved',
        bankReference: 'BNI/2026/77',
        decidedOn: '2026-03-02',
      });
      expect(refused.statusCode).toBe(403);
      const decided = await post(channeling('/bank-decision'), coop.manajer.token, {
        decision: 'approved',
        bankReference: 'BNI/2026/77',
        decidedOn: '2026-03-02',
      });
      expect(decided.statusCode, decided.body).toBe(201);
      expect(decided.json()).toMatchObject({
        status: 'disetujui_bank',
        bankReference: 'BNI/2026/77',
        bankDecisionRecordedBy: coop.manajer.personId,
        principal: '6000000',
        interestRateBpsPerMonth: 100,
        installments: 6,
      });
      const twice = await post(channeling('/bank-decision'), coop.manajer.token, {
        decision: 'rejected',
        bankReference: 'BNI/2026/78',
        decidedOn: '2026-03-02',
      });
      expect(twice.statusCode).toBe(409);
    });

    it('records the bank paying the member directly: nothing enters the cooperative’s books', async () => {
      const loansBefore = await balanceOf('1-1310');
      const key = newIdempotencyKey();
      const body = { payout: 'bank_direct', disbursedOn: '2026-03-02', bankReference: 'TRF-1' };
      const disbursed = await post(channeling('/disbursement'), coop.bendahara.token, body, key);
      expect(disbursed.statusCode, disbursed.body).toBe(201);
      expect(disbursed.json()).toMatchObject({ status: 'aktif', disbursementEntryId: null });
      const schedule = disbursed.json<{ schedule: { total: string; interest: string }[] }>()
        .schedule;
      expect(schedule).toHaveLength(6);
      expect(schedule[0]).toMatchObject({
        principal: '1000000',
        interest: '60000',
        total: '1060000',
      });
      expect(await balanceOf('1-1310')).toBe(loansBefore);
      const own = await api.post(`${loanId}/disbursement`, coop.bendahara.token, {
        channel: 'sukarela',
      });
      expect(own.statusCode).not.toBe(201);
    });

    it('collects at the teller, remits to the bank keeping the fee, and the report shows the exact numbers', async () => {
      await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
        membershipId: borrower.membershipId,
        kind: 'sukarela',
        amount: 5_000_000n,
      });
      const collect = (amount: string) =>
        post(channeling('/collections'), coop.kasir.token, { channel: 'sukarela', amount });
      const first = await collect('1060000');
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        interest: '60000',
        principal: '1000000',
        principalOutstandingAfter: '5000000',
      });
      expect((await collect('1060000')).json()).toMatchObject({
        principalOutstandingAfter: '4000000',
      });
      const tooMuch = await collect('10000000');
      expect(tooMuch.json()).toMatchObject({
        code: 'loans.collection_exceeds_outstanding',
        params: { maximum: '4240000' },
      });
      expect(await balanceOf('2-1601')).toBe(2_120_000n);

      const remitted = await post(
        `bank-facilities/${facilityId}/remittances`,
        coop.bendahara.token,
        {},
      );
      expect(remitted.statusCode, remitted.body).toBe(201);
      // 1.5% of Rp2,120,000 = Rp31,800 stays with the cooperative.
      expect(remitted.json()).toMatchObject({
        collected: '2120000',
        fee: '31800',
        remitted: '2088200',
        collections: 2,
      });
      const nothing = await post(
        `bank-facilities/${facilityId}/remittances`,
        coop.bendahara.token,
        {},
      );
      expect(nothing.json()).toMatchObject({ code: 'loans.nothing_to_remit' });
      expect((await collect('1060000')).statusCode).toBe(201);

      const report = await get(`bank-facilities/${facilityId}/report`, coop.pengawas.token);
      expect(report.json()).toMatchObject({
        totals: {
          plafond: '50000000',
          drawn: '6000000',
          repaid: '3000000',
          outstanding: '3000000',
          interestPaid: '180000',
          collected: '3180000',
          remitted: '2088200',
          fee: '31800',
          collectedNotRemitted: '1060000',
        },
        lines: [
          {
            loanId,
            status: 'aktif',
            principal: '6000000',
            principalRepaid: '3000000',
            interestRepaid: '180000',
            outstanding: '3000000',
            collectedNotRemitted: '1060000',
          },
        ],
        remittances: [{ fee: '31800' }],
      });
      const xlsx = await get(
        `bank-facilities/${facilityId}/report?format=xlsx`,
        coop.pengawas.token,
      );
      const cells = (await readSheet(xlsx.rawPayload)).flat();
      expect(cells).toContain(2_088_200);
      expect(cells).toContain(1_060_000);
      const pdf = await get(`bank-facilities/${facilityId}/report?format=pdf`, coop.pengawas.token);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

      expect(await balanceOf('2-1601')).toBe(1_060_000n);
      expect(await balanceOf('4-1211')).toBe(31_800n);
      expect((await verifyLedger(test.db, coop.cooperativeId)).problems).toEqual([]);
    });
  });
});
