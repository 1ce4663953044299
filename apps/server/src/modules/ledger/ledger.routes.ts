import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '@lumbung/shared/contracts/common';
import {
  accountView,
  changeAccountRequest,
  checkpointView,
  checkpointsResponse,
  createAccountRequest,
  fiscalYearCloseRequest,
  generalLedgerView,
  journalEntryDetail,
  journalEntryView,
  manualJournalRequest,
  manualJournalView,
  periodString,
  reversalRequest,
  rupiahString,
  trialBalanceView,
} from '@lumbung/shared/contracts/ledger';
import { backOffice } from '../../platform/http/access.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import type { Context } from '../../platform/context.js';
import { assert } from '../../platform/assert.js';
import { closeFiscalYear } from './commands/close-fiscal-year.js';
import { closePeriod } from './commands/close-period.js';
import { createCheckpoint } from './commands/create-checkpoint.js';
import { addAccount, renameAccount, setAccountActive } from './commands/manage-accounts.js';
import {
  approveManualJournal,
  prepareManualJournal,
  rejectManualJournal,
} from './commands/manual-journals.js';
import { reverseJournalEntry } from './commands/reverse-journal-entry.js';
import { listClosedPeriods, listManualJournals } from './ledger.sql.js';
import { listCheckpoints } from './queries/list-checkpoints.js';
import { getAccountBalance, getTrialBalance, listAccounts } from './queries/read-accounts.js';
import { getGeneralLedger, getJournalEntry, listJournalEntries } from './queries/read-journal.js';

const tags = ['ledger'];
const params = z.object({ cooperativeId: uuidSchema });
const treasurers = ['bendahara', 'ketua'] as const;
const preparers = ['bendahara', 'manajer', 'kasir'] as const;
const approvers = ['ketua', 'bendahara', 'manajer'] as const;

/** The ledger context of a tenant route: its cooperative and the acting officer. */
function ledgerContext(ctx: Context) {
  assert(ctx.cooperativeId, 'ledger routes are tenant routes');
  return { ...ctx, cooperativeId: ctx.cooperativeId, actorPersonId: ctx.actor?.personId ?? '' };
}

function today(deps: RespondDeps) {
  return deps.now().toISOString().slice(0, 10);
}

