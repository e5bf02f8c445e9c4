// htmlToMarkdown throughput. Inputs: every post body of the shared corpus (when
// ../shared is there) and a generated WordPress-like body mix (classic text with
// shortcodes and block-editor HTML). Baseline in the same run: htmlparser2's
// parseDocument alone, the floor of any converter built on it; turndown + gfm
// too when it is installed (it is not a dependency: `npm i --no-save turndown
// turndown-plugin-gfm` to include it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { htmlToMarkdown, parseWxr } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', 'shared', 'corpus');

function corpusBodies() {
  if (!existsSync(corpus)) return [];
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.xml')) {
        try {
          // copied, so that the parsed archives can be collected
          for (const it of parseWxr(readFileSync(p), { recover: true }).items) if (it.content) out.push(Buffer.from(it.content).toString());
        } catch {
          // not parseable: skipped
        }
      }
    }
  };
  walk(corpus);
  return out;
}

function generated(targetBytes) {
  const classic = (i) =>
    `Post ${i} starts here with <strong>bold</strong>, <em>em</em> and a <a href="https://example.com/${i}">link</a>.\n` +
    `Second line of the same paragraph, 5 * 3 = 15 and snake_case.\n\n` +
    `[caption id="attachment_${i}" align="aligncenter" width="580"]<img class="wp-image-${i}" src="https://example.com/wp-content/uploads/2020/01/p${i}.jpg" alt="Photo ${i}" width="580" height="300" /> Caption ${i}[/caption]\n\n` +
    `[code language="php"]\n<?php echo $x < ${i}; ?>\n[/code]\n\n` +
    `https://www.youtube.com/watch?v=abc${i}xyz\n\n` +
    `<ul>\n<li>one</li>\n<li>two <code>x</code></li>\n</ul>\n<!--more-->\n` +
    `<table><tr><th>a</th><th>b</th></tr><tr><td>${i}</td><td>&amp; more</td></tr></table>\n\n[unknown_plugin id="${i}"]\n`;
  const blocks = (i) =>
    `<!-- wp:paragraph -->\n<p>Block post ${i} with <a href="https://example.org/">a link</a> and &nbsp;entities &amp; more.</p>\n<!-- /wp:paragraph -->\n\n` +
    `<!-- wp:heading -->\n<h2>Heading ${i}</h2>\n<!-- /wp:heading -->\n\n` +
    `<!-- wp:image {"id":${i}} -->\n<figure class="wp-block-image"><img src="https://example.com/i${i}.jpg" alt="" class="wp-image-${i}"/><figcaption>Fig ${i}</figcaption></figure>\n<!-- /wp:image -->\n\n` +
    `<!-- wp:code {"language":"js"} -->\n<pre class="wp-block-code"><code>const a = ${i} &lt; 2;</code></pre>\n<!-- /wp:code -->\n\n` +
    `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Quote ${i}</p><cite>Someone</cite></blockquote>\n<!-- /wp:quote -->\n`;
  const out = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const body = (i % 2 ? classic(i) : blocks(i)).repeat(3);
    out.push(body);
    bytes += body.length;
  }
  return out;
}

let turndown = null;
try {
  const { default: T } = await import('turndown');
  const { gfm } = await import('turndown-plugin-gfm');
  const t = new T({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
  t.use(gfm);
  turndown = (h) => t.turndown(h);
} catch {
  // not installed
}

// Optional: an earlier build of the converter, to compare in the same run, e.g.
//   git archive <commit> src | tar -x -C /tmp/old &&
//   npx esbuild /tmp/old/src/normalize/markdown/index.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=bench/data/md-html-before.mjs
let before = null;
const beforePath = join(here, 'data', 'md-html-before.mjs');
if (existsSync(beforePath)) before = (await import(beforePath)).htmlToMarkdown;

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const ROUNDS = 5;
/** One pass over all documents: wall and CPU ms. */
function pass(docs, fn) {
  globalThis.gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < docs.length; i++) {
    fn(docs[i]);
    if ((i & 255) === 0) sample();
  }
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}
/**
 * Best of ROUNDS passes per converter, the converters interleaved round by round so
 * that load from other processes on this shared machine hits each of them alike.
 */
function timeAll(docs, fns) {
  for (const [, fn] of fns) for (let i = 0; i < Math.min(500, docs.length); i++) fn(docs[i]);
  const best = fns.map(() => ({ wall: Infinity, cpu: Infinity }));
  for (let r = 0; r < ROUNDS; r++) {
    fns.forEach(([, fn], k) => {
      const run = pass(docs, fn);
      if (run.cpu < best[k].cpu) best[k] = run;
    });
  }
  return best;
}

const sets = [
  ['corpus post bodies', corpusBodies()],
  ['generated markup-dense 10 MB', generated(10e6)],
].filter(([, d]) => d.length > 0);

// CPU time is printed too: on a shared machine wall time mostly measures the neighbours.
console.log(`best of ${ROUNDS} interleaved passes per converter`);
console.log('| input | docs | MB | converter | wall ms | MB/s (wall) | CPU ms | MB/s (CPU) | CPU vs bare parse |');
console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|');
for (const [name, docs] of sets) {
  const mb = docs.reduce((a, d) => a + Buffer.byteLength(d), 0) / 1e6;
  const fns = [['baseline: htmlparser2 parseDocument only', (h) => parseDocument(h)]];
  if (before) fns.push(['before: bench/data/md-html-before.mjs htmlToMarkdown', before]);
  fns.push(['wxr-kit htmlToMarkdown', (h) => htmlToMarkdown(h)]);
  if (turndown && name.startsWith('corpus')) fns.push(['turndown 7 + gfm (domino)', (h) => { try { turndown(h); } catch {} }]);
  const res = timeAll(docs, fns);
  const base = res[0].cpu;
  fns.forEach(([label], k) => {
    const { wall, cpu } = res[k];
    console.log(`| ${name} | ${docs.length} | ${mb.toFixed(1)} | ${label} | ${wall.toFixed(0)} | ${(mb / (wall / 1000)).toFixed(1)} | ${cpu.toFixed(0)} | ${(mb / (cpu / 1000)).toFixed(1)} | ${(cpu / base).toFixed(2)}x |`);
  });
}
sample();
console.log(`\npeak RSS ${(peak / 1e6).toFixed(0)} MB`);
