import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import {
  balanceSheetView,
  cashFlowView,
  equityChangesView,
  highlightsView,
  incomeStatementView,
  statementQuery,
  type StatementQuery,
} from '@lumbung/shared/contracts/statements';
import { assert } from '../../../platform/assert.js';
import type { Context } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { backOffice, type Access } from '../../../platform/http/access.js';
import { respond, type RespondDeps } from '../../../platform/http/respond.js';
import { toWire } from '../../../platform/http/wire.js';
import { getBalanceSheet } from './queries/get-balance-sheet.js';
import { getCashFlow } from './queries/get-cash-flow.js';
import { getEquityChanges } from './queries/get-equity-changes.js';
import { getHighlights } from './queries/get-highlights.js';
import { getIncomeStatement } from './queries/get-income-statement.js';
import { formatDateLong } from './render/indonesian-format.js';
import { renderPdf } from './render/render-pdf.js';
import { renderXlsx } from './render/render-xlsx.js';
import type { DocumentHeader, StatementDocument } from './render/statement-document.js';
import {
  balanceSheetDocument,
  cashFlowDocument,
  equityChangesDocument,
  incomeStatementDocument,
} from './render/statement-documents.js';
import { resolveStatementPeriods } from './rules/periods.js';

/**
 * What the statements need from outside the ledger (the ledger depends on no module): the
 * cooperative's fiscal year start month (1–12) and its name for the printed header. The
 * composition root passes them from the cooperatives module, in the request's transaction.
 */
export interface StatementsDeps extends RespondDeps {
  fiscalYearStartMonth(cooperativeId: string, tx: Tx): Promise<number>;
  cooperativeName(cooperativeId: string, tx: Tx): Promise<string>;
}

const tags = ['reports'];
const params = z.object({ cooperativeId: uuidSchema });
const statementAccess: Access = { tenant: backOffice, officers: ['dinas', 'platform'] };
const formatsNote =
  'format=json (default) answers the statement as JSON with rupiah as decimal strings; format=pdf an A4 PDF and format=xlsx a spreadsheet, both as attachments laid out with the cooperative’s name, two period columns and the Ketua and Bendahara signature block. period=yyyy-mm or from/to; default the current month; the comparison column is the span of the same length just before.';

const mediaTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function statementContext(ctx: Context) {
  assert(ctx.cooperativeId, 'statement routes are tenant routes');
  return { tx: ctx.tx, cooperativeId: ctx.cooperativeId };
}

function today(deps: RespondDeps) {
  return deps.now().toISOString().slice(0, 10);
}

/** The cooperative's name for the header, read only when a document is asked for. */
async function headerOf(
  deps: StatementsDeps,
  ctx: Context,
  format: StatementQuery['format'],
): Promise<DocumentHeader | null> {
  if (format === 'json') return null;
  const { tx, cooperativeId } = statementContext(ctx);
  return {
    cooperativeName: await deps.cooperativeName(cooperativeId, tx),
    preparedOn: formatDateLong(today(deps)),
  };
}

/**
 * Answers JSON, or renders the statement's document and sends it as an attachment (outside the
 * transaction: rendering needs no database).
 */
async function sendStatement<Wire>(
  reply: FastifyReply,
  format: StatementQuery['format'],
  wire: Wire,
  header: DocumentHeader | null,
  document: (header: DocumentHeader) => StatementDocument,
): Promise<Wire> {
  if (format === 'json') return wire;
  assert(header, 'a document format reads its header');
  const laidOut = document(header);
  const bytes = format === 'pdf' ? await renderPdf(laidOut) : await renderXlsx(laidOut);
  // The reply is sent here; Fastify takes the returned reply as "already answered".
  return reply
    .type(mediaTypes[format])
    .header('content-disposition', `attachment; filename="${laidOut.fileName}.${format}"`)
    .send(bytes) as unknown as Wire;
}

