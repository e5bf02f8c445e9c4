import { isValidZone } from '../../normalize/dates/index.js';
import type { Archive, Author, Comment, Diagnostic, Item, Term } from '../../model.js';
import { FORM_START, SHARE_LINES, matchesAny } from './boilerplate.js';
import { authorLine, isCommentHeading, numberLine, splitComments, type PageComment } from './comments.js';
import { instantToModelDates, toModelDates } from './dates.js';
import { isBlank, linesToHtml, nextNonBlank, quote, toLines, type Line } from './lines.js';
import { readMeta, tagLine } from './meta.js';
import { DEFAULT_ZONE, resolveTextOptions, type ResolvedTextOptions, type TextArchiveOptions } from './options.js';
import { attributeAnonymousReplies, inferParents } from './replies.js';
import { slugify } from './slug.js';

/** How much of the text the binary/garbage check looks at. */
const SAMPLE = 65_536;

/** Why a text is not a page, or null when it may be one (judged on the first 64 K characters). */
function notText(text: string): string | null {
  if (text.trim() === '') return 'the text is empty';
  const sample = text.slice(0, SAMPLE);
  const control = sample.length - sample.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/gu, '').length;
  if (control / sample.length > 0.01) return `${control} control or replacement characters: this is binary data, not the text of a page`;
  const visible = sample.replace(/\s/gu, '').length;
  const letters = sample.replace(/\P{L}/gu, '').length;
  if (letters / visible < 0.5) return `only ${Math.round((100 * letters) / visible)} % of the visible characters are letters: this is not the text of a page`;
  return null;
}

/** Where the comment list starts (its heading, or the first numbered comment with an author line). */
function findComments(lines: readonly Line[], from: number, to: number): { heading: number; first: number } | null {
  for (let i = from; i < to; i++) {
    const line = lines[i] as Line;
    if (isBlank(line)) continue;
    const next = nextNonBlank(lines, i + 1);
    const nextText = next < 0 || next >= to ? '' : (lines[next] as Line).text;
    if (isCommentHeading(line.text) && (numberLine(nextText) !== null || authorLine(nextText) !== null)) return { heading: i, first: next };
    const num = numberLine(line.text);
    if (num !== null && num.path.length === 1 && authorLine(num.rest) !== null && i > from) return { heading: -1, first: i };
  }
  return null;
}

function commentIds(page: readonly PageComment[]): number[] {
  const top = page.filter((c) => c.parent === null).map((c) => Number(c.label));
  let next = Math.max(0, ...top) + 1;
  return page.map((c) => (c.parent === null ? Number(c.label) : next++));
}

/** Undated comments get the post's date plus one minute per position (option `commentDates: 'post'`). */
function datePostless(comments: Comment[], postDateGmt: string, zone: string, itemId: number, diagnostics: Diagnostic[]): void {
  const start = Date.parse(postDateGmt);
  const dated: number[] = [];
  comments.forEach((c, i) => {
    if (c.date !== null || c.dateGmt !== null || Number.isNaN(start)) return;
    const dates = instantToModelDates(start + (i + 1) * 60_000, zone);
    c.date = dates.date;
    c.dateGmt = dates.dateGmt;
    dated.push(c.id);
  });
  if (dated.length > 0) diagnostics.push({ severity: 'info', code: 'I_TEXT_COMMENT_DATE_ASSUMED', message: `comments ${dated.join(', ')} show no date; given the post's date plus one minute per position (commentDates: 'post')`, itemId });
}

