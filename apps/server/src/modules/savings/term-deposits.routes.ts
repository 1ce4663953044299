import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import {
  memberTermDepositsView,
  openTermDepositRequest,
  termDepositMaturitiesRequest,
  termDepositMaturitiesView,
  termDepositView,
} from '@lumbung/shared/contracts/savings';
import type { Context } from '../../platform/context.js';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice } from '../../platform/http/access.js';
import { activeMembership } from '../../platform/http/actor.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { breakTermDeposit } from './commands/break-term-deposit.js';
import { matureTermDeposits } from './commands/mature-term-deposits.js';
import { openTermDeposit, termDepositViewOf } from './commands/open-term-deposit.js';
import { listMemberTermDeposits } from './term-deposits.schema.js';
import { savingsContext } from './savings-context.js';

const tags = ['savings'];
const params = z.object({ cooperativeId: uuidSchema });
const tellers = ['kasir', 'bendahara'] as const;

/** A member reads their own deposits; the back office reads everyone's. */
function assertSelfOrBackOffice(ctx: Context, membershipId: string) {
  const membership =
    ctx.actor && ctx.cooperativeId ? activeMembership(ctx.actor, ctx.cooperativeId) : undefined;
  const isBackOffice = membership?.roles.some((role) => backOffice.includes(role)) ?? false;
  if (!isBackOffice && membership?.membershipId !== membershipId)
    throw new DomainError('auth.forbidden');
}

/** Simpanan berjangka: place, list, break early, and the maturity job. */
export function termDepositsRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/savings/term-deposits';

    app.post(base, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary:
          "Place simpanan berjangka for a member from their sukarela or in cash at the teller, on the product's current terms",
        params,
        body: openTermDepositRequest,
        response: { 201: termDepositView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await openTermDeposit(savingsContext(ctx), {
                membershipId: request.body.membershipId,
                amount: BigInt(request.body.amount),
                source: request.body.source,
              }),
            ),
          { status: 201 },
        ),
    });

    app.get('/api/v1/cooperatives/:cooperativeId/members/:membershipId/term-deposits', {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: "A member's term deposits, newest first (the member themself or the back office)",
        params: params.extend({ membershipId: uuidSchema }),
        response: { 200: memberTermDepositsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrBackOffice(ctx, request.params.membershipId);
          const savings = savingsContext(ctx);
          const deposits = await listMemberTermDeposits(
            savings.tx,
            savings.cooperativeId,
            request.params.membershipId,
          );
          return toWire({
            membershipId: request.params.membershipId,
            items: deposits.map(termDepositViewOf),
          });
        }),
    });

    app.post(`${base}/:depositId/break`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary:
          'Break a term deposit before maturity: the principal less the penalty back to sukarela, no interest',
        params: params.extend({ depositId: uuidSchema }),
        response: { 200: termDepositView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await breakTermDeposit(savingsContext(ctx), { depositId: request.params.depositId }),
          ),
        ),
    });

    app.post(`${base}/maturities`, {
      config: { access: { tenant: ['bendahara'] }, idempotent: true },
      schema: {
        tags,
        summary:
          'Pay or roll over every term deposit due on or before a date, withholding final tax (once per deposit)',
        params,
        body: termDepositMaturitiesRequest,
        response: { 201: termDepositMaturitiesView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await matureTermDeposits(savingsContext(ctx), {
                asOf: request.body.asOf,
                taxThresholdRupiah: BigInt(request.body.taxThresholdRupiah),
                taxRateBps: request.body.taxRateBps,
              }),
            ),
          { status: 201 },
        ),
    });
  };
}
