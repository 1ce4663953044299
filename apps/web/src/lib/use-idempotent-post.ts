import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { createIdempotencyKeys } from '../features/ledger/idempotency-key';
import { apiFetch } from './api';

/**
 * A POST (or PUT) that carries an Idempotency-Key, as the ledger's forms do: the same body retried
 * (after a network failure, or a second tap) reuses the key and gets the first answer back; a
 * success forgets the key, so the next submission is a new one. `invalidates` lists the query keys
 * a success makes stale.
 */
export function useIdempotentPost<TBody, TResult>(options: {
  pathOf: (body: TBody) => string;
  jsonOf?: (body: TBody) => unknown;
  invalidates?: readonly QueryKey[];
}) {
  const queryClient = useQueryClient();
  const [keys] = useState(() => createIdempotencyKeys());
  const { pathOf, jsonOf = (body: TBody) => body, invalidates = [] } = options;
  return useMutation({
    mutationFn: (body: TBody) => {
      const path = pathOf(body);
      const json = jsonOf(body);
      return apiFetch<TResult>(path, {
        method: 'POST',
        json,
        headers: { 'Idempotency-Key': keys.keyFor({ path, json }) },
      });
    },
    onSuccess: () => {
      keys.reset();
      // Not awaited: the caller's own onSuccess must run even if a refetch unmounts it.
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
