/**
 * Stable JSON of the data model: every object is rebuilt with the key order of
 * SPEC.md's data model, whatever order its producer assigned the keys in, so two
 * equal archives always serialize to the same string. Optional fields that are
 * absent are left out (never `undefined`); `extra` keys are sorted.
 */
import type {
  Archive,
  Author,
  Comment,
  CommentNode,
  Diagnostic,
  Extra,
  Item,
  ItemTerm,
  MentionResolution,
  Meta,
  Provenance,
  Site,
  Term,
  WxrEntry,
} from '../model.js';
import { threadComments } from '../normalize/thread/index.js';

/** Options of {@link toJson}. */
export interface ToJsonOptions {
  /** Indent with two spaces and put one field on each line. Default: `false` (one line). */
  pretty?: boolean;
  /**
   * Add `threads: CommentNode[]` to every item, the reply tree built by `threadComments`
   * from `parentId`; `'mentions'` also hangs flat `@Name` replies under the comment they
   * address. Default: `false` (no `threads` field).
   */
  threads?: boolean | 'mentions';
}

/** A JSON-ready value: plain data only, no `undefined` anywhere. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** Resolved threading mode: `null` for none. */
export type ThreadMode = null | { mentions: boolean };

/** `threads` option to its resolved mode. */
export function threadMode(threads: boolean | 'mentions' | undefined): ThreadMode {
  if (threads === 'mentions') return { mentions: true };
  return threads === true ? { mentions: false } : null;
}

const str = (v: unknown): JsonValue => (typeof v === 'string' ? v : v === undefined || v === null ? null : String(v));
const num = (v: unknown): JsonValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): JsonValue => (typeof v === 'boolean' ? v : null);
const list = <T>(v: readonly T[] | undefined, f: (x: T) => JsonValue): JsonValue[] =>
  Array.isArray(v) ? v.map(f) : [];

/** Adds `key: value` only when the source value is present (optional fields). */
function optional(o: JsonObject, key: string, value: unknown, f: (v: unknown) => JsonValue): void {
  if (value !== undefined) o[key] = f(value);
}

/** `extra` with sorted keys, in a null-prototype object so that any element name is a safe key. */
export function orderExtra(extra: Extra): JsonObject {
  const out = Object.create(null) as JsonObject;
  for (const key of Object.keys(extra).sort()) {
    const values = extra[key];
    out[key] = Array.isArray(values) ? values.map(str) : [];
  }
  return out;
}

function withExtra(o: JsonObject, extra: Extra | undefined): JsonObject {
  if (extra !== undefined && extra !== null) o.extra = orderExtra(extra);
  return o;
}

const orderMeta = (m: Meta): JsonValue => ({ key: str(m.key), value: str(m.value) });
const orderItemTerm = (t: ItemTerm): JsonValue => ({ taxonomy: str(t.taxonomy), slug: str(t.slug), name: str(t.name) });

/** A `Site` with the model's key order. */
export function orderSite(s: Site): JsonObject {
  return withExtra(
    {
      title: str(s.title),
      link: str(s.link),
      description: str(s.description),
      language: str(s.language),
      wxrVersion: str(s.wxrVersion),
      baseSiteUrl: str(s.baseSiteUrl),
      baseBlogUrl: str(s.baseBlogUrl),
      generator: str(s.generator),
      exportedAt: str(s.exportedAt),
    },
    s.extra,
  );
}

/** An `Author` with the model's key order. */
export function orderAuthor(a: Author): JsonObject {
  return withExtra(
    {
      id: num(a.id),
      login: str(a.login),
      email: str(a.email),
      displayName: str(a.displayName),
      firstName: str(a.firstName),
      lastName: str(a.lastName),
    },
    a.extra,
  );
}

/** A `Term` with the model's key order. */
export function orderTerm(t: Term): JsonObject {
  return withExtra(
    {
      id: num(t.id),
      taxonomy: str(t.taxonomy),
      slug: str(t.slug),
      name: str(t.name),
      parentSlug: str(t.parentSlug),
      description: str(t.description),
      meta: list(t.meta, orderMeta),
    },
    t.extra,
  );
}

