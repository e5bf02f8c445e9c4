#!/usr/bin/env node
// Markdown site conversion (WXR -> one .md file per post/page, written to disk), time and
// peak RSS, each case in its own child process, all in one run, baseline and ours on the
// SAME generated file:
//
//   cli           the built CLI: wxr-kit convert FILE -f markdown -p hugo -o OUT -q (Markdown in worker threads)
//   site:stream   streamWxr(createReadStream) -> createSiteRenderer({ preset: 'hugo' }) -> files written (one thread)
//   site:pool     the same with Markdown in a worker thread (renderSiteFiles, src/cli/site-pool.ts; the
//                 CLI's own path, writeSiteFiles, also writes the files in the worker)
//   site:parse    parseWxr(whole file) -> renderMarkdownSite({ preset: 'hugo' }) -> files written (only with --only)
//   wetm          wordpress-export-to-markdown 2.2.2 (the newest on the npm registry here; 3.x is
//                 not published there), --wizard=false, no image downloads, its hard-coded 25 ms
//                 per-file write stagger set to 0 at run time (like 3.x's --write-delay=0)  [baseline]
//
// By default: wetm, cli, site:stream and site:pool on --mb (default 100), and those also on every
// size in --sizes (default half of --mb) to show that memory stays flat as the input grows. Ratios are
// WETM / ours on the same file, for wall and CPU time. Input files are generated (outside any
// timing) into bench/data/ when missing. The WETM baseline is used when installed (git-ignored,
// never a dependency of the package):
//   npm install --prefix bench/data/wetm wordpress-export-to-markdown@2.2.2
//
// Output folders go under --out (default bench/data/out-md), one per case, all removed at the end.
//
// Then, in this process, the front matter emitter alone: the `yaml` package's Document (what
// front matter used before) against our own (src/emit/site/yaml.ts), on the front matter data
// of every post of the 10 MB export, both checked to give the same text. The emitter is not
// public, so it is bundled from src/ with esbuild (tsup's) into bench/data/. --no-yaml skips it.
//
//   npx tsup && node bench/markdown.bench.mjs [--mb 100] [--sizes 50] [--only site:stream,wetm] [--out DIR] [--runs N]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = pathToFileURL(resolve(process.env.WXR_KIT_DIST ?? join(here, '..', 'dist', 'index.js'))).href;
const CLI = join(dirname(fileURLToPath(DIST)), 'cli', 'bin.js');
const POOL = join(here, 'data', 'site-pool.mjs');
const WETM_DIR = join(here, 'data', 'wetm');
const WETM_MAIN = join(WETM_DIR, 'node_modules', 'wordpress-export-to-markdown', 'index.js');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/**
 * Writes output files below `out` synchronously, as the CLI does: for thousands of ~10 KB
 * files a thread-pool hop per file costs the main thread more than the write itself
 * (2,000 files on tmpfs: 80 ms of main-thread CPU with writeFileSync, 240 ms with 16
 * fs.promises.writeFile calls in flight). Paths are already safe here.
 */
function writer(out) {
  const dirs = new Set();
  let n = 0;
  return {
    async write(file) {
      const target = join(out, file.path);
      const dir = dirname(target);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      writeFileSync(target, file.contents);
      n++;
    },
    async done() {
      return n;
    },
  };
}

