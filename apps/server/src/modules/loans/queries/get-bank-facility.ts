import { DomainError } from '../../../platform/domain-error.js';
import {
  findFacilityRow,
  listFacilityLoanLines,
  listFacilityRows,
  listMovements,
  listPartnerBankRows,
  sumAssignedExposure,
  type FacilityMovementRow,
} from '../bank-facilities.sql.js';
import type { BankFacilityRow, LoansReadContext } from '../loans.types.js';

type ReadContext = Pick<LoansReadContext, 'tx' | 'cooperativeId'>;

export async function listPartnerBanks(ctx: ReadContext) {
  const rows = await listPartnerBankRows(ctx.tx, ctx.cooperativeId);
  return {
    items: rows.map(({ cooperativeId: _cooperative, createdBy: _by, ...bank }) => bank),
  };
}

/** Drawn, repaid (principal), interest paid and outstanding of an executing facility. */
export function facilityTotalsOf(movements: readonly FacilityMovementRow[]) {
  const totals = { drawn: 0n, repaid: 0n, interestPaid: 0n, outstanding: 0n };
  for (const movement of movements) {
    if (movement.kind === 'drawdown') totals.drawn += movement.principal;
    else totals.repaid += movement.principal;
    totals.interestPaid += movement.interest;
  }
  totals.outstanding = totals.drawn - totals.repaid;
  return totals;
}

/** An executing facility's movements with what was owed to the bank after each. */
export function movementViewsOf(movements: readonly FacilityMovementRow[]) {
  let outstanding = 0n;
  return movements.map((movement) => {
    outstanding += movement.kind === 'drawdown' ? movement.principal : -movement.principal;
    return {
      id: movement.id,
      facilityId: movement.facilityId,
      kind: movement.kind,
      businessDate: movement.businessDate,
      principal: movement.principal,
      interest: movement.interest,
      entryId: movement.entryId,
      outstandingAfter: outstanding,
    };
  });
}

/** One movement as answered when it was recorded (and on a retry with the same key). */
export async function movementViewOf(ctx: ReadContext, row: FacilityMovementRow) {
  const views = movementViewsOf(await listMovements(ctx.tx, ctx.cooperativeId, row.facilityId));
  const view = views.find((candidate) => candidate.id === row.id);
  if (!view) throw new Error('a recorded movement is among its facility’s movements');
  return view;
}

/**
 * What a facility has lent and is owed. Executing: drawn from and repaid to the bank (the
 * ledger's movements). Channeling: principal the bank disbursed to members and principal the
 * cooperative collected. `assigned` is what member loans hold of the plafond.
 */
async function positionOf(ctx: ReadContext, facility: BankFacilityRow) {
  const assigned = await sumAssignedExposure(ctx.tx, ctx.cooperativeId, {
    facilityId: facility.id,
    membershipId: null,
  });
  let drawn = 0n;
  let repaid = 0n;
  if (facility.kind === 'executing') {
    ({ drawn, repaid } = facilityTotalsOf(
      await listMovements(ctx.tx, ctx.cooperativeId, facility.id),
    ));
  } else {
    for (const line of await listFacilityLoanLines(ctx.tx, ctx.cooperativeId, facility.id)) {
      if (line.disbursedOn) drawn += line.principal;
      repaid += line.principalRepaid;
    }
  }
  return {
    drawn,
    repaid,
    outstanding: drawn - repaid,
    assigned,
    available: facility.plafond - assigned,
  };
}

async function viewOf(
  ctx: ReadContext,
  facility: BankFacilityRow,
  banks: Map<string, { code: string; name: string }>,
) {
  const bank = banks.get(facility.bankId);
  const { cooperativeId: _cooperative, createdAt: _at, createdBy: _by, ...terms } = facility;
  return {
    ...terms,
    bankCode: bank?.code ?? '',
    bankName: bank?.name ?? '',
    ...(await positionOf(ctx, facility)),
  };
}

async function banksById(ctx: ReadContext) {
  const rows = await listPartnerBankRows(ctx.tx, ctx.cooperativeId);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Refuses: loans.facility_not_found. */
export async function getBankFacility(ctx: ReadContext, facilityId: string) {
  const facility = await findFacilityRow(ctx.tx, ctx.cooperativeId, facilityId);
  if (!facility) throw new DomainError('loans.facility_not_found');
  return viewOf(ctx, facility, await banksById(ctx));
}

export async function listBankFacilities(ctx: ReadContext) {
  const banks = await banksById(ctx);
  const rows = await listFacilityRows(ctx.tx, ctx.cooperativeId);
  const items = [];
  for (const row of rows) items.push(await viewOf(ctx, row, banks));
  return { items };
}