export function statementsRoutes(deps: StatementsDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/reports';
    const periodsOf = (query: StatementQuery) =>
      resolveStatementPeriods({ ...query, today: today(deps) });

    app.get(`${base}/balance-sheet`, {
      config: { access: statementAccess },
      schema: {
        tags,
        summary: 'Laporan Posisi Keuangan at the period’s end beside the prior period’s end',
        description: formatsNote,
        params,
        querystring: statementQuery,
        response: { 200: balanceSheetView },
      },
      handler: async (request, reply) => {
        const { statement, header } = await respond(deps, request, reply, async (ctx) => {
          const reading = statementContext(ctx);
          const fiscalYearStartMonth = await deps.fiscalYearStartMonth(
            reading.cooperativeId,
            reading.tx,
          );
          const periods = periodsOf(request.query);
          return {
            statement: await getBalanceSheet(reading, { periods, fiscalYearStartMonth }),
            header: await headerOf(deps, ctx, request.query.format),
          };
        });
        return sendStatement(reply, request.query.format, toWire(statement), header, (read) =>
          balanceSheetDocument(statement, read),
        );
      },
    });

    app.get(`${base}/income-statement`, {
      config: { access: statementAccess },
      schema: {
        tags,
        summary:
          'Laporan Hasil Usaha: partisipasi anggota, pendapatan dari non-anggota, beban, SHU',
        description: formatsNote,
        params,
        querystring: statementQuery,
        response: { 200: incomeStatementView },
      },
      handler: async (request, reply) => {
        const { statement, header } = await respond(deps, request, reply, async (ctx) => ({
          statement: await getIncomeStatement(statementContext(ctx), {
            periods: periodsOf(request.query),
          }),
          header: await headerOf(deps, ctx, request.query.format),
        }));
        return sendStatement(reply, request.query.format, toWire(statement), header, (read) =>
          incomeStatementDocument(statement, read),
        );
      },
    });

    app.get(`${base}/equity-changes`, {
      config: { access: statementAccess },
      schema: {
        tags,
        summary: 'Laporan Perubahan Ekuitas for the period and the prior period',
        description: formatsNote,
        params,
        querystring: statementQuery,
        response: { 200: equityChangesView },
      },
      handler: async (request, reply) => {
        const { statement, header } = await respond(deps, request, reply, async (ctx) => ({
          statement: await getEquityChanges(statementContext(ctx), {
            periods: periodsOf(request.query),
          }),
          header: await headerOf(deps, ctx, request.query.format),
        }));
        return sendStatement(reply, request.query.format, toWire(statement), header, (read) =>
          equityChangesDocument(statement, read),
        );
      },
    });

    app.get(`${base}/cash-flow`, {
      config: { access: statementAccess },
      schema: {
        tags,
        summary: 'Laporan Arus Kas (direct method) for the period beside the prior period',
        description: formatsNote,
        params,
        querystring: statementQuery,
        response: { 200: cashFlowView },
      },
      handler: async (request, reply) => {
        const { statement, header } = await respond(deps, request, reply, async (ctx) => ({
          statement: await getCashFlow(statementContext(ctx), {
            periods: periodsOf(request.query),
          }),
          header: await headerOf(deps, ctx, request.query.format),
        }));
        return sendStatement(reply, request.query.format, toWire(statement), header, (read) =>
          cashFlowDocument(statement, read),
        );
      },
    });

    app.get(`${base}/highlights`, {
      config: { access: { tenant: 'member', officers: ['dinas', 'platform'] } },
      schema: {
        tags,
        summary:
          'Koperasi dalam angka: this month’s figures for every member, and the published checkpoint beside the live head',
        params,
        response: { 200: highlightsView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const reading = statementContext(ctx);
          const fiscalYearStartMonth = await deps.fiscalYearStartMonth(
            reading.cooperativeId,
            reading.tx,
          );
          return toWire(await getHighlights(reading, { today: today(deps), fiscalYearStartMonth }));
        }),
    });
  };
}
