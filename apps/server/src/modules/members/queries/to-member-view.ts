import type { MemberView } from '@lumbung/shared/contracts/members';
import type { MemberRow } from '../members.sql.js';

/** A member as the back office sees it: the NIK masked like everywhere else. */
export function toMemberView(row: MemberRow): MemberView {
  return {
    membershipId: row.membershipId,
    cooperativeId: row.cooperativeId,
    memberNumber: row.memberNumber,
    personId: row.personId,
    fullName: row.fullName,
    nikMasked: `${row.nik.slice(0, 6)}********${row.nik.slice(14)}`,
    phone: row.phone,
    address: row.address,
    village: row.village,
    occupationSegment: row.occupationSegment,
    employer: row.employer,
    status: row.status,
    registeredVia: row.registeredVia,
    appliedAt: row.appliedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    exitReason: row.exitReason,
  };
}