function toComments(page: readonly PageComment[], opts: ResolvedTextOptions, itemId: number, diagnostics: Diagnostic[], postDateGmt: string | null): Comment[] {
  const ids = commentIds(page);
  const unsigned: string[] = [];
  const comments = page.map((p, i): Comment => {
    const dates = p.date === null ? { date: null, dateGmt: null } : toModelDates(p.date, opts.zone);
    if (p.author === null) unsigned.push(p.label);
    if (p.parent !== null) {
      diagnostics.push({ severity: 'info', code: 'I_TEXT_NESTED_ID', message: `nested comment ${p.label} got id ${ids[i]}; its parent is comment ${page[p.parent]?.label}`, line: p.line, itemId });
    }
    return {
      id: ids[i] as number, parentId: p.parent === null ? null : (ids[p.parent] as number),
      author: p.author ?? '', authorEmail: '', authorUrl: '', authorIp: '', userId: null,
      date: dates.date, dateGmt: dates.dateGmt, content: p.content, approved: '1', type: 'comment', meta: [],
    };
  });
  if (unsigned.length > 0) {
    diagnostics.push({ severity: 'info', code: 'I_TEXT_NO_AUTHOR', message: `comments ${unsigned.join(', ')} show no author on the page; their author is ''`, itemId });
  }
  if (postDateGmt !== null && opts.commentDates === 'post') datePostless(comments, postDateGmt, opts.zone, itemId, diagnostics);
  attributeAnonymousReplies(comments, opts.postAuthor, itemId, diagnostics);
  if (opts.inferReplies) inferParents(comments, opts.postAuthor, itemId, diagnostics);
  return comments;
}

/** Lines at the end of the body that are share buttons (dropped) or tag lists (kept as tags). */
function trimBodyEnd(body: Line[], tags: string[], diagnostics: Diagnostic[], itemId: number): Line[] {
  const out = [...body];
  const dropped: Line[] = [];
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) break;
    const asTags = isBlank(last) ? null : tagLine(last.text);
    if (!isBlank(last) && asTags === null && !matchesAny(SHARE_LINES, last.text)) break;
    out.pop();
    if (asTags !== null) tags.unshift(...asTags);
    else if (!isBlank(last)) dropped.unshift(last);
  }
  if (dropped.length > 0) {
    diagnostics.push({ severity: 'info', code: 'I_TEXT_SHARE_DROPPED', message: `dropped ${dropped.length} share/like lines after the body: ${dropped.map((l) => quote(l.text, 30)).join(', ')}`, line: dropped[0]?.no ?? 1, itemId });
  }
  return out;
}

function languageOf(text: string): string {
  const de = (text.match(/\b(?:sagt|Kommentare?|Veröffentlicht|und|nicht|ich|der|die|das)\b/gu) ?? []).length;
  const en = (text.match(/\b(?:says|Comments?|Posted|Responses?|and|not|the|is)\b/gu) ?? []).length;
  if (de === 0 && en === 0) return '';
  return de >= en ? 'de-DE' : 'en-US';
}

function originOf(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return '';
  }
}

/** An empty archive with one error diagnostic, for input that is not a page. */
function notAPage(reason: string, opts: ResolvedTextOptions): Archive {
  return {
    site: siteOf(opts, ''), authors: [], terms: [], items: [],
    diagnostics: [{ severity: 'error', code: 'E_TEXT_NOT_A_PAGE', message: `not a blog page: ${reason}`, line: 1 }],
    provenance: { kind: 'text' },
  };
}

function siteOf(opts: ResolvedTextOptions, language: string): Archive['site'] {
  const base = originOf(opts.link);
  return { title: opts.siteTitle, link: base, description: '', language, wxrVersion: '1.2', baseSiteUrl: base, baseBlogUrl: base, generator: 'wxr-kit', exportedAt: null };
}

/**
 * Reads the plain-text rendering of one blog post page (title line, a `Veröffentlicht: … in <Kategorie>` /
 * `Posted on …` line, the body, a `Kommentare` / `Comments` section of numbered comments with
 * `<Name> sagt:` / `<Name> says:` lines, trailing comment-form boilerplate) into an archive with one post.
 * Total: text that is no page gives an archive without items and an error diagnostic.
 *
 * @example
 * const archive = parseTextArchive(text, { postAuthor: 'Maskierter' });
 * archive.items[0].title;               // 'Wenn Kunden meine Aufforderung befolgen'
 * archive.items[0].comments[1].parentId; // 1 (`@Stefan` answers comment 1)
 */
