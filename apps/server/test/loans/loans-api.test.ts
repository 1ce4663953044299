import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newIdempotencyKey, type TestApp } from '../harness/app.js';
import { endOfTime, inLedger, ledgerStateOf } from '../harness/ledger-fixtures.js';
import { getTrialBalance } from '../../src/modules/ledger/index.js';
import { givenDeposit } from '../savings/savings-fixtures.js';
import {
  flatProduct,
  givenBoardBorrower,
  givenBorrower,
  givenLendingCooperative,
  loansApi,
  verifyLedger,
} from './loans-fixtures.js';

interface LoanDetail {
  id: string;
  status: string;
  principal: string;
  adminFee: string;
  provisionFee: string;
  requiredApprovals?: number;
  approvals: { required: number; requiresKetua: boolean; complete: boolean; missing: number };
  assessment: { score: number; grade: string; factors: { key: string }[] } | null;
  decisions: { personId: string; decision: string; reason: string; roles: string[] }[];
  schedule: {
    number: number;
    dueDate: string;
    principal: string;
    interest: string;
    total: string;
    status: string;
  }[];
  position: Record<string, string | number> | null;
  disbursement: { channel: string; netAmount: string; entryId: string } | null;
}

const day = 24 * 60 * 60 * 1000;

describe('loans: products, applications, approvals, disbursement and repayment', () => {
  let test: TestApp;
  let coop: Awaited<ReturnType<typeof givenLendingCooperative>>;
  let api: ReturnType<typeof loansApi>;

  const apply = (token: string, body: object, key?: string) =>
    api.post(
      'applications',
      token,
      {
        productCode: 'UMUM',
        installments: 12,
        purpose: 'Modal usaha tenun ikat',
        declaredMonthlyIncome: '6000000',
        ...body,
      },
      key,
    );
  const decide = (
    loanId: string,
    token: string,
    decision: 'approve' | 'reject',
    reason = 'Layak dibiayai',
  ) => api.post(`${loanId}/decisions`, token, { decision, reason });
  const sukarelaOf = async (membershipId: string, token: string) => {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${membershipId}/savings`,
      token,
    });
    const account = response
      .json<{ accounts: { kind: string; balance: string }[] }>()
      .accounts.find((item) => item.kind === 'sukarela');
    return BigInt(account?.balance ?? '0');
  };

  beforeAll(async () => {
    // Many officers and members sign in, and the clock runs for months: no login throttle,
    // sessions that outlive the scenario.
    test = await createTestApp({
      env: { LUMBUNG_LOGIN_RATE_PER_MINUTE: '10000', LUMBUNG_SESSION_TTL_HOURS: '8760' },
    });
    coop = await givenLendingCooperative(test, { modalSendiri: 100_000_000n });
    api = loansApi(test, coop.cooperativeId);
  });
  afterAll(() => test.drop());

  describe('products', () => {
    it('lets the manajer set a product and every member read it; refuses the kasir', async () => {
      const refused = await api.put('products/UMUM', coop.kasir.token, flatProduct);
      expect(refused.statusCode).toBe(403);
      const put = await api.put('products/UMUM', coop.manajer.token, flatProduct);
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ code: 'UMUM', interestMethod: 'flat', tenors: [6, 12] });
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const list = await api.get('products', borrower.token);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        items: [
          {
            code: 'UMUM',
            minAmount: '500000',
            approvalTiers: [{ upTo: '10000000' }, { upTo: null }],
          },
        ],
      });
    });

    it('refuses a product whose last tier is bounded or whose fees swallow the loan', async () => {
      const bounded = await api.put('products/BAD', coop.manajer.token, {
        ...flatProduct,
        approvalTiers: [{ upTo: '1000000', approvals: 1, requiresKetua: false }],
      });
      expect(bounded.statusCode).toBe(400);
      const fees = await api.put('products/BAD', coop.manajer.token, {
        ...flatProduct,
        adminFeeBps: 6000,
        provisionFeeBps: 4000,
      });
      expect(fees.statusCode).toBe(400);
    });

    it('refuses loan products to a cooperative whose chart cannot lend', async () => {
      const { givenCooperative, givenMember, signIn } = await import('../harness/builders.js');
      const shop = await givenCooperative(test.db, { type: 'konsumen' });
      const manajer = await givenMember(test.db, shop.id, ['manajer']);
      const response = await test.request({
        method: 'PUT',
        url: `/api/v1/cooperatives/${shop.id}/loans/products/UMUM`,
        token: await signIn(test, manajer),
        payload: flatProduct,
      });
      expect(response.json()).toMatchObject({ code: 'loans.lending_unavailable' });
    });
  });

  describe('applications and the committee', () => {
    it("takes a member's application with guarantors and collateral and stores its assessment", async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const response = await apply(borrower.token, {
        amount: '9000000',
        guarantors: [{ fullName: 'Maria Goreti', nik: '5310014404880001', relation: 'istri' }],
        collateral: [
          { kind: 'bpkb', description: 'BPKB motor Honda 2019', estimatedValue: '12000000' },
        ],
      });
      expect(response.statusCode).toBe(201);
      const loan = response.json<LoanDetail>();
      expect(loan).toMatchObject({
        status: 'diajukan',
        principal: '9000000',
        adminFee: '90000',
        provisionFee: '45000',
        approvals: { required: 1, requiresKetua: false, complete: false, missing: 1 },
        guarantors: [{ fullName: 'Maria Goreti', relation: 'istri' }],
        collateral: [{ kind: 'bpkb', estimatedValue: '12000000' }],
        appliedVia: 'member',
      });
      expect(loan.assessment?.factors.map((factor) => factor.key)).toEqual([
        'tenure',
        'savings_regularity',
        'wajib_arrears',
        'repayment_history',
        'activity',
        'repayment_capacity',
      ]);
      expect(loan.assessment).toMatchObject({
        proposedInstallment: '840000',
        installmentToIncomeBps: 1400,
        isCapacityOk: true,
      });
    });

    it("lets an officer apply on a member's behalf but not a member for another member", async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const other = await givenBorrower(test, coop.cooperativeId);
      const byOfficer = await apply(coop.kasir.token, {
        membershipId: borrower.membershipId,
        amount: '1000000',
        installments: 6,
      });
      expect(byOfficer.statusCode).toBe(201);
      expect(byOfficer.json()).toMatchObject({ appliedVia: 'officer' });
      const byOther = await apply(other.token, {
        membershipId: borrower.membershipId,
        amount: '1000000',
      });
      expect(byOther.statusCode).toBe(403);
    });

    it('refuses a tenor the product does not offer and an amount out of its range', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const tenor = await apply(borrower.token, { amount: '1000000', installments: 9 });
      expect(tenor.json()).toMatchObject({ code: 'loans.tenor_not_offered' });
      const amount = await apply(borrower.token, { amount: '60000000' });
      expect(amount.json()).toMatchObject({
        code: 'loans.amount_out_of_range',
        params: { minimum: '500000', maximum: '50000000' },
      });
    });

    it('approves a small loan with one approver and records who, when and why', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const loan = (await apply(borrower.token, { amount: '2000000' })).json<LoanDetail>();
      const approved = await decide(loan.id, coop.manajer.token, 'approve', 'Usaha berjalan baik');
      expect(approved.statusCode).toBe(201);
      expect(approved.json()).toMatchObject({
        status: 'disetujui',
        approvals: { complete: true, missing: 0 },
        decisions: [
          {
            personId: coop.manajer.personId,
            decision: 'approve',
            reason: 'Usaha berjalan baik',
            roles: ['manajer'],
          },
        ],
      });
      const again = await decide(loan.id, coop.bendahara.token, 'approve');
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'loans.application_already_decided' });
    });

    it('needs two approvals including the ketua above the first tier, and counts a person once', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const loan = (await apply(borrower.token, { amount: '12000000' })).json<LoanDetail>();
      expect(loan.approvals).toMatchObject({ required: 2, requiresKetua: true });
      const first = await decide(loan.id, coop.manajer.token, 'approve');
      expect(first.json()).toMatchObject({ status: 'diajukan', approvals: { missing: 1 } });
      const twice = await decide(loan.id, coop.manajer.token, 'approve');
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'loans.decision_already_recorded' });
      const second = await decide(loan.id, coop.bendahara.token, 'approve');
      expect(second.json()).toMatchObject({
        status: 'diajukan',
        approvals: { missing: 1, isKetuaMissing: true },
      });
      const ketua = await decide(loan.id, coop.ketua.token, 'approve');
      expect(ketua.json()).toMatchObject({ status: 'disetujui', approvals: { complete: true } });
    });

    it('refuses an officer deciding on their own application', async () => {
      const ketua = await givenBoardBorrower(test, coop.cooperativeId, 'ketua');
      const loan = (await apply(ketua.token, { amount: '3000000' })).json<LoanDetail>();
      const own = await decide(loan.id, ketua.token, 'approve');
      expect(own.statusCode).toBe(422);
      expect(own.json()).toMatchObject({ code: 'loans.self_approval_forbidden' });
      const ownReject = await decide(loan.id, ketua.token, 'reject');
      expect(ownReject.json()).toMatchObject({ code: 'loans.self_approval_forbidden' });
    });

    it('lets the pengawas read every case and the queue but not decide', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const loan = (await apply(borrower.token, { amount: '1500000' })).json<LoanDetail>();
      const queue = await api.get('queue', coop.pengawas.token);
      expect(queue.statusCode).toBe(200);
      const item = queue
        .json<{ items: { id: string; assessment: unknown; approvals: unknown }[] }>()
        .items.find((candidate) => candidate.id === loan.id);
      expect(item).toMatchObject({
        approvals: { missing: 1 },
        assessment: { grade: expect.any(String) },
      });
      expect((await api.get(loan.id, coop.pengawas.token)).statusCode).toBe(200);
      expect((await api.get('?status=diajukan', coop.pengawas.token)).statusCode).toBe(200);
      const decision = await decide(loan.id, coop.pengawas.token, 'approve');
      expect(decision.statusCode).toBe(403);
      const otherMember = await givenBorrower(test, coop.cooperativeId);
      expect((await api.get(loan.id, otherMember.token)).statusCode).toBe(403);
      expect((await api.get(loan.id, borrower.token)).statusCode).toBe(200);
    });

    it('rejects with a reason, after which nobody can approve', async () => {
      const borrower = await givenBorrower(test, coop.cooperativeId);
      const loan = (await apply(borrower.token, { amount: '1500000' })).json<LoanDetail>();
      const rejected = await decide(loan.id, coop.ketua.token, 'reject', 'Penghasilan belum jelas');
      expect(rejected.json()).toMatchObject({
        status: 'ditolak',
        decisions: [{ decision: 'reject', reason: 'Penghasilan belum jelas' }],
      });
      const late = await decide(loan.id, coop.manajer.token, 'approve');
      expect(late.json()).toMatchObject({ code: 'loans.application_already_decided' });
    });
  });

  describe('lending limits at approval', () => {
    it('holds a pengurus borrower to 10% of modal sendiri and others to 15%', async () => {
      // Modal sendiri Rp100,000,000: 15% = Rp15,000,000, 10% = Rp10,000,000.
      const bendahara = await givenBoardBorrower(test, coop.cooperativeId, 'bendahara');
      const related = (await apply(bendahara.token, { amount: '10500000' })).json<LoanDetail>();
      const refused = await decide(related.id, coop.manajer.token, 'approve');
      expect(refused.json()).toMatchObject({
        code: 'loans.limit_exceeded',
        params: { limit: '10000000' },
      });
      const plain = await givenBorrower(test, coop.cooperativeId);
      const big = (await apply(plain.token, { amount: '16000000' })).json<LoanDetail>();
      const over = await decide(big.id, coop.manajer.token, 'approve');
      expect(over.json()).toMatchObject({
        code: 'loans.limit_exceeded',
        params: { limit: '15000000' },
      });
      expect((await api.get(big.id, coop.manajer.token)).json()).toMatchObject({
        status: 'diajukan',
        decisions: [],
      });
    });

    it("refuses more than the product's multiple of the member's savings", async () => {
      await api.put('products/PLAFON', coop.manajer.token, {
        ...flatProduct,
        plafondSavingsMultiple: 3,
      });
      const borrower = await givenBorrower(test, coop.cooperativeId);
      await givenDeposit(test.db, coop.cooperativeId, coop.kasir.personId, {
        membershipId: borrower.membershipId,
        kind: 'sukarela',
        amount: 1_000_000n,
      });
      const loan = (
        await apply(borrower.token, { productCode: 'PLAFON', amount: '3500000' })
      ).json<LoanDetail>();
      const refused = await decide(loan.id, coop.manajer.token, 'approve');
      expect(refused.json()).toMatchObject({
        code: 'loans.plafond_exceeded',
        params: { limit: '3000000' },
      });
      const fits = (
        await apply(borrower.token, { productCode: 'PLAFON', amount: '3000000' })
      ).json<LoanDetail>();
      expect((await decide(fits.id, coop.manajer.token, 'approve')).json()).toMatchObject({
        status: 'disetujui',
      });
    });
  });

  describe('disbursement and repayment', () => {
    let borrower: Awaited<ReturnType<typeof givenBorrower>>;
    let loanId: string;
    let disbursementKey: string;

    it('refuses to disburse an application that is not fully approved', async () => {
      borrower = await givenBorrower(test, coop.cooperativeId);
      loanId = (await apply(borrower.token, { amount: '9000000' })).json<LoanDetail>().id;
      const early = await api.post(`${loanId}/disbursement`, coop.bendahara.token, {
        channel: 'sukarela',
      });
      expect(early.json()).toMatchObject({ code: 'loans.not_approved', params: { missing: 1 } });
      await decide(loanId, coop.ketua.token, 'approve');
    });

    it("disburses to the member's sukarela net of fees in one balanced entry and stores the schedule", async () => {
      const before = await sukarelaOf(borrower.membershipId, coop.bendahara.token);
      disbursementKey = newIdempotencyKey();
      const response = await api.post(
        `${loanId}/disbursement`,
        coop.bendahara.token,
        { channel: 'sukarela' },
        disbursementKey,
      );
      expect(response.statusCode).toBe(201);
      const loan = response.json<LoanDetail>();
      expect(loan).toMatchObject({
        status: 'aktif',
        disbursedOn: '2026-03-02',
        disbursement: { channel: 'sukarela', netAmount: '8865000' },
      });
      expect(loan.schedule).toHaveLength(12);
      expect(loan.schedule.every((row) => row.total === '840000' && row.interest === '90000')).toBe(
        true,
      );
      expect(loan.schedule[0]).toMatchObject({
        number: 1,
        dueDate: '2026-04-02',
        status: 'upcoming',
      });
      expect(loan.schedule[11]).toMatchObject({ dueDate: '2027-03-02' });
      expect(await sukarelaOf(borrower.membershipId, coop.bendahara.token)).toBe(
        before + 8_865_000n,
      );
      const trial = await inLedger(test.db, coop.cooperativeId, (ctx) =>
        getTrialBalance(ctx, { asOf: endOfTime }),
      );
      expect(trial.isBalanced).toBe(true);
      const entry = await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${coop.cooperativeId}/ledger/entries/${loan.disbursement?.entryId ?? ''}`,
        token: coop.bendahara.token,
      });
      expect(entry.json()).toMatchObject({
        sourceType: 'loans.disbursement',
        sourceId: loanId,
        totalAmount: '9000000',
        lines: [
          { side: 'debit', amount: '9000000' },
          { side: 'credit', amount: '8865000' },
          { side: 'credit', amount: '135000', accountId: coop.chart.id('4-1202') },
        ],
      });
    });

    it('replays a retried disbursement without posting again, and refuses a second one', async () => {
      const before = await ledgerStateOf(test.db, coop.cooperativeId);
      const replay = await api.post(
        `${loanId}/disbursement`,
        coop.bendahara.token,
        { channel: 'sukarela' },
        disbursementKey,
      );
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      const second = await api.post(`${loanId}/disbursement`, coop.bendahara.token, {
        channel: 'sukarela',
      });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'loans.already_disbursed' });
      expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
    });

    it('refuses a cash disbursement outside a teller session', async () => {
      const other = await givenBorrower(test, coop.cooperativeId);
      const loan = (
        await apply(other.token, { amount: '1000000', installments: 6 })
      ).json<LoanDetail>();
      await decide(loan.id, coop.manajer.token, 'approve');
      const refused = await api.post(`${loan.id}/disbursement`, coop.manajer.token, {
        channel: 'cash',
      });
      expect(refused.json()).toMatchObject({ code: 'savings.session_not_open' });
    });

    it('repays an installment on its due date: interest then principal, no penalty', async () => {
      test.clock.advance(31 * day); // 2026-04-02, the first due date
      await openSession(coop.kasir.token);
      const key = newIdempotencyKey();
      const response = await api.post(
        `${loanId}/repayments`,
        coop.kasir.token,
        { channel: 'cash', amount: '840000' },
        key,
      );
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        paidOn: '2026-04-02',
        penalty: '0',
        interest: '90000',
        principal: '750000',
        principalOutstandingAfter: '8250000',
        loanStatus: 'aktif',
      });
      const before = await ledgerStateOf(test.db, coop.cooperativeId);
      const replay = await api.post(
        `${loanId}/repayments`,
        coop.kasir.token,
        { channel: 'cash', amount: '840000' },
        key,
      );
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await ledgerStateOf(test.db, coop.cooperativeId)).toEqual(before);
      const detail = (await api.get(loanId, borrower.token)).json<LoanDetail>();
      expect(detail.schedule[0]).toMatchObject({ status: 'paid' });
      expect(detail.schedule[1]).toMatchObject({ status: 'upcoming' });
    });

    it('charges the penalty on a late installment first, then its interest and principal', async () => {
      test.clock.advance(40 * day); // 2026-05-12: installment 2 (due 2026-05-02) is 10 days late
      const detail = (await api.get(loanId, coop.kasir.token)).json<LoanDetail>();
      // 10 bps a day on Rp840,000 for 10 days.
      expect(detail.position).toMatchObject({
        daysPastDue: 10,
        penaltyDue: '8400',
        interestDue: '90000',
        principalDue: '750000',
        amountDue: '848400',
      });
      expect(detail.schedule[1]).toMatchObject({ status: 'overdue' });
      const response = await api.post(`${loanId}/repayments`, coop.kasir.token, {
        channel: 'cash',
        amount: '848400',
      });
      expect(response.json()).toMatchObject({
        penalty: '8400',
        interest: '90000',
        principal: '750000',
        principalOutstandingAfter: '7500000',
      });
      const after = (await api.get(loanId, coop.kasir.token)).json<LoanDetail>();
      expect(after.position).toMatchObject({ daysPastDue: 0, penaltyDue: '0' });
    });

    it('refuses a repayment beyond everything owed', async () => {
      const detail = (await api.get(loanId, coop.kasir.token)).json<LoanDetail>();
      const payoff = BigInt(String(detail.position?.payoffAmount));
      const tooMuch = await api.post(`${loanId}/repayments`, coop.kasir.token, {
        channel: 'cash',
        amount: String(payoff + 1n),
      });
      expect(tooMuch.json()).toMatchObject({
        code: 'loans.repayment_exceeds_outstanding',
        params: { maximum: payoff.toString() },
      });
    });

    it('pays off early from sukarela: remaining principal and the current interest, then lunas', async () => {
      const before = await sukarelaOf(borrower.membershipId, coop.kasir.token);
      const detail = (await api.get(loanId, coop.kasir.token)).json<LoanDetail>();
      // Principal Rp7,500,000 left and installment 3's interest (the current period).
      expect(detail.position).toMatchObject({
        principalOutstanding: '7500000',
        payoffAmount: '7590000',
      });
      const response = await api.post(`${loanId}/payoff`, coop.kasir.token, {
        channel: 'sukarela',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        amount: '7590000',
        interest: '90000',
        principal: '7500000',
        isPayoff: true,
        principalOutstandingAfter: '0',
        loanStatus: 'lunas',
      });
      expect(await sukarelaOf(borrower.membershipId, coop.kasir.token)).toBe(before - 7_590_000n);
      const closed = (await api.get(loanId, borrower.token)).json<LoanDetail>();
      expect(closed).toMatchObject({ status: 'lunas', closedOn: '2026-05-12', position: null });
      expect(closed.schedule.slice(3).every((row) => row.status === 'waived')).toBe(true);
      const again = await api.post(`${loanId}/repayments`, coop.kasir.token, {
        channel: 'cash',
        amount: '1000',
      });
      expect(again.json()).toMatchObject({ code: 'loans.not_active', params: { status: 'lunas' } });
    });

    it('disburses in cash inside the teller session, and the drawer counts it', async () => {
      const other = await givenBorrower(test, coop.cooperativeId);
      const loan = (
        await apply(other.token, { amount: '2000000', installments: 6 })
      ).json<LoanDetail>();
      await decide(loan.id, coop.manajer.token, 'approve');
      const sessionBefore = await currentSession(coop.kasir.token);
      const response = await api.post(`${loan.id}/disbursement`, coop.kasir.token, {
        channel: 'cash',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        disbursement: { channel: 'cash', netAmount: '1970000' },
      });
      const sessionAfter = await currentSession(coop.kasir.token);
      expect(BigInt(sessionAfter.cashOut) - BigInt(sessionBefore.cashOut)).toBe(1_970_000n);
      const members = await test.request({
        method: 'GET',
        url: `/api/v1/cooperatives/${coop.cooperativeId}/members/${other.membershipId}/loans`,
        token: other.token,
      });
      expect(members.json()).toMatchObject({ items: [{ id: loan.id, status: 'aktif' }] });
      const list = await api.get('?status=aktif', coop.manajer.token);
      expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(
        loan.id,
      );
      // The member has no sukarela: repaying from it would overdraw it.
      const overdraft = await api.post(`${loan.id}/repayments`, coop.kasir.token, {
        channel: 'sukarela',
        amount: '100000',
      });
      expect(overdraft.json()).toMatchObject({ code: 'savings.insufficient_balance' });
    });

    it('leaves a ledger that verifies and balances', async () => {
      const report = await verifyLedger(test.db, coop.cooperativeId);
      expect(report.problems).toEqual([]);
      const trial = await inLedger(test.db, coop.cooperativeId, (ctx) =>
        getTrialBalance(ctx, { asOf: endOfTime }),
      );
      expect(trial.isBalanced).toBe(true);
    });
  });

  async function openSession(token: string) {
    const response = await test.request({
      method: 'POST',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/teller-sessions`,
      token,
      payload: { openingFloat: '5000000' },
      idempotencyKey: newIdempotencyKey(),
    });
    expect([201, 409]).toContain(response.statusCode);
  }

  async function currentSession(token: string) {
    const response = await test.request({
      method: 'GET',
      url: `/api/v1/cooperatives/${coop.cooperativeId}/savings/teller-sessions/current`,
      token,
    });
    return response.json<{ cashOut: string; cashIn: string }>();
  }
});
