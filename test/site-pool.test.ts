/**
 * The worker pool (`renderSiteFiles`) gives the same files, in the same order, with the same
 * bytes as the synchronous `createSiteRenderer`. Workers cannot load TypeScript, so the pool
 * module is bundled with esbuild (tsup's) into a temporary folder first, as tsup bundles it
 * for the CLI.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteRenderer, type RenderSiteOptions } from '../src/emit/site.js';
import { OutputFolder, TEMP_FILE } from '../src/cli/safe-write.js';
import type { SitePoolOptions, WrittenFile } from '../src/cli/site-pool.js';
import type { OutputFile, WxrEntry } from '../src/model.js';
import { streamWxr } from '../src/wxr/stream.js';
import { CORPUS, describeCorpus, listFiles, REPO_ROOT } from './helpers/corpus.js';

type Pool = (entries: AsyncIterable<WxrEntry>, options?: SitePoolOptions) => AsyncGenerator<OutputFile>;
type PoolWriter = (entries: AsyncIterable<WxrEntry>, folder: OutputFolder, options?: SitePoolOptions) => AsyncGenerator<WrittenFile>;

let dir = '';
let bundle: URL;
let renderSiteFiles: Pool;
let writeSiteFiles: PoolWriter;
let synthetic = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wxr-kit-pool-'));
  const outfile = join(dir, 'pool.mjs');
  buildSync({ entryPoints: [join(REPO_ROOT, 'src', 'cli', 'site-pool.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  bundle = pathToFileURL(outfile);
  ({ renderSiteFiles, writeSiteFiles } = (await import(bundle.href)) as { renderSiteFiles: Pool; writeSiteFiles: PoolWriter });
  const { generate } = (await import(pathToFileURL(join(REPO_ROOT, 'bench', 'generate.mjs')).href)) as {
    generate: (o: { mb: number; out: string; seed: number }) => Promise<void>;
  };
  synthetic = join(dir, 'synthetic.xml');
  await generate({ mb: 0.6, out: synthetic, seed: 7 });
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function* chunks(xml: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < xml.length; i += 1 << 16) yield xml.subarray(i, i + (1 << 16));
}

function entriesOf(xml: Buffer): AsyncIterable<WxrEntry> {
  return streamWxr(chunks(xml));
}

async function sync(xml: Buffer, options: RenderSiteOptions): Promise<OutputFile[]> {
  const site = createSiteRenderer(options);
  const files: OutputFile[] = [];
  for await (const entry of entriesOf(xml)) files.push(...site.add(entry));
  files.push(...site.finish());
  return files;
}

async function pooled(xml: Buffer, options: SitePoolOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for await (const file of renderSiteFiles(entriesOf(xml), { ...options, workerUrl: bundle })) files.push(file);
  return files;
}

const CASES: [string, SitePoolOptions][] = [
  ['hugo, one worker', { preset: 'hugo', workers: 1 }],
  ['jekyll, two workers, at most 2 in flight', { preset: 'jekyll', workers: 2, maxInFlight: 2 }],
  ['eleventy, comments in front matter, @Name replies', { preset: 'eleventy', workers: 2, comments: 'frontmatter', inferReplies: true }],
  ['no workers: the synchronous renderer', { preset: 'plain', workers: 0 }],
  ['hugo, two workers, one post at a time by text size', { preset: 'hugo', workers: 2, maxInFlightText: 1 }],
];

describe('renderSiteFiles', () => {
  it.each(CASES)('same files as createSiteRenderer on a generated export: %s', async (_name, options) => {
    const xml = readFileSync(synthetic);
    const expected = await sync(xml, options);
    expect(expected.length).toBeGreaterThan(50);
    expect(await pooled(xml, options)).toEqual(expected);
  });

  it('keeps fewer items in flight when the text limit is small (memory stays bounded with large posts)', async () => {
    const xml = readFileSync(synthetic);
    const lead = async (options: SitePoolOptions): Promise<number> => {
      let pulled = 0;
      let most = 0;
      async function* counted(): AsyncGenerator<WxrEntry> {
        for await (const entry of entriesOf(xml)) {
          if (entry.kind === 'item') pulled++;
          yield entry;
        }
      }
      let files = 0;
      for await (const _file of renderSiteFiles(counted(), { ...options, workerUrl: bundle })) most = Math.max(most, pulled - ++files);
      return most;
    };
    const small = await lead({ preset: 'hugo', workers: 2, maxInFlightText: 1 });
    const large = await lead({ preset: 'hugo', workers: 2 });
    expect(small).toBeLessThan(large);
    expect(small).toBeLessThanOrEqual(8);
  });

  it('reports the Markdown diagnostics too (once each)', async () => {
    const xml = readFileSync(synthetic);
    const seen: string[] = [];
    const expected: string[] = [];
    await sync(xml, { preset: 'hugo', onDiagnostic: (d) => expected.push(`${d.code} ${d.itemId ?? ''}`) });
    await pooled(xml, { preset: 'hugo', workers: 2, onDiagnostic: (d) => seen.push(`${d.code} ${d.itemId ?? ''}`) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.sort()).toEqual(expected.sort());
  });

  it('renders on the calling thread when the Markdown options hold a function', async () => {
    const xml = readFileSync(synthetic);
    const options: SitePoolOptions = { preset: 'hugo', workers: 2, markdown: { handlers: { p: () => 'P' } } } as SitePoolOptions;
    expect(await pooled(xml, options)).toEqual(await sync(xml, options));
  });
});

/** Every file below `root` (relative paths, sorted). */
const filesBelow = (root: string): string[] => listFiles(root, '');

