import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collisionKey,
  cutToBytes,
  isSafeRelativePath,
  PathAllocator,
  safePercentDecode,
  safeSlug,
  utf8Bytes,
} from '../src/emit/paths.js';

describe('safePercentDecode', () => {
  it.each([
    ['caf%C3%A9', 'café'],
    ['%e3%83%86%e3%82%b9%e3%83%88', 'テスト'],
    ['100%', '100%'],
    ['%', '%'],
    ['%E0%A4%A', '%E0%A4%A'],
    ['100%25-real', '100%-real'],
    ['%2525', '%25'],
    ['..%2F..%2Fetc', '../../etc'],
  ])('%j -> %j', (input, expected) => {
    expect(safePercentDecode(input)).toBe(expected);
  });
});

describe('safeSlug', () => {
  it.each([
    ['hello-world', 'hello-world'],
    ['Grüße aus Köln', 'gruesse-aus-koeln'],
    ['ÄÖÜ äöü ß', 'aeoeue-aeoeue-ss'],
    ['%e3%83%86%e3%82%b9%e3%83%88', 'テスト'],
    ['日本語のタイトル', '日本語のタイトル'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..%2F..%2Fevil', 'evil'],
    ['%2e%2e', 'id-7'],
    ['..', 'id-7'],
    ['.', 'id-7'],
    ['', 'id-7'],
    ['🎉🎉', 'id-7'],
    ['CON', 'con-'],
    ['nul', 'nul-'],
    ['Com1', 'com1-'],
    ['LPT9', 'lpt9-'],
    ['aux.md', 'aux-md'],
    ['C:\\x', 'c-x'],
    ['\\\\srv\\share\\x', 'srv-share-x'],
    ['a%00b', 'ab'],
    ['hello-w\u202Eorld\u202C-utf8-💫-test', 'hello-world-utf8-test'],
    ['a\u200Bb', 'ab'],
    ['post. ', 'post'],
    ['what?', 'what'],
    ['x*y', 'x-y'],
    ['"q"', 'q'],
    ['<tag>', 'tag'],
    ['_private_', 'private'],
  ])('%j -> %j', (input, expected) => {
    expect(safeSlug(input, { fallbackId: 7 })).toBe(expected);
  });

  it('caps long slugs at 100 bytes with a hash that keeps distinct inputs apart', () => {
    const a = safeSlug(`${'x'.repeat(150)}-a`);
    const b = safeSlug(`${'x'.repeat(150)}-b`);
    expect(utf8Bytes(a)).toBeLessThanOrEqual(100);
    expect(a).not.toBe(b);
    const greek = safeSlug('αβγδε'.repeat(60));
    expect(utf8Bytes(greek)).toBeLessThanOrEqual(100);
    expect(greek).toMatch(/-[0-9a-f]{8}$/);
  });

  it('never leaves a lone surrogate when cutting', () => {
    const cut = cutToBytes('👍'.repeat(70), 99);
    expect(cut).toBe('👍'.repeat(24));
  });
});

describe('isSafeRelativePath', () => {
  it.each([
    ['content/posts/hello.md', true],
    ['_posts/2012-01-03-hello.md', true],
    ['../x.md', false],
    ['/etc/passwd', false],
    ['a/./b.md', false],
    ['a//b.md', false],
    ['C:/x.md', false],
    ['a\\b.md', false],
    ['posts/con.md', false],
    ['posts/con-.md', true],
    ['posts/a\u0000b.md', false],
    ['posts/name.', false],
  ])('%j -> %s', (path, ok) => {
    expect(isSafeRelativePath(path)).toBe(ok);
  });
});

describe('PathAllocator', () => {
  it('suffixes duplicates, case and normalisation twins in order', () => {
    const paths = new PathAllocator();
    expect(paths.claim('posts/', 'hello-world', '.md')).toBe('posts/hello-world.md');
    expect(paths.claim('posts/', 'hello-world', '.md')).toBe('posts/hello-world-2.md');
    expect(paths.claim('posts/', 'Hello-World', '.md')).toBe('posts/Hello-World-3.md');
    expect(paths.claim('posts/', 'café', '.md')).toBe('posts/café.md');
    expect(paths.claim('posts/', 'cafe\u0301', '.md')).toBe('posts/cafe\u0301-2.md');
    expect(paths.claim('posts/', 'straße', '.md')).toBe('posts/straße.md');
    expect(paths.claim('posts/', 'STRASSE', '.md')).toBe('posts/STRASSE-2.md');
  });

  it('treats a folder and a file of the same name as taken', () => {
    const paths = new PathAllocator();
    paths.reserve('content/posts');
    expect(paths.claim('content/', 'posts', '/index.md')).toBe('content/posts-2/index.md');
  });
});

describe('property: hostile slugs and titles give safe, unique paths', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('../', '..', '.', '%2e%2e%2f', '..%2F..%2Fx', 'CON', 'nul', 'COM1', 'a\u0000b', '%', '%E0%A4%A', '🎉', '日本語', '\u202E', '__proto__', 'C:\\x'),
    fc.string({ minLength: 480, maxLength: 520 }),
    fc.array(fc.constantFrom('a', 'Ä', '/', '.', '%', '2', 'e', 'f', ' ', '\u0000', '🎉', 'ß', 'İ', '\u212A'), { maxLength: 600 }).map((a) => a.join('')),
  );

  it('every slug makes a safe path segment', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 1e9 }), (source, id) => {
        const slug = safeSlug(source, { fallbackId: id });
        expect(slug.length).toBeGreaterThan(0);
        expect(utf8Bytes(slug)).toBeLessThanOrEqual(100);
        expect(isSafeRelativePath(`_posts/2012-01-01-${slug}-99.md`)).toBe(true);
        expect(isSafeRelativePath(`content/${slug}/${slug}/_index.md`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('distinct items never share a collision key', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 30 }), (sources) => {
        const paths = new PathAllocator();
        const keys = new Set<string>();
        sources.forEach((source, i) => {
          const path = paths.claim('posts/', safeSlug(source, { fallbackId: i }), '.md');
          expect(isSafeRelativePath(path)).toBe(true);
          expect(keys.has(collisionKey(path))).toBe(false);
          keys.add(collisionKey(path));
        });
      }),
      { numRuns: 200 },
    );
  });
});
