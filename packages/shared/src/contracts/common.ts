import { z } from 'zod';

export const uuidSchema = z.uuid();
export const isoDateSchema = z.iso.date();
export const cursorPageQuery = z.object({
  cursor: z.uuid().optional().describe('Opaque cursor: nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable refusal code, e.g. auth.invalid_credentials'),
    message: z.object({ id: z.string(), en: z.string() }),
    detail: z.string().optional(),
    requestId: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json');