const CASES = {
  async 'site:stream'(file, out) {
    const { streamWxr, createSiteRenderer } = await import(DIST);
    const site = createSiteRenderer({ preset: 'hugo' });
    const w = writer(out);
    for await (const entry of streamWxr(createReadStream(file, { highWaterMark: 1 << 16 }))) {
      for (const f of site.add(entry)) await w.write(f);
    }
    for (const f of site.finish()) await w.write(f);
    return `${await w.done()} files`;
  },
  async 'site:pool'(file, out) {
    // The same as site:stream with Markdown in a worker thread (renderSiteFiles from src/cli/site-pool.ts;
    // the CLI uses its writeSiteFiles, where the workers also write the files). Not a public export, so
    // bundled from src/ by main() before the cases run. Files are written here, on the main thread.
    const { streamWxr } = await import(DIST);
    const { renderSiteFiles } = await import(pathToFileURL(POOL).href);
    const w = writer(out);
    for await (const f of renderSiteFiles(streamWxr(createReadStream(file, { highWaterMark: 1 << 16 })), { preset: 'hugo', workerUrl: pathToFileURL(POOL) })) await w.write(f);
    return `${await w.done()} files`;
  },
  async 'site:parse'(file, out) {
    const { parseWxr, renderMarkdownSite } = await import(DIST);
    const files = renderMarkdownSite(parseWxr(readFileSync(file)), { preset: 'hugo' });
    const w = writer(out);
    for (const f of files) await w.write(f);
    return `${await w.done()} files`;
  },
  async cli(file, out) {
    // The built CLI, as a user runs it: `wxr-kit convert FILE -f markdown -p hugo -o OUT -q`
    // (Markdown rendered in worker threads). It ends by itself; the exit hook reports.
    process.argv = [process.argv[0], CLI, 'convert', file, '-f', 'markdown', '-p', 'hugo', '-o', out, '-q'];
    await import(pathToFileURL(CLI).href);
    await new Promise(() => {});
  },
  async wetm(file, out) {
    const require = createRequire(WETM_MAIN);
    require(join(WETM_DIR, 'nodelay.cjs'));
    process.argv = [process.argv[0], WETM_MAIN, '--wizard=false', `--input=${file}`, `--output=${out}`, '--year-folders=false',
      '--month-folders=false', '--post-folders=false', '--prefix-date=false', '--save-attached-images=false',
      '--save-scraped-images=false', '--include-other-types=true'];
    const silent = () => true;
    process.stdout.write = silent;
    console.log = () => {};
    require(WETM_MAIN);
    await new Promise(() => {}); // it finishes through timers; the exit hook reports
  },
};

function countFiles(dir) {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : n++;
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

/**
 * CPU time of the main thread alone (Linux: /proc/self/task/PID/stat, in clock ticks of 10 ms),
 * null elsewhere. The difference to the process's CPU time is workers, V8's GC and compiler
 * threads and libuv's pool: when the main thread's CPU is near the wall time, it is the limit.
 */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function child(name, file, out) {
  const t0 = performance.now();
  const report = (note) => {
    const ms = performance.now() - t0;
    const u = process.resourceUsage();
    process.stderr.write(`\n${JSON.stringify({ ms, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, mainCpuMs: mainThreadCpuMs(), sysMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS, note })}\n`);
  };
  if (name === 'wetm' || name === 'cli') {
    process.on('exit', () => report(`${countFiles(out)} files`));
    process.on('beforeExit', () => process.exit(0));
  }
  const note = await CASES[name](file, out);
  report(note);
}

const NODELAY = `// Preload for bench/markdown.bench.mjs: WETM 2.2.2 hard-codes a 25 ms stagger between file
// writes (src/settings.js); 0 at run time approximates 3.x's --write-delay=0.
const settings = require('wordpress-export-to-markdown/src/settings.js');
settings.markdown_file_write_delay = 0;
settings.image_file_request_delay = 0;
`;

/**
 * Runs one case in its own process, writing into a fresh folder under `root`. Outputs are
 * kept until every case has run: this VM's ext4 has no journal, and such an ext4 does not
 * reuse inodes freed in the last 60-300 s, skipping them one by one, so creating 10 k files
 * right after deleting 10 k others costs 5-10 s of kernel time (a case would pay for the
 * cleanup of the one before it).
 */
function runCase(name, file, root, k) {
  const out = join(root, `${k}-${name.replace(/[^a-z]/g, '-')}`);
  mkdirSync(out, { recursive: true });
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--file', file, '--out', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 1_800_000,
  });
  const last = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  try {
    const res = JSON.parse(last);
    if (res.ms) return res;
  } catch {
    // reported below
  }
  return { failed: (r.signal ?? `exit ${r.status}: ${last}`).slice(0, 100) };
}