/** A `Comment` with the model's key order. */
export function orderComment(c: Comment): JsonObject {
  return withExtra(
    {
      id: num(c.id),
      parentId: num(c.parentId),
      author: str(c.author),
      authorEmail: str(c.authorEmail),
      authorUrl: str(c.authorUrl),
      authorIp: str(c.authorIp),
      userId: num(c.userId),
      date: str(c.date),
      dateGmt: str(c.dateGmt),
      content: str(c.content),
      approved: str(c.approved),
      type: str(c.type),
      meta: list(c.meta, orderMeta),
    },
    c.extra,
  );
}

const orderMention = (m: MentionResolution): JsonValue => ({
  name: str(m.name),
  commentId: num(m.commentId),
  rule: str(m.rule),
});

/** A `CommentNode` (and its replies) with the model's key order. */
export function orderCommentNode(n: CommentNode): JsonObject {
  const o: JsonObject = {
    comment: orderComment(n.comment),
    replies: list(n.replies, orderCommentNode),
    via: n.via === 'parent' || n.via === 'mention' ? n.via : null,
  };
  if (n.mentions !== undefined) o.mentions = list(n.mentions, orderMention);
  return o;
}

/** The display name of the item's author, for `@Name` replies to the post author. */
function postAuthorName(item: Item, authors: ReadonlyMap<string, string> | undefined): string | undefined {
  if (item.author === null || item.author === undefined) return undefined;
  return authors?.get(item.author) ?? item.author;
}

/** An `Item` with the model's key order; `threads` added when `mode` asks for it. */
export function orderItem(i: Item, mode: ThreadMode = null, authors?: ReadonlyMap<string, string>): JsonObject {
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
  if (mode !== null) {
    const postAuthor = postAuthorName(i, authors);
    const opts = postAuthor === undefined ? { mentions: mode.mentions } : { mentions: mode.mentions, postAuthor };
    o.threads = threadComments(Array.isArray(i.comments) ? i.comments : [], opts).map(orderCommentNode);
  }
  return o;
}

/** A `Diagnostic` with the model's key order. */
export function orderDiagnostic(d: Diagnostic): JsonObject {
  const o: JsonObject = { severity: str(d.severity), code: str(d.code), message: str(d.message) };
  optional(o, 'line', d.line, num);
  optional(o, 'column', d.column, num);
  optional(o, 'itemId', d.itemId, num);
  optional(o, 'file', d.file, str);
  return o;
}

function orderProvenance(p: Provenance): JsonObject {
  const o: JsonObject = { kind: str(p.kind) };
  optional(o, 'url', p.url, str);
  optional(o, 'capturedAt', p.capturedAt, str);
  optional(o, 'savedBy', p.savedBy, str);
  return o;
}

/** Login to display name, for `threads: 'mentions'` (a Map: logins are untrusted keys). */
export function authorNames(authors: readonly Author[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of authors) if (a.displayName !== '' && !names.has(a.login)) names.set(a.login, a.displayName);
  return names;
}

/** A whole `Archive` with the model's key order. */
export function orderArchive(a: Archive, mode: ThreadMode = null): JsonObject {
  const authors = Array.isArray(a.authors) ? a.authors : [];
  const names = mode === null ? undefined : authorNames(authors);
  const o: JsonObject = {
    site: orderSite(a.site),
    authors: authors.map(orderAuthor),
    terms: list(a.terms, orderTerm),
    items: list(a.items, (i) => orderItem(i, mode, names)),
    diagnostics: list(a.diagnostics, orderDiagnostic),
  };
  if (a.provenance !== undefined) o.provenance = orderProvenance(a.provenance);
  return o;
}

/** A `WxrEntry` with `kind` first, then its payload in the model's key order. */
export function orderEntry(e: WxrEntry, mode: ThreadMode = null, authors?: ReadonlyMap<string, string>): JsonObject {
  switch (e.kind) {
    case 'site':
      return { kind: 'site', site: orderSite(e.site) };
    case 'author':
      return { kind: 'author', author: orderAuthor(e.author) };
    case 'term':
      return { kind: 'term', term: orderTerm(e.term) };
    case 'item':
      return { kind: 'item', item: orderItem(e.item, mode, authors) };
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
  const ordered = orderArchive(archive, threadMode(options.threads));
  return options.pretty === true ? JSON.stringify(ordered, null, 2) : JSON.stringify(ordered);
}
