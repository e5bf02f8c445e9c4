/**
 * The excerpt goes into front matter (`summary`, `description`, `excerpt`) as plain text: the
 * generators print it as it is, so Markdown escapes (`\-`, `` \` ``) would show, and so would tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_PRESETS, type SitePreset } from '../src/emit/frontmatter.js';
import { toMarkdown } from '../src/emit/markdown.js';
import { renderMarkdownSite } from '../src/emit/site.js';
import { plainText } from '../src/emit/site/plain-text.js';
import type { Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { testItem } from './helpers/model.js';
import { frontMatter } from './ssg-helpers.js';

function item(excerpt: string): Item {
  return testItem({ id: 10, title: 'T', slug: 't', link: 'https://example.com/t/', dateGmt: null, content: '<p>Body</p>', excerpt });
}

const EXCERPT_KEY: Record<SitePreset, string> = { hugo: 'summary', jekyll: 'excerpt', astro: 'description', eleventy: 'excerpt', plain: 'excerpt' };

describe('plainText', () => {
  it.each([
    ['plain text', 'Just text', 'Just text'],
    ['Markdown-looking text is not escaped', '- 매일같이 *star* _under_ [x] #1 `tick` 1. <3', '- 매일같이 *star* _under_ [x] #1 `tick` 1. <3'],
    ['a backslash stays one backslash', 'C:\\path', 'C:\\path'],
    ['tags left out', '<p>Fish <em>and</em> <a href="/x">chips</a></p>', 'Fish and chips'],
    ['blocks and line breaks become spaces', '<p>One</p><p>Two</p>Three<br/>Four<li>Five</li>', 'One Two Three Four Five'],
    ['character references decoded', 'Fish &amp; chips &#8211; &quot;fine&quot;&nbsp;&hellip; &lt;b&gt;', 'Fish & chips – "fine" … <b>'],
    ['white space collapsed', '  a\n\n b\t\u00a0c  ', 'a b c'],
    ['scripts, styles and comments left out', 'a<script>alert(1)</script><style>p{}</style><!-- more -->b', 'ab'],
    ['an unclosed tag', 'a <em>b', 'a b'],
    ['only markup', '<img src="x.jpg">', ''],
  ])('%s', (_name, html, text) => {
    expect(plainText(html)).toBe(text);
  });
});

describe('toMarkdown writes the excerpt as plain text', () => {
  it.each(SITE_PRESETS)('%s', (preset) => {
    const data = frontMatter(toMarkdown(item('<p>- 매일같이 `code` &amp; <strong>more</strong></p>\n<p>在家没意思阿`</p>'), { preset }));
    expect(data[EXCERPT_KEY[preset]]).toBe('- 매일같이 `code` & more 在家没意思阿`');
  });

  it('an excerpt of markup only writes no key', () => {
    expect(toMarkdown(item('<img src="x.jpg">'), { preset: 'hugo' })).not.toContain('summary:');
  });
});

describeCorpus('corpus excerpts in front matter', () => {
  it.each([
    ['ko-banyoungkwan-wpcom/wordpress.xml', '- 매일같이'],
    ['wxr11-kaidee/wordpress.xml', '在家没意思阿`'],
  ])('%s: no Markdown escapes in the astro description', (file, sample) => {
    const archive = parseWxr(readFileSync(join(CORPUS, file)));
    const descriptions = renderMarkdownSite(archive, { preset: 'astro' })
      .filter((f) => f.path.endsWith('.md'))
      .map((f) => frontMatter(f.contents)['description'])
      .filter((d): d is string => typeof d === 'string');
    expect(descriptions.some((d) => d.includes(sample))).toBe(true);
    const sourceHasBackslash = archive.items.some((i) => i.excerpt.includes('\\'));
    if (!sourceHasBackslash) expect(descriptions.filter((d) => d.includes('\\'))).toEqual([]);
  });
});
