/** The built executable, spawned as users run it (`npm run build` first; skipped with a note when dist is missing). */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSiteRenderer } from '../src/emit/site.js';
import { streamWxr } from '../src/wxr/stream.js';
import { FIXTURES, REPO_ROOT } from './helpers/corpus.js';
import { tempDir } from './cli-harness.js';

const BIN = join(REPO_ROOT, 'dist', 'cli', 'bin.js');
const built = existsSync(BIN);
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

const spawn = (args: string[], options: { cwd?: string; input?: string } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, input: options.input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

(built ? describe : describe.skip)(built ? 'dist/cli/bin.js' : 'dist/cli/bin.js (skipped: run `npm run build` first)', () => {
  it('starts with a shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('--version prints the version of package.json', () => {
    const r = spawn(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('converts the sample to json and to a markdown folder', () => {
    const json = spawn(['convert', join(FIXTURES, 'sample-blog.xml'), '-q']);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { items: unknown[] }).items).toHaveLength(4);
    const dir = tempDir();
    const md = spawn(['convert', join(FIXTURES, 'sample-blog.xml'), '--out', 'out'], { cwd: dir });
    expect(md.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).length).toBeGreaterThan(0);
  });

  it('markdown of an export over 4 MB (rendered in worker threads) gives the files the library renders on one thread', async () => {
    const dir = tempDir();
    const input = join(dir, 'big.xml');
    const { generate } = (await import(pathToFileURL(join(REPO_ROOT, 'bench', 'generate.mjs')).href)) as {
      generate: (o: { mb: number; out: string; seed: number }) => Promise<void>;
    };
    await generate({ mb: 4.5, out: input, seed: 11 });
    const md = spawn(['convert', input, '--out', 'out', '--preset', 'hugo', '-q'], { cwd: dir });
    expect(md.status).toBe(0);
    const site = createSiteRenderer({ preset: 'hugo', comments: 'body' });
    const expected = new Map<string, string>();
    for await (const entry of streamWxr(createReadStream(input))) for (const f of site.add(entry)) expected.set(f.path, f.contents);
    for (const f of site.finish()) expected.set(f.path, f.contents);
    const written = readdirSync(join(dir, 'out'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(join(dir, 'out').length + 1));
    expect(written.sort()).toEqual([...expected.keys()].sort());
    for (const [path, contents] of expected) expect(readFileSync(join(dir, 'out', path), 'utf8'), path).toBe(contents);
  }, 60_000);

  it('exit 2 with usage on a bad command line, exit 1 on bad input, no stack trace', () => {
    const usage = spawn(['convert', '--format', 'pdf', 'x.xml']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: wxr-kit convert');
    const bad = spawn(['convert', '-'], { input: '<rss><channel>' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^wxr-kit: -/);
  });
});
