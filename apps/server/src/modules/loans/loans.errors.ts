import type { ErrorCode } from '@lumbung/shared/error-codes';

/**
 * Refusals owned by this module; each code's "when" and texts live in packages/shared:
 * loans.lending_unavailable, loans.product_not_found, loans.product_inactive,
 * loans.tenor_not_offered, loans.amount_out_of_range, loans.loan_not_found,
 * loans.application_already_decided, loans.self_approval_forbidden,
 * loans.decision_already_recorded, loans.limit_exceeded, loans.plafond_exceeded,
 * loans.not_approved, loans.already_disbursed, loans.not_active,
 * loans.repayment_exceeds_outstanding.
 */
export type LoansErrorCode = Extract<ErrorCode, `loans.${string}`>;
