import type { Archive, Author, Comment, Diagnostic, Item, Term } from '../../model.js';
import type { TextArchiveOptions } from './options.js';
import { parseTextArchive } from './page.js';

/** One page of a blog: a name (the file name, for diagnostics) and its text. */
export interface TextPage {
  name: string;
  text: string;
}

/**
 * A line that separates pages inside one string: five or more `=` alone on a line. A form feed
 * (`\f`) separates pages too. Lines of `-----` do not, since they are how text renderings show `<hr>`.
 */
export const PAGE_SEPARATOR = /\f|^[ \t]*={5,}[ \t]*$/mu;

/**
 * Splits one string with several pages at form feeds and `=====` lines; empty pages are skipped.
 *
 * @example
 * splitPages('Eins\n=====\nZwei').map((p) => p.name) // ['page 1', 'page 2']
 */
export function splitPages(text: string): TextPage[] {
  return text
    .split(new RegExp(PAGE_SEPARATOR.source, 'mu'))
    .map((t, i) => ({ name: `page ${i + 1}`, text: t }))
    .filter((p) => p.text.trim() !== '');
}

/**
 * One file's pages: the file itself, or, when form feeds separate several pages in it, each named
 * `<file>, page N`. Only form feeds: in a file, a line of `=====` is far more often a heading's
 * underline than a page break (one string given alone splits at both).
 */
function splitFile(page: TextPage): TextPage[] {
  const text = String(page?.text ?? '');
  const name = String(page?.name ?? '');
  if (!text.includes('\f')) return [{ name, text }];
  const parts = text.split('\f').map((t, i) => ({ name: `${name}, page ${i + 1}`, text: t })).filter((p) => p.text.trim() !== '');
  return parts.length <= 1 ? [{ name, text }] : parts;
}

/** Comment ids taken so far across the pages, and the highest (kept as it grows: no spread over every id). */
interface UsedIds {
  readonly ids: Set<number>;
  max: number;
}

/** Comments renumbered (in the order of their ids) so that ids stay unique across the archive; parents follow. */
function renumber(comments: Comment[], used: UsedIds): { comments: Comment[]; map: Map<number, number> } {
  const map = new Map<number, number>();
  const clash = comments.some((c) => used.ids.has(c.id));
  let next = used.max + 1;
  const ascending = [...new Set(comments.map((c) => c.id))].sort((x, y) => x - y);
  for (const id of ascending) map.set(id, clash ? next++ : id);
  const out = comments.map((c) => ({ ...c, id: map.get(c.id) as number, parentId: c.parentId === null ? null : (map.get(c.parentId) ?? c.parentId) }));
  for (const c of out) {
    used.ids.add(c.id);
    if (c.id > used.max) used.max = c.id;
  }
  return { comments: clash ? out : comments, map: clash ? map : new Map() };
}

function rangeText(map: ReadonlyMap<number, number>): string {
  const pairs = [...map];
  const first = pairs[0];
  const last = pairs[pairs.length - 1];
  if (first === undefined || last === undefined) return '';
  const contiguous = pairs.every(([from, to]) => to - from === first[1] - first[0]);
  return contiguous ? `${first[0]}–${last[0]} became ${first[1]}–${last[1]}` : pairs.map(([f, t]) => `${f}→${t}`).join(', ');
}

/**
 * Several pages of one blog (a folder's files, or one string whose pages are separated by form feeds or
 * lines of `=====`; a file whose pages are separated by form feeds is split too) as one archive: one post per page, item ids 1, 2, 3, … in page order, comment ids
 * unique across the archive (a page whose ids clash with an earlier page's is renumbered after the
 * highest id so far, with an info diagnostic giving the mapping). Authors and terms are merged.
 *
 * @example
 * const archive = parseTextArchives([{ name: 'a.txt', text: a }, { name: 'b.txt', text: b }], { postAuthor: 'Jens' });
 * archive.items.map((i) => i.id); // [1, 2]
 */
export function parseTextArchives(pages: readonly TextPage[] | string, options: TextArchiveOptions = {}): Archive {
  const list = typeof pages === 'string' ? splitPages(pages) : Array.isArray(pages) ? pages.flatMap(splitFile) : [];
  const items: Item[] = [];
  const authors = new Map<string, Author>();
  const terms = new Map<string, Term>();
  const diagnostics: Diagnostic[] = [];
  const used: UsedIds = { ids: new Set<number>(), max: 0 };
  let site: Archive['site'] | null = null;
  for (const page of list) {
    const one = parseTextArchive(String(page?.text ?? ''), { ...options, firstItemId: (options.firstItemId ?? 1) + items.length });
    const file = String(page?.name ?? '');
    diagnostics.push(...one.diagnostics.map((d) => ({ ...d, file })));
    if (site === null || (site.language === '' && one.site.language !== '')) site = one.site;
    for (const a of one.authors) if (!authors.has(a.login)) authors.set(a.login, a);
    for (const t of one.terms) if (!terms.has(`${t.taxonomy}\u0000${t.slug}`)) terms.set(`${t.taxonomy}\u0000${t.slug}`, t);
    for (const item of one.items) {
      const { comments, map } = renumber(item.comments, used);
      if (map.size > 0) diagnostics.push({ severity: 'info', code: 'I_TEXT_COMMENTS_RENUMBERED', message: `comment ids ${rangeText(map)} to stay unique in the archive`, itemId: item.id, file });
      items.push({ ...item, comments });
    }
  }
  if (list.length === 0) diagnostics.push({ severity: 'error', code: 'E_TEXT_NOT_A_PAGE', message: 'no pages given' });
  const empty = parseTextArchive('', options).site;
  return { site: site ?? empty, authors: [...authors.values()], terms: [...terms.values()], items, diagnostics, provenance: { kind: 'text' } };
}
