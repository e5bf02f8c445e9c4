/**
 * The fields of one comment (docs/html-archives.md §5.3): author and author URL, date, type and the
 * comment's text as HTML with the noise of §2.6 removed. Profile selectors first, then the generic lists.
 */
import type { Comment } from '../../model.js';
import type { Anchor } from './anchors.js';
import type { PageContext } from './context.js';
import { readPrintedDate, reportZone, toGmt, validIso } from './dates.js';
import { attr, childNodes, classes, contains, type Element, isElement, parentElement, squash, textOf, textValue } from './dom.js';
import { COMMENT_NOISE, GENERIC, SAYS_WORDS } from './profiles.js';
import { innerHtml } from './serialize.js';
import { closest, matches, selectAll, selectByPriority } from './select.js';

/** A comment as read from the page, before threading. */
export interface RawComment {
  comment: Comment;
  dateRaw: string;
  isPostAuthor: boolean;
}

function pick(anchor: Anchor, ...selectors: Array<string | undefined>): Element[] {
  const out: Element[] = [];
  for (const sel of selectors) {
    if (!sel) continue;
    for (const el of selectByPriority(anchor.root, sel, anchor.scope)) if (!out.includes(el)) out.push(el);
  }
  return out;
}

const BADGE = /\s*(?:Autor(?:in)?|Post author|Author|Verfasser)\s*$/;

function cleanName(text: string): string {
  let s = squash(text).split(/\s[·•|]\s?/)[0]?.trim() ?? '';
  s = s.replace(/^(?:Comment by|Kommentar von|Kommentiert von|von|by)\s+/i, '');
  for (let i = 0; i < 3; i++) s = s.replace(SAYS_WORDS, '').replace(BADGE, '').trim();
  return s.replace(/\s*[—–-]\s*$/, '').trim();
}

function usableUrl(href: string | undefined, ctx: PageContext): string {
  if (!href) return '';
  const h = ctx.url(href.trim());
  if (h === '' || h.startsWith('#') || /^javascript:/i.test(h) || /^mailto:/i.test(h)) return '';
  return h;
}

function authorOf(anchor: Anchor, ctx: PageContext): { name: string; url: string; node: Element | null } {
  for (const el of pick(anchor, ctx.profile?.author, GENERIC.author)) {
    const name = cleanName(textOf(el, (e) => matches(e, '.says, .screen-reader-text, .avatar, img, .post-author-badge, .by-post-author, .epoch-comment-link, time, .comment-metadata, .commentmetadata')));
    if (name === '' || name.length > 200) continue;
    let link: Element | null = el.tagName === 'a' ? el : (selectAll(el, 'a[href]')[0] ?? null);
    if (!link) for (let p = parentElement(el); p && anchor.scope.includes(p); p = parentElement(p)) if (p.tagName === 'a') { link = p; break; }
    return { name, url: usableUrl(link ? attr(link, 'href') : undefined, ctx), node: el };
  }
  const text = squash(textOf(anchor.root));
  const m = /^(.{1,80}?)\s+(?:says|sagt|schreibt|meint)\s*:/i.exec(text);
  return { name: m?.[1] ? cleanName(m[1]) : '', url: '', node: null };
}

