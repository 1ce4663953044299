import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/api';
import { useIdempotentPost } from '../../lib/use-idempotent-post';
import { cooperativePath, withQuery } from '../members/members-api';
import { savingsKey } from '../savings/savings-api';
import { loansKey, loansPath } from './loans-api';
import type {
  BankDecisionInput,
  BankFacility,
  BankFacilityInput,
  BankFacilityList,
  ChanneledLoan,
  ChannelingCollection,
  ChannelingDisbursementInput,
  FacilityMovement,
  FacilityReport,
  LoanChannel,
  LoanFunding,
  PartnerBank,
  PartnerBankInput,
  PartnerBankList,
  Remittance,
} from './loans-types';

/**
 * Partner banks, facilities and channeling (apps/server/.../bank-facilities.routes.ts). Their
 * queries live under the loans key: a facility's figures move with the loans it funds.
 */
const facilitiesKey = (cooperativeId: string) =>
  [...loansKey(cooperativeId), 'facilities'] as const;

function facilitiesPath(cooperativeId: string, rest = ''): string {
  return cooperativePath(cooperativeId, `/bank-facilities${rest}`);
}

function channelingPath(cooperativeId: string, loanId: string, rest = ''): string {
  return loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/channeling${rest}`);
}

/** A facility's movements reach the books: the ledger and figures go stale with the loans. */
function booksKeys(cooperativeId: string) {
  return [loansKey(cooperativeId), ['ledger', cooperativeId], ['figures', cooperativeId]] as const;
}

export function usePartnerBanks(cooperativeId: string) {
  return useQuery({
    queryKey: [...facilitiesKey(cooperativeId), 'banks'],
    queryFn: () => apiFetch<PartnerBankList>(cooperativePath(cooperativeId, '/partner-banks')),
  });
}

export function useAddPartnerBank(cooperativeId: string) {
  return useIdempotentPost<PartnerBankInput, PartnerBank>({
    pathOf: () => cooperativePath(cooperativeId, '/partner-banks'),
    invalidates: [facilitiesKey(cooperativeId)],
  });
}

export function useBankFacilities(cooperativeId: string) {
  return useQuery({
    queryKey: [...facilitiesKey(cooperativeId), 'list'],
    queryFn: () => apiFetch<BankFacilityList>(facilitiesPath(cooperativeId)),
  });
}

export function useOpenFacility(cooperativeId: string) {
  return useIdempotentPost<BankFacilityInput, BankFacility>({
    pathOf: () => facilitiesPath(cooperativeId),
    invalidates: [facilitiesKey(cooperativeId)],
  });
}

/** The facility's report: utilization, lines per loan, movements and remittances. */
export function useFacilityReport(cooperativeId: string, facilityId: string) {
  return useQuery({
    queryKey: [...facilitiesKey(cooperativeId), 'report', facilityId],
    queryFn: () =>
      apiFetch<FacilityReport>(
        facilitiesPath(cooperativeId, `/${encodeURIComponent(facilityId)}/report`),
      ),
  });
}

/** Where the report downloads for the bank (same-origin link: the session cookie goes along). */
export function facilityReportPath(
  cooperativeId: string,
  facilityId: string,
  format: 'pdf' | 'xlsx',
): string {
  return withQuery(facilitiesPath(cooperativeId, `/${encodeURIComponent(facilityId)}/report`), {
    format,
  });
}

export function useDrawFacility(cooperativeId: string, facilityId: string) {
  return useIdempotentPost<{ amount: string }, FacilityMovement>({
    pathOf: () => facilitiesPath(cooperativeId, `/${encodeURIComponent(facilityId)}/drawdowns`),
    invalidates: booksKeys(cooperativeId),
  });
}

export function useRepayFacility(cooperativeId: string, facilityId: string) {
  return useIdempotentPost<{ principal: string; interest: string }, FacilityMovement>({
    pathOf: () => facilitiesPath(cooperativeId, `/${encodeURIComponent(facilityId)}/repayments`),
    invalidates: booksKeys(cooperativeId),
  });
}

/** Remits every collection not yet remitted; an empty body (the server takes them all). */
export function useRemitCollections(cooperativeId: string, facilityId: string) {
  return useIdempotentPost<Record<string, never>, Remittance>({
    pathOf: () => facilitiesPath(cooperativeId, `/${encodeURIComponent(facilityId)}/remittances`),
    invalidates: booksKeys(cooperativeId),
  });
}

export function useAssignFunding(cooperativeId: string) {
  return useIdempotentPost<{ loanId: string; facilityId: string }, LoanFunding>({
    pathOf: ({ loanId }) => loansPath(cooperativeId, `/${encodeURIComponent(loanId)}/funding`),
    jsonOf: ({ facilityId }) => ({ facilityId }),
    invalidates: [loansKey(cooperativeId)],
  });
}

/**
 * A loan's channeling case. The server answers 404 (loans.channeling_not_found) for a loan no
 * channeling facility funds: that is "not channeled", not an error (and 4xx are never retried).
 */
export function useChanneledLoan(cooperativeId: string, loanId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...facilitiesKey(cooperativeId), 'channeling', loanId],
    queryFn: () => apiFetch<ChanneledLoan>(channelingPath(cooperativeId, loanId)),
    enabled: isEnabled,
  });
}

export function channelingPackagePath(
  cooperativeId: string,
  loanId: string,
  format: 'pdf' | 'xlsx',
): string {
  return withQuery(channelingPath(cooperativeId, loanId, '/package'), { format });
}

export function useRecordBankDecision(cooperativeId: string, loanId: string) {
  return useIdempotentPost<BankDecisionInput, ChanneledLoan>({
    pathOf: () => channelingPath(cooperativeId, loanId, '/bank-decision'),
    invalidates: [loansKey(cooperativeId)],
  });
}

export function useDisburseChanneled(cooperativeId: string, loanId: string) {
  return useIdempotentPost<ChannelingDisbursementInput, ChanneledLoan>({
    pathOf: () => channelingPath(cooperativeId, loanId, '/disbursement'),
    invalidates: [...booksKeys(cooperativeId), savingsKey(cooperativeId)],
  });
}

export function useCollectChanneled(cooperativeId: string, loanId: string) {
  return useIdempotentPost<{ channel: LoanChannel; amount: string }, ChannelingCollection>({
    pathOf: () => channelingPath(cooperativeId, loanId, '/collections'),
    invalidates: [...booksKeys(cooperativeId), savingsKey(cooperativeId)],
  });
}
