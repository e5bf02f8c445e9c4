/**
 * Which items are withheld as private or password-protected: a password of white space only is
 * no password (the WXR reader trims it too; the emitter does not rely on that).
 */
import { describe, expect, it } from 'vitest';
import { protectionOf, toMarkdown } from '../src/emit/markdown.js';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import type { Archive, Item } from '../src/model.js';

function item(over: Partial<Item>): Item {
  return {
    id: 10, type: 'post', status: 'publish', title: 'T', slug: 't', link: 'https://example.com/t/', guid: 'https://example.com/?p=10',
    author: null, date: '2012-01-03T10:00:00+01:00', dateGmt: null, modified: null, modifiedGmt: null, content: '<p>Bodyword</p>',
    excerpt: '', parentId: null, menuOrder: 0, commentStatus: 'open', pingStatus: 'open', password: '', sticky: false,
    attachmentUrl: null, terms: [], meta: [], comments: [], ...over,
  };
}

describe('protected items', () => {
  it.each<[string, Partial<Item>, ReturnType<typeof protectionOf>]>([
    ['public', {}, null],
    ['a password', { password: 'secret' }, 'password'],
    ['a password with spaces around', { password: ' secret ' }, 'password'],
    ['white space only', { password: ' \t\n ' }, null],
    ['a no-break space only', { password: '\u00a0' }, null],
    ['private', { status: 'private' }, 'private'],
  ])('%s', (_name, over, expected) => {
    const subject = item(over);
    expect(protectionOf(subject)).toBe(expected);
    const md = toMarkdown(subject);
    expect(md.includes('Bodyword')).toBe(expected === null);
    const archive: Archive = {
      site: { title: 'S', link: '', description: '', language: 'en', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
      authors: [], terms: [], items: [subject], diagnostics: [],
    };
    const { files, diagnostics } = renderMarkdownSiteWithReport(archive, { preset: 'hugo' });
    expect(files.some((f) => f.path === 'content/posts/t.md')).toBe(expected === null);
    expect(diagnostics.some((d) => d.code === 'I_SKIPPED_PRIVATE')).toBe(expected !== null);
  });
});
