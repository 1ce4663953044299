import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const modulesDir = fileURLToPath(new URL('../../src/modules', import.meta.url));
const platformDir = fileURLToPath(new URL('../../src/platform', import.meta.url));

/**
 * Which module may use which (ARCHITECTURE.md): the ledger depends on no module, money-moving
 * modules on the ledger, read-only ones (shu, oversight) read. Add an edge here deliberately.
 */
const allowedEdges: Record<string, string[]> = {
  cooperatives: ['ledger'],
  identity: ['cooperatives'],
  ledger: [],
  loans: ['ledger', 'members', 'identity', 'savings'],
  members: ['identity'],
  savings: ['ledger', 'members', 'identity'],
  shu: ['ledger', 'members', 'savings'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => match[1] ?? '');
}

describe('module boundaries', () => {
  const modules = fs
    .readdirSync(modulesDir)
    .filter((name) => fs.statSync(path.join(modulesDir, name)).isDirectory());

  it('declares every module in the table of allowed edges', () => {
    expect(modules.sort()).toEqual(Object.keys(allowedEdges).sort());
  });

  it('imports other modules only through their index, and only along allowed edges', () => {
    const violations: string[] = [];
    for (const module of modules) {
      for (const file of sourceFiles(path.join(modulesDir, module))) {
        for (const source of relativeImports(file)) {
          const target = path.resolve(path.dirname(file), source);
          const relative = path.relative(modulesDir, target);
          if (relative.startsWith('..')) continue;
          const [targetModule, ...rest] = relative.split(path.sep);
          if (!targetModule || targetModule === module) continue;
          if (rest.join('/') !== 'index.js')
            violations.push(`${file}: ${source} bypasses ${targetModule}/index.ts`);
          if (!allowedEdges[module]?.includes(targetModule))
            violations.push(`${module} -> ${targetModule} is not an allowed edge`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the platform free of domain modules', () => {
    const leaks = sourceFiles(platformDir).filter((file) =>
      relativeImports(file).some((source) => source.includes('/modules/')),
    );
    expect(leaks).toEqual([]);
  });
});
