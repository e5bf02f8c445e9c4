import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/corpus.js';
import { runCli, tempDir } from './cli-harness.js';

const SAMPLE = join(FIXTURES, 'sample-blog.xml');
const sampleText = readFileSync(SAMPLE, 'utf8');

interface InfoJson {
  inputs: string[];
  site: { title: string; language: string } | null;
  items: { total: number; byType: Record<string, number>; byStatus: Record<string, Record<string, number>> };
  dates: { earliest: string | null; latest: string | null };
  authors: { login: string; displayName: string | null; items: number }[];
  comments: { total: number; byType: Record<string, number>; threaded: number; inferredReplies: number; deepest: number; topCommenters: { name: string; comments: number }[] };
  shortcodes: Record<string, number>;
  diagnostics: { total: number };
}

describe('info', () => {
  it('--json: counts by type and status, dates, authors, commenters, threads, shortcodes', async () => {
    const r = await runCli(['info', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as InfoJson;
    expect(info.site?.language).toBe('de-DE');
    expect(info.items.total).toBe(4);
    expect({ ...info.items.byType }).toEqual({ post: 3, page: 1 });
    expect({ ...info.items.byStatus.post }).toEqual({ publish: 2, draft: 1 });
    expect(info.dates.earliest?.startsWith('2012-04-01')).toBe(true);
    expect(info.dates.latest?.startsWith('2014-02-01')).toBe(true);
    expect(info.authors.map((a) => [a.login, a.displayName, a.items])).toEqual([['jens', 'Jens Müller', 3], ['anke', 'Anke Schäfer', 1]]);
    expect(info.comments.total).toBe(6);
    expect({ ...info.comments.byType }).toEqual({ comment: 5, pingback: 1 });
    expect(info.comments.threaded).toBe(1);
    expect(info.comments.deepest).toBe(2);
    expect(info.comments.inferredReplies).toBe(0);
    expect(info.comments.topCommenters[0]).toEqual({ name: 'Stefan', comments: 2 });
    expect({ ...info.shortcodes }).toEqual({ caption: 1, code: 1 });
  });

  it('--infer-replies counts the @Name reply', async () => {
    const info = JSON.parse((await runCli(['info', SAMPLE, '--json', '--infer-replies'])).stdout) as InfoJson;
    expect(info.comments.inferredReplies).toBe(1);
  });

  it('--types filters what is counted', async () => {
    const info = JSON.parse((await runCli(['info', SAMPLE, '--json', '--types', 'page'])).stdout) as InfoJson;
    expect(info.items.total).toBe(1);
  });

  it('text output: one aligned line per fact', async () => {
    const r = await runCli(['info', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  items +4: 3 post, 1 page$/m);
    expect(r.stdout).toMatch(/^  comments +6 on 2 items \(5 comment, 1 pingback\)$/m);
    expect(r.stdout).toMatch(/^  shortcodes +1 \[caption\], 1 \[code\]$/m);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('reads standard input', async () => {
    const info = JSON.parse((await runCli(['info', '-', '--json'], { stdin: sampleText })).stdout) as InfoJson;
    expect(info.inputs).toEqual(['-']);
    expect(info.items.total).toBe(4);
  });
});

describe('validate', () => {
  it('a good export: exit 0, its warnings as file:line:column lines', async () => {
    const r = await runCli(['validate', SAMPLE]);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      expect(line).toMatch(/^.*sample-blog\.xml(:\d+:\d+)?: (warning|info) [A-Z_]+ /);
    }
    expect(r.stderr).toMatch(/valid: 4 items; 0 errors/);
  });

  it('a broken export: exit 1, the error with its position', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.xml'), sampleText.replace('<wp:post_name><![CDATA[ueber-mich]]></wp:post_name>', '<wp:post_name><title>x</wp:post_name></title>'));
    const r = await runCli(['validate', 'bad.xml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.xml:\d+:\d+: error E_[A-Z_]+ /m);
    expect(r.stderr).toMatch(/not valid/);
  });

  it('--json prints the diagnostics as an array', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.xml'), sampleText.slice(0, 9000));
    const r = await runCli(['validate', 'cut.xml', '--json', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as { severity: string; file: string }[];
    expect(list.some((d) => d.severity === 'error' && d.file === 'cut.xml')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('--strict turns repairs into errors', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'amp.xml'), sampleText.replace('<title>Jens&#039; Werkstattblog</title>', '<title>Holz & Code</title>'));
    const lenient = await runCli(['validate', 'amp.xml'], { cwd: dir });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^amp\.xml:\d+:\d+: warning /m);
    const strict = await runCli(['validate', 'amp.xml', '--strict', '-q'], { cwd: dir });
    expect(strict.code).toBe(1);
  });
});

describe('Ctrl-C (an aborted signal)', () => {
  it.each([
    ['info', SAMPLE], ['validate', SAMPLE],
    ['info', join(FIXTURES, 'html', 'flat-mentions.html')], ['validate', join(FIXTURES, 'text', 'english-page.txt')],
  ])('%s %s stops with exit 130 and prints no report', async (verb, input) => {
    const interrupt = new AbortController();
    interrupt.abort();
    const r = await runCli([verb, input], { signal: interrupt.signal });
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wxr-kit: interrupted/);
  });
});

describe('--quiet: errors only', () => {
  it('validate -q prints errors but no warnings or info', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.xml'), sampleText.replace('<title>Jens&#039; Werkstattblog</title>', '<title>Holz & Code</title>'));
    const loud = await runCli(['validate', 'w.xml'], { cwd: dir });
    expect(loud.stdout).toMatch(/warning W_/);
    const quiet = await runCli(['validate', 'w.xml', '-q'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    const strict = await runCli(['validate', 'w.xml', '--strict', '-q'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^w\.xml:\d+:\d+: error /m);
  });
});

describe('info on pages and odd authors', () => {
  it('says a text page is a page, not WXR 1.2, and names an item without an author', async () => {
    const page = await runCli(['info', join(FIXTURES, 'text', 'english-page.txt')]);
    expect(page.stdout).toMatch(/site +\(no site title on the pages\) · en-US · from 1 text page\n/);
    expect(page.stdout).not.toContain('WXR');
    const dir = tempDir();
    writeFileSync(join(dir, 'a.xml'), sampleText.replace('<dc:creator><![CDATA[jens]]></dc:creator>', '<dc:creator><![CDATA[]]></dc:creator>'));
    const r = await runCli(['info', 'a.xml'], { cwd: dir });
    expect(r.stdout).toMatch(/authors .*\(no author\) 1/);
  });
});

describe('validate lists every diagnostic', () => {
  it('prints all of them, past the reader\'s 1,000 kept for parseWxr', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'many.xml'), sampleText.replace('<title>Jens&#039; Werkstattblog</title>', `<title>${'a & '.repeat(1200)}</title>`));
    const r = await runCli(['validate', 'many.xml', '-q'], { cwd: dir });
    const all = await runCli(['validate', 'many.xml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(all.stdout.split('\n').filter((l) => l.includes('W_AMP_UNESCAPED'))).toHaveLength(1200);
    expect(all.stdout).not.toContain('W_DIAGNOSTICS_TRUNCATED');
  });
});