export function ledgerRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/ledger';

    app.get(`${base}/accounts`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary:
          'Chart of accounts with balances (control accounts include their member sub-accounts)',
        params,
        querystring: z.object({ includeSubAccounts: z.stringbool().default(false) }),
        response: { 200: z.object({ items: z.array(accountView) }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => ({
          items: toWire(
            await listAccounts(ledgerContext(ctx), {
              includeSubAccounts: request.query.includeSubAccounts,
            }),
          ),
        })),
    });

    app.post(`${base}/accounts`, {
      config: { access: { tenant: ['bendahara'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Add an account (bendahara)',
        params,
        body: createAccountRequest,
        response: { 201: accountView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const account = await addAccount(ledgerContext(ctx), request.body);
            return toWire({
              ...account,
              debitTotal: 0n,
              creditTotal: 0n,
              balance: 0n,
              available: 0n,
              lineCount: 0,
            });
          },
          { status: 201 },
        ),
    });

    app.patch(`${base}/accounts/:accountId`, {
      config: { access: { tenant: ['bendahara'] } },
      schema: {
        tags,
        summary:
          'Rename, deactivate or reactivate an account (bendahara); accounts are never deleted',
        params: params.extend({ accountId: uuidSchema }),
        body: changeAccountRequest,
        response: { 200: z.object({ id: uuidSchema, name: z.string(), isActive: z.boolean() }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const ledger = ledgerContext(ctx);
          const accountId = request.params.accountId;
          let account = request.body.name
            ? await renameAccount(ledger, { accountId, name: request.body.name })
            : null;
          if (request.body.isActive !== undefined)
            account = await setAccountActive(ledger, {
              accountId,
              isActive: request.body.isActive,
            });
          assert(account, 'the body names a change');
          return { id: account.id, name: account.name, isActive: account.isActive };
        }),
    });

    app.get(`${base}/accounts/:accountId/balance`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Balance of an account at the end of a date',
        params: params.extend({ accountId: uuidSchema }),
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: {
          200: z.object({
            accountId: uuidSchema,
            code: z.string(),
            name: z.string(),
            asOf: isoDateSchema,
            debitTotal: rupiahString,
            creditTotal: rupiahString,
            balance: rupiahString,
          }),
        },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await getAccountBalance(ledgerContext(ctx), {
              accountId: request.params.accountId,
              asOf: request.query.asOf ?? today(deps),
            }),
          ),
        ),
    });

    app.get(`${base}/accounts/:accountId/general-ledger`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'General ledger of an account with running balance',
        params: params.extend({ accountId: uuidSchema }),
        querystring: z.object({
          from: isoDateSchema,
          to: isoDateSchema,
          cursor: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}\/\d+\/\d+\/-?\d+$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: generalLedgerView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await getGeneralLedger(ledgerContext(ctx), {
              accountId: request.params.accountId,
              from: request.query.from,
              to: request.query.to,
              cursor: request.query.cursor ?? null,
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.get(`${base}/entries`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Journal entries, newest first',
        params,
        querystring: z.object({
          from: isoDateSchema.optional(),
          to: isoDateSchema.optional(),
          sourceType: z.string().max(60).optional(),
          cursor: z.string().regex(/^\d+$/).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(journalEntryView), nextCursor: z.string().nullable() }),
        },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listJournalEntries(ledgerContext(ctx), {
              from: request.query.from ?? null,
              to: request.query.to ?? null,
              sourceType: request.query.sourceType ?? null,
              cursor: request.query.cursor ? Number(request.query.cursor) : null,
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.get(`${base}/entries/:entryId`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'One journal entry with its lines',
        params: params.extend({ entryId: uuidSchema }),
        response: { 200: journalEntryDetail },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getJournalEntry(ledgerContext(ctx), request.params.entryId)),
        ),
    });

    app.post(`${base}/entries/:entryId/reversal`, {
      config: { access: { tenant: treasurers }, idempotent: true },
      schema: {
        tags,
        summary: 'Reverse an entry (the only correction the books allow)',
        params: params.extend({ entryId: uuidSchema }),
        body: reversalRequest,
        response: {
          201: z.object({ id: uuidSchema, sequence: z.number().int(), hash: z.string() }),
        },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const ledger = ledgerContext(ctx);
            const posted = await reverseJournalEntry(ledger, {
              entryId: request.params.entryId,
              ...request.body,
              idempotencyKey: `ledger.reversal:${ctx.idempotencyKey ?? ''}`,
              postedBy: ledger.actorPersonId,
            });
            return { id: posted.id, sequence: posted.sequence, hash: posted.hash };
          },
          { status: 201 },
        ),
    });

    app.get(`${base}/manual-journals`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Manual journals awaiting approval or decided',
        params,
        querystring: z.object({
          status: z.enum(['awaiting_approval', 'approved', 'rejected']).optional(),
        }),
        response: { 200: z.object({ items: z.array(manualJournalView) }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => ({
          items: toWire(
            await listManualJournals(
              ctx.tx,
              ledgerContext(ctx).cooperativeId,
              request.query.status ?? null,
            ),
          ),
        })),
    });

    app.post(`${base}/manual-journals`, {
      config: { access: { tenant: preparers }, idempotent: true },
      schema: {
        tags,
        summary: 'Prepare a manual journal (maker); another officer approves',
        params,
        body: manualJournalRequest,
        response: { 201: manualJournalView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => toWire(await prepareManualJournal(ledgerContext(ctx), request.body)),
          { status: 201 },
        ),
    });

    app.post(`${base}/manual-journals/:draftId/approval`, {
      config: { access: { tenant: approvers }, idempotent: true },
      schema: {
        tags,
        summary: 'Approve a manual journal (checker, not its preparer): it posts',
        params: params.extend({ draftId: uuidSchema }),
        body: z.object({ note: z.string().max(500).optional() }),
        response: { 200: manualJournalView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await approveManualJournal(ledgerContext(ctx), {
              draftId: request.params.draftId,
              note: request.body.note,
            }),
          ),
        ),
    });

    app.post(`${base}/manual-journals/:draftId/rejection`, {
      config: { access: { tenant: approvers }, idempotent: true },
      schema: {
        tags,
        summary: 'Reject a manual journal (checker): nothing posts',
        params: params.extend({ draftId: uuidSchema }),
        body: z.object({ note: z.string().trim().min(3).max(500) }),
        response: { 200: manualJournalView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await rejectManualJournal(ledgerContext(ctx), {
              draftId: request.params.draftId,
              note: request.body.note,
            }),
          ),
        ),
    });

    app.get(`${base}/periods`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Closed months',
        params,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                period: periodString,
                closedAt: z.string(),
                closedBy: uuidSchema.nullable(),
              }),
            ),
          }),
        },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => ({
          items: (await listClosedPeriods(ctx.tx, ledgerContext(ctx).cooperativeId)).map((row) => ({
            period: row.periodMonth.slice(0, 7),
            closedAt: row.closedAt.toISOString(),
            closedBy: row.closedBy,
          })),
        })),
    });

    app.post(`${base}/periods/:period/close`, {
      config: { access: { tenant: treasurers }, idempotent: true },
      schema: {
        tags,
        summary: 'Close a month: later postings dated in it are refused',
        params: params.extend({ period: periodString }),
        response: { 201: z.object({ period: periodString, closedAt: z.string() }) },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          (ctx) => closePeriod(ledgerContext(ctx), { period: request.params.period }),
          { status: 201 },
        ),
    });

    app.post(`${base}/fiscal-years/close`, {
      config: { access: { tenant: treasurers }, idempotent: true },
      schema: {
        tags,
        summary: 'Year-end close: the year’s revenue and expenses into SHU tahun berjalan',
        params,
        body: fiscalYearCloseRequest,
        response: { 201: z.object({ entryId: uuidSchema.nullable(), surplus: rupiahString }) },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, (ctx) => closeFiscalYear(ledgerContext(ctx), request.body), {
          status: 201,
        }),
    });

    app.get(`${base}/checkpoints`, {
      config: { access: { tenant: 'member', officers: ['dinas', 'platform'] } },
      schema: {
        tags,
        summary:
          'Published daily checkpoints of the hash chain (members and oversight read the same)',
        params,
        querystring: z.object({
          cursor: isoDateSchema.optional(),
          limit: z.coerce.number().int().min(1).max(366).default(30),
        }),
        response: { 200: checkpointsResponse },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listCheckpoints(ledgerContext(ctx), {
              beforeDate: request.query.cursor ?? null,
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.post(`${base}/checkpoints`, {
      config: { access: { tenant: treasurers }, idempotent: true },
      schema: {
        tags,
        summary: 'Publish today’s checkpoint now (the scheduler does it daily)',
        params,
        response: { 201: checkpointView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(await createCheckpoint(ledgerContext(ctx), { checkpointDate: today(deps) })),
          {
            status: 201,
          },
        ),
    });

    app.get('/api/v1/cooperatives/:cooperativeId/reports/trial-balance', {
      config: { access: { tenant: backOffice, officers: ['dinas', 'platform'] } },
      schema: {
        tags: ['reports'],
        summary: 'Trial balance (neraca saldo) at the end of a date',
        params,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
        response: { 200: trialBalanceView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await getTrialBalance(ledgerContext(ctx), { asOf: request.query.asOf ?? today(deps) }),
          ),
        ),
    });
  };
}
