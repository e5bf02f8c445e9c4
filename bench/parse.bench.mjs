#!/usr/bin/env node
// Throughput and peak memory of reading a WXR export, each case in its own child process
// (so every peak RSS is that case's own), all on the same generated file in one run:
//
//   read            plain streamed read (fs.createReadStream, 64 KiB chunks), bytes only   [baseline]
//   read+decode     the same, decoded to UTF-8 strings                                       [baseline]
//   saxes           saxes 6 streaming, xmlns: true, 64 KiB chunks                            [baseline]
//   fxp             fast-xml-parser 5 XMLParser.parse on the whole file as one string       [baseline]
//   streamWxr→NDJSON streamWxr(createReadStream) | toNdjson, written to /dev/null
//   parseWxr        parseWxr(whole file as bytes)
//
//   npm run build && node bench/parse.bench.mjs [--mb 100] [--file path.xml] [--only name,name]
//
// The file is generated (bench/generate.mjs) when missing. MB = 10^6 bytes.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = pathToFileURL(join(here, '..', 'dist', 'index.js')).href;

/** Each case reads `file` and resolves to a short note (counts) for the table. */
const CASES = {
  async read(file) {
    let n = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) n += chunk.length;
    return `${n} bytes`;
  },
  async 'read+decode'(file) {
    let n = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16, encoding: 'utf8' })) n += chunk.length;
    return `${n} chars`;
  },
  async saxes(file) {
    const { SaxesParser } = await import('saxes');
    const p = new SaxesParser({ xmlns: true, position: true });
    let items = 0;
    let errors = 0;
    p.on('opentag', (t) => {
      if (t.name === 'item') items++;
    });
    p.on('error', () => {
      errors++;
    });
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16, encoding: 'utf8' })) p.write(chunk);
    p.close();
    return `${items} items, ${errors} errors`;
  },
  async fxp(file) {
    const { XMLParser } = await import('fast-xml-parser');
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: false });
    const doc = parser.parse(readFileSync(file, 'utf8'));
    const items = doc?.rss?.channel?.item;
    return `${Array.isArray(items) ? items.length : 0} items`;
  },
  async 'streamWxr→NDJSON'(file) {
    const { streamWxr, toNdjson } = await import(DIST);
    const out = createWriteStream('/dev/null');
    let lines = 0;
    let buf = '';
    for await (const line of toNdjson(streamWxr(createReadStream(file, { highWaterMark: 1 << 16 })))) {
      lines++;
      buf += line;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'finish');
    return `${lines} lines`;
  },
  async parseWxr(file) {
    const { parseWxr } = await import(DIST);
    const a = parseWxr(readFileSync(file));
    return `${a.items.length} items, ${a.items.reduce((s, i) => s + i.comments.length, 0)} comments`;
  },
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function child(name, file) {
  const t0 = performance.now();
  const note = await CASES[name](file);
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, note })}\n`);
}

async function main() {
  const mb = Number(arg('mb', '100'));
  const file = resolve(arg('file', join(here, 'data', `synthetic-${mb}mb.xml`)));
  if (!existsSync(file)) {
    const { generate } = await import('./generate.mjs');
    console.log(`generating ${file} …`);
    await generate({ mb, out: file });
  }
  const only = arg('only', '');
  const names = Object.keys(CASES).filter((n) => only === '' || only.split(',').includes(n));
  const bytes = statSync(file).size;
  console.log(`file: ${file} (${(bytes / 1e6).toFixed(1)} MB), node ${process.version}\n`);
  const rows = [];
  for (const name of names) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--file', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      timeout: 600_000,
    });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    let res = null;
    try {
      res = JSON.parse(last);
    } catch {
      res = null;
    }
    if (r.status !== 0 || res === null) {
      const why = r.signal ?? `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-1)[0] ?? ''}`;
      rows.push({ name, failed: why.slice(0, 80) });
    } else rows.push({ name, ...res });
  }
  const base = rows.find((r) => r.name === 'read' && r.ms);
  const baseDecode = rows.find((r) => r.name === 'read+decode' && r.ms);
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`| ${pad('case', 17)} | ${lpad('MB/s', 7)} | ${lpad('time s', 7)} | ${lpad('peak RSS MB', 11)} | ${lpad('x read', 6)} | note`);
  console.log(`|${'-'.repeat(19)}|${'-'.repeat(8)}:|${'-'.repeat(8)}:|${'-'.repeat(12)}:|${'-'.repeat(7)}:|-----`);
  for (const r of rows) {
    if (r.failed) {
      console.log(`| ${pad(r.name, 17)} | ${lpad('—', 7)} | ${lpad('—', 7)} | ${lpad('—', 11)} | ${lpad('—', 6)} | failed: ${r.failed}`);
      continue;
    }
    const mbs = bytes / 1e6 / (r.ms / 1000);
    const ratio = base ? (r.ms / base.ms).toFixed(1) : '—';
    console.log(`| ${pad(r.name, 17)} | ${lpad(mbs.toFixed(1), 7)} | ${lpad((r.ms / 1000).toFixed(2), 7)} | ${lpad((r.maxRssKb / 1024).toFixed(0), 11)} | ${lpad(ratio, 6)} | ${r.note}`);
  }
  const nd = rows.find((r) => r.name === 'streamWxr→NDJSON' && r.ms);
  if (nd && base) {
    const rss = nd.maxRssKb / 1024;
    console.log(`\nNDJSON time / plain read time: ${(nd.ms / base.ms).toFixed(2)}x` + (baseDecode ? `; / read+decode: ${(nd.ms / baseDecode.ms).toFixed(2)}x` : '') + ` (goal <= 3x); NDJSON peak RSS ${rss.toFixed(0)} MB (goal < 200 MB)`);
  }
}

if (process.argv.includes('--child')) await child(arg('child', ''), arg('file', ''));
else await main();
