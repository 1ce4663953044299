import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@lumbung/shared/contracts/common';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';
import {
  shuApprovalRequest,
  shuCashPayoutParams,
  shuCashPayoutView,
  shuDistributionListView,
  shuDistributionMembersView,
  shuDistributionParams,
  shuDistributionView,
  shuExportQuery,
  shuMemberDistributionView,
  shuMemberExplanationView,
  shuOwedListView,
  shuOwedQuery,
  shuPageQuery,
  shuProposalRequest,
  shuRulesInput,
  shuRulesListView,
  shuSimulationRequest,
  shuSummaryView,
  shuYearParams,
} from '@lumbung/shared/contracts/shu';
import type { Context } from '../../platform/context.js';
import { DomainError } from '../../platform/domain-error.js';
import { activeMembership } from '../../platform/http/actor.js';
import { respond, type RespondDeps } from '../../platform/http/respond.js';
import { toWire } from '../../platform/http/wire.js';
import { countersignRatApproval, recordRatApproval } from './commands/approve-shu-distribution.js';
import { payShuInCash } from './commands/pay-shu-in-cash.js';
import { postShuDistribution } from './commands/post-shu-distribution.js';
import { proposeShuDistribution } from './commands/propose-shu-distribution.js';
import { setShuRules } from './commands/set-shu-rules.js';
import { getMemberDistribution } from './queries/get-member-distribution.js';
import { getMemberShu } from './queries/get-member-shu.js';
import { listOwedShu } from './queries/list-owed-shu.js';
import { getRunningShu, simulateShu } from './queries/get-running-shu.js';
import {
  getShuDistribution,
  listShuDistributionMembers,
  listShuDistributions,
} from './queries/get-shu-distribution.js';
import { fiscalYearFor, getShuRules } from './queries/get-shu-rules.js';
import { renderDistributionPdf, renderDistributionXlsx } from './render/distribution-documents.js';
import { shuContext } from './shu-context.js';
import { readCooperativeName } from './shu.sql.js';

const tags = ['shu'];
/** The pengurus set rules, simulate, propose and record the RAT's approval. */
const pengurus: readonly MembershipRole[] = ['ketua', 'sekretaris', 'bendahara'];
/** Everyone who reads every member's SHU: pengurus, manajer and pengawas. */
const readers: readonly MembershipRole[] = [...pengurus, 'manajer', 'pengawas'];
/** Who posts the approved distribution into the books. */
const posters: readonly MembershipRole[] = ['ketua', 'bendahara'];
/** Who pays owed SHU in cash from a teller session (savings.routes.ts's tellers). */
const tellers: readonly MembershipRole[] = ['kasir', 'bendahara'];
const mediaTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function pageOf(query: { cursor?: string | undefined; limit: number }) {
  return { offset: Number(query.cursor ?? '0'), limit: query.limit };
}

/** A member reads their own SHU; pengurus, manajer and pengawas read anyone's. */
function assertSelfOrReader(ctx: Context, membershipId: string) {
  const membership =
    ctx.actor && ctx.cooperativeId ? activeMembership(ctx.actor, ctx.cooperativeId) : undefined;
  const isReader = (membership?.roles ?? []).some((role) => readers.includes(role));
  if (!isReader && membership?.membershipId !== membershipId)
    throw new DomainError('auth.forbidden');
}

function ownMembershipId(ctx: Context) {
  const membership =
    ctx.actor && ctx.cooperativeId ? activeMembership(ctx.actor, ctx.cooperativeId) : undefined;
  if (!membership) throw new DomainError('auth.forbidden');
  return membership.membershipId;
}

/** Sends a rendered document as an attachment; Fastify takes the reply as already answered. */
function sendDocument(
  reply: FastifyReply,
  document: { mediaType: string; fileName: string; bytes: Buffer },
): never {
  return reply
    .type(document.mediaType)
    .header('content-disposition', `attachment; filename="${document.fileName}"`)
    .send(document.bytes) as unknown as never;
}

