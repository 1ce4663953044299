// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Modules talk to each other only through their index.ts (ARCHITECTURE.md, "Anatomy of a
 * module"); a test of allowed edges (module-boundaries.test.ts) checks the direction too.
 */
const moduleBoundaryRule = {
  meta: {
    type: 'problem',
    messages: { door: "import another module only through its index.js, not '{{source}}'" },
  },
  create(context) {
    const file = context.filename;
    const match = /apps[\\/]server[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/]/.exec(file);
    if (!match) return {};
    const ownModule = match[1];
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const targetMatch = /apps[\\/]server[\\/]src[\\/]modules[\\/]([^\\/]+)[\\/](.+)$/.exec(
        target,
      );
      if (!targetMatch || targetMatch[1] === ownModule) return;
      if (targetMatch[2] !== 'index.js')
        context.report({ node, messageId: 'door', data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      '.bench-results/**',
      '**/test-results/**',
      'apps/web/dev-dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'apps/web/scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { lumbung: { rules: { 'module-boundary': moduleBoundaryRule } } },
    rules: {
      'lumbung/module-boundary': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins and handlers are async by contract even when they need no await.
      '@typescript-eslint/require-await': 'off',
      // `response.json() as Shape` reads better in tests and SQL rows than generic arguments.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      // expect.any(...) and friends are typed any by Vitest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
