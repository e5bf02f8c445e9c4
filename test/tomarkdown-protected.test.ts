/**
 * Which items are withheld as private or password-protected: a password of white space only is
 * no password (the WXR reader trims it too; the emitter does not rely on that).
 */
import { describe, expect, it } from 'vitest';
import { protectionOf, toMarkdown } from '../src/emit/markdown.js';
import { renderMarkdownSiteWithReport } from '../src/emit/site.js';
import type { Item } from '../src/model.js';
import { testArchive, testItem } from './helpers/model.js';

function item(over: Partial<Item>): Item {
  return testItem({ id: 10, title: 'T', slug: 't', link: 'https://example.com/t/', dateGmt: null, content: '<p>Bodyword</p>', ...over });
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
    const archive = testArchive([subject], { link: '' });
    const { files, diagnostics } = renderMarkdownSiteWithReport(archive, { preset: 'hugo' });
    expect(files.some((f) => f.path === 'content/posts/t.md')).toBe(expected === null);
    expect(diagnostics.some((d) => d.code === 'I_SKIPPED_PRIVATE')).toBe(expected !== null);
  });
});
