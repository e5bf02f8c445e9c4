/**
 * Stable JSON of the data model: every object is rebuilt with the key order of
 * SPEC.md's data model, whatever order its producer assigned the keys in, so two
 * equal archives always serialize to the same string. Optional fields that are
 * absent are left out (never `undefined`); `extra` keys are sorted. The key orders
 * are in `json/order.ts`, the `threads` writer in `json/threads.ts`.
 */
import type { Archive, Item, WxrEntry } from '../model.js';
import { threadCommentsWithDiagnostics } from '../normalize/thread/index.js';
import { orderAuthor, orderComment, orderDiagnostic, orderItemTerm, orderMeta, orderProvenance, orderSite, orderTerm, withExtra } from './json/order.js';
import { authorNames, emitContext, finishJson, placeholder, threadMode, threadOptions, threadsJson, withThreadDiagnostics, type EmitContext } from './json/threads.js';
import { bool, list, num, rec, str, type JsonObject } from './json/values.js';

export { orderComment, orderDiagnostic } from './json/order.js';
export { addAuthorName, emitContext, finishJson, threadMode, threadsJson, type EmitContext, type ThreadMode } from './json/threads.js';

/** Options of {@link toJson}. */
export interface ToJsonOptions {
  /** Indent with two spaces and put one field on each line. Default: `false` (one line). */
  pretty?: boolean;
  /**
   * Add `threads: CommentNode[]` to every item, the reply tree built by `threadComments`
   * from `parentId`; `'mentions'` also hangs flat `@Name` replies under the comment they
   * address. What threading finds (a missing parent, a cycle, …) is added to
   * `diagnostics`. Default: `false` (no `threads` field).
   */
  threads?: boolean | 'mentions';
}

/** An `Item` with the model's key order; `threads` added (as a placeholder) when the context asks for it. */
function orderItem(i: Item, ctx?: EmitContext): JsonObject {
  i = rec(i);
  const o = withExtra(
    {
      id: num(i.id),
      type: str(i.type),
      status: str(i.status),
      title: str(i.title),
      slug: str(i.slug),
      link: str(i.link),
      guid: str(i.guid),
      author: str(i.author),
      date: str(i.date),
      dateGmt: str(i.dateGmt),
      modified: str(i.modified),
      modifiedGmt: str(i.modifiedGmt),
      content: str(i.content),
      excerpt: str(i.excerpt),
      parentId: num(i.parentId),
      menuOrder: num(i.menuOrder),
      commentStatus: str(i.commentStatus),
      pingStatus: str(i.pingStatus),
      password: str(i.password),
      sticky: bool(i.sticky),
      attachmentUrl: str(i.attachmentUrl),
      terms: list(i.terms, orderItemTerm),
      meta: list(i.meta, orderMeta),
      comments: list(i.comments, orderComment),
    },
    i.extra,
  );
  if (ctx !== undefined && ctx.mode !== null) {
    const comments = Array.isArray(i.comments) ? i.comments : [];
    const { threads, diagnostics } = threadCommentsWithDiagnostics(comments, threadOptions(i, { ...ctx, mode: ctx.mode }));
    o.threads = placeholder(ctx, ctx.threads.length);
    ctx.threads.push(threadsJson(threads, ctx.indent, ctx.itemLevel));
    ctx.diagnostics.push(...diagnostics);
  }
  return o;
}

/** A whole `Archive` with the model's key order. */
function orderArchive(a: Archive, ctx?: EmitContext): JsonObject {
  a = rec(a);
  const o: JsonObject = {
    site: orderSite(a.site),
    authors: list(a.authors, orderAuthor),
    terms: list(a.terms, orderTerm),
    items: list(a.items, (i) => orderItem(i, ctx)),
    diagnostics: withThreadDiagnostics(list(a.diagnostics, orderDiagnostic), ctx),
  };
  if (a.provenance !== undefined) o.provenance = orderProvenance(a.provenance);
  return o;
}

/** A `WxrEntry` with `kind` first, then its payload in the model's key order. */
export function orderEntry(e: WxrEntry, ctx?: EmitContext): JsonObject {
  e = rec(e);
  switch (e.kind) {
    case 'site':
      return { kind: 'site', site: orderSite(e.site) };
    case 'author':
      return { kind: 'author', author: orderAuthor(e.author) };
    case 'term':
      return { kind: 'term', term: orderTerm(e.term) };
    case 'item':
      return { kind: 'item', item: orderItem(e.item, ctx) };
    default:
      // Not a kind of the model: keep only its name rather than guess at its shape.
      return { kind: str((e as { kind: unknown }).kind) };
  }
}

/**
 * Stable JSON of a whole archive: keys in the order of the data model (SPEC.md),
 * independent of how the objects were built, valid against `wxr-kit/schema.json`.
 * Absent optional fields are omitted, never `undefined`.
 *
 * @example
 * import { parseWxr, toJson } from 'wxr-kit';
 * const json = toJson(parseWxr(xml), { pretty: true, threads: true });
 * JSON.parse(json).items[0].threads; // CommentNode[]
 */
export function toJson(archive: Archive, options: ToJsonOptions = {}): string {
  archive = rec(archive);
  options = rec(options);
  const mode = threadMode(options.threads);
  const indent = options.pretty === true ? '  ' : '';
  const names = mode === null ? new Map<string, string>() : authorNames(Array.isArray(archive.authors) ? archive.authors : []);
  for (;;) {
    // Items' keys sit at level 3: archive { items: [ { key
    const ctx = emitContext(mode, names, indent, 3);
    const ordered = orderArchive(archive, ctx);
    const json = finishJson(indent === '' ? JSON.stringify(ordered) : JSON.stringify(ordered, null, indent), ctx);
    if (json !== null) return json;
  }
}