export function shuRoutes(deps: RespondDeps) {
  return async function plugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/cooperatives/:cooperativeId/shu';

    app.get(`${base}/years/:year/rules`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'The fiscal year’s SHU rules: the active version and every earlier one',
        params: shuYearParams,
        response: { 200: shuRulesListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const { active, versions } = await getShuRules(
            shu,
            await fiscalYearFor(shu, request.params.year),
          );
          return toWire({ active, versions });
        }),
    });

    app.post(`${base}/years/:year/rules`, {
      config: { access: { tenant: pengurus }, idempotent: true },
      schema: {
        tags,
        summary: 'Set the year’s SHU rules as a new version (pengurus)',
        description:
          'Components in basis points must add up to 10,000 and include cadangan; added components need a name and an account code. A year whose distribution was approved keeps its rules.',
        params: shuYearParams,
        body: shuRulesInput,
        response: { 201: shuRulesListView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const shu = shuContext(ctx);
            const year = await fiscalYearFor(shu, request.params.year);
            const { active, versions } = await setShuRules(shu, { year, rules: request.body });
            return toWire({ active, versions });
          },
          { status: 201 },
        ),
    });

    app.get(`${base}/years/:year/running`, {
      config: { access: { tenant: readers } },
      schema: {
        tags,
        summary: 'Running SHU: year-to-date surplus, pools and members’ estimated shares',
        description:
          'Kept current by the posting transactions. Members are paged largest share first; cursor is the next offset.',
        params: shuYearParams,
        querystring: shuPageQuery,
        response: { 200: shuSummaryView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(await getRunningShu(shu, { year, page: pageOf(request.query) }));
        }),
    });

    app.get(`${base}/years/:year/me`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: '“SHU saya”: the caller’s estimated share, explained',
        params: shuYearParams,
        response: { 200: shuMemberExplanationView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(await getMemberShu(shu, { year, membershipId: ownMembershipId(ctx) }));
        }),
    });

    app.get(`${base}/years/:year/members/:membershipId`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: 'A member’s estimated share, explained (the member, pengurus, manajer, pengawas)',
        params: shuYearParams.extend({ membershipId: uuidSchema }),
        response: { 200: shuMemberExplanationView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrReader(ctx, request.params.membershipId);
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(
            await getMemberShu(shu, { year, membershipId: request.params.membershipId }),
          );
        }),
    });

    app.get(`${base}/years/:year/me/distribution`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary: '“SHU saya” after the RAT: the caller’s posted share and how it was paid',
        params: shuYearParams,
        response: { 200: shuMemberDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(
            await getMemberDistribution(shu, { year, membershipId: ownMembershipId(ctx) }),
          );
        }),
    });

    app.get(`${base}/years/:year/members/:membershipId/distribution`, {
      config: { access: { tenant: 'member' } },
      schema: {
        tags,
        summary:
          'A member’s posted share and how it was paid (the member, pengurus, manajer, pengawas)',
        params: shuYearParams.extend({ membershipId: uuidSchema }),
        response: { 200: shuMemberDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          assertSelfOrReader(ctx, request.params.membershipId);
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(
            await getMemberDistribution(shu, { year, membershipId: request.params.membershipId }),
          );
        }),
    });

    app.get(`${base}/owed`, {
      config: { access: { tenant: [...new Set([...tellers, ...readers])] } },
      schema: {
        tags,
        summary:
          'Members’ SHU still owed from posted distributions (for the teller to pay in cash)',
        description:
          'Every share posting left in SHU yang akan dibagikan: a cash payout, or a member not aktif at a sukarela payout. Narrow it to one member, or to a member number or part of a name; cursor is the next offset.',
        querystring: shuOwedQuery,
        response: { 200: shuOwedListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await listOwedShu(shuContext(ctx), {
              membershipId: request.query.membershipId,
              q: request.query.q,
              offset: Number(request.query.cursor ?? '0'),
              limit: request.query.limit,
            }),
          ),
        ),
    });

    app.post(`${base}/years/:year/simulations`, {
      config: { access: { tenant: [...pengurus, 'manajer'] }, idempotent: false },
      schema: {
        tags,
        summary: 'What-if: the distribution under changed percentages or bases (nothing is saved)',
        params: shuYearParams,
        body: shuSimulationRequest,
        response: { 200: shuSummaryView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          const { limit, ...changes } = request.body;
          return toWire(
            await simulateShu(shu, {
              year,
              changes: Object.fromEntries(
                Object.entries(changes).filter(([, value]) => value !== undefined),
              ),
              page: { offset: 0, limit },
            }),
          );
        }),
    });

    app.post(`${base}/years/:year/distributions`, {
      config: { access: { tenant: pengurus }, idempotent: true },
      schema: {
        tags,
        summary: 'Propose the year’s allocation to the RAT (after the ledger’s year-end close)',
        params: shuYearParams,
        body: shuProposalRequest,
        response: { 201: shuDistributionView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) => {
            const shu = shuContext(ctx);
            const year = await fiscalYearFor(shu, request.params.year);
            return toWire(await proposeShuDistribution(shu, { year, payout: request.body.payout }));
          },
          { status: 201 },
        ),
    });

    app.get(`${base}/years/:year/distributions`, {
      config: { access: { tenant: readers } },
      schema: {
        tags,
        summary: "The year's distributions, newest first (the year-end wizard resumes the latest)",
        params: shuYearParams,
        response: { 200: shuDistributionListView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          const year = await fiscalYearFor(shu, request.params.year);
          return toWire(await listShuDistributions(shu, year.start));
        }),
    });

    const distribution = `${base}/distributions/:distributionId`;

    app.get(distribution, {
      config: { access: { tenant: readers } },
      schema: {
        tags,
        summary: 'A distribution: figures, approval, countersignature and posting',
        params: shuDistributionParams,
        response: { 200: shuDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(await getShuDistribution(shuContext(ctx), request.params.distributionId)),
        ),
    });

    app.post(`${distribution}/approval`, {
      config: { access: { tenant: pengurus }, idempotent: true },
      schema: {
        tags,
        summary:
          'Record the RAT’s approval: date, minutes reference, the approved pools (pengurus)',
        params: shuDistributionParams,
        body: shuApprovalRequest,
        response: { 200: shuDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await recordRatApproval(shuContext(ctx), {
              distributionId: request.params.distributionId,
              ratDate: request.body.ratDate,
              minutesReference: request.body.minutesReference,
              approvedPools: request.body.approvedPools.map((pool) => ({
                key: pool.key,
                amount: BigInt(pool.amount),
              })),
            }),
          ),
        ),
    });

    app.post(`${distribution}/countersignature`, {
      config: { access: { tenant: ['pengawas'] }, idempotent: true },
      schema: {
        tags,
        summary: 'Countersign the recorded approval (a pengawas, not the person who recorded it)',
        params: shuDistributionParams,
        body: z.object({}).optional(),
        response: { 200: shuDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await countersignRatApproval(shuContext(ctx), {
              distributionId: request.params.distributionId,
            }),
          ),
        ),
    });

    app.post(`${distribution}/posting`, {
      config: { access: { tenant: posters }, idempotent: true },
      schema: {
        tags,
        summary: 'Post the approved figures and pay members’ shares (ketua, bendahara)',
        params: shuDistributionParams,
        body: z.object({}).optional(),
        response: { 200: shuDistributionView },
      },
      handler: (request, reply) =>
        respond(deps, request, reply, async (ctx) =>
          toWire(
            await postShuDistribution(shuContext(ctx), {
              distributionId: request.params.distributionId,
            }),
          ),
        ),
    });

    app.post(`${distribution}/members/:membershipId/cash-payout`, {
      config: { access: { tenant: tellers }, idempotent: true },
      schema: {
        tags,
        summary:
          'Pay a member’s owed SHU in cash from the teller’s open session (kasir, bendahara)',
        description:
          'One entry: Dr SHU yang akan dibagikan the share; Cr Kas the share less tax; Cr Utang pajak the tax. Once per member and distribution.',
        params: shuCashPayoutParams,
        body: z.object({}).optional(),
        response: { 201: shuCashPayoutView },
      },
      handler: (request, reply) =>
        respond(
          deps,
          request,
          reply,
          async (ctx) =>
            toWire(
              await payShuInCash(shuContext(ctx), {
                distributionId: request.params.distributionId,
                membershipId: request.params.membershipId,
              }),
            ),
          { status: 201 },
        ),
    });

    app.get(`${distribution}/members`, {
      config: { access: { tenant: readers } },
      schema: {
        tags,
        summary: 'The distribution list per member (json, or xlsx/pdf for the RAT file)',
        params: shuDistributionParams,
        querystring: shuExportQuery,
        response: { 200: shuDistributionMembersView },
      },
      handler: async (request, reply) => {
        const { list, name } = await respond(deps, request, reply, async (ctx) => {
          const shu = shuContext(ctx);
          return {
            list: await listShuDistributionMembers(shu, {
              distributionId: request.params.distributionId,
            }),
            name: await readCooperativeName(shu.tx, shu.cooperativeId),
          };
        });
        const format = request.query.format;
        if (format === 'json')
          return toWire({ distributionId: list.distribution.id, items: list.items });
        const document = {
          cooperativeName: name,
          fiscalYear: list.distribution.fiscalYearStart.slice(0, 4),
          status: list.distribution.status,
          ratDate: list.distribution.ratDate,
          minutesReference: list.distribution.minutesReference,
          rows: list.items,
        };
        const bytes =
          format === 'pdf'
            ? await renderDistributionPdf(document)
            : await renderDistributionXlsx(document);
        return sendDocument(reply, {
          mediaType: mediaTypes[format],
          fileName: `pembagian-shu-${document.fiscalYear}.${format}`,
          bytes,
        });
      },
    });
  };
}
