/**
 * The comment section's words follow the site's language (German and French blogs are first
 * class): `## Kommentare` / `Anonym`, `## Commentaires` / `Anonyme`, English otherwise, and the
 * `commentLabels` option sets them outright.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMarkdown, type ToMarkdownOptions } from '../src/emit/markdown.js';
import { createSiteRenderer, renderMarkdownSite } from '../src/emit/site.js';
import { commentLabelsFor } from '../src/emit/site/comments.js';
import type { Archive, Comment, Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { CORPUS, describeCorpus } from './helpers/corpus.js';
import { testArchive, testItem } from './helpers/model.js';

function comment(id: number, author: string): Comment {
  return {
    id, parentId: null, author, authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: '2012-01-03T10:00:00+01:00',
    dateGmt: null, content: `<p>Text ${id}</p>`, approved: '1', type: 'comment', meta: [],
  };
}

const post: Item = testItem({
  id: 10, title: 'T', slug: 't', link: 'https://example.com/t/', dateGmt: null, content: '<p>Body</p>', comments: [comment(1, 'Ada'), comment(2, '  ')],
});

const archive = (language: string): Archive => testArchive([post], { language });

/** The comment section as English sites have always had it, byte for byte. */
const ENGLISH = '## Comments\n\n**Ada** · 2012-01-03 10:00\n\n> Text 1\n\n**Anonymous** · 2012-01-03 10:00\n\n> Text 2\n';

function section(md: string): string {
  return md.slice(md.indexOf('## '));
}

describe('commentLabelsFor', () => {
  it.each([
    ['de', 'Kommentare', 'Anonym'],
    ['de-DE', 'Kommentare', 'Anonym'],
    ['de_DE', 'Kommentare', 'Anonym'],
    ['DE-at', 'Kommentare', 'Anonym'],
    ['de_CH_informal', 'Kommentare', 'Anonym'],
    ['fr', 'Commentaires', 'Anonyme'],
    ['fr-FR', 'Commentaires', 'Anonyme'],
    ['fr_CA', 'Commentaires', 'Anonyme'],
    ['en-US', 'Comments', 'Anonymous'],
    ['zh-CN', 'Comments', 'Anonymous'],
    ['dea', 'Comments', 'Anonymous'],
    ['', 'Comments', 'Anonymous'],
    [undefined, 'Comments', 'Anonymous'],
  ])('%s', (language, heading, anonymous) => {
    expect(commentLabelsFor(language)).toEqual({ heading, anonymous });
  });
});

describe('comment labels in toMarkdown and the site renderer', () => {
  it.each<[string, ToMarkdownOptions, string]>([
    ['English archive', { archive: archive('en-US') }, ENGLISH],
    ['no archive, no language', {}, ENGLISH],
    ['German archive', { archive: archive('de-DE') }, ENGLISH.replace('Comments', 'Kommentare').replace('Anonymous', 'Anonym')],
    ['French archive', { archive: archive('fr-FR') }, ENGLISH.replace('Comments', 'Commentaires').replace('Anonymous', 'Anonyme')],
    ['the language option over the archive', { archive: archive('en'), language: 'de' }, ENGLISH.replace('Comments', 'Kommentare').replace('Anonymous', 'Anonym')],
    ['one label given, the other by language', { archive: archive('de'), commentLabels: { heading: 'Stimmen' } }, ENGLISH.replace('Comments', 'Stimmen').replace('Anonymous', 'Anonym')],
    ['labels are Markdown-escaped', { commentLabels: { heading: '#1 *Talk*', anonymous: 'A_B' } }, ENGLISH.replace('Comments', '\\#1 \\*Talk\\*').replace('Anonymous', 'A\\_B')],
  ])('%s', (_name, options, expected) => {
    expect(section(toMarkdown(post, options))).toBe(expected);
  });

  it('renderMarkdownSite takes the archive language', () => {
    const md = renderMarkdownSite(archive('de_DE'), { preset: 'hugo' }).find((f) => f.path === 'content/posts/t.md')?.contents ?? '';
    expect(section(md)).toBe(ENGLISH.replace('Comments', 'Kommentare').replace('Anonymous', 'Anonym'));
  });

  it('createSiteRenderer takes the language of the site entry', () => {
    const site = createSiteRenderer({ preset: 'hugo' });
    site.add({ kind: 'site', site: archive('fr').site });
    const md = site.add({ kind: 'item', item: post })[0]?.contents ?? '';
    expect(section(md)).toContain('## Commentaires\n');
  });

  it('front matter comments carry no labels', () => {
    const md = toMarkdown(post, { archive: archive('de'), comments: 'frontmatter' });
    expect(md).not.toContain('Kommentare');
    expect(md).not.toContain('Anonym');
  });
});

describeCorpus('comment labels on German corpus exports', () => {
  it.each(['de-wptester/wptester.WordPress.2022-10-26.xml', 'de-meyer-consulting-sqlblog/wordpress-export.xml'])('%s', (file) => {
    const files = renderMarkdownSite(parseWxr(readFileSync(join(CORPUS, file))), { preset: 'hugo' });
    const text = files.map((f) => f.contents).join('\n');
    expect(text).toContain('\n## Kommentare\n');
    expect(text).not.toContain('\n## Comments\n');
  });
});
