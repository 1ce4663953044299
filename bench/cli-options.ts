/** The flags of `npm run bench`. Unknown flags are refused, so a typo never runs the wrong thing. */

/** A mistake in how the bench was called: reported as a sentence, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  /** `--quick`: shorter durations for smoke runs. */
  readonly isQuick: boolean;
  /** `--only <name>`: run one benchmark (calibration still runs first and last). */
  readonly only: string | undefined;
  /** `--gate`: exit non-zero when a ratio misses its target, not only on errors. */
  readonly isGate: boolean;
  /** `--pglite-in-memory`: PGlite in memory instead of a temporary directory. */
  readonly isPgliteInMemory: boolean;
  readonly isHelp: boolean;
}

export const USAGE = `Usage: node --import tsx bench/run.ts [--quick] [--only <name>] [--gate] [--pglite-in-memory]

  --quick             shorter durations (3 s instead of 10 s) for smoke runs
  --only <name>       run only this benchmark; calibration still runs first and last
  --gate              exit 1 when a ratio misses its target (errors and failed checks always do)
  --pglite-in-memory  PGlite in memory instead of a temporary directory (ignored with DATABASE_URL)

Environment: DATABASE_URL=postgres://… benchmarks PostgreSQL; unset, PGlite.`;

export function parseCliOptions(args: readonly string[]): CliOptions {
  let options: CliOptions = {
    isQuick: false,
    only: undefined,
    isGate: false,
    isPgliteInMemory: false,
    isHelp: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    switch (arg) {
      case '--quick':
        options = { ...options, isQuick: true };
        break;
      case '--gate':
        options = { ...options, isGate: true };
        break;
      case '--pglite-in-memory':
        options = { ...options, isPgliteInMemory: true };
        break;
      case '--help':
      case '-h':
        options = { ...options, isHelp: true };
        break;
      case '--only': {
        const name = args[++index];
        if (name === undefined || name.startsWith('--'))
          throw new UsageError('--only needs a benchmark name');
        options = { ...options, only: name };
        break;
      }
      default:
        throw new UsageError(`unknown argument "${arg}"\n\n${USAGE}`);
    }
  }
  return options;
}
