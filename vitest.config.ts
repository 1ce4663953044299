import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the shared package from source, so `npm test` needs no build step.
const sharedSource = fileURLToPath(new URL('./packages/shared/src/', import.meta.url));
const alias = [
  { find: /^@lumbung\/shared\/(.*)$/, replacement: `${sharedSource}$1.ts` },
  { find: /^@lumbung\/shared$/, replacement: `${sharedSource}index.ts` },
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'packages/shared/src/**/*.test.ts',
            'apps/server/src/**/rules/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          exclude: ['apps/server/src/**/rules/**'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          // argon2id at 1 MiB keeps the suites fast; production uses OWASP's 19 MiB.
          env: { LUMBUNG_ARGON2_MEMORY_KIB: '1024' },
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
