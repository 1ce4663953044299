import type { ErrorCode } from '@lumbung/shared/error-codes';

/**
 * Refusals owned by this module; each code's "when" and texts live in packages/shared:
 * savings.insufficient_balance, savings.not_withdrawable, savings.pokok_exceeds_amount,
 * savings.session_not_open, savings.session_already_open, savings.session_not_found,
 * savings.transfer_to_self, savings.account_not_found, savings.month_not_ended.
 */
export type SavingsErrorCode = Extract<ErrorCode, `savings.${string}`>;
