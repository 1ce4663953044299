import type { CooperativeView } from '@lumbung/shared/contracts/cooperatives';
import type { CooperativeRow } from '../cooperatives.sql.js';

export function toCooperativeView(row: CooperativeRow): CooperativeView {
  return {
    id: row.id,
    name: row.name,
    legalEntityNumber: row.legalEntityNumber,
    nikKoperasi: row.nikKoperasi,
    type: row.type,
    tier: row.tier,
    districtCode: row.districtCode,
    districtName: row.districtName,
    provinceCode: row.provinceCode,
    isClosedLoop: row.isClosedLoop,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    bylaws: row.bylaws,
    createdAt: row.createdAt.toISOString(),
  };
}
