import { DomainError } from '../../../platform/domain-error.js';
import { findAccountIdsByCode, findSession, sumSessionCash } from '../savings.sql.js';
import { cashCode, type SavingsReadContext } from '../savings.types.js';

/**
 * A teller session with its cash so far: the opening float plus the Kas lines of the entries
 * it posted. A closed session shows what was counted and the difference booked.
 * Refuses: savings.session_not_found.
 */
export async function getTellerSession(ctx: SavingsReadContext, sessionId: string) {
  const session = await findSession(ctx.tx, ctx.cooperativeId, sessionId);
  if (!session) throw new DomainError('savings.session_not_found');
  const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
  if (!cash) throw new DomainError('ledger.account_not_found');
  const sums = await sumSessionCash(ctx.tx, ctx.cooperativeId, session.id, cash);
  const expectedCash = session.openingFloat + sums.cashIn - sums.cashOut;
  return {
    id: session.id,
    tellerPersonId: session.tellerPersonId,
    openedAt: session.openedAt,
    openingFloat: session.openingFloat,
    cashIn: sums.cashIn,
    cashOut: sums.cashOut,
    expectedCash: session.expectedCash ?? expectedCash,
    transactionCount: sums.transactionCount,
    closedAt: session.closedAt,
    countedCash: session.countedCash,
    difference:
      session.countedCash !== null && session.expectedCash !== null
        ? session.countedCash - session.expectedCash
        : null,
    differenceEntryId: session.differenceEntryId,
  };
}
