import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/errors.js';
import { collectInputs, gunzipIfNeeded, kindOf, sniffKind } from '../src/cli/inputs.js';
import { AtomicFile, checkRelativePath, OutputFolder, prepareOutputFile } from '../src/cli/safe-write.js';
import { tempDir } from './cli-harness.js';

const policy = (force = false, dryRun = false) => ({ force, dryRun });

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'ok';
  } catch (e) {
    return e instanceof CliError ? e.code : `other: ${String(e)}`;
  }
}

/** Every file below dir, relative, including hidden ones. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      if (lstatSync(p).isDirectory()) walk(p, r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

describe('checkRelativePath', () => {
  it.each(['a.md', 'posts/a.md', 'content/posts/2012/05/a b.md', '.hidden/x'])('accepts %j', (p) => {
    expect(() => checkRelativePath(p)).not.toThrow();
  });
  it.each(['', '/etc/passwd', '../x', 'a/../../x', 'a/./b', 'a//b', 'a\\b', 'C:/x', 'c:x', 'a\0b', 'a/', '..', 'posts/CON.md', 'a\nb', 'a:b/c'])('refuses %j', (p) => {
    expect(() => checkRelativePath(p)).toThrow(/could leave the output folder/);
  });
});

describe('OutputFolder', () => {
  it('creates a missing folder and writes nested files atomically (no temp files left)', async () => {
    const out = join(tempDir(), 'site');
    const folder = await OutputFolder.open('/', out, policy());
    folder.writeSync('content/posts/hello.md', '# Hallo\n');
    folder.writeSync('content/posts/world.md', 'Welt\n');
    expect(tree(out)).toEqual(['content/posts/hello.md', 'content/posts/world.md']);
    expect(readFileSync(join(out, 'content/posts/hello.md'), 'utf8')).toBe('# Hallo\n');
  });

  it('refuses a non-empty folder without --force, accepts it with --force', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    expect(await codeOf(OutputFolder.open('/', out, policy()))).toBe('E_OUTPUT_EXISTS');
    const folder = await OutputFolder.open('/', out, policy(true));
    folder.writeSync('keep.txt', 'replaced');
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('replaced');
  });

  it('removes temp files a killed run left behind, and counts only the rest', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'posts'));
    writeFileSync(join(out, '.a.md.4242.0badcafe.tmp'), 'half');
    writeFileSync(join(out, 'posts', '.b.md.4242.deadbeef.tmp'), 'half');
    expect(await codeOf(OutputFolder.open('/', out, policy()))).toBe('E_OUTPUT_EXISTS');
    expect(tree(out)).toEqual([]);
    expect(readdirSync(out)).toEqual(['posts']);
    const only = tempDir();
    writeFileSync(join(only, '.index.md.7.01234567.tmp'), 'half');
    writeFileSync(join(only, '.keep.tmp'), 'not ours');
    expect(await codeOf(OutputFolder.open('/', only, policy()))).toBe('E_OUTPUT_EXISTS');
    expect(readdirSync(only)).toEqual(['.keep.tmp']);
  });

  it('refuses a path that is a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), 'x');
    expect(await codeOf(OutputFolder.open(dir, 'f', policy(true)))).toBe('E_OUTPUT_EXISTS');
  });

  it('never writes through a symlinked folder planted in the output tree (even with --force)', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(victim, join(out, 'posts'));
    const folder = await OutputFolder.open('/', out, policy(true));
    expect(await codeOf(() => folder.writeSync('posts/hello.md', 'pwned'))).toBe('E_OUTPUT_SYMLINK');
    expect(readdirSync(victim)).toEqual([]);
  });

  it('never writes through a symlinked file; --force replaces the link itself', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'out');
    const strict = await OutputFolder.open('/', out, policy());
    mkdirSync(join(out, 'posts'));
    symlinkSync(victim, join(out, 'posts', 'hello.md'));
    expect(await codeOf(() => strict.writeSync('posts/hello.md', 'pwned'))).toBe('E_OUTPUT_SYMLINK');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    const forced = await OutputFolder.open('/', out, policy(true));
    forced.writeSync('posts/hello.md', 'new file');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(out, 'posts', 'hello.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'posts', 'hello.md'), 'utf8')).toBe('new file');
  });

  it('a dangling symlink planted where a file goes is refused without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const folder = await OutputFolder.open('/', out, policy());
    mkdirSync(join(out, 'posts'));
    symlinkSync(join(dir, 'does-not-exist'), join(out, 'posts', 'a.md'));
    expect(await codeOf(() => folder.writeSync('posts/a.md', 'x'))).toBe('E_OUTPUT_SYMLINK');
    expect(existsSync(join(dir, 'does-not-exist'))).toBe(false);
  });

  it('a file in the way of a folder is an error, not an overwrite', async () => {
    const out = join(tempDir(), 'out');
    const folder = await OutputFolder.open('/', out, policy());
    folder.writeSync('posts', 'a file');
    expect(await codeOf(() => folder.writeSync('posts/a.md', 'x'))).toBe('E_OUTPUT_EXISTS');
  });

  it('a dry run creates nothing', async () => {
    const out = join(tempDir(), 'out');
    const folder = await OutputFolder.open('/', out, policy(false, true));
    folder.writeSync('posts/a.md', 'x');
    expect(existsSync(out)).toBe(false);
  });
});

describe('prepareOutputFile and AtomicFile', () => {
  it('refuses an existing file without --force and a symlink', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '{}');
    symlinkSync(join(dir, 'a.json'), join(dir, 'link.json'));
    expect(await codeOf(prepareOutputFile(dir, 'a.json', policy()))).toBe('E_OUTPUT_EXISTS');
    expect(await codeOf(prepareOutputFile(dir, 'link.json', policy()))).toBe('E_OUTPUT_SYMLINK');
    expect(await codeOf(prepareOutputFile(dir, 'a.json', policy(true)))).toBe('ok');
    expect(await codeOf(prepareOutputFile(dir, '.', policy(true)))).toBe('E_OUTPUT_EXISTS');
  });

  it('removes temp files of the same output left by a killed run, and nothing else', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.a.json.99.0badcafe.tmp'), 'half');
    writeFileSync(join(dir, '.b.json.99.0badcafe.tmp'), 'other output');
    writeFileSync(join(dir, '.a.json.notes'), 'mine');
    await prepareOutputFile(dir, 'a.json', policy());
    expect(readdirSync(dir).sort()).toEqual(['.a.json.notes', '.b.json.99.0badcafe.tmp']);
  });

  it('creates the parent folder of a new file', async () => {
    const dir = tempDir();
    const target = await prepareOutputFile(dir, 'deep/er/a.json', policy());
    expect(existsSync(join(dir, 'deep/er'))).toBe(true);
    expect(target).toEqual({ path: join(dir, 'deep/er/a.json'), direct: false });
  });

  it('abort leaves neither the file nor a temp file', async () => {
    const dir = tempDir();
    const file = await AtomicFile.create(join(dir, 'a.json'));
    await file.write('half');
    await file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the final name appears only at commit', async () => {
    const dir = tempDir();
    const file = await AtomicFile.create(join(dir, 'a.json'));
    await file.write('x'.repeat(3 << 20));
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
    await file.commit();
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8').length).toBe(3 << 20);
  });
});

describe('inputs', () => {
  it.each([
    ['a.xml', 'wxr'], ['a.XML.gz', 'wxr'], ['a.txt', 'text'], ['a.html', 'html'], ['a.htm', 'html'], ['a.md', null],
  ] as const)('kindOf(%j) = %j', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it('walks a folder sorted, by kind, skipping hidden files and links', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages/sub'), { recursive: true });
    writeFileSync(join(dir, 'pages/b.txt'), 'b');
    writeFileSync(join(dir, 'pages/a.txt'), 'a');
    writeFileSync(join(dir, 'pages/sub/c.html'), 'c');
    writeFileSync(join(dir, 'pages/.hidden.txt'), 'h');
    writeFileSync(join(dir, 'pages/notes.md'), 'n');
    symlinkSync('/etc/hostname', join(dir, 'pages/link.txt'));
    const inputs = await collectInputs(['pages/'], dir);
    expect(inputs.map((i) => [i.name, i.kind])).toEqual([
      ['pages/a.txt', 'text'], ['pages/b.txt', 'text'], ['pages/sub/c.html', 'html'],
    ]);
  });

  const WXR_HEAD = `<?xml version="1.0" encoding="UTF-8" ?>\n<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. ${'x'.repeat(1200)} -->\n<!-- generator="WordPress/6.4" created="2024-01-01 10:00" -->\n<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>`;
  it.each([
    [WXR_HEAD, 'wxr'],
    ['\ufeff<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/"><channel>', 'wxr'],
    ['<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Blog</title>', 'other'],
    ['<?xml version="1.0"?><manifest xmlns="http://schemas.microsoft.com/wlw/manifest/weblog">', 'other'],
    ['<!DOCTYPE html>\n<html lang="de">', 'html'],
    ['<!-- saved from url=(0040)https://example.org/ -->\n<html><head>', 'html'],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['Hallo Welt\n\nVeröffentlicht: 03.05.2012', 'text'],
    ['', 'text'],
  ] as const)('sniffKind(%#) = %s', (head, kind) => {
    expect(sniffKind(Buffer.from(head, 'utf8'))).toBe(kind);
  });

  it('a folder walk leaves out feeds, other XML and robots.txt, and reads an export saved as .txt as an export', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'm/feed'), { recursive: true });
    mkdirSync(join(dir, 'm/wp-includes'), { recursive: true });
    writeFileSync(join(dir, 'm/post.html'), '<!DOCTYPE html><html><body><p>x</p></body></html>');
    writeFileSync(join(dir, 'm/feed/index.html'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>');
    writeFileSync(join(dir, 'm/wp-includes/wlwmanifest.xml'), '<?xml version="1.0"?><manifest></manifest>');
    writeFileSync(join(dir, 'm/robots.txt'), 'User-agent: *\nDisallow:\n');
    writeFileSync(join(dir, 'm/export.txt'), `${WXR_HEAD}</channel></rss>`);
    const skipped: string[] = [];
    const inputs = await collectInputs(['m'], dir, skipped);
    expect(inputs.map((i) => [i.name, i.kind])).toEqual([['m/export.txt', 'wxr'], ['m/post.html', 'html']]);
    expect(skipped).toEqual(['m/feed/index.html', 'm/robots.txt', 'm/wp-includes/wlwmanifest.xml']);
    writeFileSync(join(dir, 'named.txt'), `${WXR_HEAD}</channel></rss>`);
    expect((await collectInputs(['named.txt'], dir)).map((i) => i.kind)).toEqual(['wxr']);
  });

  it('a missing input is E_IO naming the file; an empty folder too', async () => {
    const dir = tempDir();
    await expect(collectInputs(['nope.xml'], dir)).rejects.toMatchObject({ code: 'E_IO', file: 'nope.xml' });
    mkdirSync(join(dir, 'empty'));
    await expect(collectInputs(['empty'], dir)).rejects.toMatchObject({ code: 'E_IO', file: 'empty' });
  });

  const collect = async (chunks: Uint8Array[]): Promise<string> => {
    const parts: Uint8Array[] = [];
    for await (const c of gunzipIfNeeded(Readable.from(chunks), 'x')) parts.push(c);
    return Buffer.concat(parts).toString('utf8');
  };

  it('gunzips by magic bytes, even when the first chunk is one byte', async () => {
    const gz = gzipSync(Buffer.from('<rss>Grüße</rss>'));
    expect(await collect([gz])).toBe('<rss>Grüße</rss>');
    expect(await collect([gz.subarray(0, 1), gz.subarray(1, 5), gz.subarray(5)])).toBe('<rss>Grüße</rss>');
    expect(await collect([Buffer.from('<'), Buffer.from('rss/>')])).toBe('<rss/>');
    expect(await collect([])).toBe('');
  });

  it('a corrupt gzip stream is E_IO', async () => {
    const gz = gzipSync(Buffer.from('<rss>x</rss>'.repeat(100)));
    await expect(collect([gz.subarray(0, 20)])).rejects.toMatchObject({ code: 'E_IO' });
    const bad = Buffer.from(gz);
    bad[12] = (bad[12] ?? 0) ^ 0xff;
    await expect(collect([bad])).rejects.toMatchObject({ code: 'E_IO' });
  });
});
