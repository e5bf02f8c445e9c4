// HTML-archive reader on the public page corpus (../shared/corpus-html, 22 saved post pages).
// Baseline measured in the same run: htmlparser2's parseDocument alone (its own tree rules), the parser
// the reader's tree builder is built on (same tokenizer, browser placement rules on top). Prints a small
// table; skips without the corpus. Run: npm run build && node --expose-gc bench/html.bench.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { parseHtmlArchive } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', 'shared', 'corpus-html');
if (!existsSync(join(root, 'SOURCES.md'))) {
  console.log('html bench skipped: ../shared/corpus-html is absent');
  process.exit(0);
}
const pages = [];
for (const d of readdirSync(root).sort()) {
  const p = join(root, d);
  if (!statSync(p).isDirectory()) continue;
  for (const f of readdirSync(p)) if (f.endsWith('.html') && f !== 'expected.html') pages.push(readFileSync(join(p, f), 'utf8'));
}
const bytes = pages.reduce((n, h) => n + Buffer.byteLength(h), 0);

/** Rounds interleave the steps, so a busy machine slows all of them alike. */
function measureAll(steps, rounds = 7) {
  for (const [, fn] of steps) for (let i = 0; i < 2; i++) for (const h of pages) fn(h);
  const times = steps.map(() => []);
  for (let r = 0; r < rounds; r++) {
    steps.forEach(([, fn], k) => {
      const t = performance.now();
      for (const h of pages) fn(h);
      times[k].push(performance.now() - t);
    });
  }
  return steps.map(([name, fn], k) => {
    const sorted = times[k].sort((x, y) => x - y);
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = pages.map(fn);
    globalThis.gc?.();
    const heap = (process.memoryUsage().heapUsed - before) / 1e6;
    void kept;
    return { name, median: sorted[Math.floor(rounds / 2)], heap };
  });
}

const steps = [
  ['htmlparser2.parseDocument (baseline: tree only)', (h) => parseDocument(h)],
  ['parseHtmlArchive (whole reader)', (h) => parseHtmlArchive(h)],
];
const rows = measureAll(steps);
let comments = 0;
for (const h of pages) comments += parseHtmlArchive(h).items[0]?.comments.length ?? 0;

console.log(`${pages.length} pages, ${(bytes / 1e6).toFixed(2)} MB, ${comments} comments; median of 7 rounds, all pages per round`);
console.log('| step | ms / 22 pages | ms / page | MB/s | heap held by 22 results (MB) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.median.toFixed(0)} | ${(r.median / pages.length).toFixed(1)} | ${(bytes / 1e6 / (r.median / 1000)).toFixed(1)} | ${r.heap.toFixed(1)} |`);
