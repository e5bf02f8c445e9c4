/**
 * Block-editor footnotes (WordPress 6.3+) keep their texts in the `footnotes` post meta, not in
 * the content: `toMarkdown` and `renderMarkdownSite` pass that meta to `htmlToMarkdown` for the
 * body, so `<sup data-fn>` references become `[^n]` with their text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../src/emit/markdown.js';
import { renderMarkdownSite } from '../src/emit/site.js';
import type { Archive, Item, Meta } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { testArchive, testItem } from './helpers/model.js';

const NOTES = JSON.stringify([
  { id: 'aa-1', content: 'A note' },
  { id: 'bb-2', content: 'Another <em>note</em>' },
]);
const CONTENT =
  '<!-- wp:paragraph --><p>One<sup data-fn="aa-1" class="fn"><a href="#aa-1" id="aa-1-link">1</a></sup></p><!-- /wp:paragraph -->\n' +
  '<!-- wp:paragraph --><p>Two<sup data-fn="bb-2" class="fn"><a href="#bb-2" id="bb-2-link">2</a></sup></p><!-- /wp:paragraph -->\n' +
  '<!-- wp:footnotes /-->';

function item(meta: Meta[], over: Partial<Item> = {}): Item {
  return testItem({
    id: 75, title: 'Footnotes', slug: 'footnotes', link: 'https://example.com/footnotes/', date: '2024-02-05T16:33:52+00:00',
    dateGmt: '2024-02-05T16:33:52Z', content: CONTENT, meta, ...over,
  });
}

const archiveOf = (...items: Item[]): Archive => testArchive(items);

const WITH_NOTES = /One\[\^1\]\n\nTwo\[\^2\]\n\n\[\^1\]: A note\n\[\^2\]: Another \*note\*\n$/;

describe('block-editor footnotes from the footnotes post meta', () => {
  it.each([
    ['the footnotes meta', [{ key: 'footnotes', value: NOTES }]],
    ['an empty footnotes row before the real one', [{ key: 'footnotes', value: '' }, { key: 'footnotes', value: NOTES }]],
    ['an empty footnotes row after the real one', [{ key: 'footnotes', value: NOTES }, { key: 'footnotes', value: ' ' }]],
  ])('toMarkdown writes [^n] with the note texts: %s', (_name, meta) => {
    expect(toMarkdown(item(meta))).toMatch(WITH_NOTES);
  });

  it('renderMarkdownSite does the same', () => {
    const files = renderMarkdownSite(archiveOf(item([{ key: 'footnotes', value: NOTES }])), { preset: 'hugo' });
    expect(files.find((f) => f.path === 'content/posts/footnotes.md')?.contents).toMatch(WITH_NOTES);
  });

  it('a caller’s own markdown.blockFootnotes wins over the meta', () => {
    const own = JSON.stringify([{ id: 'aa-1', content: 'Mine' }]);
    const md = toMarkdown(item([{ key: 'footnotes', value: NOTES }]), { markdown: { blockFootnotes: own } });
    expect(md).toContain('[^1]: Mine');
    expect(md).not.toContain('A note');
  });

  it('the notes go to the body only, not to the excerpt or a comment', () => {
    const comment = {
      id: 1, parentId: null, author: 'Ada', authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: null, dateGmt: null,
      content: '<p>Nice <a href="https://x.example/">post</a></p>', approved: '1', type: 'comment', meta: [],
    };
    const md = toMarkdown(item([{ key: 'footnotes', value: NOTES }], { excerpt: '<p>Short &amp; sweet</p>', comments: [comment] }));
    expect(md.match(/\[\^1\]: A note/g)).toHaveLength(1);
    expect(md.indexOf('[^1]: A note')).toBeLessThan(md.indexOf('## Comments'));
  });

  it('without the meta nothing changes: the reference stays a link', () => {
    expect(toMarkdown(item([]))).toContain('One<sup>[1](#aa-1)</sup>');
  });
});

describeCorpus('block-editor footnotes in the corpus', () => {
  it.each([
    ['theme-test-data/64-block-test-data.xml', 75, ['A paragraph[^1]', '[^1]: A note', '[^2]: Another note']],
    ['wp2hugo-testdata/testcase.WordPress.2024-07-01.xml', 1, ['[^1]: Here we are: the footnote.']],
  ] as const)('%s item %i', (file, id, expected) => {
    const archive = parseWxr(readFileSync(join(CORPUS, file)));
    const post = archive.items.find((i) => i.id === id);
    expect(post).toBeDefined();
    const md = toMarkdown(post!, { archive, preset: 'hugo' });
    for (const text of expected) expect(md).toContain(text);
  });
});
