import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import {
  loanApplicationRequest,
  loanDecisionRequest,
  loanDetailView,
  loanDisbursementRequest,
  loanListView,
  loanPayoffRequest,
  loanProductCode,
  loanProductListView,
  loanProductView,
  loanQueueView,
  loanRepaymentRequest,
  loanRepaymentView,
  loanRescheduleRequest,
  loanSelfRepaymentRequest,
  loanStatuses,
  putLoanProductRequest,
} from '@lumbung/shared/contracts/loans';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice, boardAndManager } from '../../platform/http/access.js';
import { respond, runInScope, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { checkTransactionPin, type IdentityPolicy } from '../identity/index.js';
import { applyForLoan } from './commands/apply-for-loan.js';
import { decideLoanApplication } from './commands/decide-loan-application.js';
import { disburseLoan } from './commands/disburse-loan.js';
import { payOffLoan } from './commands/pay-off-loan.js';
import { repayLoan } from './commands/repay-loan.js';
import { repayOwnLoan } from './commands/repay-own-loan.js';
import { rescheduleLoan } from './commands/reschedule-loan.js';
import { setLoanProduct } from './commands/set-loan-product.js';
import { getLoan, getLoanDetail } from './queries/get-loan.js';
import { listLoanProducts } from './queries/get-loan-products.js';
import { listCommitteeQueue } from './queries/list-committee-queue.js';
import { listLoans } from './queries/list-loans.js';
import { assertSelfOrBackOffice, rolesOf } from './loan-access.js';
import { loansContext } from './loans-context.js';

const tags = ['loans'];
const params = z.object({ cooperativeId: uuidSchema });
const loanParams = params.extend({ loanId: uuidSchema });
/** Who sets loan products: the pengurus who answer for them and the manajer. */
const productSetters: readonly MembershipRole[] = ['ketua', 'bendahara', 'manajer'];
/** Officers who may enter an application on a member's behalf (not the pengawas, who audits). */
const applyingOfficers: readonly MembershipRole[] = backOffice.filter(
  (role) => role !== 'pengawas',
);
/** Who pays a loan out: the teller (cash, in session) or the bendahara/manajer (to savings). */
const disbursers: readonly MembershipRole[] = ['kasir', 'bendahara', 'manajer'];
const tellers: readonly MembershipRole[] = ['kasir', 'bendahara'];

export interface LoansRouteDeps extends RespondDeps {
  /** The transaction-PIN lockout policy (identity's), for a member's own repayment. */
  pinPolicy: IdentityPolicy;
}

export function loansRoutes(deps: LoansRouteDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/loans';

    app.get(`${base}/products`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: "The cooperative's loan products",
        params,
        response: { 200: loanProductListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await listLoanProducts(loansContext(ctx))),
        ),
    });

    app.put(`${base}/products/:code`, {
      config: { access: { tenant: productSetters } },
      schema: {
        tags,
        summary: 'Set a loan product as the pengurus decided (ketua, bendahara, manajer)',
        params: params.extend({ code: loanProductCode }),
        body: putLoanProductRequest,
        response: { 200: loanProductView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const body = request.body;
          return toWire(
            await setLoanProduct(loansContext(ctx), {
              ...body,
              code: request.params.code,
              minAmount: BigInt(body.minAmount),
              maxAmount: BigInt(body.maxAmount),
              approvalTiers: body.approvalTiers.map((tier) => ({
                ...tier,
                upTo: tier.upTo === null ? null : BigInt(tier.upTo),
              })),
            }),
          );
        }),
    });

    app.post(`${base}/applications`, {
      config: { access: { tenant: 'member' }, idempotent: true },
      schema: {
        tags,
        summary: "Apply for a loan (a member for themself, an officer on a member's behalf)",
        params,
        body: loanApplicationRequest,
        response: { 201: loanDetailView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const { membership, roles } = rolesOf(ctx);
            const isOfficer = roles.some((role) => applyingOfficers.includes(role));
            const membershipId = request.body.membershipId ?? membership?.membershipId;
            const isOwn = membershipId === membership?.membershipId;
            if (!membershipId || (!isOwn && !isOfficer)) throw new DomainError('auth.forbidden');
            const body = request.body;
            return toWire(
              await applyForLoan(loansContext(ctx), {
                membershipId,
                productCode: body.productCode,
                amount: BigInt(body.amount),
                installments: body.installments,
                purpose: body.purpose,
                declaredMonthlyIncome: BigInt(body.declaredMonthlyIncome),
                guarantors: body.guarantors,
                collateral: body.collateral.map((item) => ({
                  ...item,
                  estimatedValue: BigInt(item.estimatedValue),
                })),
                appliedVia: isOwn ? 'member' : 'officer',
              }),
            );
          },
          { status: 201 },
        ),
    });

    app.get(`${base}/queue`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Applications awaiting the committee, with their assessment and approvals so far',
        params,
        response: { 200: loanQueueView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await listCommitteeQueue(loansContext(ctx))),
        ),
    });

    app.get(base, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Loans and applications in application order, optionally of one status',
        params,
        querystring: z.object({
          status: z.enum(loanStatuses).optional(),
          cursor: uuidSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: loanListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listLoans(loansContext(ctx), {
              status: request.query.status ?? null,
              membershipId: null,
              cursor: request.query.cursor ?? null,
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.get('/api/v1/cooperatives/:cooperativeId/members/:membershipId/loans', {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: "A member's loans and applications (the member themself or the back office)",
        params: params.extend({ membershipId: uuidSchema }),
        querystring: z.object({
          cursor: uuidSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: loanListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrBackOffice(ctx, request.params.membershipId);
          return toWire(
            await listLoans(loansContext(ctx), {
              status: null,
              membershipId: request.params.membershipId,
              cursor: request.query.cursor ?? null,
              limit: request.query.limit,
            }),
          );
        }),
    });

    app.get(`${base}/:loanId`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary:
          'A loan with its schedule (paid and due per installment), repayments, decisions and assessment',
        params: loanParams,
        response: { 200: loanDetailView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const loans = loansContext(ctx);
          const loan = await getLoan(loans, request.params.loanId);
          assertSelfOrBackOffice(ctx, loan.membershipId);
          return toWire(await getLoanDetail(loans, loan.id));
        }),
    });

    app.post(`${base}/:loanId/decisions`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Approve or reject an application with a reason (manajer, pengurus)',
        params: loanParams,
        body: loanDecisionRequest,
        response: { 201: loanDetailView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await decideLoanApplication(loansContext(ctx), {
                loanId: request.params.loanId,
                ...request.body,
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/:loanId/disbursement`, {
      config: { access: { tenant: disbursers }, idempotent: true },
      schema: {
        tags,
        summary: "Disburse an approved loan to the member's sukarela or in cash at the teller",
        params: loanParams,
        body: loanDisbursementRequest,
        response: { 201: loanDetailView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await disburseLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                channel: request.body.channel,
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/:loanId/repayments`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary:
          'Repay in cash at the teller or from sukarela: penalty, then interest, then principal',
        params: loanParams,
        body: loanRepaymentRequest,
        response: { 201: loanRepaymentView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await repayLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                channel: request.body.channel,
                amount: BigInt(request.body.amount),
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/:loanId/payoff`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary:
          'Pay off early: penalty, interest to the current period and all remaining principal',
        params: loanParams,
        body: loanPayoffRequest,
        response: { 201: loanRepaymentView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await payOffLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                channel: request.body.channel,
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/:loanId/reschedule`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary:
          'Reschedule a running loan: a new schedule for the principal outstanding (pengurus, manajer; not the borrower)',
        description:
          'The unpaid schedule is replaced by one built from the principal outstanding, starting on effectiveDate (today or up to 90 days on), over newInstallments at newRateBpsPerMonth (or the same rate). Unpaid interest of installments due by then is added to the first new installment; the denda owed is waived and recorded. Paid installments and repayments stay; the old schedule is kept under `reschedules[].supersededSchedule`. Nothing is posted to the ledger.',
        params: loanParams,
        body: loanRescheduleRequest,
        response: { 201: loanDetailView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await rescheduleLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                ...request.body,
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/:loanId/repayments/self`, {
      config: { access: { tenant: 'member' }, idempotent: true },
      schema: {
        tags,
        summary:
          "Repay one's own loan from one's sukarela in the member app, confirmed by the transaction PIN",
        params: loanParams,
        body: loanSelfRepaymentRequest,
        response: { 201: loanRepaymentView },
      },
      handler: async (request, reply) => {
        // The PIN check commits its failure counter even when the repayment is refused.
        const outcome = await runInScope(deps, request, (ctx) =>
          checkTransactionPin(
            { ...ctx, personId: request.actor?.personId ?? '' },
            request.body.pin,
            deps.pinPolicy,
          ),
        );
        if (outcome.kind === 'refused') {
          if (outcome.code === 'auth.pin_locked')
            throw new DomainError('auth.pin_locked', {
              lockedUntil: outcome.lockedUntil.toISOString(),
            });
          throw new DomainError(outcome.code);
        }
        return respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const { membership } = rolesOf(ctx);
            if (!membership) throw new DomainError('auth.forbidden');
            return toWire(
              await repayOwnLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                membershipId: membership.membershipId,
                amount: BigInt(request.body.amount),
              }),
            );
          },
          { status: 201 },
        );
      },
    });
  };
}
