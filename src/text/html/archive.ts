/**
 * `parseHtmlArchive`: one saved post page -> an Archive with one Item and its comments.
 * Pipeline: saver/Wayback facts and string cleanup -> spec parse -> profile -> comments by id ->
 * post fields -> comment fields -> parents -> paging -> model.
 */
import type { Archive, Comment, Diagnostic, Extra, Item, Provenance } from '../../model.js';
import { inferReplyParents } from '../../normalize/thread/index.js';
import type { ThreadOptions } from '../../normalize/thread/index.js';
import { type Anchor, findAnchors } from './anchors.js';
import { readComment } from './comments.js';
import type { PageContext } from './context.js';
import { toGmt, validIso, zoneOfIso } from './dates.js';
import { contains, parsePageTree } from './dom.js';
import type { HtmlArchiveOptions } from './options.js';
import { chooseProfile, emptyArchive, isListing, pageLang, pageZone, siteOf, slugOf, zoneNote } from './page.js';
import { readPaging } from './paging.js';
import { findLink, readPost } from './post.js';
import { saverFacts } from './savers.js';
import { selectAll, selectOne } from './select.js';
import { resolveParents } from './thread.js';
import { MAX_TREE_DEPTH } from './tree.js';
import { isWayback, stripWayback, unwrapArchivedUrl, unwrapSrcset, unwrapStyle, waybackFacts } from './wayback.js';

function extra(entries: Array<[string, string | null | undefined]>): Extra {
  const out: Extra = Object.create(null) as Extra;
  for (const [k, v] of entries) if (v !== null && v !== undefined && v !== '') out[k] = [v];
  return out;
}

function parsePage(html: string, options: HtmlArchiveOptions): Archive {
  const diagnostics: Diagnostic[] = [];
  const wayback = isWayback(html);
  const wb = wayback ? waybackFacts(html) : {};
  const saver = wayback ? null : saverFacts(html);
  const provenance: Provenance = { kind: 'html' };
  if (wayback) {
    provenance.savedBy = 'wayback';
    html = stripWayback(html);
    diagnostics.push({ severity: 'info', code: 'wayback-stripped', message: `Wayback capture${wb.capturedAt ? ` of ${wb.capturedAt}` : ''}: toolbar, injected scripts and archived URLs removed` });
  } else if (saver) provenance.savedBy = saver.savedBy;
  const { doc, flattened } = parsePageTree(html);
  if (flattened > 0) diagnostics.push({ severity: 'warning', code: 'html-depth-limit', message: `elements nest deeper than ${MAX_TREE_DEPTH} levels: ${flattened} element(s) were placed at that depth instead (as browsers do); content is kept, the deep structure is not` });
  const url = (u: string): string => (wayback ? unwrapArchivedUrl(u) : u);
  const lang = pageLang(doc, options);
  const ctx: PageContext = {
    doc,
    profile: chooseProfile(doc),
    dates: { zone: 'UTC', lang, reference: null, postDate: null },
    map: wayback ? { url: unwrapArchivedUrl, srcset: unwrapSrcset, style: unwrapStyle } : null,
    url,
    diagnostics,
    postBody: null,
    zoneNote: null,
  };
  const originalUrl = options.url ?? wb.url ?? saver?.url ?? (findLink(ctx) || undefined);
  if (originalUrl) provenance.url = originalUrl;
  const capturedAt = wb.capturedAt;
  if (capturedAt) provenance.capturedAt = capturedAt;
  let zone = pageZone(doc, lang, options);
  ctx.dates.zone = zone.zone;
  ctx.zoneNote = zoneNote(zone);
  ctx.dates.reference = validIso(options.reference) ?? capturedAt ?? null;

  const { anchors, sidebarIds } = findAnchors(doc);
  const idless = selectAll(doc, 'li.pingback, li.trackback').filter((li) => !anchors.some((a) => a.root === li || contains(li, a.root) || contains(a.root, li))).length;
  if (idless > 0) diagnostics.push({ severity: 'info', code: 'pingback-without-id', message: `${idless} pingback/trackback entr${idless === 1 ? 'y has' : 'ies have'} no comment id (Twenty Ten/Eleven style) and were left out` });
  if (sidebarIds > 0) diagnostics.push({ severity: 'info', code: 'comments-foreign-skipped', message: `${sidebarIds} comment id(s) in sidebars or widgets (other posts' comments) were left out` });
  if (isListing(doc, ctx, anchors.length)) {
    diagnostics.push({ severity: 'info', code: 'html-listing-page', message: 'a listing page (home, archive, category, tag or search): several posts, no single post; skipped' });
    return emptyArchive(diagnostics, provenance, lang);
  }
  const roots = anchors.map((a) => a.root);
  const post = readPost(ctx, roots);
  if (!post.body && anchors.length === 0 && post.title === '') {
    diagnostics.push({ severity: 'warning', code: 'html-not-a-post', message: 'no post found: the page has no title, no post body and no comments' });
    return emptyArchive(diagnostics, provenance, lang);
  }
  if (!/wp-content|wp-includes|WordPress/i.test(html)) diagnostics.push({ severity: 'info', code: 'html-not-wordpress', message: 'no WordPress markers (wp-content, generator); read with generic rules' });
  ctx.dates.postDate = post.date;
  const postZone = zoneOfIso(post.date);
  if (zone.from === null && postZone && ctx.zoneNote) {
    zone = { zone: postZone, from: 'the post date' };
    ctx.zoneNote = zoneNote(zone);
  }
  ctx.dates.zone = zone.zone;
  const comments = inferMentions(readComments(anchors, ctx, post.id), post.author, post.id, diagnostics);
  const paging = readPaging(ctx);
  if (anchors.length === 0) {
    const template = selectOne(doc, 'script[type="text/template"]') !== null;
    diagnostics.push({ severity: 'info', code: 'comments-not-found', message: `no comments in the page${template ? ' (only a script template)' : ''}; the post is read without comments` });
  }
  if ((paging.declared !== null && paging.declared > comments.length) || paging.pages.length > 0) {
    diagnostics.push({ severity: 'info', code: 'comments-partial', message: `the page holds ${comments.length} comment(s)${paging.declared !== null ? ` of ${paging.declared} declared` : ''}${paging.pages.length > 0 ? `; comments are paged (${paging.pages.length} other page link(s))` : ''}` });
  }
  const link = post.link || originalUrl || '';
  const item: Item = {
    id: post.id,
    type: post.type,
    status: 'publish',
    title: post.title,
    slug: slugOf(link),
    link,
    guid: link,
    author: post.author,
    date: post.date,
    dateGmt: toGmt(post.date),
    modified: null,
    modifiedGmt: null,
    content: post.content,
    excerpt: '',
    parentId: null,
    menuOrder: 0,
    commentStatus: selectOne(doc, '#respond, #commentform, .comment-respond') ? 'open' : 'closed',
    pingStatus: 'open',
    password: '',
    sticky: false,
    attachmentUrl: null,
    terms: post.terms,
    meta: [],
    comments,
    extra: extra([
      ['contentKind', 'rendered-html'],
      ['theme', ctx.profile?.id ?? 'generic'],
      ['dateRaw', post.dateRaw],
      ['declaredCommentCount', paging.declared === null ? null : String(paging.declared)],
      ['commentsPagePrev', paging.prev],
      ['commentsPageNext', paging.next],
    ]),
  };
  if (paging.pages.length > 0 && item.extra) item.extra['commentPages'] = paging.pages;
  if (post.date === null) diagnostics.push({ severity: 'info', code: 'post-date-not-found', message: 'the page prints no post date; Item.date is null' });
  return {
    site: siteOf(doc, link, lang),
    authors: post.author ? [{ id: null, login: post.author, email: '', displayName: post.author, firstName: '', lastName: '' }] : [],
    terms: post.terms.map((t) => ({ id: null, taxonomy: t.taxonomy, slug: t.slug, name: t.name, parentSlug: null, description: '', meta: [] })),
    items: [item],
    diagnostics,
    provenance,
  };
}

