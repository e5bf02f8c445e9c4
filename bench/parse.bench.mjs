#!/usr/bin/env node
// Throughput and peak memory of reading a WXR export, each case in its own child process
// (so every peak RSS is that case's own), all on the same generated file in one run:
//
//   read            plain streamed read (fs.createReadStream, 64 KiB chunks), bytes only   [baseline]
//   read+decode     the same, decoded to UTF-8 strings                                       [baseline]
//   floor           decode + find every tag/CDATA with indexOf + JSON.stringify every text piece:
//                   the least a string-based XML -> JSON converter does (lower bound)          [baseline]
//   saxes           saxes 6 streaming, xmlns: true, 64 KiB chunks                            [baseline]
//   fxp             fast-xml-parser 5 XMLParser.parse on the whole file as one string       [baseline]
//   streamWxr       streamWxr(createReadStream), entries counted, nothing written
//   streamWxr→NDJSON streamWxr(createReadStream) | toNdjson, written to /dev/null
//   parseWxr        parseWxr(whole file as bytes)
//
//   npm run build && node bench/parse.bench.mjs [--mb 100] [--file path.xml] [--only name,name] [--runs 1]
//
// The file is generated (bench/generate.mjs) when missing. MB = 10^6 bytes. With --runs N each
// case runs N times (each in a fresh process); the table shows the fastest time and the
// highest peak RSS.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// WXR_KIT_DIST points at another build of dist/index.js (e.g. a private copy while others rebuild dist/).
const DIST = pathToFileURL(resolve(process.env.WXR_KIT_DIST ?? join(here, '..', 'dist', 'index.js'))).href;

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
  // The least any string-based streaming XML -> JSON converter does: decode, find every tag
  // and CDATA section with indexOf, and JSON-encode every text and CDATA piece. No checks, no
  // objects, no output: a lower bound for the NDJSON case, not a parser.
  async 'floor'(file) {
    let rest = '';
    let tags = 0;
    let json = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16, encoding: 'utf8' })) {
      const buf = rest + chunk;
      let pos = 0;
      for (;;) {
        const lt = buf.indexOf('<', pos);
        if (lt === -1) break;
        if (lt > pos) json += JSON.stringify(buf.slice(pos, lt)).length;
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end === -1) break;
          json += JSON.stringify(buf.slice(lt + 9, end)).length;
          pos = end + 3;
          continue;
        }
        const gt = buf.indexOf('>', lt + 1);
        if (gt === -1) break;
        tags++;
        pos = gt + 1;
      }
      rest = buf.slice(buf.indexOf('<', pos) === -1 ? pos : buf.indexOf('<', pos));
    }
    return `${tags} tags, ${json} JSON chars`;
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
  async streamWxr(file) {
    const { streamWxr } = await import(DIST);
    let entries = 0;
    for await (const _ of streamWxr(createReadStream(file, { highWaterMark: 1 << 16 }))) entries++;
    return `${entries} entries (no output)`;
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
  const u = process.resourceUsage();
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssKb: u.maxRSS, note })}\n`);
}

/** One case in a fresh node process: `{ ms, maxRssKb, note }` or `{ failed }`. */
function runCase(name, file) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--file', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 600_000,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    if (r.status === 0) return JSON.parse(last);
  } catch {
    // reported below
  }
  const why = r.signal ?? `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-1)[0] ?? ''}`;
  return { failed: why.slice(0, 80) };
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
  const runs = Math.max(1, Number(arg('runs', '1')));
  const load = existsSync('/proc/loadavg') ? `, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}` : '';
  console.log(`file: ${file} (${(bytes / 1e6).toFixed(1)} MB), node ${process.version}, ${runs} run(s) per case${load}\n`);
  const rows = [];
  for (const name of names) {
    let best = null;
    for (let i = 0; i < runs && !best?.failed; i++) {
      const res = runCase(name, file);
      if (res.failed) best = { name, failed: res.failed };
      else best = best === null ? { name, ...res } : { ...best, ms: Math.min(best.ms, res.ms), cpuMs: Math.min(best.cpuMs, res.cpuMs), maxRssKb: Math.max(best.maxRssKb, res.maxRssKb) };
    }
    rows.push(best);
  }
  const base = rows.find((r) => r.name === 'read' && r.ms);
  const baseDecode = rows.find((r) => r.name === 'read+decode' && r.ms);
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  const head = ['MB/s', 'wall s', 'CPU s', 'MB/s CPU', 'peak RSS MB', 'x read', 'x read CPU'];
  console.log(`| ${pad('case', 17)} | ${head.join(' | ')} | note`);
  console.log(`|${'-'.repeat(19)}|${head.map((h) => `${'-'.repeat(h.length + 1)}:`).join('|')}|-----`);
  for (const r of rows) {
    if (r.failed) {
      console.log(`| ${pad(r.name, 17)} | ${head.map((h) => lpad('—', h.length)).join(' | ')} | failed: ${r.failed}`);
      continue;
    }
    const cells = [
      (bytes / 1e3 / r.ms).toFixed(1),
      (r.ms / 1000).toFixed(2),
      (r.cpuMs / 1000).toFixed(2),
      (bytes / 1e3 / r.cpuMs).toFixed(1),
      (r.maxRssKb / 1024).toFixed(0),
      base ? (r.ms / base.ms).toFixed(1) : '—',
      base ? (r.cpuMs / base.cpuMs).toFixed(1) : '—',
    ];
    console.log(`| ${pad(r.name, 17)} | ${cells.map((c, i) => lpad(c, head[i].length)).join(' | ')} | ${r.note}`);
  }
  const nd = rows.find((r) => r.name === 'streamWxr→NDJSON' && r.ms);
  if (nd && base) {
    const rss = nd.maxRssKb / 1024;
    const vs = (b) => `${(nd.ms / b.ms).toFixed(2)}x wall, ${(nd.cpuMs / b.cpuMs).toFixed(2)}x CPU`;
    console.log(`\nNDJSON time / plain read time: ${vs(base)}` + (baseDecode ? `; / read+decode: ${vs(baseDecode)}` : '') + ` (goal <= 3x)`);
    const floor = rows.find((r) => r.name === 'floor' && r.ms);
    if (floor) console.log(`floor time / plain read time: ${(floor.ms / base.ms).toFixed(2)}x wall, ${(floor.cpuMs / base.cpuMs).toFixed(2)}x CPU; NDJSON / floor: ${(nd.ms / floor.ms).toFixed(2)}x wall`);
    console.log(`NDJSON peak RSS ${rss.toFixed(0)} MB (goal < 200 MB)`);
  }
}

if (process.argv.includes('--child')) await child(arg('child', ''), arg('file', ''));
else await main();