/** The comment's date, its text and the element it was read from (left out of the text; null for the text fallback). */
function dateOf(anchor: Anchor, ctx: PageContext, isComment: boolean): { iso: string | null; raw: string; node: Element | null } {
  for (const el of anchor.scope) {
    const dt = attr(el, 'datetime');
    if (dt === undefined) continue;
    const iso = validIso(dt);
    if (iso) return { iso, raw: squash(textOf(el)) || dt, node: el };
    ctx.diagnostics.push({ severity: 'info', code: 'datetime-invalid', message: `comment ${anchor.id}: datetime="${dt.slice(0, 40)}" is not ISO 8601; the printed date is used`, itemId: anchor.id });
    break;
  }
  const candidates = pick(anchor, ctx.profile?.date, GENERIC.date, 'cite, small');
  const sources: Array<{ node: Element | null; text: () => string }> = candidates.map((el) => ({ node: el, text: () => squash(textOf(el)) }));
  const scope = new Set(anchor.scope);
  if (isComment) sources.push({ node: null, text: () => squash(textOf(anchor.root, (e) => !scope.has(e))) });
  for (const source of sources) {
    const t = source.text();
    if (!t) continue;
    const r = readPrintedDate(t, ctx.dates);
    if (!r) continue;
    const raw = t.length > 120 ? t.slice(0, 120) : t;
    if (r.iso && r.iso.length > 10) reportZone(ctx);
    if (r.flag === 'relative-unresolved') ctx.diagnostics.push({ severity: 'warning', code: 'comment-date-relative', message: `comment ${anchor.id}: relative date "${raw}" and no reference instant (options.reference); date left null`, itemId: anchor.id });
    else if (r.flag === 'relative') ctx.diagnostics.push({ severity: 'info', code: 'comment-date-relative', message: `comment ${anchor.id}: relative date "${raw}" resolved against ${ctx.dates.reference}`, itemId: anchor.id });
    else if (r.flag === 'year-inferred') ctx.diagnostics.push({ severity: 'info', code: 'comment-date-year-inferred', message: `comment ${anchor.id}: "${raw}" has no year; taken from the post date or reference`, itemId: anchor.id });
    else if (r.flag === 'year-unknown') ctx.diagnostics.push({ severity: 'warning', code: 'comment-date-unparsed', message: `comment ${anchor.id}: "${raw}" has no year and nothing to take it from`, itemId: anchor.id });
    return { iso: r.iso, raw, node: source.node };
  }
  if (isComment) ctx.diagnostics.push({ severity: 'info', code: 'comment-date-unparsed', message: `comment ${anchor.id}: no date found`, itemId: anchor.id });
  return { iso: null, raw: '', node: null };
}

function typeOf(anchor: Anchor, text: string): 'comment' | 'pingback' | 'trackback' {
  const cl = classes(anchor.root);
  if (cl.includes('pingback')) return 'pingback';
  if (cl.includes('trackback')) return 'trackback';
  if (closest(anchor.root, '.pinglist, #trackbacks, #pings, .pings, .trackbacks, .pingbacks')) return 'pingback';
  if (/^\s*Pingback\s*:/i.test(text)) return 'pingback';
  if (/^\s*Trackback\s*:/i.test(text)) return 'trackback';
  return 'comment';
}

const PING_LABEL = /^(<p>)?\s*(?:Pingback|Trackback)\s*:\s*/i;

const LEADING_NOISE = /^(?:\s|<br\s*\/?>|(?:says|sagt|Sagt|schreibt|meint)\s*:)+/i;

/** Punctuation and separators only (`•`, `|`, `–`): what is left of a meta line once its date and author are out. */
const ONLY_PUNCTUATION = /^[\s\p{P}|]*$/u;

/** The comment's text as HTML, and the element it was read from. */
function contentOf(anchor: Anchor, ctx: PageContext, skipNodes: Element[]): { html: string; node: Element } {
  const candidates = pick(anchor, ctx.profile?.content === 'p' ? undefined : ctx.profile?.content, GENERIC.content);
  const wrapsMeta = (el: Element): boolean => skipNodes.some((s) => contains(el, s));
  let node: Element = candidates.find((el) => !wrapsMeta(el)) ?? candidates[0] ?? anchor.root;
  if (anchor.root.tagName === 'dt' && node === anchor.root) node = anchor.scope.find((e) => e.tagName === 'dd') ?? node;
  const scope = new Set(anchor.scope);
  const isNoise = (el: Element): boolean =>
    skipNodes.includes(el) || !scope.has(el) || matches(el, COMMENT_NOISE) || (el.tagName === 'p' && (isSignature(el) || isLeftover(el)));
  // A paragraph that held a skipped node (the date, the author) and has only punctuation left.
  const isLeftover = (p: Element): boolean =>
    skipNodes.some((s) => s !== p && contains(p, s)) && ONLY_PUNCTUATION.test(textOf(p, isNoise)) && selectAll(p, 'img, iframe, video, audio, object, embed').every(isNoiseOrInside);
  const isNoiseOrInside = (el: Element): boolean => skipNodes.some((s) => contains(s, el));
  node = unwrapSingle(node, isNoise);
  const skip = (el: Element): boolean => el !== node && isNoise(el);
  return { html: innerHtml(node, skip, ctx.map, { fillEmptyLinks: true }).replace(LEADING_NOISE, '').replace(/\s+$/, ''), node };
}

