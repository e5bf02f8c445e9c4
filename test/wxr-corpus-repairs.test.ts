/**
 * The real ill-formed exports of ../shared/corpus (SOURCES.md) convert with their repairs as
 * warnings, with the item, comment and threaded-comment counts SOURCES.md lists, and fail in
 * strict mode with the repair's error code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { thrown } from './wxr-helpers.js';

interface Row {
  types: Record<string, number>;
  comments: number;
  threaded: number;
  /** Warning codes the default mode must report. */
  repairs: string[];
  strict: string;
}

const ROWS: Record<string, Row> = {
  'ghost-migrate-mg-wp-xml/multiple_attachments-only.xml': { types: { attachment: 1 }, comments: 0, threaded: 0, repairs: ['W_AMP_UNESCAPED'], strict: 'E_XML_SYNTAX' },
  'ghost-migrate-mg-wp-xml/sample-no-slug.xml': { types: { post: 3, attachment: 1, customcpt: 1, page: 1 }, comments: 0, threaded: 0, repairs: ['W_AMP_UNESCAPED'], strict: 'E_XML_SYNTAX' },
  'ghost-migrate-mg-wp-xml/sample.xml': { types: { post: 3, attachment: 1, customcpt: 1, page: 1 }, comments: 0, threaded: 0, repairs: ['W_AMP_UNESCAPED'], strict: 'E_XML_SYNTAX' },
  'jekyll-legacy-fixture/wordpress.xml': { types: { post: 2, page: 1 }, comments: 1, threaded: 0, repairs: ['W_PREFIX_UNDECLARED'], strict: 'E_STRICT' },
  'nikola-tests/wordpress_unicode_export.xml': { types: { page: 1, post: 1 }, comments: 0, threaded: 0, repairs: ['W_PREFIX_UNDECLARED'], strict: 'E_STRICT' },
  'odd-nul-bytes-rasrita/rasrita.wordpress.2018-03-16.001.xml': { types: { attachment: 17, post: 13, nav_menu_item: 5, page: 4, feedback: 1 }, comments: 0, threaded: 0, repairs: ['W_CHAR_REMOVED'], strict: 'E_CHAR' },
  'odd-php-warning-avantar/export.xml': { types: { post: 7 }, comments: 4, threaded: 2, repairs: ['W_TEXT_OUTSIDE_ROOT'], strict: 'E_XML_SYNTAX' },
  'wxr10-wpcom-fdietz/wordpress.xml': { types: { post: 119, page: 5, attachment: 3 }, comments: 10, threaded: 0, repairs: ['W_PREFIX_UNDECLARED'], strict: 'E_STRICT' },
  'wxr11-ctrlchars-huaienyao/wordpress.xml': { types: { post: 44 }, comments: 140, threaded: 39, repairs: ['W_CHAR_REMOVED'], strict: 'E_CHAR' },
  'wxr11-raw-cdata-end-scharan/wordpress.xml': { types: { post: 86, page: 3 }, comments: 68, threaded: 7, repairs: ['W_CDATA_END_REPAIRED'], strict: 'E_XML_SYNTAX' },
};

describeCorpus('real ill-formed exports convert with warnings', () => {
  it.each(Object.keys(ROWS))('%s', (file) => {
    const row = ROWS[file] as Row;
    const bytes = readFileSync(join(CORPUS, file));
    const a = parseWxr(bytes);
    const types: Record<string, number> = {};
    for (const i of a.items) types[i.type] = (types[i.type] ?? 0) + 1;
    expect(types).toEqual(row.types);
    const comments = a.items.flatMap((i) => i.comments);
    expect(comments).toHaveLength(row.comments);
    expect(comments.filter((c) => c.parentId !== null)).toHaveLength(row.threaded);
    const found = new Set(a.diagnostics.map((d) => d.code));
    for (const code of row.repairs) expect(found).toContain(code);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const d of a.diagnostics.filter((x) => row.repairs.includes(x.code))) expect(d.line).toBeGreaterThan(0);
    expect(thrown(() => parseWxr(bytes, { strict: true }))?.code).toBe(row.strict);
  });
  it('the raw "]]>" of scharan is kept in the content, as the regex parser would', () => {
    const a = parseWxr(readFileSync(join(CORPUS, 'wxr11-raw-cdata-end-scharan/wordpress.xml')));
    expect(a.items.some((i) => i.content.includes("// ]]></script><strong>Update: </strong>This script allowed '*'"))).toBe(true);
  });
  it('WXR 1.0 category parents given by name are mapped to slugs (wxr10-wp292-dtsn)', () => {
    const a = parseWxr(readFileSync(join(CORPUS, 'wxr10-wp292-dtsn/wordpress.xml')));
    const slugs = new Set(a.terms.map((t) => t.slug));
    expect(a.terms.find((t) => t.slug === 'css3-csshtml')?.parentSlug).toBe('csshtml');
    expect(a.terms.filter((t) => t.parentSlug !== null && !slugs.has(t.parentSlug))).toEqual([]);
  });
});