/**
 * Only for genuinely flat threads (no comment got a parent from the page): `@Name` replies through the
 * shared thread inference; such parents are marked `parentVia: mention`.
 */
function inferMentions(comments: Comment[], postAuthor: string | null, postId: number, diagnostics: Diagnostic[]): Comment[] {
  if (comments.length < 2 || comments.some((c) => c.parentId !== null)) return comments;
  const options: ThreadOptions = { postId };
  if (postAuthor) options.postAuthor = postAuthor;
  const result = inferReplyParents(comments, options);
  if (result.inferred.length === 0) return comments;
  for (const d of result.diagnostics) diagnostics.push(d);
  const byId = new Map(result.inferred.map((r) => [r.commentId, r.parentId]));
  return comments.map((c) => {
    const parent = byId.get(c.id);
    if (parent === undefined) return c;
    const extra: Extra = Object.assign(Object.create(null) as Extra, c.extra);
    extra['parentVia'] = ['mention'];
    return { ...c, parentId: parent, extra };
  });
}

function readComments(anchors: Anchor[], ctx: PageContext, postId: number): Comment[] {
  const parents = resolveParents(anchors);
  return anchors.map((a, order) => {
    if (a.duplicates > 1) ctx.diagnostics.push({ severity: 'info', code: 'duplicate-id', message: `comment ${a.id}: ${a.duplicates} separate elements carry its id; the largest is used`, itemId: postId });
    const raw = readComment(a, ctx);
    const p = parents.get(a.id) ?? { parentId: null, via: 'none' as const };
    raw.comment.parentId = p.parentId;
    raw.comment.extra = extra([
      ['parentVia', p.via],
      ['dateRaw', raw.dateRaw],
      ['order', String(order)],
      ['isPostAuthor', raw.isPostAuthor ? 'true' : null],
    ]);
    return raw.comment;
  });
}

/**
 * Reads one saved WordPress post page (browser save, wget/HTTrack mirror, Wayback capture) into an
 * `Archive` with one item: title, date, author, categories, tags, body HTML, and the comments with ids,
 * authors, dates, types and threads. Wayback pages are cleaned and their original URL and capture time
 * go to `archive.provenance` (never used as a date). Total: bad input gives diagnostics, never a throw.
 *
 * @example
 * ```ts
 * import { parseHtmlArchive } from 'wxr-kit';
 * const archive = parseHtmlArchive(html, { reference: '2019-10-19T12:00:00Z' });
 * const [post] = archive.items;
 * console.log(post?.title, post?.comments.length, archive.provenance?.capturedAt);
 * ```
 */
export function parseHtmlArchive(html: string, options: HtmlArchiveOptions = {}): Archive {
  const input = typeof html === 'string' ? html : '';
  try {
    return parsePage(input, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return emptyArchive([{ severity: 'error', code: 'html-unreadable', message: `the page could not be read: ${message}` }], { kind: 'html' });
  }
}
