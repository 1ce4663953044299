import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the shared package from source, so `npm test` needs no build step.
const sharedSource = fileURLToPath(new URL('./packages/shared/src/', import.meta.url));
const alias = [{ find: /^@lumbung\/shared\/(.*)$/, replacement: `${sharedSource}$1.ts` }, { find: /^@lumbung\/shared$/, replacement: `${sharedSource}index.ts` }];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/shared/src/**/*.test.ts', 'apps/server/src/**/rules/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          exclude: ['apps/server/src/**/rules/**'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
