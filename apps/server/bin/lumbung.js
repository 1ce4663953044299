#!/usr/bin/env node
// The `lumbung` command runs the compiled CLI; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('lumbung: not built yet — run `npm run build` first (npm start also builds).');
  process.exit(1);
}
await import(cli);