async function ensureFile(mb) {
  const file = join(here, 'data', `synthetic-${mb}mb.xml`);
  if (!existsSync(file) || statSync(file).size < mb * 1e6) {
    const { generate } = await import('./generate.mjs');
    console.log(`generating ${file} …`);
    await generate({ mb, out: file });
  }
  return file;
}

async function main() {
  const mb = Number(arg('mb', '100'));
  const sizes = [...new Set([...arg('sizes', String(mb / 2)).split(',').filter((x) => x !== '').map(Number), mb])].sort((a, b) => a - b);
  const only = arg('only', '');
  const want = (n) => (only === '' ? n !== 'site:parse' : only.split(',').includes(n));
  const files = new Map();
  for (const size of sizes) files.set(size, await ensureFile(size));
  const big = files.get(mb);
  const hasWetm = existsSync(WETM_MAIN);
  if (hasWetm) writeFileSync(join(WETM_DIR, 'nodelay.cjs'), NODELAY);
  const load = existsSync('/proc/loadavg') ? `, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}` : '';
  const root = resolve(arg('out', join(here, 'data', 'out-md')));
  rmSync(root, { recursive: true, force: true });
  console.log(`node ${process.version}${load}; files written under ${root} (kept until the last case has run)\n`);
  if (want('site:pool')) {
    const { buildSync } = await import('esbuild');
    buildSync({ entryPoints: [join(here, '..', 'src', 'cli', 'site-pool.ts')], bundle: true, platform: 'node', format: 'esm', outfile: POOL, logLevel: 'error' });
  }
  const runs = Math.max(1, Number(arg('runs', '1')));
  if (runs > 1) console.log(`each case run ${runs} times, rounds interleaved; the fastest run (wall) of each is shown\n`);
  const plan = [];
  // With --runs N every case runs N times, the rounds interleaved; the table keeps each case's fastest run.
  for (let round = 0; round < runs; round++) {
    for (const size of sizes) for (const name of ['cli', 'site:stream', 'site:pool', 'site:parse']) if (want(name)) plan.push([name, files.get(size)]);
    if (want('wetm')) plan.push(['wetm', big]);
  }
  const rows = [];
  let k = 0;
  for (const [name, f] of plan) {
    if (name === 'wetm' && !hasWetm) {
      rows.push({ name, file: f, failed: 'not installed: npm install --prefix bench/data/wetm wordpress-export-to-markdown@2.2.2' });
      continue;
    }
    const run = { name, file: f, ...runCase(name, f, root, k++) };
    const prev = rows.find((r) => r.name === name && r.file === f);
    if (!prev) rows.push(run);
    else if (!run.failed && (prev.failed || run.ms < prev.ms)) rows[rows.indexOf(prev)] = run;
  }
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  // "of it kernel": the system part of CPU s (file creation; see runCase on this VM's ext4).
  // "main thread CPU s": the part of CPU s spent by the thread that reads and parses the input.
  const head = ['input MB', 'wall s', 'CPU s', 'of it kernel s', 'main thread CPU s', 'MB/s', 'peak RSS MB'];
  console.log(`| ${pad('case', 12)} | ${head.join(' | ')} | note`);
  console.log(`|${'-'.repeat(14)}|${head.map((h) => `${'-'.repeat(h.length + 1)}:`).join('|')}|-----`);
  for (const r of rows) {
    const bytes = statSync(r.file).size;
    if (r.failed) {
      console.log(`| ${pad(r.name, 12)} | ${lpad((bytes / 1e6).toFixed(1), 8)} | ${head.slice(1).map((h) => lpad('—', h.length)).join(' | ')} | ${r.failed}`);
      continue;
    }
    const main = r.mainCpuMs === null || r.mainCpuMs === undefined ? '—' : (r.mainCpuMs / 1000).toFixed(2);
    const cells = [(bytes / 1e6).toFixed(1), (r.ms / 1000).toFixed(2), (r.cpuMs / 1000).toFixed(2), (r.sysMs / 1000).toFixed(2), main, (bytes / 1e3 / r.ms).toFixed(1), (r.maxRssKb / 1024).toFixed(0)];
    console.log(`| ${pad(r.name, 12)} | ${cells.map((c, i) => lpad(c, head[i].length)).join(' | ')} | ${r.note}`);
  }
  const find = (name, f) => rows.find((r) => r.name === name && r.file === f && !r.failed);
  const rss = (r) => `${(r.maxRssKb / 1024).toFixed(0)} MB`;
  const base = find('wetm', big);
  console.log('');
  for (const name of ['cli', 'site:stream', 'site:pool', 'site:parse']) {
    const ours = find(name, big);
    if (base && ours) {
      console.log(`${name} vs wetm on the same ${mb} MB file: ${(base.ms / ours.ms).toFixed(1)}x faster (wall), ${(base.cpuMs / ours.cpuMs).toFixed(1)}x less CPU; peak RSS ${rss(ours)} vs ${rss(base)} (goal: >= 5x, < 300 MB)`);
    }
  }
  if (!process.argv.includes('--no-yaml')) await yamlRows(await ensureFile(10));
  for (const name of ['cli', 'site:stream', 'site:pool']) {
    const bySize = sizes.map((size) => [size, find(name, files.get(size))]).filter(([, r]) => r);
    if (bySize.length > 1) console.log(`${name} peak RSS by input size: ${bySize.map(([size, r]) => `${size} MB -> ${rss(r)}`).join(', ')} (goal: flat, < 300 MB)`);
  }
  rmSync(root, { recursive: true, force: true });
}

