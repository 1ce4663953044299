import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import {
  collectionsQuery,
  collectionsView,
  loanAutoDebitRequest,
  loanAutoDebitView,
  loanDayEndRequest,
  loanDayEndRunView,
  loanDayEndSettingsView,
  portfolioQualityView,
  putLoanDayEndSettingsRequest,
} from '@lumbung/shared/contracts/loan-day-end';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import { DomainError } from '../../platform/domain-error.js';
import { backOffice } from '../../platform/http/access.js';
import { activeMembership } from '../../platform/http/actor.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { runLoanDayEnd } from './commands/run-loan-day-end.js';
import { setLoanAutoDebit } from './commands/set-loan-auto-debit.js';
import { setLoanDayEndSettings } from './commands/set-loan-day-end-settings.js';
import { getLoan } from './queries/get-loan.js';
import { getLoanDayEndSettings } from './queries/get-loan-day-end-settings.js';
import { getPortfolioQuality } from './queries/get-portfolio-quality.js';
import { listCollections } from './queries/list-collections.js';
import { loansContext } from './loans-context.js';
import { businessDateOf } from './loans.types.js';

const tags = ['loans'];
const params = z.object({ cooperativeId: uuidSchema });
/** Who closes the lending day: the bendahara, who answers for the books, and the manajer. */
const dayEndRunners: readonly MembershipRole[] = ['bendahara', 'manajer'];
/** Who sets collectibility bands and allowance rates: as for loan products. */
const settingsSetters: readonly MembershipRole[] = ['ketua', 'bendahara', 'manajer'];
/** Officers who switch a loan's auto-debit (the borrower may too). */
const autoDebitOfficers: readonly MembershipRole[] = ['kasir', 'bendahara', 'manajer'];

/** Loan day-end (aging, penalties, allowance), its settings, and the portfolio reports. */
export function loanDayEndRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/loans';

    app.post(`${base}/day-end`, {
      config: { access: { tenant: dayEndRunners }, idempotent: true },
      schema: {
        tags,
        summary:
          'Close a lending day: auto-debits, days past due, collectibility, penalty accrual and the loss allowance (once per date)',
        params,
        body: loanDayEndRequest,
        response: { 201: loanDayEndRunView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const loans = loansContext(ctx);
            const businessDate = request.body.businessDate ?? businessDateOf(loans.now);
            return toWire(await runLoanDayEnd(loans, { businessDate }));
          },
          { status: 201 },
        ),
    });

    app.get(`${base}/day-end-settings`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Collectibility bands and allowance rates per scheme (the defaults until set)',
        params,
        response: { 200: loanDayEndSettingsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getLoanDayEndSettings(loansContext(ctx))),
        ),
    });

    app.put(`${base}/day-end-settings`, {
      config: { access: { tenant: settingsSetters } },
      schema: {
        tags,
        summary:
          'Set collectibility bands and allowance rates per scheme (ketua, bendahara, manajer)',
        params,
        body: putLoanDayEndSettingsRequest,
        response: { 200: loanDayEndSettingsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await setLoanDayEndSettings(loansContext(ctx), request.body)),
        ),
    });

    app.get(`${base}/portfolio-quality`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary:
          'Portfolio quality at the last day-end: outstanding by collectibility, NPL, PAR1/30/90, allowance required and booked',
        params,
        response: { 200: portfolioQualityView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getPortfolioQuality(loansContext(ctx))),
        ),
    });

    app.get(`${base}/collections`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary:
          'Loans overdue at the last day-end, most days past due first, with the member to call',
        params,
        querystring: collectionsQuery,
        response: { 200: collectionsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await listCollections(loansContext(ctx), request.query)),
        ),
    });

    app.put(`${base}/:loanId/auto-debit`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary:
          "Switch auto-debit from the member's sukarela on the due date (the borrower or an officer)",
        params: params.extend({ loanId: uuidSchema }),
        body: loanAutoDebitRequest,
        response: { 200: loanAutoDebitView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const loans = loansContext(ctx);
          const membership =
            ctx.actor && ctx.cooperativeId
              ? activeMembership(ctx.actor, ctx.cooperativeId)
              : undefined;
          const isOfficer =
            membership?.roles.some((role) => autoDebitOfficers.includes(role)) ?? false;
          const loan = await getLoan(loans, request.params.loanId);
          if (!isOfficer && membership?.membershipId !== loan.membershipId)
            throw new DomainError('auth.forbidden');
          return toWire(
            await setLoanAutoDebit(loans, {
              loanId: loan.id,
              isAutoDebit: request.body.isAutoDebit,
            }),
          );
        }),
    });
  };
}
