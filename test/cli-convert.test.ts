/** `wxr-kit convert` end to end in-process, on fixtures/sample-blog.xml (2 posts, 1 draft, 1 page, 6 comments). */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/corpus.js';
import { runCli, tempDir } from './cli-harness.js';

const SAMPLE = join(FIXTURES, 'sample-blog.xml');
const sampleText = readFileSync(SAMPLE, 'utf8');

interface JsonArchive {
  site: { title: string };
  authors: { login: string }[];
  terms: { slug: string }[];
  items: { id: number; type: string; status: string; comments: unknown[]; threads?: { replies: unknown[]; via: string | null }[] }[];
  diagnostics: { code: string }[];
}

const json = (s: string): JsonArchive => JSON.parse(s) as JsonArchive;

/** Every file below dir with its mtime and content, for "nothing changed" checks. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = statSync(p);
      if (st.isDirectory()) walk(p, r);
      else out.set(r, `${st.mtimeMs}:${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir, '');
  return out;
}

describe('convert --format json', () => {
  it('writes the whole archive to standard output, and a summary to stderr', async () => {
    const r = await runCli(['convert', SAMPLE]);
    expect(r.code).toBe(0);
    const a = json(r.stdout);
    expect(a.site.title).toBe("Jens' Werkstattblog");
    expect(a.authors.map((x) => x.login)).toEqual(['jens', 'anke']);
    expect(a.terms).toHaveLength(6);
    expect(a.items.map((i) => i.id)).toEqual([10, 11, 12, 2]);
    expect(a.items.flatMap((i) => i.comments)).toHaveLength(6);
    expect(r.stderr).toMatch(/wrote 4 items \(3 post, 1 page\) and 6 comments as json to standard output/);
  });

  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [false, {}, false],
  ])('colour on a terminal only, and never with NO_COLOR (tty=%s env=%j)', async (tty, env, coloured) => {
    const r = await runCli(['convert', SAMPLE], { tty, env });
    expect(r.code).toBe(0);
    expect(r.stderr.includes('\x1b[32m')).toBe(coloured);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('--pretty indents; --quiet prints no summary', async () => {
    const r = await runCli(['convert', SAMPLE, '--pretty', '--quiet']);
    expect(r.stdout.startsWith('{\n  "site": {')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('--infer-replies adds threads with the @Name reply placed under its addressee', async () => {
    const r = await runCli(['convert', SAMPLE, '--infer-replies', '-q']);
    const post = json(r.stdout).items.find((i) => i.id === 10);
    const top = post?.threads ?? [];
    expect(top).toHaveLength(1);
    expect(top[0]?.replies).toHaveLength(2);
  });

  it('--infer-replies with --format wxr stores the inferred parent as comment_parent', async () => {
    const dir = tempDir();
    const parentsOf = async (extra: string[]): Promise<unknown[]> => {
      const out = join(dir, `${extra.length}.xml`);
      expect((await runCli(['convert', SAMPLE, '--format', 'wxr', '--out', out, '-q', ...extra])).code).toBe(0);
      const back = json((await runCli(['convert', out, '-q'])).stdout).items.find((i) => i.id === 10);
      return (back?.comments as { id: number; parentId: number | null }[]).map((c) => [c.id, c.parentId]);
    };
    expect(await parentsOf([])).toEqual([[1, null], [2, 1], [3, null]]);
    expect(await parentsOf(['--infer-replies'])).toEqual([[1, null], [2, 1], [3, 1]]);
  });

  it.each([
    [['--types', 'post'], [10, 11, 12]],
    [['--types', 'page'], [2]],
    [['--status', 'publish'], [10, 11, 2]],
    [['--types', 'post', '--status', 'draft'], [12]],
    [['--since', '2013-01-01'], [11, 12]],
    [['--until', '2012-12-31'], [10, 2]],
    [['--since', '2012-05-03', '--until', '2012-05-03'], [10]],
    [['--since', '2012-05-03T19:15:01Z'], [11, 12]],
  ])('filters %j', async (flags, ids) => {
    const r = await runCli(['convert', SAMPLE, ...flags, '-q']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).items.map((i) => i.id)).toEqual(ids);
  });

  it('--out FILE writes the file atomically and refuses to overwrite it without --force', async () => {
    const dir = tempDir();
    const first = await runCli(['convert', SAMPLE, '--out', 'blog.json'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('to blog.json');
    expect(readdirSync(dir)).toEqual(['blog.json']);
    const before = snapshot(dir);
    const second = await runCli(['convert', SAMPLE, '--out', 'blog.json', '--types', 'page'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toBe('wxr-kit: blog.json: E_OUTPUT_EXISTS the output file exists; use --force to replace it\n');
    expect(snapshot(dir)).toEqual(before);
    const forced = await runCli(['convert', SAMPLE, '--out', 'blog.json', '--types', 'page', '--force', '-q'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(json(readFileSync(join(dir, 'blog.json'), 'utf8')).items).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['blog.json']);
  });
});

describe('Ctrl-C (an aborted signal)', () => {
  it('stops, leaves no file and no temp file, exits 130', async () => {
    const dir = tempDir();
    const interrupt = new AbortController();
    interrupt.abort();
    const r = await runCli(['convert', SAMPLE, '--out', 'x.ndjson'], { cwd: dir, signal: interrupt.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('wxr-kit: interrupted; the output is incomplete, but every file written is whole (no half-written file is left)\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('markdown: stops, writes no file and no temp file, exits 130', async () => {
    const dir = tempDir();
    const interrupt = new AbortController();
    interrupt.abort();
    const r = await runCli(['convert', SAMPLE, '-f', 'markdown', '--out', 'site'], { cwd: dir, signal: interrupt.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('wxr-kit: interrupted; the output is incomplete, but every file written is whole (no half-written file is left)\n');
    expect(readdirSync(join(dir, 'site'), { recursive: true })).toEqual([]);
  });
});

describe('convert --format ndjson', () => {
  it('streams one entry per line: site, authors, terms, items', async () => {
    const r = await runCli(['convert', SAMPLE, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const kinds = r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds).toEqual(['site', 'author', 'author', ...Array<string>(6).fill('term'), 'item', 'item', 'item', 'item']);
  });

  it('two exports of one site: authors and terms once, items concatenated', async () => {
    const r = await runCli(['convert', SAMPLE, SAMPLE, '--format', 'ndjson']);
    const kinds = r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds.filter((k) => k === 'site')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'author')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'term')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'item')).toHaveLength(8);
    expect(r.stderr).toContain('2 input files merged; 2 duplicate authors and 6 duplicate terms dropped');
  });

  it('--out x.ndjson infers the format', async () => {
    const dir = tempDir();
    const r = await runCli(['convert', SAMPLE, '--out', 'x.ndjson', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'x.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(13);
  });
});

describe('convert --format wxr', () => {
  it('writes WXR 1.2 that converts back to the same items (through stdin)', async () => {
    const r = await runCli(['convert', SAMPLE, '--format', 'wxr', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    const back = await runCli(['convert', '-', '-q'], { stdin: r.stdout });
    expect(back.code).toBe(0);
    expect(json(back.stdout).items.map((i) => i.id)).toEqual([10, 11, 12, 2]);
  });
});

describe('inputs', () => {
  it('standard input (-)', async () => {
    const r = await runCli(['convert', '-', '-q'], { stdin: sampleText });
    expect(json(r.stdout).items).toHaveLength(4);
  });

  it('a .xml.gz file and gzip on standard input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.xml.gz'), gzipSync(sampleText));
    const file = await runCli(['convert', 'export.xml.gz', '-q'], { cwd: dir });
    expect(file.code).toBe(0);
    expect(json(file.stdout).items).toHaveLength(4);
    const piped = await runCli(['convert', '-', '-q'], { stdin: gzipSync(sampleText) });
    expect(json(piped.stdout).items).toHaveLength(4);
  });

  it('a truncated gzip file is one E_IO line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.xml.gz'), gzipSync(sampleText).subarray(0, 200));
    const r = await runCli(['convert', 'cut.xml.gz'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wxr-kit: cut\.xml\.gz: E_IO cannot decompress: .*\n$/);
  });

  it('text pages: a .txt file and a folder of them', async () => {
    const one = await runCli(['convert', join(FIXTURES, 'text', 'english-page.txt'), '-q']);
    expect(one.code).toBe(0);
    expect(json(one.stdout).items).toHaveLength(1);
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    for (const name of ['english-page.txt', 'no-comments.txt']) writeFileSync(join(dir, 'pages', name), readFileSync(join(FIXTURES, 'text', name)));
    const folder = await runCli(['convert', 'pages', '-q'], { cwd: dir });
    expect(folder.code).toBe(0);
    expect(json(folder.stdout).items).toHaveLength(2);
  });
});

describe('saved HTML pages', () => {
  it('a page and a folder of pages (a mirrored site)', async () => {
    const one = await runCli(['convert', join(FIXTURES, 'html', 'flat-mentions.html'), '-q']);
    expect(one.code).toBe(0);
    expect(json(one.stdout).items).toHaveLength(1);
    expect(json(one.stdout).items[0]?.comments.length).toBeGreaterThan(0);
    const dir = tempDir();
    mkdirSync(join(dir, 'mirror', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'mirror', 'a.html'), readFileSync(join(FIXTURES, 'html', 'flat-mentions.html')));
    writeFileSync(join(dir, 'mirror', 'sub', 'b.html'), readFileSync(join(FIXTURES, 'html', 'sibling-children-after-closed-li.html')));
    const folder = await runCli(['convert', 'mirror', '--format', 'wxr', '--out', 'rescued.xml', '-q'], { cwd: dir });
    expect(folder.code).toBe(0);
    const back = await runCli(['info', 'rescued.xml', '--json'], { cwd: dir });
    expect((JSON.parse(back.stdout) as { items: { total: number } }).items.total).toBe(2);
  });
});

describe('flags for pages and private items', () => {
  it('--post-author names the blogger of a text page: the unsigned @Bob answer is theirs', async () => {
    const page = join(FIXTURES, 'text', 'english-page.txt');
    const authorOf = async (extra: string[]) => {
      const items = (json((await runCli(['convert', page, '-q', ...extra])).stdout).items as unknown as { comments: { author: string }[] }[]);
      return items[0]?.comments.map((c) => c.author);
    };
    expect(await authorOf([])).toEqual(['Anna', 'Bob', '']);
    expect(await authorOf(['--post-author', 'jens'])).toEqual(['Anna', 'Bob', 'jens']);
  });

  it('--reference resolves relative dates of HTML pages; a bad value is a usage error', async () => {
    const html = readFileSync(join(FIXTURES, 'html', 'wayback-capture.html'), 'utf8').replace(/web\.archive\.org\/web\/\d+\//g, '');
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), html);
    const dateOf = async (extra: string[]) => {
      const items = json((await runCli(['convert', 'page.html', '-q', ...extra], { cwd: dir })).stdout).items as unknown as { comments: { date: string | null }[] }[];
      return items[0]?.comments[0]?.date;
    };
    expect(await dateOf(['--reference', '2016-03-30T12:00:00+02:00'])).toMatch(/^2016-03-27T12:00/);
    const bad = await runCli(['convert', 'page.html', '--reference', 'gestern'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--reference must be a date');
  });

  it('--include-private writes a password-protected post that is otherwise left out and counted in the summary', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.xml'), sampleText.replace('<wp:post_password><![CDATA[]]></wp:post_password>', '<wp:post_password><![CDATA[geheim]]></wp:post_password>'));
    const plain = await runCli(['convert', 'p.xml', '--out', 'a'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('1 private or password-protected items left out; --include-private writes them');
    const all = await runCli(['convert', 'p.xml', '--out', 'b', '--include-private', '-q'], { cwd: dir });
    expect(all.code).toBe(0);
    const count = (d: string): number => [...snapshot(join(dir, d)).keys()].filter((f) => f.endsWith('.md')).length;
    expect(count('b')).toBe(count('a') + 1);
  });

  it('the summary shows post types from the export with control and bidi characters escaped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.xml'), sampleText.replace('<wp:post_type><![CDATA[page]]></wp:post_type>', '<wp:post_type><![CDATA[pa\u202ege\u009b2J]]></wp:post_type>'));
    const r = await runCli(['convert', 't.xml', '--out', 'x.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 pa\\u202ege\\u009b2J');
    expect(r.stderr).not.toMatch(/[\u202e\u009b]/);
  });

  it('the summary counts warnings by their own codes (no info codes) and points to --dry-run for the full list', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.xml'), sampleText.replace('Sieht super aus!', 'Sieht super aus! [unbekannt x=1]'));
    const r = await runCli(['convert', 'w.xml', '--out', 'site'], { cwd: dir });
    const line = r.stderr.split('\n').find((l) => / warnings? \(/.test(l)) ?? '';
    expect(line).toMatch(/run again with --dry-run to list them all$/);
    expect(line).not.toMatch(/\bI_[A-Z_]+ ×/);
  });
});

describe('pipes, devices and standard output as --out', () => {
  it('writes into a named pipe in place, without --force, and leaves it a pipe', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'p');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${join(dir, 'got.json')}"`]);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli(['convert', SAMPLE, '-f', 'json', '-o', fifo, '-q']);
      // If the CLI never opened the pipe, cat would wait for ever: end it after a while and let the checks fail.
      const timer = setTimeout(() => reader.kill(), 10_000);
      await done;
      clearTimeout(timer);
    } finally {
      reader.kill();
    }
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(json(readFileSync(join(dir, 'got.json'), 'utf8')).items).toHaveLength(4);
  });

  it('writes to /dev/null without replacing it, even with --force', async () => {
    for (const extra of [[], ['--force']]) {
      const r = await runCli(['convert', SAMPLE, '-f', 'json', '-o', '/dev/null', '-q', ...extra]);
      expect(r.code).toBe(0);
      expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    }
  });

  it('--out - is standard output', async () => {
    const r = await runCli(['convert', SAMPLE, '--out', '-', '-q']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).items).toHaveLength(4);
  });
});

describe('merging inputs', () => {
  it('warns about item ids that two inputs share, and about inputs from another site', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other.xml'), sampleText.replaceAll('https://werkstatt.example.de', 'https://other.example'));
    const twice = await runCli(['convert', SAMPLE, SAMPLE, '--out', 'a.json'], { cwd: dir });
    expect(twice.code).toBe(0);
    expect(twice.stderr).toMatch(/W_DUPLICATE_ID ×4/);
    const other = await runCli(['convert', SAMPLE, 'other.xml', '--out', 'b.json', '--dry-run'], { cwd: dir });
    expect(other.stderr).toMatch(/other\.xml: warning W_INPUTS_OTHER_SITE this input is from https:\/\/other\.example/);
  });

  it('names a --types or --status value that no item has', async () => {
    const r = await runCli(['convert', SAMPLE, '--types', 'posts', '--status', 'publish,published', '--out', join(tempDir(), 'x.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("--types: no item has 'posts' (the input has: page, post)");
    expect(r.stderr).toContain("--status: no item has 'published' (the input has: draft, publish)");
  });
});

describe('folders of pages', () => {
  it('leaves out what is no page (robots.txt, a feed) with a note naming them', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mirror', 'feed'), { recursive: true });
    writeFileSync(join(dir, 'mirror', 'a.html'), readFileSync(join(FIXTURES, 'html', 'flat-mentions.html')));
    writeFileSync(join(dir, 'mirror', 'robots.txt'), 'User-agent: *\n');
    writeFileSync(join(dir, 'mirror', 'feed', 'index.html'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>');
    const r = await runCli(['convert', 'mirror', '--out', 'x.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: 2 files in the input folders are no export and no page (feeds, other XML, robots.txt, …), left out: mirror/feed/index.html, mirror/robots.txt');
    expect(r.stderr).toContain('wrote 1 items');
  });
});

describe('bad input: exit 1 with one line naming file, line and column', () => {
  it.each([
    ['truncated.xml', sampleText.slice(0, sampleText.indexOf('<item>', 8000)), /^wxr-kit: truncated\.xml:\d+:\d+: E_TRUNCATED /],
    ['crossed.xml', sampleText.replace('<wp:post_name><![CDATA[ueber-mich]]></wp:post_name>', '<wp:post_name><title>x</wp:post_name></title>'), /^wxr-kit: crossed\.xml:\d+:\d+: E_TAG_MISMATCH /],
    ['empty.xml', '', /^wxr-kit: empty\.xml(:\d+:\d+)?: E_NOT_(WXR|XML) /],
    ['feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', /^wxr-kit: feed\.xml(:\d+:\d+)?: E_NOT_WXR /],
    ['export.zip', 'PK\x03\x04\x14\x00\x00\x00', /^wxr-kit: export\.zip: E_IO this is a zip file, not an export: unzip it/],
    ['export.xml.bz2', 'BZh91AY&SY', /^wxr-kit: export\.xml\.bz2: E_IO this is a bzip2 file, not an export: decompress it first/],
  ])('%s', async (name, content, line) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), content);
    const r = await runCli(['convert', name, '--out', 'out.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([name]);
  });
});

describe('a site cut short by bad input', () => {
  it('says how many files were written before the error', async () => {
    const dir = tempDir();
    // The first posts are whole; the input ends inside a later item.
    writeFileSync(join(dir, 'cut.xml'), sampleText.slice(0, sampleText.lastIndexOf('<item>') + 6));
    const r = await runCli(['convert', 'cut.xml', '--out', 'site'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^wxr-kit: cut\.xml:\d+:\d+: E_TRUNCATED /);
    const written = [...snapshot(join(dir, 'site')).keys()].length;
    expect(written).toBeGreaterThan(0);
    expect(lines[1]).toBe(`wxr-kit: ${written} files were written to site/ before this; the site is incomplete (fix the input, then run again with --force)`);
  });
});

describe('convert --format markdown', () => {
  it('writes a site into --out and names the next step', async () => {
    const dir = tempDir();
    const r = await runCli(['convert', SAMPLE, '--out', 'site', '--preset', 'hugo'], { cwd: dir });
    expect(r.code).toBe(0);
    const files = [...snapshot(join(dir, 'site')).keys()];
    expect(files.filter((f) => f.endsWith('.md')).length).toBe(4);
    expect(r.stderr).toMatch(/to site\/ \(\d+ files, preset hugo\)/);
    expect(r.stderr).toContain('next: hugo server --source site');
  });

  it('a second run into the same folder without --force changes nothing', async () => {
    const dir = tempDir();
    expect((await runCli(['convert', SAMPLE, '--out', 'site', '-q'], { cwd: dir })).code).toBe(0);
    const before = snapshot(join(dir, 'site'));
    expect(before.size).toBeGreaterThan(3);
    const again = await runCli(['convert', SAMPLE, '--out', 'site', '--comments', 'none'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^wxr-kit: site: E_OUTPUT_EXISTS the output folder is not empty/);
    expect(snapshot(join(dir, 'site'))).toEqual(before);
    const forced = await runCli(['convert', SAMPLE, '--out', 'site', '--comments', 'none', '--force', '-q'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect([...snapshot(join(dir, 'site')).keys()]).toEqual([...before.keys()]);
  });

  it('--dry-run lists the files and diagnostics and writes nothing', async () => {
    const dir = tempDir();
    const r = await runCli(['convert', SAMPLE, '--out', 'site', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.endsWith('.md'))).toHaveLength(4);
    expect(r.stderr).toContain('would write 4 items');
    expect(r.stderr).toContain('dry run: nothing was written');
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  it('never writes through a symlink planted in the output folder', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    mkdirSync(join(dir, 'site'));
    symlinkSync(victim, join(dir, 'site', 'posts'));
    const r = await runCli(['convert', SAMPLE, '--out', 'site', '--force'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wxr-kit: site\/posts: E_OUTPUT_SYMLINK /);
    expect(readdirSync(victim)).toEqual([]);
  });

  it('--comments and --preset reach the renderer', async () => {
    const dir = tempDir();
    await runCli(['convert', SAMPLE, '--out', 'a', '--comments', 'none', '-q'], { cwd: dir });
    await runCli(['convert', SAMPLE, '--out', 'b', '--comments', 'nested', '-q'], { cwd: dir });
    const text = (d: string) => [...snapshot(join(dir, d)).values()].join('\n');
    expect(text('a')).not.toContain('Welches Öl hast du genommen?');
    expect(text('b')).toContain('Welches Öl hast du genommen?');
    await runCli(['convert', SAMPLE, '--out', 'j', '--preset', 'jekyll', '-q'], { cwd: dir });
    expect([...snapshot(join(dir, 'j')).keys()].some((f) => f.startsWith('_posts/2012-05-03-'))).toBe(true);
  });
});
