import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/database.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'conflict' };

/** Keys sort their object keys so the same JSON body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${route}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * Claims `key` inside the request's own transaction. A concurrent twin blocks on the primary key
 * until the first commits, then sees its row: so a key runs its command at most once, and the
 * stored response commits atomically with the command's writes.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  input: {
    scope: string;
    key: string;
    cooperativeId: string | null;
    route: string;
    hash: string;
    now: Date;
  },
): Promise<Claim> {
  const inserted = await queryRows<{ key: string }>(
    tx,
    sql`insert into idempotency_keys (scope, key, cooperative_id, route, request_hash, response_status, created_at)
        values (${input.scope}, ${input.key}, ${input.cooperativeId}, ${input.route}, ${input.hash}, 0, ${input.now})
        on conflict (scope, key) do nothing returning key`,
  );
  if (inserted.length > 0) return { kind: 'claimed' };
  const [existing] = await queryRows<{
    request_hash: string;
    response_status: number;
    response_body: unknown;
  }>(
    tx,
    sql`select request_hash, response_status, response_body from idempotency_keys
        where scope = ${input.scope} and key = ${input.key}`,
  );
  if (!existing || existing.request_hash !== input.hash) return { kind: 'conflict' };
  return {
    kind: 'replay',
    response: { status: existing.response_status, body: existing.response_body },
  };
}

export async function storeIdempotentResponse(
  tx: Tx,
  input: { scope: string; key: string; response: StoredResponse },
) {
  await tx.execute(
    sql`update idempotency_keys set response_status = ${input.response.status},
        response_body = ${JSON.stringify(input.response.body ?? null)}::jsonb
        where scope = ${input.scope} and key = ${input.key}`,
  );
}
