import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { expect, it } from 'vitest';
import { authorsToWrite, stripIllegalXmlChars, termsToWrite, toWxr } from '../src/emit/wxr.js';
import { WxrError } from '../src/errors.js';
import type { Archive } from '../src/model.js';
import { parseTextArchive, parseTextArchives } from '../src/text/text-archive/index.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, FIXTURES, describeCorpus, listFiles } from './helpers/corpus.js';

/** Every string in a value, mapped. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Array.isArray(value) ? [] : Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

/** The model without what a WXR document cannot carry back (diagnostics, provenance). */
function model(a: Archive): Omit<Archive, 'diagnostics' | 'provenance'> {
  const { diagnostics: _d, provenance: _p, ...rest } = a;
  return rest;
}

/**
 * What `parseWxr(toWxr(a))` gives back, by design, for an `a` read from any source:
 * - `site.wxrVersion` is `1.2`: the document written is a WXR 1.2 document (split CDATA, 1.2 namespaces);
 *   writing 1.0 or 1.1 shapes would bring back their defects.
 * - authors and terms gain a declaration for every item author and item term the source did not
 *   declare (`authorsToWrite`, `termsToWrite`), so that WordPress's importer can map them.
 * - characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
 *   surrogates) are removed: no XML document can hold them, not even as character references.
 * Everything else is equal, field for field.
 */
function expected(a: Archive): Omit<Archive, 'diagnostics' | 'provenance'> {
  const m = model(a);
  return mapStrings({ ...m, site: { ...m.site, wxrVersion: '1.2' }, authors: authorsToWrite(a), terms: termsToWrite(a) }, stripIllegalXmlChars);
}

function roundTrip(a: Archive): { xml: string; back: Archive } {
  const xml = toWxr(a);
  return { xml, back: parseWxr(xml) };
}

const xmlFiles = listFiles(CORPUS, '.xml');

/**
 * Files of the corpus that are deliberately not WXR exports (test data of WordPress's importer for its
 * error paths: no or a non-numeric `wp:wxr_version`, no channel). `parseWxr` refuses them even with
 * `recover: true`, so there is no model to write back.
 */
const NOT_EXPORTS = [
  'wordpress-importer/phpunit-data/invalid-version-tag.xml',
  'wordpress-importer/phpunit-data/malformed.xml',
  'wordpress-importer/phpunit-data/missing-version-tag.xml',
];

function readExport(file: string): Archive | WxrError {
  const bytes = readFileSync(join(CORPUS, file));
  try {
    return parseWxr(bytes);
  } catch {
    try {
      return parseWxr(bytes, { recover: true });
    } catch (e) {
      if (e instanceof WxrError) return e;
      throw e;
    }
  }
}

describeCorpus('toWxr round trip: every export in ../shared/corpus', () => {
  const exportsInCorpus = xmlFiles.filter((f) => !NOT_EXPORTS.includes(f));

  it('finds the exports, and parseWxr refuses exactly the files that are not exports', () => {
    expect(exportsInCorpus.length).toBeGreaterThan(50);
    for (const file of NOT_EXPORTS) expect(readExport(file)).toBeInstanceOf(WxrError);
  });

  it.each(exportsInCorpus)('%s', (file) => {
    const first = readExport(file);
    if (first instanceof WxrError) throw first;
    const { xml, back } = roundTrip(first);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model(back)).toEqual(expected(first));
  });
});

describeCorpus('toWxr round trip: the seed page', () => {
  const dir = join(CORPUS, 'seed');
  const text = readFileSync(join(dir, readdirSync(dir).find((n) => n.endsWith('.txt')) ?? ''), 'utf8');

  it('parseWxr(toWxr(a)) equals a, threads included, and the XML is well-formed', () => {
    const a = parseTextArchive(text, { postAuthor: 'Maskierter', siteTitle: 'Der Maskierte', link: 'https://example.wordpress.com/2012/05/03/wenn-kunden/' });
    const { xml, back } = roundTrip(a);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(model(back)).toEqual(model(a));
    expect(back.items[0]?.comments.filter((c) => c.parentId !== null).length).toBeGreaterThan(5);
    expect(xml).toContain('<wp:comment_parent>1</wp:comment_parent>');
  });
});

it('toWxr round trip: the text fixtures, one archive of several pages', () => {
  const names = ['english-page.txt', 'no-comments.txt', 'nested-numbering.txt'];
  const a = parseTextArchives(names.map((name) => ({ name, text: readFileSync(join(FIXTURES, 'text', name), 'utf8') })), { postAuthor: 'jens' });
  const { xml, back } = roundTrip(a);
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(model(back)).toEqual(model(a));
});
