import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import {
  bankDecisionRequest,
  bankFacilityListView,
  bankFacilityRequest,
  bankFacilityStatusRequest,
  bankFacilityView,
  channeledLoanView,
  channelingCollectionRequest,
  channelingCollectionView,
  channelingDisbursementRequest,
  facilityDrawdownRequest,
  facilityMovementView,
  facilityReportView,
  facilityRepaymentRequest,
  loanFundingRequest,
  loanFundingView,
  partnerBankListView,
  partnerBankRequest,
  partnerBankView,
  remittanceView,
} from '@lumbung/shared/contracts/bank-facilities';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import { backOffice, boardAndManager } from '../../platform/http/access.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { addPartnerBank } from './commands/add-partner-bank.js';
import { assignLoanToFacility } from './commands/assign-loan-to-facility.js';
import { collectChanneledRepayment } from './commands/collect-channeled-repayment.js';
import { disburseChanneledLoan } from './commands/disburse-channeled-loan.js';
import { drawBankFacility } from './commands/draw-bank-facility.js';
import { openBankFacility } from './commands/open-bank-facility.js';
import { recordChannelingBankDecision } from './commands/record-channeling-bank-decision.js';
import { remitChannelingCollections } from './commands/remit-channeling-collections.js';
import { repayBankFacility } from './commands/repay-bank-facility.js';
import { setBankFacilityStatus } from './commands/set-bank-facility-status.js';
import { getChanneledLoanDetail } from './queries/get-bank-channeled-loan.js';
import { getLoan } from './queries/get-loan.js';
import { getBankChannelingPackage } from './queries/get-bank-channeling-package.js';
import {
  getBankFacility,
  listBankFacilities,
  listPartnerBanks,
} from './queries/get-bank-facility.js';
import { getFacilityReport } from './queries/get-facility-report.js';
import {
  channelingPackageDocument,
  facilityReportDocument,
  type BankDocument,
} from './render/bank-documents.js';
import { renderBankDocumentPdf } from './render/bank-documents-pdf.js';
import { renderBankDocumentXlsx } from './render/bank-documents-xlsx.js';
import { assertSelfOrBackOffice } from './loan-access.js';
import { loansContext } from './loans-context.js';

