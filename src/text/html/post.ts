/**
 * The post of a saved page (docs/html-archives.md §2.1): title, date, author, categories, tags, body HTML,
 * post id, permalink. Looks inside the post container first and never inside the comments area or sidebars.
 */
import type { ItemTerm } from '../../model.js';
import type { PageContext } from './context.js';
import { readPrintedDate, relabel, reportZone, toGmt, validIso } from './dates.js';
import { attr, classes, contains, descendants, type Element, parentElement, squash, textOf } from './dom.js';
import { BODY_NOISE } from './profiles.js';
import { innerHtml } from './serialize.js';
import { closest, matches, selectAll, selectByPriority, selectOne } from './select.js';
import { OUTSIDE } from './anchors.js';

const NOT_POST = `[class*=teaser], .et_pb_posts, .et_pb_blog_grid, #comments, .comments-area, #respond, .commentlist, .comment-list, #wcThreadWrapper, #wpcomm, #comment-wrap, #disqus_thread, ${OUTSIDE}, .related-posts, #jp-relatedposts`;

/** Post fields read from the page (before they become an Item). */
export interface PostFields {
  id: number;
  type: 'post' | 'page';
  title: string;
  link: string;
  author: string | null;
  date: string | null;
  dateRaw: string;
  content: string;
  terms: ItemTerm[];
  /** The element holding the body, or null when none was found. */
  body: Element | null;
}

const rootSets = new WeakMap<Element[], Set<Element>>();

/** True when `el` is one of `roots` or inside one. */
function insideAny(el: Element, roots: Element[]): boolean {
  if (roots.length === 0) return false;
  let set = rootSets.get(roots);
  if (!set) {
    set = new Set(roots);
    rootSets.set(roots, set);
  }
  for (let e: Element | null = el; e; e = parentElement(e)) if (set.has(e)) return true;
  return false;
}

const notPost = new WeakMap<Element, boolean>();

/** `el` or an ancestor (below `body`) is a comments area, sidebar, widget, navigation or teaser; memoized. */
function inNotPost(el: Element): boolean {
  const chain: Element[] = [];
  let result = false;
  for (let e: Element | null = el; e && e.tagName !== 'body' && e.tagName !== 'html'; e = parentElement(e)) {
    const hit = notPost.get(e);
    if (hit !== undefined) {
      result = hit;
      break;
    }
    chain.push(e);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i] as Element;
    result = result || matches(e, NOT_POST);
    notPost.set(e, result);
  }
  return result;
}

function outsidePost(el: Element, comments: Element[]): boolean {
  return inNotPost(el) || insideAny(el, comments);
}

/** True when `el` sits in another post's teaser (an `article`/`.hentry` that is not the post's own). */
function inOtherPost(el: Element, postBody: Element | null): boolean {
  if (!postBody) return false;
  for (let e: Element | null = el; e && e.tagName !== 'body'; e = parentElement(e)) {
    if (e.tagName !== 'article' && !classes(e).includes('hentry')) continue;
    if (!contains(e, postBody) && !contains(postBody, e)) return true;
  }
  return false;
}

function candidates(root: Element | null, ctx: PageContext, sel: string, comments: Element[]): Element[] {
  return selectByPriority(root ?? ctx.doc, sel).filter((el) => !outsidePost(el, comments) && !inOtherPost(el, ctx.postBody));
}

