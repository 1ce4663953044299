import type { ErrorCode } from '@lumbung/shared/error-codes';

/** An expected refusal, named by a stable code; its texts live in the shared message catalogs. */
export class DomainError<Code extends ErrorCode = ErrorCode> extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: Code,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
