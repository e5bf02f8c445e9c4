import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, Schema } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontMatterData } from '../src/emit/frontmatter.js';
import { commentsForFrontMatter, commentTree } from '../src/emit/site/comments.js';
import { yamlDocument, type YamlMap, type YamlValue } from '../src/emit/site/yaml.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus, listFiles } from './helpers/corpus.js';

/** What front matter used before: the `yaml` package with these options (the reference). */
const OPTIONS = {
  schema: new Schema({ schema: 'core', resolveKnownTags: true }),
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  lineWidth: 0,
  aliasDuplicateObjects: false,
  directives: false,
} as const;
const reference = (data: YamlMap): string => new Document(data, OPTIONS).toString(OPTIONS);

/** Strings as exports hold them: any code point, plus the characters YAML cares about, often. */
const nasty = fc.constantFrom(
  '\n', ' ', '\\', '"', "'", ':', ': ', '#', ' #', '-', '?', '*', '&', '!', '|', '>', '%', '@', '`', '\t', '\r', '\0', '\u0007',
  '\u000b', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', 'yes', 'no', 'on', 'off', '~', 'null', '1e3',
  '0x1F', '12:30', '---', '...', '{', '[', ',', 'ü', '🎉',
);
const text = fc.array(fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) }), { maxLength: 24 }).map((parts) => parts.join(''));
const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<YamlValue> = fc.letrec<{ value: YamlValue; map: YamlMap }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), tie('map')),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
})).value;
const doc = fc.dictionary(key, value, { minKeys: 1, maxKeys: 8, noNullPrototype: true });

/** Where the `yaml` package's text reads back wrong (a line of one space in a folded string), and ours does not. */
const YAML_PACKAGE_BUG = /\n \n/;

describe('yamlDocument', () => {
  it.each<[string, YamlMap, string]>([
    ['strings double-quoted', { title: 'Hello' }, 'title: "Hello"\n'],
    ['YAML 1.1 booleans stay strings', { a: 'yes', b: 'off' }, 'a: "yes"\nb: "off"\n'],
    ['backslash and quotes', { t: 'C:\\x "y"' }, 't: "C:\\\\x \\"y\\""\n'],
    ['controls', { t: '\u0000\u0007\u000b\u001b\u0001' }, 't: "\\0\\a\\v\\e\\x01"\n'],
    ['numbers and booleans', { id: 42, n: -0, f: 1.5, x: Number.NaN, y: -Infinity, d: false }, 'id: 42\nn: -0\nf: 1.5\nx: .nan\ny: -.inf\nd: false\n'],
    ['lists', { tags: ['a', 'b'], none: [] }, 'tags:\n  - "a"\n  - "b"\nnone: []\n'],
    ['undefined left out, null kept', { a: undefined, b: null }, 'b: null\n'],
    ['nested maps in lists', { c: [{ id: 1, replies: [{ id: 2, replies: [] }] }] }, 'c:\n  - id: 1\n    replies:\n      - id: 2\n        replies: []\n'],
    ['short multi-line stays escaped', { t: 'a\nb' }, 't: "a\\nb"\n'],
    ['long multi-line folds', { t: 'first line of a long text\n\nsecond line' }, 't: "first line of a long text\n\n\n  second line"\n'],
    ['empty map', {}, '{}\n'],
    ['odd key quoted', { 'a b': 1 }, '"a b": 1\n'],
    ['a line of one space in a folded string', { t: 'first line of a long text\n \nthird line' }, 't: "first line of a long text\n\n  \\ \n\n  third line"\n'],
  ])('%s', (_name, data, expected) => {
    expect(yamlDocument(data)).toBe(expected);
  });

  it('writes the same bytes as the yaml package for random front matter', () => {
    fc.assert(
      fc.property(doc, (data) => {
        fc.pre(!YAML_PACKAGE_BUG.test(collectStrings(data).join('')));
        expect(yamlDocument(data)).toBe(reference(data));
      }),
      { numRuns: 1000 },
    );
  });

  it('parses back (yaml.parse) to the same values', () => {
    fc.assert(
      fc.property(doc, (data) => {
        expect(parse(yamlDocument(data))).toEqual(data);
      }),
      { numRuns: 1000 },
    );
  });
});

function collectStrings(value: YamlValue, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v as YamlValue, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      collectStrings(v, out);
    }
  }
  return out;
}

/** The presets whose key sets differ most (Jekyll: `published`, `permalink`, `redirect_from`). */
const PRESETS = ['hugo', 'jekyll'] as const;

describeCorpus('yamlDocument on every front matter of the corpus', () => {
  it.each(listFiles(CORPUS, '.xml'))('%s: same bytes as the yaml package, parses back to the same values', (file) => {
    let archive;
    try {
      archive = parseWxr(readFileSync(join(CORPUS, file)), { recover: true });
    } catch {
      return; // not an export at all: the parser's tests cover it
    }
    for (const item of archive.items) {
      // Raw HTML as excerpt and comment text: more quotes, line breaks and controls than Markdown.
      const comments = commentsForFrontMatter(commentTree(item), (html) => html);
      const context = { authorName: item.author ?? 'admin', slug: item.slug, aliases: [item.link], excerpt: item.excerpt, comments };
      for (const preset of PRESETS) {
        const data = frontMatterData(item, { ...context, preset });
        const text = yamlDocument(data);
        if (!YAML_PACKAGE_BUG.test(collectStrings(data).join(''))) expect(text).toBe(reference(data));
        expect(parse(text)).toEqual({ ...data });
      }
    }
  });
});
