#!/usr/bin/env node
// The `lumbung` command: the compiled CLI after `npm run build` (or `npm start`); before a build,
// the TypeScript sources through tsx (a dev dependency) with the shared package's source export,
// so `npx lumbung --help` works right after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const source = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const run = spawnSync(
    process.execPath,
    ['--conditions=lumbung-source', '--import', 'tsx', source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(run.status ?? 1);
}