function meta(ctx: PageContext, key: string): string {
  const el = selectOne(ctx.doc, `meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
  return el ? squash(attr(el, 'content') ?? '') : '';
}

/** Every value `pattern` (with the g flag) captures in the page's JSON-LD scripts, in document order. */
function jsonLdAll(ctx: PageContext, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const s of selectAll(ctx.doc, 'script[type="application/ld+json"]')) for (const m of textOf(s).matchAll(pattern)) if (m[1]) out.push(m[1]);
  return out;
}

function jsonLd(ctx: PageContext, pattern: RegExp): string {
  for (const s of selectAll(ctx.doc, 'script[type="application/ld+json"]')) {
    const m = pattern.exec(textOf(s));
    if (m?.[1]) return m[1];
  }
  return '';
}

/** Elements that hold only the post text, best first; the longest match wins (innermost when nested). */
const BODY_SELECTORS = '.entry-content, [itemprop=articleBody], .et_pb_post_content, .post-content, .format_text, .storycontent, .entrytext, .entry, .post-entry, .entry-body, .article-content, .post-body, .post_content, .single-content, .text';
/** Containers that hold the body together with title and meta lines; those are left out of `content`. */
const CONTAINER_SELECTORS = ['.hentry', '.post', '[id^=post-]', 'article'];
const CONTAINER_NOISE = 'h1, h2.entry-title, h2.post-title, .entry-title, .post-title, .post-meta, .entry-meta, .postmetadata, .post-info, .entry-header, .entry-footer, .navigation, .post-navigation, .nav-above, .nav-below, .byline, .cat-links, .tag-links, .tags-links';

/** An element with the length of its text (computed once per candidate). */
const sized = (el: Element): { el: Element; len: number } => ({ el, len: squash(textOf(el)).length });

/** The element with the most text, or the innermost of nested ones within 80% of it. */
function longest(sized: { el: Element; len: number }[]): Element {
  sized.sort((a, b) => b.len - a.len);
  let best = sized[0] as { el: Element; len: number };
  for (const c of sized) if (c !== best && c.len >= best.len * 0.8 && contains(best.el, c.el)) best = c;
  return best.el;
}

function findBody(ctx: PageContext, comments: Element[]): { el: Element; container: boolean } | null {
  const found = candidates(null, ctx, BODY_SELECTORS, comments)
    .map(sized)
    .filter((c) => c.len > 0 || selectAll(c.el, 'img').length > 0);
  if (found.length > 0) return { el: longest(found), container: false };
  for (const sel of CONTAINER_SELECTORS) {
    const c = candidates(null, ctx, sel, comments);
    if (c.length > 0) return { el: longest(c.map(sized)), container: true };
  }
  return null;
}

const TITLE_SELECTORS = 'h1.entry-title, h1.post-title, h1.single-post-title, .entry-title, .post-title, h2 > a[rel=bookmark], h3.storytitle, [itemprop=headline], .posttitle, h1, h2';

function normTitle(s: string): string {
  return squash(s).toLowerCase().replace(/[“”„"'‘’«»‚]/g, '');
}

function findTitle(ctx: PageContext, comments: Element[]): { text: string; el: Element | null } {
  const og = meta(ctx, 'og:title');
  const head = selectOne(ctx.doc, 'title');
  const headText = head ? squash(textOf(head)) : '';
  const found = candidates(null, ctx, TITLE_SELECTORS, comments)
    .map((el) => ({ el, text: squash(textOf(el)) }))
    .filter((t) => t.text !== '' && t.text.length < 300);
  for (const ref of [og, headText]) {
    if (!ref) continue;
    const same = found.find((t) => normTitle(ref).startsWith(normTitle(t.text)));
    if (same) return same;
  }
  const first = found.find((t) => t.el.tagName !== 'h2' || classes(t.el).length > 0);
  if (first) return first;
  if (og) return { text: og, el: null };
  if (found[0]) return found[0];
  return { text: headText.replace(/\s+(?:[|–—»:]|-)\s+[^|–—»]*$/, '').trim(), el: null };
}

const POST_DATE_MACHINE = 'time.entry-date.published, time.published, abbr.published, .published[datetime], time.entry-date, .entry-date[datetime], time[itemprop=datePublished], [itemprop=datePublished], .entry-meta time, .post-meta time, .entry-header time, time[datetime]';
const POST_DATE_PRINTED = '.entry-date, .post-date, .published, .posted-on, .entry-meta, .post-meta, .meta-date, .postmetadata, .post-info, .byline, .date, time';

function machineDate(ctx: PageContext, scopes: Element[], comments: Element[]): { iso: string; raw: string } | null {
  for (const scope of scopes) {
    for (const el of candidates(scope, ctx, POST_DATE_MACHINE, comments)) {
      const v = attr(el, 'datetime') ?? attr(el, 'title') ?? attr(el, 'content');
      if (v === undefined) continue;
      const iso = validIso(v);
      if (iso) return { iso, raw: squash(textOf(el)) || v };
      ctx.diagnostics.push({ severity: 'info', code: 'datetime-invalid', message: `post date attribute "${v.slice(0, 40)}" is not ISO 8601; ignored` });
      return null;
    }
  }
  return null;
}

/**
 * Plugins often print the post's local time labelled `+00:00` next to the right UTC value (a recipe card beside
 * Yoast). A `Z`/`+00:00` value whose wall-clock time, read in the page's zone, is the instant another of the
 * page's dates gives was local time: it gets the page's offset. Without such a second value nothing changes.
 */
function relabelLocal(dates: { iso: string; raw: string }[], zone: string): { iso: string; raw: string }[] {
  const instants = new Set(dates.map((d) => toGmt(d.iso)).filter((g) => g !== null));
  return dates.map((d) => {
    if (!/(?:Z|[+-]00:00)$/.test(d.iso)) return d;
    const local = relabel(d.iso, zone);
    const gmt = local ? toGmt(local) : null;
    return local && gmt && gmt !== toGmt(d.iso) && instants.has(gmt) ? { iso: local, raw: d.raw } : d;
  });
}

function findDate(ctx: PageContext, scopes: Element[], comments: Element[]): { iso: string | null; raw: string } {
  const values = [meta(ctx, 'article:published_time'), meta(ctx, 'datePublished'), ...jsonLdAll(ctx, /"datePublished"\s*:\s*"([^"]{4,40})"/g)];
  const found = values.map((v) => ({ iso: validIso(v), raw: v })).filter((d): d is { iso: string; raw: string } => d.iso !== null);
  const metaDates = relabelLocal(found, ctx.dates.zone);
  const machine = machineDate(ctx, scopes, comments);
  if (machine) {
    // A date-only value: a meta date-time of the same day is more precise.
    const same = machine.iso.length === 10 ? metaDates.find((d) => d.iso.startsWith(machine.iso) && d.iso.length > 10) : undefined;
    return same ?? machine;
  }
  if (metaDates[0]) return metaDates[0];
  const noRef = { ...ctx.dates, reference: null, postDate: null };
  for (const scope of scopes) {
    for (const el of candidates(scope, ctx, POST_DATE_PRINTED, comments)) {
      const t = squash(textOf(el));
      if (t === '' || t.length > 300) continue;
      const r = readPrintedDate(t, noRef);
      if (r?.iso && !r.flag) {
        if (r.iso.length > 10) reportZone(ctx);
        return { iso: r.iso, raw: t };
      }
    }
  }
  return { iso: null, raw: '' };
}

const AUTHOR_SELECTORS = '.byline a[rel=author], .author.vcard .fn, .entry-meta a[rel=author], .post-meta a[rel=author], .post-author-name, .post_author a, a[rel=author], .byline .author a, .entry-author-name, .entry-author-text a, .entry-author-link, .post-meta .author a, .author-link, .byline .author, span.author a, span.author, .author a, .entry-author';

function cleanAuthor(s: string): string {
  return squash(s).replace(/^(?:View all posts by|Get posts by|All posts by|Alle Beiträge von|Beiträge von|Posted by|Written by|Verfasst von|Geschrieben von|von|by|Autor(?:in)?:?|Author:?)\s+/i, '').trim();
}

/** JSON-LD types that carry the post's author: schema.org Article and its kinds, and the WebPage (older Yoast graphs). */
const ARTICLE_TYPE = /^(?:Article|BlogPosting|NewsArticle|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|OpinionNewsArticle|AnalysisNewsArticle|WebPage|ItemPage)$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The author of the post's JSON-LD `Article`: its `author.name`, or the name of the node its `author.@id` points
 * to (Yoast's `@graph` keeps the `Person` apart). Unparsable scripts are skipped.
 */
function jsonLdAuthor(ctx: PageContext): string {
  const nodes: Record<string, unknown>[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) for (const x of v) collect(x, depth + 1);
    else if (isRecord(v)) {
      nodes.push(v);
      collect(v['@graph'], depth + 1);
    }
  };
  for (const s of selectAll(ctx.doc, 'script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(textOf(s)), 0);
    } catch {
      // not JSON: the page's other dates and names still count
    }
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const nameOf = (a: unknown): string => {
    const first = Array.isArray(a) ? a[0] : a;
    if (typeof first === 'string') return first;
    if (!isRecord(first)) return '';
    if (typeof first['name'] === 'string') return first['name'];
    const target = typeof first['@id'] === 'string' ? byId.get(first['@id']) : undefined;
    return target && typeof target['name'] === 'string' ? target['name'] : '';
  };
  for (const n of nodes) {
    const types = ([] as unknown[]).concat(n['@type']);
    if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) continue;
    const name = squash(nameOf(n['author']));
    if (name && name.length <= 100 && !/^https?:/.test(name)) return name;
  }
  return '';
}

/** Weekdays and months (en, de, fr, long and short): a name on a meta line ends where a date begins. */
const DATE_WORDS =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|' +
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Mär|Okt|Dez|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre';
/**
 * A meta line's `Posted by Name under …`, `Von Name am …`, `By Name Fr, 18. Oktober`: up to four words after the
 * label, ending before a joining word, a date, a number or a separator.
 */
const POSTED_BY = new RegExp(
  String.raw`(?:^|\s)(?:Posted by|Written by|By|Verfasst von|Geschrieben von|Von|Publié par|Par)\s+([^\s,|•·—–:]+(?: [^\s,|•·—–:]+){0,3}?)` +
    String.raw`(?=\s+(?:under|in|on|at|am|um|unter|im|le|dans)(?:\s|$)|\s+(?:${DATE_WORDS})\.?,?\s+\d|\s+\d|\s*[,|•·—–]|\s*$)`,
  'u',
);
const META_LINES = '.post-info, .entry-meta, .post-meta, .postmetadata, .byline, .entry-byline, .post-byline, .meta';

/** The author named in plain text on the post's meta line (no link, no markup), or ''. */
function postedBy(ctx: PageContext, scopes: Element[], comments: Element[]): string {
  for (const scope of scopes) {
    for (const el of candidates(scope, ctx, META_LINES, comments)) {
      const text = squash(textOf(el, (e) => matches(e, 'h1, h2, h3, .post-title, .entry-title, time')));
      const name = POSTED_BY.exec(text)?.[1] ?? '';
      if (name && !/\d/.test(name)) return name;
    }
  }
  return '';
}

function findAuthor(ctx: PageContext, container: Element | null, scopes: Element[], comments: Element[]): string | null {
  for (const el of candidates(container, ctx, AUTHOR_SELECTORS, comments)) {
    const name = cleanAuthor(textOf(el));
    if (name && name.length <= 100 && !/[→»]|anzeigen|View all|more posts|Alle Beiträge/i.test(name)) return name;
  }
  const m =
    meta(ctx, 'author') ||
    meta(ctx, 'shareaholic:article_author_name') ||
    jsonLd(ctx, /"author"\s*:\s*\[?\s*\{[^}]*?"name"\s*:\s*"([^"]{1,100})"/) ||
    jsonLdAuthor(ctx) ||
    postedBy(ctx, scopes, comments);
  return m ? cleanAuthor(m) : null;
}

function slugFromUrl(href: string, fallback: string): string {
  const path = href.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  let slug = last;
  try {
    slug = decodeURIComponent(last);
  } catch {
    slug = last;
  }
  return slug && !/^https?:$/.test(slug) ? slug.toLowerCase() : fallback.toLowerCase().replace(/\s+/g, '-');
}

function findTerms(ctx: PageContext, container: Element | null, comments: Element[]): ItemTerm[] {
  const read = (sel: string, taxonomy: string, exclude?: string): ItemTerm[] => {
    const seen = new Set<string>();
    const out: ItemTerm[] = [];
    let els = candidates(container, ctx, sel, comments);
    if (els.length === 0 && container) els = candidates(null, ctx, sel, comments);
    for (const a of els) {
      if (exclude && matches(a, exclude)) continue;
      const name = squash(textOf(a));
      if (!name || seen.has(name)) continue;
      seen.add(name);
      out.push({ taxonomy, slug: slugFromUrl(ctx.url(attr(a, 'href') ?? ''), name), name });
    }
    return out;
  };
  let cats = read('a[rel~=category]', 'category');
  if (cats.length === 0) cats = read('.cat-links a, .entry-categories a, .post-categories a', 'category');
  let tags = read('a[rel~=tag]', 'post_tag', 'a[rel~=category]');
  if (tags.length === 0) tags = read('.tags-links a, .tag-links a, .entry-tags a, .post-tags a', 'post_tag');
  return [...cats, ...tags];
}

function findPostId(ctx: PageContext): { id: number; type: 'post' | 'page' } {
  const body = selectOne(ctx.doc, 'body');
  for (const c of body ? classes(body) : []) {
    const m = /^(postid|page-id)-(\d{1,18})$/.exec(c);
    if (m) return { id: Number(m[2]), type: m[1] === 'page-id' ? 'page' : 'post' };
  }
  for (const el of selectAll(ctx.doc, 'article[id^=post-], div[id^=post-]')) {
    const m = /^post-(\d{1,18})$/.exec(attr(el, 'id') ?? '');
    if (m && !outsidePost(el, [])) return { id: Number(m[1]), type: 'post' };
  }
  const short = selectOne(ctx.doc, 'link[rel=shortlink]');
  const sm = /[?&]p=(\d{1,18})/.exec(short ? attr(short, 'href') ?? '' : '');
  if (sm) return { id: Number(sm[1]), type: 'post' };
  const pid = selectOne(ctx.doc, 'input[name=comment_post_ID]');
  const pm = /^\d{1,18}$/.exec(pid ? attr(pid, 'value') ?? '' : '');
  if (pm) return { id: Number(pm[0]), type: 'post' };
  return { id: 0, type: 'post' };
}

/** The page's permalink: canonical link, `og:url`, else ''. */
export function findLink(ctx: PageContext): string {
  const canon = selectOne(ctx.doc, 'link[rel=canonical]');
  const c = canon ? attr(canon, 'href') ?? '' : '';
  return ctx.url(c || meta(ctx, 'og:url'));
}

/** Reads the post of the page. `comments` are the comment roots (excluded from every search). */
export function readPost(ctx: PageContext, comments: Element[]): PostFields {
  ctx.postBody = null;
  const found = findBody(ctx, comments);
  const body = found?.el ?? null;
  ctx.postBody = body;
  const container = body ? closest(body, 'article, .post, .hentry, .type-post, [id^=post-], main, #content') ?? parentElement(body) : null;
  const title = findTitle(ctx, comments);
  const scopes: Element[] = [];
  if (container) scopes.push(container);
  let near: Element | null = title.el;
  for (let i = 0; i < 3 && near; i++) near = parentElement(near);
  if (near && !scopes.includes(near)) scopes.push(near);
  const date = findDate(ctx, scopes, comments);
  const rootSet = new Set(comments);
  const bodyNoise = (el: Element): boolean => rootSet.has(el) || matches(el, BODY_NOISE) || (found?.container === true && matches(el, CONTAINER_NOISE));
  const { id, type } = findPostId(ctx);
  return {
    id,
    type,
    title: title.text,
    link: findLink(ctx),
    author: findAuthor(ctx, container, scopes, comments),
    date: date.iso,
    dateRaw: date.raw,
    content: body ? innerHtml(body, bodyNoise, ctx.map).trim() : '',
    terms: findTerms(ctx, container, comments),
    body,
  };
}

/** Number of post-like blocks on the page (a listing page has several and no single-post markers). */
export function countPostBlocks(ctx: PageContext): number {
  return descendants(ctx.doc).filter((el) => (el.tagName === 'article' || el.tagName === 'div') && classes(el).includes('hentry') || (el.tagName === 'article' && classes(el).includes('post'))).length;
}
