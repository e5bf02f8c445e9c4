/**
 * Model values built by hand for tests: one published post with every field set, and an archive
 * around items. Tests override what they are about (`testItem({ id: 8, guid: … })`).
 */
import type { Archive, Item } from '../../src/model.js';

/**
 * A published post, id 1 unless given, at `https://example.com/2012/01/post-<id>/`, with a body and no
 * author, terms, meta or comments.
 *
 * @example
 * testItem({ id: 4, type: 'page', slug: 'team' })
 */
export function testItem(over: Partial<Item> = {}): Item {
  const id = over.id ?? 1;
  return {
    id, type: 'post', status: 'publish', title: `Post ${id}`, slug: `post-${id}`, link: `https://example.com/2012/01/post-${id}/`,
    guid: `https://example.com/?p=${id}`, author: null, date: '2012-01-03T10:00:00+01:00', dateGmt: '2012-01-03T09:00:00Z',
    modified: null, modifiedGmt: null, content: `<p>Body of ${id}</p>`, excerpt: '', parentId: null, menuOrder: 0,
    commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null, terms: [], meta: [], comments: [],
    ...over,
  };
}

/**
 * An archive of `items` for an English site at `https://example.com`, without authors, terms or diagnostics.
 *
 * @example
 * testArchive([testItem()], { language: 'de' })
 */
export function testArchive(items: Item[], site: Partial<Archive['site']> = {}): Archive {
  return {
    site: { title: 'S', link: 'https://example.com', description: '', language: 'en', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null, ...site },
    authors: [], terms: [], items, diagnostics: [],
  };
}
