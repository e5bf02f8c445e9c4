// (a) toWxr on a generated WXR export (bench/generate.mjs, 20 MB), against parseWxr of the same
//     document in the same run; the written document is parsed again and compared by item count.
// (b) parseTextArchive on a generated text page with 5,000 numbered comments (half of them
//     `@Name` replies), against a floor in the same run: splitting the page into lines and
//     matching one regular expression per line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTextArchive, parseWxr, toWxr } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));

function time(fn, runs = 5) {
  fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

const row = (name, ms, bytes) => `| ${name} | ${ms.toFixed(1)} ms | ${((bytes / 1e6) / (ms / 1000)).toFixed(1)} MB/s |`;

// ---------- (a) toWxr ----------
const wxrPath = join(here, 'data', 'synthetic-20mb.xml');
if (!existsSync(wxrPath)) {
  const r = spawnSync(process.execPath, [join(here, 'generate.mjs'), '--mb', '20', '--out', wxrPath], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const xml = readFileSync(wxrPath, 'utf8');
const archive = parseWxr(xml);
const written = toWxr(archive);
const back = parseWxr(written);
const comments = archive.items.reduce((n, i) => n + i.comments.length, 0);
console.log(`(a) ${archive.items.length} items, ${comments} comments; input ${(xml.length / 1e6).toFixed(1)} M chars, written ${(written.length / 1e6).toFixed(1)} M chars; parsed back: ${back.items.length} items`);
console.log('\n| step | median of 5 | throughput (written size) |\n|---|---|---|');
console.log(row('parseWxr (baseline)', time(() => parseWxr(xml)), xml.length));
console.log(row('toWxr', time(() => toWxr(archive)), written.length));

// ---------- (b) parseTextArchive ----------
function page(n) {
  const names = ['Stefan', 'Kenny', 'Ex-Admin', 'Leser', 'Wolfy', 'breakpoint', 'Andrea', 'Max Müller'];
  const lines = ['Ein sehr langer Beitrag', '', 'Veröffentlicht: Donnerstag, 03.05.2012 in Kunden', '', 'Text des Beitrags.', '', 'Kommentare'];
  for (let i = 1; i <= n; i++) {
    const name = names[i % names.length];
    if (i % 2 === 0) lines.push(`  ${i}. ${name} sagt:`, '', `    @${names[(i + 3) % names.length]}`, '', '    Sehe ich anders, weil Schokolade.', '');
    else lines.push(`  ${i}. ${name} sagt:`, '', '    Schön, wenn es auch mal so läuft. Dann bleibt der Tag in guter Erinnerung. ;-)', '', '    Zweiter Absatz.', '');
  }
  lines.push('Schreibe einen Kommentar', '', 'Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:');
  return lines.join('\n');
}
const text = page(5000);
const parsed = parseTextArchive(text, { postAuthor: 'Maskierter' });
const linked = parsed.items[0].comments.filter((c) => c.parentId !== null).length;
console.log(`\n(b) page of ${(text.length / 1e6).toFixed(2)} M chars: ${parsed.items[0].comments.length} comments, ${linked} inferred parents`);
console.log('\n| step | median of 5 | throughput |\n|---|---|---|');
const NUM = /^\s*(\d{1,5})\.\s+(.*)$/;
console.log(row('split lines + one regex per line (floor)', time(() => text.split(/\r\n|\r|\n/).filter((l) => NUM.test(l)).length), text.length));
console.log(row('parseTextArchive (inferReplies: false)', time(() => parseTextArchive(text, { postAuthor: 'Maskierter', inferReplies: false })), text.length));
console.log(row('parseTextArchive', time(() => parseTextArchive(text, { postAuthor: 'Maskierter' })), text.length));
