import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '@lumbung/shared/contracts/common';
import {
  closeTellerSessionRequest,
  interestRunRequest,
  memberExitRequest,
  memberExitView,
  interestRunView,
  memberSavingsView,
  openTellerSessionRequest,
  passbookView,
  putSavingsProductsRequest,
  savingsProductsView,
  savingsReceiptView,
  savingsTransferRequest,
  tellerSessionView,
  tellerTransactionRequest,
  wajibArrearsView,
  type SavingsProductsView,
} from '@lumbung/shared/contracts/savings';
import type { Context } from '../../platform/context.js';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice } from '../../platform/http/access.js';
import { activeMembership } from '../../platform/http/actor.js';
import { respond, runInScope, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { checkTransactionPin, type IdentityPolicy } from '../identity/index.js';
import { closeTellerSession } from './commands/close-teller-session.js';
import { depositSavings } from './commands/deposit-savings.js';
import { openTellerSession } from './commands/open-teller-session.js';
import { runMonthEndInterest } from './commands/run-month-end-interest.js';
import { setSavingsProducts } from './commands/set-savings-products.js';
import { settleMemberExit } from './commands/settle-member-exit.js';
import { transferSavings } from './commands/transfer-savings.js';
import { withdrawSavings } from './commands/withdraw-savings.js';
import { getMemberSavings } from './queries/get-member-savings.js';
import { getPassbook, getSavingsAccount } from './queries/get-passbook.js';
import { getSavingsProducts } from './queries/get-savings-products.js';
import { getTellerSession } from './queries/get-teller-session.js';
import { listWajibArrears } from './queries/list-wajib-arrears.js';
import { renderPassbookPdf } from './render/passbook-pdf.js';
import { findOpenSession } from './savings.sql.js';
import type { SavingsProducts } from './savings.types.js';
import { savingsContext } from './savings-context.js';

export interface SavingsRouteDeps extends RespondDeps {
  /** The transaction-PIN lockout policy (identity's), for transfers. */
  pinPolicy: IdentityPolicy;
}

const tags = ['savings'];
const params = z.object({ cooperativeId: uuidSchema });
const tellers = ['kasir', 'bendahara'] as const;

function callerMembership(ctx: Context) {
  return ctx.actor && ctx.cooperativeId
    ? activeMembership(ctx.actor, ctx.cooperativeId)
    : undefined;
}

/** A member reads their own savings; the back office reads everyone's. */
function assertSelfOrBackOffice(ctx: Context, membershipId: string) {
  const membership = callerMembership(ctx);
  const isBackOffice = membership?.roles.some((role) => backOffice.includes(role)) ?? false;
  if (!isBackOffice && membership?.membershipId !== membershipId)
    throw new DomainError('auth.forbidden');
}

function productsFromWire(body: SavingsProductsView): SavingsProducts {
  return {
    pokok: { amount: BigInt(body.pokok.amount) },
    wajib: { monthlyAmount: BigInt(body.wajib.monthlyAmount) },
    sukarela: {
      interestRateBps: body.sukarela.interestRateBps,
      minimumBalance: BigInt(body.sukarela.minimumBalance),
    },
    berjangka: body.berjangka,
  };
}

export function savingsRoutes(deps: SavingsRouteDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/savings';

    app.get(`${base}/products`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'The savings products (pokok, wajib, sukarela, berjangka)',
        params,
        response: { 200: savingsProductsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getSavingsProducts(savingsContext(ctx))),
        ),
    });

    app.put(`${base}/products`, {
      config: { access: { tenant: ['bendahara'] } },
      schema: {
        tags,
        summary: 'Set the savings products as the RAT decided (bendahara)',
        params,
        body: putSavingsProductsRequest,
        response: { 200: savingsProductsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await setSavingsProducts(savingsContext(ctx), productsFromWire(request.body))),
        ),
    });

    app.get('/api/v1/cooperatives/:cooperativeId/members/:membershipId/savings', {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'Every savings balance of a member (the member themself or the back office)',
        params: params.extend({ membershipId: uuidSchema }),
        response: { 200: memberSavingsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrBackOffice(ctx, request.params.membershipId);
          return toWire(await getMemberSavings(savingsContext(ctx), request.params.membershipId));
        }),
    });

    app.post(`${base}/teller-sessions`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary: 'Open a teller session with a counted opening float (kasir)',
        params,
        body: openTellerSessionRequest,
        response: { 201: tellerSessionView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await openTellerSession(savingsContext(ctx), {
                openingFloat: BigInt(request.body.openingFloat),
              }),
            ),
          { status: 201 },
        ),
    });

    app.get(`${base}/teller-sessions/current`, {
      config: { access: { tenant: tellers } },
      schema: {
        tags,
        summary: "The caller's open teller session with its expected cash",
        params,
        response: { 200: tellerSessionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const savings = savingsContext(ctx);
          const open = savings.actorPersonId
            ? await findOpenSession(savings.tx, savings.cooperativeId, savings.actorPersonId)
            : null;
          if (!open) throw new DomainError('savings.session_not_found');
          return toWire(await getTellerSession(savings, open.id));
        }),
    });

    app.post(`${base}/teller-sessions/:sessionId/close`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary: 'Count the drawer and close the session; a difference is booked to Selisih kas',
        params: params.extend({ sessionId: uuidSchema }),
        body: closeTellerSessionRequest,
        response: { 200: tellerSessionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await closeTellerSession(savingsContext(ctx), {
              sessionId: request.params.sessionId,
              countedCash: BigInt(request.body.countedCash),
            }),
          ),
        ),
    });

    for (const [path, command, summary] of [
      ['deposits', depositSavings, 'Deposit cash into pokok, wajib or sukarela at the teller'],
      ['withdrawals', withdrawSavings, 'Withdraw cash from sukarela at the teller'],
    ] as const) {
      app.post(`${base}/${path}`, {
        config: { access: { tenant: tellers }, idempotent: true },
        schema: {
          tags,
          summary,
          params,
          body: tellerTransactionRequest,
          response: { 201: savingsReceiptView },
        },
        handler: (request, reply) =>
          respond(
            deps,
            request,
            reply,
            async (ctx) =>
              toWire(
                await command(savingsContext(ctx), {
                  membershipId: request.body.membershipId,
                  kind: request.body.kind,
                  amount: BigInt(request.body.amount),
                  memo: request.body.memo,
                }),
              ),
            { status: 201 },
          ),
      });
    }

    app.post(`${base}/transfers`, {
      config: { access: { tenant: 'member' }, idempotent: true },
      schema: {
        tags,
        summary:
          "Transfer from the caller's sukarela to another member's, confirmed by the transaction PIN",
        params,
        body: savingsTransferRequest,
        response: { 201: savingsReceiptView },
      },
      handler: async (request, reply) => {
        // The PIN check commits its failure counter even when the transfer is refused.
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
            const membership = callerMembership(ctx);
            if (!membership) throw new DomainError('auth.forbidden');
            return toWire(
              await transferSavings(savingsContext(ctx), {
                fromMembershipId: membership.membershipId,
                toMemberNumber: request.body.toMemberNumber,
                amount: BigInt(request.body.amount),
                memo: request.body.memo,
              }),
            );
          },
          { status: 201 },
        );
      },
    });

    app.post('/api/v1/cooperatives/:cooperativeId/members/:membershipId/exit', {
      config: { access: { tenant: ['ketua'] }, idempotent: true },
      schema: {
        tags,
        summary:
          'End a membership after settling it: savings paid out and returned in cash (ketua)',
        params: params.extend({ membershipId: uuidSchema }),
        body: memberExitRequest,
        response: { 201: memberExitView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await settleMemberExit(savingsContext(ctx), {
                membershipId: request.params.membershipId,
                ...request.body,
              }),
            ),
          { status: 201 },
        ),
    });

    app.post(`${base}/interest-runs`, {
      config: { access: { tenant: ['bendahara'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Post month-end sukarela interest and withhold final tax (once per month)',
        params,
        body: interestRunRequest,
        response: { 201: interestRunView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await runMonthEndInterest(savingsContext(ctx), {
                month: request.body.month,
                taxThresholdRupiah: BigInt(request.body.taxThresholdRupiah),
                taxRateBps: request.body.taxRateBps,
              }),
            ),
          { status: 201 },
        ),
    });

    app.get(`${base}/arrears`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Aktif members behind on simpanan wajib as of a date',
        params,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: { 200: wajibArrearsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listWajibArrears(savingsContext(ctx), {
              asOf: request.query.asOf ?? deps.now().toISOString().slice(0, 10),
            }),
          ),
        ),
    });

    app.get(`${base}/accounts/:accountId/passbook`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'Passbook of a savings account with running balance (format=pdf for an A4 PDF)',
        params: params.extend({ accountId: uuidSchema }),
        querystring: z.object({
          from: isoDateSchema.optional(),
          to: isoDateSchema.optional(),
          cursor: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}\/\d+\/\d+\/-?\d+$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          format: z.enum(['json', 'pdf']).default('json'),
        }),
        response: { 200: passbookView },
      },
      handler: async (request, reply) => {
        const today = deps.now().toISOString().slice(0, 10);
        const passbook = await respond(deps, request, reply, async (ctx) => {
          const savings = savingsContext(ctx);
          const account = await getSavingsAccount(savings, request.params.accountId);
          assertSelfOrBackOffice(ctx, account.ownerMembershipId);
          return getPassbook(savings, {
            accountId: account.id,
            from: request.query.from ?? `${today.slice(0, 4)}-01-01`,
            to: request.query.to ?? today,
            cursor: request.query.cursor ?? null,
            limit: request.query.format === 'pdf' ? 100_000 : request.query.limit,
          });
        });
        if (request.query.format === 'json') return toWire(passbook);
        const bytes = await renderPassbookPdf(passbook);
        return reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="buku-simpanan-${passbook.account.code}.pdf"`,
          )
          .send(bytes as never);
      },
    });
  };
}