/** Descends through wrappers (`div#div-comment-N`) that hold nothing but one more `div`/`article` besides noise. */
function unwrapSingle(node: Element, isNoise: (el: Element) => boolean): Element {
  let cur = node;
  for (let i = 0; i < 4; i++) {
    const kids = childNodes(cur).filter((c) => !(isElement(c) && isNoise(c)));
    const elements = kids.filter(isElement);
    const text = kids.some((c) => (textValue(c) ?? '').trim() !== '');
    const only = elements[0];
    if (text || elements.length !== 1 || !only || !['div', 'article', 'section'].includes(only.tagName)) return cur;
    cur = only;
  }
  return cur;
}

/** WP 1.x prints `Comment by <a>Name</a> — date` in a `<p><cite>` after the text. */
function isSignature(p: Element): boolean {
  return childNodes(p).some((c) => isElement(c) && c.tagName === 'cite' && /^\s*(?:Comment by|Kommentar von)/i.test(textOf(c)));
}

/** Reads one anchored comment. */
export function readComment(anchor: Anchor, ctx: PageContext): RawComment {
  const author = authorOf(anchor, ctx);
  const skipNodes = author.node ? [author.node] : [];
  const read = contentOf(anchor, ctx, skipNodes);
  let content = read.html;
  const type = typeOf(anchor, squash(content.replace(/<[^>]*>/g, ' ')) || squash(textOf(anchor.root)));
  // The theme's label, not the pingback's text (`Pingback: <a>Title</a>`).
  if (type !== 'comment') content = content.replace(PING_LABEL, '$1');
  if (selectAll(anchor.root, '[id^=wpdiscuz-readmore-], .wpdiscuz-readmore', anchor.scope).length > 0) {
    ctx.diagnostics.push({ severity: 'info', code: 'comment-text-truncated', message: `comment ${anchor.id}: the page shows only the start of the text (wpDiscuz "read more"); the rest was never in the saved page`, itemId: anchor.id });
  }
  const date = dateOf(anchor, ctx, type === 'comment');
  // The element the date was read from is a meta line, not text (`• <a class="time">2 weeks ago</a>`).
  if (date.node && date.node !== read.node && contains(read.node, date.node)) content = contentOf(anchor, ctx, [...skipNodes, date.node]).html;
  let name = author.name;
  let url = author.url;
  if (type !== 'comment' && (name === '' || /^(?:Pingback|Trackback)/i.test(name))) {
    const link = selectAll(anchor.root, 'a[href]', anchor.scope).find((a) => !/#comment-\d|replytocom/.test(attr(a, 'href') ?? ''));
    if (link) {
      name = squash(textOf(link));
      url = usableUrl(attr(link, 'href'), ctx);
    }
  }
  const cl = classes(anchor.root);
  const isPostAuthor = cl.includes('bypostauthor') || (author.node !== null && BADGE.test(squash(textOf(parentElement(author.node) ?? author.node))));
  const comment: Comment = {
    id: anchor.id,
    parentId: null,
    author: name,
    authorEmail: '',
    authorUrl: url,
    authorIp: '',
    userId: null,
    date: date.iso,
    dateGmt: toGmt(date.iso),
    content,
    approved: '1',
    type,
    meta: [],
  };
  return { comment, dateRaw: date.raw, isPostAuthor };
}