const tags = ['loans'];
const params = z.object({ cooperativeId: uuidSchema });
const facilityParams = params.extend({ facilityId: uuidSchema });
const loanParams = params.extend({ loanId: uuidSchema });
/** Members pay channeled installments at the teller, as they repay the cooperative's loans. */
const tellers: readonly MembershipRole[] = ['kasir', 'bendahara'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendDocument(
  reply: FastifyReply,
  document: BankDocument,
  input: { format: 'pdf' | 'xlsx'; fileName: string },
) {
  const bytes =
    input.format === 'pdf'
      ? await renderBankDocumentPdf(document)
      : await renderBankDocumentXlsx(document);
  return reply
    .type(input.format === 'pdf' ? 'application/pdf' : xlsxType)
    .header('content-disposition', `attachment; filename="${input.fileName}.${input.format}"`)
    .send(bytes as never);
}

/**
 * Partner banks and their facilities: executing (drawdown and repayment in the ledger, member
 * loans assigned to it) and channeling (the bank's decision, disbursement, collection at the
 * teller, remittance with the cooperative's fee), and the facility report for the bank.
 */
export function bankFacilitiesRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const coop = '/api/v1/cooperatives/:cooperativeId';
    const facilities = `${coop}/bank-facilities`;
    const channeling = `${coop}/loans/:loanId/channeling`;
    const created = { status: 201 };

    app.post(`${coop}/partner-banks`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Add a partner bank',
        params,
        body: partnerBankRequest,
        response: { 201: partnerBankView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const {
              cooperativeId: _cooperative,
              createdBy: _by,
              ...bank
            } = await addPartnerBank(loansContext(ctx), request.body);
            return toWire(bank);
          },
          created,
        ),
    });

    app.get(`${coop}/partner-banks`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: "The cooperative's partner banks",
        params,
        response: { 200: partnerBankListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await listPartnerBanks(loansContext(ctx))),
        ),
    });

    app.post(facilities, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Record a facility agreed with a partner bank (executing or channeling)',
        params,
        body: bankFacilityRequest,
        response: { 201: bankFacilityView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const body = request.body;
            return toWire(
              await openBankFacility(loansContext(ctx), {
                ...body,
                plafond: BigInt(body.plafond),
                quotaPerMember: BigInt(body.quotaPerMember),
              }),
            );
          },
          created,
        ),
    });

    app.get(facilities, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Facilities with drawn, repaid, outstanding and available',
        params,
        response: { 200: bankFacilityListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await listBankFacilities(loansContext(ctx))),
        ),
    });

    app.get(`${facilities}/:facilityId`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'One facility and its utilization',
        params: facilityParams,
        response: { 200: bankFacilityView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getBankFacility(loansContext(ctx), request.params.facilityId)),
        ),
    });

    app.put(`${facilities}/:facilityId/status`, {
      config: { access: { tenant: boardAndManager } },
      schema: {
        tags,
        summary: 'Close a facility (no new drawdowns or loans) or reopen it',
        params: facilityParams,
        body: bankFacilityStatusRequest,
        response: { 200: bankFacilityView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await setBankFacilityStatus(loansContext(ctx), {
              facilityId: request.params.facilityId,
              status: request.body.status,
            }),
          ),
        ),
    });

    app.post(`${facilities}/:facilityId/drawdowns`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Draw an executing facility into the bank account (Dr Bank, Cr Utang bank)',
        params: facilityParams,
        body: facilityDrawdownRequest,
        response: { 201: facilityMovementView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await drawBankFacility(loansContext(ctx), {
                facilityId: request.params.facilityId,
                amount: BigInt(request.body.amount),
              }),
            ),
          created,
        ),
    });

    app.post(`${facilities}/:facilityId/repayments`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: 'Repay the bank of an executing facility: principal and interest',
        params: facilityParams,
        body: facilityRepaymentRequest,
        response: { 201: facilityMovementView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await repayBankFacility(loansContext(ctx), {
                facilityId: request.params.facilityId,
                principal: BigInt(request.body.principal),
                interest: BigInt(request.body.interest),
              }),
            ),
          created,
        ),
    });

    app.post(`${facilities}/:facilityId/remittances`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary:
          "Remit a channeling facility's collections to the bank, keeping the cooperative's fee",
        params: facilityParams,
        body: z.object({}),
        response: { 201: remittanceView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await remitChannelingCollections(loansContext(ctx), {
                facilityId: request.params.facilityId,
              }),
            ),
          created,
        ),
    });

    app.get(`${facilities}/:facilityId/report`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'Utilization and repayment report for the bank (format=xlsx or pdf for a file)',
        params: facilityParams,
        querystring: z.object({ format: z.enum(['json', 'xlsx', 'pdf']).default('json') }),
        response: { 200: facilityReportView },
      },
      handler: async (request, reply) => {
        const report = await respond(deps, request, reply, (ctx) =>
          getFacilityReport(loansContext(ctx), request.params.facilityId),
        );
        if (request.query.format === 'json') return toWire(report);
        return sendDocument(reply, facilityReportDocument(report), {
          format: request.query.format,
          fileName: `laporan-fasilitas-${report.facility.bankCode}-${report.asOf}`,
        });
      },
    });

    app.post(`${coop}/loans/:loanId/funding`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary:
          "Fund a member loan from a bank facility (within its plafond and the member's quota)",
        params: loanParams,
        body: loanFundingRequest,
        response: { 201: loanFundingView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await assignLoanToFacility(loansContext(ctx), {
                loanId: request.params.loanId,
                facilityId: request.body.facilityId,
              }),
            ),
          created,
        ),
    });

    app.get(channeling, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary:
          "A channeled loan: the bank's decision and terms, schedule and collections (its borrower or the back office)",
        params: loanParams,
        response: { 200: channeledLoanView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const loans = loansContext(ctx);
          const loan = await getLoan(loans, request.params.loanId);
          assertSelfOrBackOffice(ctx, loan.membershipId);
          return toWire(await getChanneledLoanDetail(loans, loan.id));
        }),
    });

    app.get(`${channeling}/package`, {
      config: { access: { tenant: backOffice } },
      schema: {
        tags,
        summary: 'The document package for the bank (PDF or XLSX)',
        params: loanParams,
        querystring: z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') }),
      },
      handler: async (request, reply) => {
        const pkg = await respond(deps, request, reply, (ctx) =>
          getBankChannelingPackage(loansContext(ctx), request.params.loanId),
        );
        return sendDocument(reply, channelingPackageDocument(pkg), {
          format: request.query.format,
          fileName: `berkas-channeling-${pkg.member.memberNumber ?? pkg.loan.id}`,
        });
      },
    });

    app.post(`${channeling}/bank-decision`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: "Record the bank's decision on a channeled loan",
        params: loanParams,
        body: bankDecisionRequest,
        response: { 201: channeledLoanView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const body = request.body;
            return toWire(
              await recordChannelingBankDecision(loansContext(ctx), {
                loanId: request.params.loanId,
                ...body,
                approvedAmount: body.approvedAmount === null ? null : BigInt(body.approvedAmount),
              }),
            );
          },
          created,
        ),
    });

    app.post(`${channeling}/disbursement`, {
      config: { access: { tenant: boardAndManager }, idempotent: true },
      schema: {
        tags,
        summary: "Record the bank's payout: to the member directly, or through their sukarela",
        params: loanParams,
        body: channelingDisbursementRequest,
        response: { 201: channeledLoanView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await disburseChanneledLoan(loansContext(ctx), {
                loanId: request.params.loanId,
                ...request.body,
              }),
            ),
          created,
        ),
    });

    app.post(`${channeling}/collections`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary: 'Collect a channeled installment at the teller, held for the bank',
        params: loanParams,
        body: channelingCollectionRequest,
        response: { 201: channelingCollectionView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await collectChanneledRepayment(loansContext(ctx), {
                loanId: request.params.loanId,
                channel: request.body.channel,
                amount: BigInt(request.body.amount),
              }),
            ),
          created,
        ),
    });
  };
}
