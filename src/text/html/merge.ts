/**
 * `parseHtmlArchives`: the pages of a mirrored site -> one Archive. Post pages become items; the same post
 * saved twice and its paginated comment pages (`comment-page-2`) merge into one item, comments
 * de-duplicated by id; listing, archive and tag pages are skipped with an info diagnostic.
 */
import type { Archive, Author, Comment, Diagnostic, Item, Term } from '../../model.js';
import { sortOrder } from '../../normalize/thread/infer.js';
import { parseHtmlArchive } from './archive.js';
import type { HtmlArchivesOptions } from './options.js';

/** One saved page: a name (its path in the mirror, used in diagnostics) and its HTML. */
export interface HtmlPage {
  name: string;
  html: string;
}

/** The key that identifies a post across its pages: post id, else its URL without comment paging and fragment. */
function postKey(item: Item): string {
  if (item.id > 0) return `id:${item.id}`;
  const url = item.link.replace(/#.*$/, '').replace(/\/comment-page-\d+\/?$/, '/').replace(/[?&]cpage=\d+/, '');
  return url ? `url:${url}` : `title:${item.title}`;
}

function isCommentPage(item: Item): boolean {
  return /\/comment-page-\d+|[?&]cpage=\d+/.test(item.link);
}

/** The text fields a page may lack (a Readability export, a comment page) that another page of the post has. */
const FILLED = ['title', 'slug', 'link', 'guid', 'excerpt', 'password'] as const;

function mergeInto(target: Item, extra: Item): void {
  const ids = new Set(target.comments.map((c) => c.id));
  const add: Comment[] = extra.comments.filter((c) => !ids.has(c.id));
  const all = [...target.comments, ...add];
  // The thread module's order: by instant, or by day and id when some comments have only a day.
  target.comments = sortOrder(all).map((i) => all[i] as Comment);
  const names = new Set(target.terms.map((t) => `${t.taxonomy}\u0000${t.name}`));
  for (const t of extra.terms) if (!names.has(`${t.taxonomy}\u0000${t.name}`)) target.terms.push(t);
  if (target.date === null && extra.date !== null) {
    target.date = extra.date;
    target.dateGmt = extra.dateGmt;
  }
  if (target.modified === null && extra.modified !== null) {
    target.modified = extra.modified;
    target.modifiedGmt = extra.modifiedGmt;
  }
  if (target.content === '' && extra.content !== '') target.content = extra.content;
  for (const key of FILLED) if (target[key] === '' && extra[key] !== '') target[key] = extra[key];
  if (target.author === null && extra.author !== null) target.author = extra.author;
}

/**
 * Reads every page of a mirrored blog (wget, HTTrack, browser saves, Wayback captures) into one Archive.
 * Pure: takes the pages' contents (the CLI reads the folder). Each page is read by `parseHtmlArchive`;
 * diagnostics carry the page's name in `file`.
 *
 * @example
 * ```ts
 * import { parseHtmlArchives } from 'wxr-kit';
 * const archive = parseHtmlArchives([
 *   { name: 'post/index.html', html: page1 },
 *   { name: 'post/comment-page-2/index.html', html: page2 },
 * ]);
 * archive.items.length; // 1, with the comments of both pages
 * ```
 */
export function parseHtmlArchives(pages: readonly HtmlPage[], options: HtmlArchivesOptions = {}): Archive {
  const diagnostics: Diagnostic[] = [];
  const items = new Map<string, Item>();
  const authors = new Map<string, Author>();
  const terms = new Map<string, Term>();
  let site: Archive['site'] | null = null;
  const list = Array.isArray(pages) ? pages : [];
  for (const page of list) {
    const name = typeof page?.name === 'string' ? page.name : '';
    const archive = parseHtmlArchive(typeof page?.html === 'string' ? page.html : '', options);
    for (const d of archive.diagnostics) diagnostics.push({ ...d, file: name });
    const item = archive.items[0];
    if (!item) continue;
    if (!site || (site.title === '' && archive.site.title !== '')) site = archive.site;
    for (const a of archive.authors) if (!authors.has(a.login)) authors.set(a.login, a);
    for (const t of archive.terms) if (!terms.has(`${t.taxonomy}\u0000${t.name}`)) terms.set(`${t.taxonomy}\u0000${t.name}`, t);
    const key = postKey(item);
    const seen = items.get(key);
    if (!seen) {
      items.set(key, item);
      continue;
    }
    diagnostics.push({ severity: 'info', code: isCommentPage(item) ? 'comment-page-merged' : 'duplicate-page-merged', message: `${name}: another page of post "${item.title}"; merged`, file: name, itemId: item.id });
    // Prefer the main page (not a comment page) as the item's base.
    if (isCommentPage(seen) && !isCommentPage(item)) {
      mergeInto(item, seen);
      items.set(key, item);
    } else mergeInto(seen, item);
  }
  return {
    site: site ?? { title: '', link: '', description: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
    authors: [...authors.values()],
    terms: [...terms.values()],
    items: [...items.values()],
    diagnostics,
    provenance: { kind: 'html' },
  };
}
