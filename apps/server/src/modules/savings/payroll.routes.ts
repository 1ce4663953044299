import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import { periodString } from '@lumbung/shared/contracts/ledger';
import {
  payrollImportListView,
  payrollImportRequest,
  payrollImportView,
} from '@lumbung/shared/contracts/savings';
import { backOffice } from '../../platform/http/access.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import type { PayrollLoanRepayments } from './savings.types.js';
import { toWire } from '../../platform/http/wire.js';
import {
  getPayrollImport,
  importPayrollDeductions,
  listPayrollImports,
} from './commands/import-payroll-deductions.js';
import { savingsContext } from './savings-context.js';

const tags = ['savings'];
const params = z.object({ cooperativeId: uuidSchema });

const importDescription = `Posts an employer's monthly payroll-deduction file (CSV or XLSX, sent base64 in JSON, at most 2 MB).

The first row is the header: \`nomor_anggota, nama, periode, simpanan_wajib, simpanan_sukarela, angsuran_pinjaman\`.
nomor_anggota, periode (yyyy-mm, equal to the request's period) and simpanan_wajib are required; nama, simpanan_sukarela and angsuran_* may be left out.
A CSV may use \`,\` \`;\` or tab as separator. Amounts are whole rupiah, written 25000 or 25.000; an empty cell or "-" is zero; decimals are refused.

The employer pays the deductions into the cooperative's bank account: each member's deduction posts Dr 1-1201 Bank, Cr the member's wajib or sukarela sub-account, one entry per member and kind, all in one batch dated the day of the import.
An angsuran (the sum of the angsuran_* columns) repays the member's running loans, oldest first in three rounds (what each loan has due today, then each loan's next installment, then ahead up to payoff); each loan's repayment posts Dr 1-1201 Bank, Cr penalty, interest and principal (channel payroll). The row's \`repayment\` says what it paid, or why it was refused (loans.payroll_no_active_loan, loans.repayment_exceeds_outstanding); a refused angsuran does not stop the row's savings, and a row whose only deduction is a refused angsuran is refused.
Each deduction posts once per (period, member, kind), the angsuran once per (period, member): importing the same or a corrected file again reports those rows already_posted.

Every row gets a result: posted, already_posted, refused (bad cell, period mismatch, duplicate member in the file, members.member_not_found, members.not_active) or skipped.
A row with nothing to deduct is skipped.
Valid rows post even when others are refused; a bad header, an unreadable file or a closed ledger month refuses the whole file.`;

export interface PayrollRouteDeps extends RespondDeps {
  /** The loans module's repayment of angsuran (wired in app.ts); without it angsuran rows are skipped. */
  loanRepayments?: PayrollLoanRepayments;
}

export function payrollRoutes(deps: PayrollRouteDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/savings/payroll-imports';

    app.post(base, {
      config: { access: { tenant: ['bendahara'] }, idempotent: true },
      // A 2 MB file grows by a third in base64; the app-wide limit is 1 MiB.
      bodyLimit: 3_000_000,
      schema: {
        tags,
        summary:
          'Import a payroll-deduction file: wajib, sukarela and loan angsuran per member (bendahara)',
        description: importDescription,
        params,
        body: payrollImportRequest,
        response: { 201: payrollImportView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await importPayrollDeductions(
                savingsContext(ctx),
                {
                  fileName: request.body.fileName,
                  period: request.body.period,
                  format: request.body.format,
                  bytes: Buffer.from(request.body.contentBase64, 'base64'),
                },
                { loanRepayments: deps.loanRepayments },
              ),
            ),
          { status: 201 },
        ),
    });

    app.get(base, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Payroll-deduction imports, newest first, with their counts',
        params,
        querystring: z.object({
          period: periodString.optional(),
          cursor: uuidSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: payrollImportListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listPayrollImports(savingsContext(ctx), {
              period: request.query.period ?? null,
              cursor: request.query.cursor ?? null,
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.get(`${base}/:importId`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: "One payroll-deduction import's report, row by row",
        params: params.extend({ importId: uuidSchema }),
        response: { 200: payrollImportView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getPayrollImport(savingsContext(ctx), request.params.importId)),
        ),
    });
  };
}
