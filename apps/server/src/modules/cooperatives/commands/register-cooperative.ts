import { uuidv7 } from '@lumbung/shared/ids';
import type { CooperativeView } from '@lumbung/shared/contracts/cooperatives';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findCooperativeByLegalEntityNumber,
  findCooperativeByNikKoperasi,
  findRegion,
  insertCooperative,
} from '../cooperatives.sql.js';
import type { RegisterCooperativeInput } from '../cooperatives.types.js';
import { openChartOfAccounts } from '../../ledger/index.js';
import { getCooperative } from '../queries/get-cooperative.js';

/**
 * Registers a cooperative (a new tenant). Runs in the system scope: creating a tenant is a
 * platform operator's act (or the CLI's / demo seed's).
 *
 * Refuses: cooperatives.district_unknown, cooperatives.nik_koperasi_invalid,
 * cooperatives.legal_entity_number_already_registered, cooperatives.nik_koperasi_already_registered.
 */
export async function registerCooperative(
  ctx: { tx: Tx; now: Date; actorPersonId: string | null; newId?: string },
  input: RegisterCooperativeInput,
): Promise<CooperativeView> {
  const district = await findRegion(ctx.tx, input.districtCode);
  // Cooperatives sit in a kabupaten/kota: a province code alone cannot place them for oversight.
  if (!district || district.level !== 'district') {
    throw new DomainError('cooperatives.district_unknown', { districtCode: input.districtCode });
  }
  const nikKoperasi = input.nikKoperasi?.replace(/\s/g, '') || null;
  if (nikKoperasi !== null && !/^\d{13,16}$/.test(nikKoperasi)) {
    throw new DomainError('cooperatives.nik_koperasi_invalid');
  }
  if (await findCooperativeByLegalEntityNumber(ctx.tx, input.legalEntityNumber)) {
    throw new DomainError('cooperatives.legal_entity_number_already_registered');
  }
  if (nikKoperasi !== null && (await findCooperativeByNikKoperasi(ctx.tx, nikKoperasi))) {
    throw new DomainError('cooperatives.nik_koperasi_already_registered');
  }
  const id = ctx.newId ?? uuidv7(ctx.now.getTime());
  await insertCooperative(ctx.tx, {
    id,
    name: input.name,
    legalEntityNumber: input.legalEntityNumber,
    nikKoperasi,
    type: input.type,
    tier: input.tier,
    districtCode: input.districtCode,
    isClosedLoop: input.isClosedLoop,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
    bylaws: input.bylaws,
    createdAt: ctx.now,
    createdBy: ctx.actorPersonId,
  });
  // Every cooperative keeps its own books from the first day.
  await openChartOfAccounts({ tx: ctx.tx, cooperativeId: id, now: ctx.now }, input.type);
  return getCooperative(ctx, id);
}
