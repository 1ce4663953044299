import type { ErrorCode } from '@lumbung/shared/error-codes';

/**
 * Refusals owned by this module; each code's "when" and texts live in packages/shared:
 * shu.components_not_whole, shu.participation_not_whole, shu.duplicate_key,
 * shu.cadangan_required, shu.component_needs_account, shu.account_missing, shu.rules_frozen,
 * shu.rules_changed, shu.year_not_closed, shu.distribution_not_found,
 * shu.distribution_already_approved, shu.not_proposed, shu.not_awaiting_countersign,
 * shu.countersigner_must_differ, shu.approved_figures_mismatch, shu.not_approved, shu.not_posted,
 * shu.distribution_member_not_found, shu.share_already_paid, shu.nothing_to_pay.
 */
export type ShuErrorCode = Extract<ErrorCode, `shu.${string}`>;
