import { z } from 'zod';

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string().describe('Name of the last applied migration'),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