export function parseTextArchive(text: string, options: TextArchiveOptions = {}): Archive {
  const asked = resolveTextOptions(options);
  const zoneOk = isValidZone(asked.zone);
  const opts: ResolvedTextOptions = zoneOk ? asked : { ...asked, zone: DEFAULT_ZONE };
  const clean = typeof text === 'string' ? text.replace(/^\ufeff/u, '') : '';
  const reason = notText(clean);
  if (reason !== null) return notAPage(reason, opts);
  const lines = toLines(clean);
  const titleIndex = nextNonBlank(lines, 0);
  const titleLine = lines[titleIndex] as Line;
  const itemId = opts.firstItemId;
  const diagnostics: Diagnostic[] = [];
  if (!zoneOk) diagnostics.push({ severity: 'warning', code: 'W_TEXT_ZONE_INVALID', message: `unknown time zone "${asked.zone}"; dates were read in ${DEFAULT_ZONE}`, itemId });
  const meta = readMeta(lines, titleIndex, opts.zone);

  const formIndex = lines.findIndex((l, i) => i > meta.end && matchesAny(FORM_START, l.text));
  const tailStart = formIndex < 0 ? lines.length : formIndex;
  if (formIndex >= 0) {
    const last = lines[lines.length - 1] as Line;
    diagnostics.push({ severity: 'info', code: 'I_TEXT_FORM_DROPPED', message: `dropped the comment form and login prompts, lines ${(lines[formIndex] as Line).no}–${last.no}, from ${quote((lines[formIndex] as Line).text)}`, line: (lines[formIndex] as Line).no, itemId });
  }
  const section = findComments(lines, meta.end + 1, tailStart);
  const bodyEnd = section === null ? tailStart : section.heading >= 0 ? section.heading : section.first;
  const tags = [...meta.tags];
  const body = trimBodyEnd(lines.slice(meta.end + 1, bodyEnd), tags, diagnostics, itemId);
  const pageComments = section === null ? [] : splitComments(lines.slice(section.first, tailStart), opts.zone, diagnostics);

  if (meta.date === null) diagnostics.push({ severity: 'warning', code: 'W_TEXT_NO_DATE', message: meta.dateLine === null ? 'no date line below the title; the post has no date' : `no date in the meta line ${quote(meta.dateLine.text)}`, line: meta.dateLine?.no ?? titleLine.no, itemId });
  if (meta.dateLine === null && section === null && formIndex < 0) diagnostics.push({ severity: 'warning', code: 'W_TEXT_UNSTRUCTURED', message: 'no meta line, comment section or comment form found: the text was read as title and body only', line: titleLine.no, itemId });
  const dates = meta.date === null ? { date: null, dateGmt: null } : toModelDates(meta.date, opts.zone);
  if ('note' in dates && dates.note !== undefined) diagnostics.push({ severity: 'info', code: 'I_TEXT_DATE_ASSUMED', message: dates.note, line: meta.dateLine?.no ?? titleLine.no, itemId });

  const authorName = opts.postAuthor ?? meta.author;
  const authors: Author[] = authorName === null ? [] : [{ id: null, login: authorName, email: '', displayName: authorName, firstName: '', lastName: '' }];
  const terms: Term[] = [];
  const itemTerms: Item['terms'] = [];
  const addTerm = (taxonomy: string, name: string): void => {
    const slug = slugify(name);
    if (itemTerms.some((t) => t.taxonomy === taxonomy && t.slug === slug)) return;
    itemTerms.push({ taxonomy, slug, name });
    terms.push({ id: null, taxonomy, slug, name, parentSlug: null, description: '', meta: [] });
  };
  meta.categories.forEach((c) => addTerm('category', c));
  tags.forEach((t) => addTerm('post_tag', t));

  const title = titleLine.text.replace(/\s+/gu, ' ').trim();
  const item: Item = {
    id: itemId, type: 'post', status: 'publish', title, slug: slugify(title), link: opts.link, guid: opts.link,
    author: authorName, date: dates.date, dateGmt: dates.dateGmt, modified: null, modifiedGmt: null,
    content: linesToHtml(body), excerpt: '', parentId: null, menuOrder: 0,
    commentStatus: formIndex >= 0 ? 'open' : 'closed', pingStatus: 'closed', password: '', sticky: false, attachmentUrl: null,
    terms: itemTerms, meta: [], comments: toComments(pageComments, opts, itemId, diagnostics, dates.dateGmt),
  };
  return { site: siteOf(opts, languageOf(clean)), authors, terms, items: [item], diagnostics, provenance: { kind: 'text' } };
}
