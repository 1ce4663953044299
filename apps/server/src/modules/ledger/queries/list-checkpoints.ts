import type { LedgerContext } from '../commands/post-journal-entries.js';
import { listCheckpointRows, readChainSummary } from '../ledger.sql.js';

/** Published checkpoints, newest first, and the live head for comparison. */
export async function listCheckpoints(
  ctx: Pick<LedgerContext, 'tx' | 'cooperativeId'>,
  input: { beforeDate: string | null; limit: number },
) {
  const rows = await listCheckpointRows(
    ctx.tx,
    ctx.cooperativeId,
    input.limit + 1,
    input.beforeDate,
  );
  const page = rows.slice(0, input.limit);
  const head = await readChainSummary(ctx.tx, ctx.cooperativeId);
  return {
    items: page,
    head,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.checkpointDate ?? null) : null,
  };
}