/** Front matter text for the same data: the `yaml` package vs our emitter; best of 5 interleaved rounds. */
async function yamlRows(file) {
  const { buildSync } = await import('esbuild');
  const outfile = join(here, 'data', 'frontmatter-emitter.mjs');
  buildSync({ entryPoints: [join(here, '..', 'src', 'emit', 'frontmatter.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const { frontMatterData, stringifyFrontMatter } = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
  const { Document, Schema } = await import('yaml');
  const { parseWxr } = await import(DIST);
  const OPTS = { schema: new Schema({ schema: 'core', resolveKnownTags: true }), defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, aliasDuplicateObjects: false, directives: false };
  const viaYaml = (data) => `---\n${new Document(data, OPTS).toString(OPTS)}---\n`;
  const items = parseWxr(readFileSync(file)).items.filter((it) => it.type === 'post' || it.type === 'page');
  const data = items.map((it) => frontMatterData(it, { preset: 'hugo', authorName: 'Jürgen Müller', slug: it.slug, aliases: [`/${it.slug}/`], excerpt: it.excerpt }));
  const differ = data.filter((d) => viaYaml(d) !== stringifyFrontMatter(d)).length;
  const fns = [['yaml 2 Document#toString (before)', viaYaml], ['own emitter (src/emit/site/yaml.ts)', stringifyFrontMatter]];
  const best = fns.map(() => Infinity);
  for (let round = 0; round < 5; round++) {
    fns.forEach(([, fn], k) => {
      const c0 = process.cpuUsage();
      for (const d of data) fn(d);
      const c = process.cpuUsage(c0);
      best[k] = Math.min(best[k], (c.user + c.system) / 1000);
    });
  }
  console.log(`\nfront matter text for the ${data.length} posts of ${file.replace(/^.*\//, '')} (hugo keys), best of 5 rounds; outputs differ for ${differ} of them`);
  console.log('| emitter | CPU ms | µs per front matter |');
  console.log('|---|---:|---:|');
  fns.forEach(([label], k) => console.log(`| ${label} | ${best[k].toFixed(0)} | ${((best[k] * 1000) / data.length).toFixed(1)} |`));
}

if (process.argv.includes('--child')) await child(arg('child', ''), arg('file', ''), arg('out', ''));
else await main();