describe('writeSiteFiles: the workers write the files', () => {
  const policy = { force: false, dryRun: false };
  let n = 0;
  const freshFolder = (): string => join(dir, `out-${n++}`);

  it.each([
    ['two workers', { preset: 'hugo', workers: 2 }],
    ['no workers (this thread writes)', { preset: 'jekyll', workers: 0 }],
  ] as [string, SitePoolOptions][])('writes what createSiteRenderer renders, byte for byte, and yields paths and sizes in order: %s', async (_name, options) => {
    const xml = readFileSync(synthetic);
    const expected = await sync(xml, options);
    const out = freshFolder();
    const folder = await OutputFolder.open(dir, out, policy);
    const written: WrittenFile[] = [];
    for await (const file of writeSiteFiles(entriesOf(xml), folder, { ...options, workerUrl: bundle })) written.push(file);
    expect(written).toEqual(expected.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.contents) })));
    expect(filesBelow(out)).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.contents);
  });

  it('a dry run checks every path and writes nothing', async () => {
    const xml = readFileSync(synthetic);
    const out = freshFolder();
    const folder = await OutputFolder.open(dir, out, { force: false, dryRun: true });
    let count = 0;
    for await (const _file of writeSiteFiles(entriesOf(xml), folder, { preset: 'hugo', workers: 2, workerUrl: bundle })) count++;
    expect(count).toBe((await sync(xml, { preset: 'hugo' })).length);
    expect(() => readdirSync(out)).toThrow();
  });

  it('a failed write in a worker ends the run with its error, naming the file, and leaves the file there alone', async () => {
    const xml = readFileSync(synthetic);
    const expected = await sync(xml, { preset: 'hugo' });
    const out = freshFolder();
    const folder = await OutputFolder.open(dir, out, policy);
    const victim = (expected[20] as OutputFile).path;
    mkdirSync(join(out, victim, '..'), { recursive: true });
    writeFileSync(join(out, victim), 'mine');
    const run = async (): Promise<void> => {
      for await (const _file of writeSiteFiles(entriesOf(xml), folder, { preset: 'hugo', workers: 2, workerUrl: bundle })) {
        // consumed
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'E_OUTPUT_EXISTS', file: join(out, victim) });
    expect(readFileSync(join(out, victim), 'utf8')).toBe('mine');
  });

  it('a consumer that stops early (breaks out of the loop) leaves only complete files and no temp file', async () => {
    const xml = readFileSync(synthetic);
    const expected = new Map((await sync(xml, { preset: 'hugo' })).map((f) => [f.path, f.contents]));
    const out = freshFolder();
    const folder = await OutputFolder.open(dir, out, policy);
    let seen = 0;
    const options: SitePoolOptions = { preset: 'hugo', workers: 2, maxInFlight: 4, workerUrl: bundle };
    for await (const _file of writeSiteFiles(entriesOf(xml), folder, options)) if (++seen === 10) break;
    const present = filesBelow(out);
    expect(present.length).toBeGreaterThanOrEqual(10);
    expect(present.length).toBeLessThan(expected.size / 2);
    for (const path of present) expect(readFileSync(join(out, path), 'utf8')).toBe(expected.get(path));
    expect(present.filter((p) => TEMP_FILE.test(p.split('/').pop() ?? ''))).toEqual([]);
  });

  it('an input that fails half-way (Ctrl-C throws from the entry stream) ends the run with that error; only complete files, no temp file', async () => {
    const xml = readFileSync(synthetic);
    const expected = new Map((await sync(xml, { preset: 'hugo' })).map((f) => [f.path, f.contents]));
    const out = freshFolder();
    const folder = await OutputFolder.open(dir, out, policy);
    async function* interrupted(): AsyncGenerator<WxrEntry> {
      let items = 0;
      for await (const entry of entriesOf(xml)) {
        if (entry.kind === 'item' && ++items === 40) throw new Error('interrupted');
        yield entry;
      }
    }
    const run = async (): Promise<number> => {
      let n = 0;
      // At most two jobs out: the files before the failure are written before it comes.
      for await (const _file of writeSiteFiles(interrupted(), folder, { preset: 'hugo', workers: 2, maxInFlight: 2, workerUrl: bundle })) n++;
      return n;
    };
    await expect(run()).rejects.toThrow('interrupted');
    const present = filesBelow(out);
    expect(present.length).toBeGreaterThan(0);
    expect(present.length).toBeLessThan(40);
    for (const path of present) expect(readFileSync(join(out, path), 'utf8')).toBe(expected.get(path));
    expect(present.filter((p) => TEMP_FILE.test(p.split('/').pop() ?? ''))).toEqual([]);
  });
});

describeCorpus('renderSiteFiles on the theme unit test data (galleries, featured images, page hierarchy)', () => {
  it.each(['hugo', 'jekyll'] as const)('%s: same files as createSiteRenderer', async (preset) => {
    const xml = readFileSync(join(CORPUS, 'theme-test-data', 'themeunittestdata.wordpress.xml'));
    const expected = await sync(xml, { preset });
    expect(await pooled(xml, { preset, workers: 2 })).toEqual(expected);
  });

  // The block test data has block-editor footnotes, whose texts are post meta the workers need.
  it('64-block-test-data (footnotes meta): same files as createSiteRenderer', async () => {
    const xml = readFileSync(join(CORPUS, 'theme-test-data', '64-block-test-data.xml'));
    const expected = await sync(xml, { preset: 'hugo' });
    expect(expected.find((f) => f.path === 'content/posts/footnotes.md')?.contents).toContain('[^1]: A note');
    expect(await pooled(xml, { preset: 'hugo', workers: 2 })).toEqual(expected);
  });
});
