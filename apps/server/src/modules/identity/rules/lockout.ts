export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * After a failed attempt: the new failure count and, once it reaches the limit, when the lock
 * ends (the count then starts again, so each further burst of failures locks again).
 */
export function afterFailedAttempt(
  failedCount: number,
  now: Date,
  policy: LockoutPolicy,
): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next < policy.maxFailures) return { failedCount: next, lockedUntil: null };
  return { failedCount: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
}
