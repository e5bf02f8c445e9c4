/**
 * The public surface, pinned: a change to the exported names is a visible diff here.
 * SPEC.md's names must all be present; the built ESM and CommonJS entries must match the source.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';
import type { Archive, CommentNode, OutputFile, ParsedDate, WxrEntry } from '../src/index.js';
import { REPO_ROOT } from './helpers/corpus.js';

const EXPORTS = [
  'WXR_ERROR_CODES',
  'WxrError',
  'archiveEntries',
  'convertHtmlToMarkdown',
  'createSiteRenderer',
  'findGermanDate',
  'htmlToMarkdown',
  'inferReplyParents',
  'isSafeRelativePath',
  'parseGermanDate',
  'parseHtmlArchive',
  'parseHtmlArchives',
  'parseTextArchive',
  'parseTextArchives',
  'parseWxr',
  'renderMarkdownSite',
  'renderMarkdownSiteWithReport',
  'safeSlug',
  'streamWxr',
  'threadComments',
  'threadCommentsWithDiagnostics',
  'toJson',
  'toMarkdown',
  'toMarkdownWithReport',
  'toNdjson',
  'toWxr',
];

/** The exported functions SPEC.md lists; acceptance checks outside the repository call exactly these. */
const SPEC_FUNCTIONS = [
  'parseWxr',
  'streamWxr',
  'parseTextArchive',
  'parseHtmlArchive',
  'parseGermanDate',
  'findGermanDate',
  'threadComments',
  'toJson',
  'htmlToMarkdown',
  'toMarkdown',
  'toWxr',
  'renderMarkdownSite',
];

describe('public surface', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(api).sort()).toEqual(EXPORTS);
  });

  it('exports every function SPEC.md lists, as a function', () => {
    for (const name of SPEC_FUNCTIONS) expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    expect(new api.WxrError('E_NOT_WXR', 'x')).toBeInstanceOf(Error);
  });

  it('has the signatures SPEC.md sketches', () => {
    expectTypeOf(api.parseWxr).parameter(0).toEqualTypeOf<string | Uint8Array>();
    expectTypeOf(api.parseWxr).returns.toEqualTypeOf<Archive>();
    expectTypeOf(api.streamWxr).returns.toMatchTypeOf<AsyncIterable<WxrEntry>>();
    expectTypeOf(api.parseTextArchive).returns.toEqualTypeOf<Archive>();
    expectTypeOf(api.parseHtmlArchive).returns.toEqualTypeOf<Archive>();
    expectTypeOf(api.parseGermanDate).returns.toEqualTypeOf<ParsedDate | null>();
    expectTypeOf(api.threadComments).returns.toEqualTypeOf<CommentNode[]>();
    expectTypeOf(api.toJson).returns.toEqualTypeOf<string>();
    expectTypeOf(api.htmlToMarkdown).returns.toEqualTypeOf<string>();
    expectTypeOf(api.toMarkdown).returns.toEqualTypeOf<string>();
    expectTypeOf(api.toWxr).returns.toEqualTypeOf<string>();
    expectTypeOf(api.renderMarkdownSite).returns.toEqualTypeOf<OutputFile[]>();
  });
});

const dist = join(REPO_ROOT, 'dist');
const built = existsSync(join(dist, 'index.js')) && existsSync(join(dist, 'index.cjs'));

describe.skipIf(!built)(`built package${built ? '' : ' (skipped: dist/ is missing; `npm test` builds it first)'}`, () => {
  it('the ESM entry exports the same names', async () => {
    const esm = (await import(pathToFileURL(join(dist, 'index.js')).href)) as Record<string, unknown>;
    expect(Object.keys(esm).sort()).toEqual(EXPORTS);
  });

  it('the CommonJS entry exports the same names', () => {
    const cjs = createRequire(import.meta.url)(join(dist, 'index.cjs')) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(EXPORTS);
  });
});
