import type { ErrorCode } from '@lumbung/shared/error-codes';

/** Refusals owned by this module; each code's "when" and texts live in packages/shared. */
export type MembersErrorCode = Extract<ErrorCode, `members.${string}`>;
