// Fails when the JavaScript a phone downloads before the first screen exceeds the budget
// (ARCHITECTURE.md: first load <= 200 KB gzipped). Run after `vite build`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 200 * 1024;
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** Module scripts and modulepreload links: what the browser fetches before the app can render. */
function firstLoadScripts(html) {
  const sources = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\bsrc=/i.test(tag);
    const isModulePreload = /^<link/i.test(tag) && /\brel=["']?modulepreload\b/i.test(tag);
    if (!isModuleScript && !isModulePreload) continue;
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (url && !/^(https?:)?\/\//i.test(url)) sources.add(url);
  }
  return [...sources];
}

let html;
try {
  html = readFileSync(`${distDir}index.html`, 'utf8');
} catch {
  console.error(`No build found at ${distDir}index.html: run the web build first.`);
  process.exit(1);
}

const sources = firstLoadScripts(html);
if (sources.length === 0) {
  console.error('Found no scripts in dist/index.html: the build or this parser is broken.');
  process.exit(1);
}

let totalBytes = 0;
for (const source of sources) {
  const file = `${distDir}${source.replace(/^\//, '')}`;
  const gzippedBytes = gzipSync(readFileSync(file), { level: 9 }).length;
  totalBytes += gzippedBytes;
  console.log(`${(gzippedBytes / 1024).toFixed(1).padStart(8)} KB  ${source}`);
}

const totalKb = (totalBytes / 1024).toFixed(1);
const budgetKb = budgetBytes / 1024;
if (totalBytes > budgetBytes) {
  console.error(`First-load JS is ${totalKb} KB gzipped, over the ${budgetKb} KB budget.`);
  process.exit(1);
}
console.log(`First-load JS: ${totalKb} KB gzipped (budget ${budgetKb} KB).`);
