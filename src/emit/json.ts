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
import { threadCommentsWithDiagnostics } from '../normalize/thread/index.js';

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

/** A JSON-ready value: plain data only, no `undefined` anywhere. */
type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** Resolved threading mode: `null` for none. */
export type ThreadMode = null | { mentions: boolean };

/** `threads` option to its resolved mode. */
export function threadMode(threads: boolean | 'mentions' | undefined): ThreadMode {
  if (threads === 'mentions') return { mentions: true };
  return threads === true ? { mentions: false } : null;
}

// Leaves: the model's types pass through; anything else (a caller's bug, not data) becomes
// null or a string, never an exception. Objects are never stringified: their toString may throw.
const str = (v: unknown): JsonValue =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : null;
const num = (v: unknown): JsonValue => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): JsonValue => (typeof v === 'boolean' ? v : null);
const list = <T>(v: readonly T[] | undefined, f: (x: T) => JsonValue): JsonValue[] =>
  Array.isArray(v) ? v.map((x) => f(rec(x))) : [];
/** The object itself, or an empty one in place of null or a primitive. */
function rec<T>(v: T): T {
  return v !== null && typeof v === 'object' ? v : ({} as T);
}

/** Adds `key: value` only when the source value is present (optional fields). */
function optional(o: JsonObject, key: string, value: unknown, f: (v: unknown) => JsonValue): void {
  if (value !== undefined) o[key] = f(value);
}

/** `extra` with sorted keys, in a null-prototype object so that any element name is a safe key. */
function orderExtra(extra: Extra): JsonObject {
  const out = Object.create(null) as JsonObject;
  for (const key of Object.keys(extra).sort()) {
    const values = extra[key];
    out[key] = Array.isArray(values) ? values.map(str) : [];
  }
  return out;
}

function withExtra(o: JsonObject, extra: Extra | undefined): JsonObject {
  if (extra !== undefined && extra !== null && typeof extra === 'object') o.extra = orderExtra(extra);
  return o;
}

const orderMeta = (m: Meta): JsonValue => ({ key: str(m.key), value: str(m.value) });
const orderItemTerm = (t: ItemTerm): JsonValue => ({ taxonomy: str(t.taxonomy), slug: str(t.slug), name: str(t.name) });

/** A `Site` with the model's key order. */
function orderSite(s: Site): JsonObject {
  s = rec(s);
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
function orderAuthor(a: Author): JsonObject {
  a = rec(a);
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
function orderTerm(t: Term): JsonObject {
  t = rec(t);
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
  c = rec(c);
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

/**
 * How one serialization writes `threads`. Reply trees are written by hand, without
 * recursion, because a reply chain a few thousand deep (an export can hold one) would
 * overflow the stack of `JSON.stringify`. Each item's `threads` becomes a placeholder
 * string that {@link finishJson} swaps for the hand-written JSON.
 */
export interface EmitContext {
  readonly mode: ThreadMode;
  /** Login to display name, for `@Name` replies to the post author. */
  readonly authors: ReadonlyMap<string, string>;
  /** Indent unit (`''` for one line). */
  readonly indent: string;
  /** The indent level of an item's keys in the final document. */
  readonly itemLevel: number;
  /** Unguessable per run, so that no text of the export can pass for a placeholder. */
  readonly nonce: string;
  readonly threads: string[];
  /** What threading found (missing parents, cycles, …), for the archive's diagnostics. */
  readonly diagnostics: Diagnostic[];
}

/** A fresh context for one serialization. */
export function emitContext(mode: ThreadMode, authors: ReadonlyMap<string, string>, indent: string, itemLevel: number): EmitContext {
  const nonce = `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  return { mode, authors, indent, itemLevel, nonce, threads: [], diagnostics: [] };
}

/** JSON of a `CommentNode[]` whose opening bracket sits at indent `level`, written without recursion. */
export function threadsJson(nodes: readonly CommentNode[], indent: string, level: number): string {
  const nl = (k: number): string => (indent === '' ? '' : `\n${indent.repeat(k)}`);
  const sep = indent === '' ? '' : ' ';
  const nested = (v: JsonValue, k: number): string => {
    const json = indent === '' ? JSON.stringify(v) : JSON.stringify(v, null, indent);
    return indent === '' ? json : json.replace(/\n/g, nl(k));
  };
  const out: string[] = [];
  // A stack of things still to write: literal text, or a node whose `{` sits at a level.
  const todo: (string | [CommentNode, number])[] = [];
  const pushList = (list: readonly CommentNode[], k: number): void => {
    if (list.length === 0) return void todo.push('[]');
    todo.push(`${nl(k)}]`);
    for (let i = list.length - 1; i >= 0; i--) {
      todo.push([list[i] as CommentNode, k + 1]);
      todo.push(i === 0 ? `[${nl(k + 1)}` : `,${nl(k + 1)}`);
    }
  };
  pushList(nodes, level);
  while (todo.length > 0) {
    const next = todo.pop() as string | [CommentNode, number];
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    const n = rec(next[0]);
    const k = next[1];
    const via = n.via === 'parent' || n.via === 'mention' ? n.via : null;
    let tail = `,${nl(k + 1)}"via":${sep}${JSON.stringify(via)}`;
    if (n.mentions !== undefined) tail += `,${nl(k + 1)}"mentions":${sep}${nested(list(n.mentions, orderMention), k + 1)}`;
    todo.push(`${tail}${nl(k)}}`);
    pushList(Array.isArray(n.replies) ? n.replies : [], k + 1);
    out.push(`{${nl(k + 1)}"comment":${sep}${nested(orderComment(n.comment), k + 1)},${nl(k + 1)}"replies":${sep}`);
  }
  return out.join('');
}

/** Options for threading one item: its id, and its author by display name and login. */
function threadOptions(item: Item, ctx: EmitContext & { mode: { mentions: boolean } }) {
  const opts = { mentions: ctx.mode.mentions, ...(typeof item.id === 'number' ? { postId: item.id } : {}) };
  if (typeof item.author !== 'string' || item.author === '') return opts;
  const name = ctx.authors.get(item.author);
  return name === undefined || name === item.author
    ? { ...opts, postAuthor: item.author }
    : { ...opts, postAuthor: name, postAuthorAliases: [item.author] };
}

/** The placeholder for the `n`-th `threads` of a context, as it appears in the JSON. */
const placeholder = (ctx: EmitContext, n: number): string => `wxr-kit:threads:${ctx.nonce}:${n}`;

/**
 * Swaps the `threads` placeholders of `json` for their JSON. Returns null when the
 * count does not match (text of the export happened to contain one): serialize again
 * with a fresh context.
 */
export function finishJson(json: string, ctx: EmitContext): string | null {
  if (ctx.threads.length === 0) return json;
  const pattern = new RegExp(`"wxr-kit:threads:${ctx.nonce}:(\\d+)"`, 'g');
  const seen = new Set<number>();
  const out = json.replace(pattern, (_m, n: string) => {
    seen.add(Number(n));
    return ctx.threads[Number(n)] ?? '[]';
  });
  return seen.size === ctx.threads.length && (json.match(pattern)?.length ?? 0) === ctx.threads.length ? out : null;
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

/** A `Diagnostic` with the model's key order. */
export function orderDiagnostic(d: Diagnostic): JsonObject {
  d = rec(d);
  const o: JsonObject = { severity: str(d.severity), code: str(d.code), message: str(d.message) };
  optional(o, 'line', d.line, num);
  optional(o, 'column', d.column, num);
  optional(o, 'itemId', d.itemId, num);
  optional(o, 'file', d.file, str);
  return o;
}

function orderProvenance(p: Provenance): JsonObject {
  p = rec(p);
  const o: JsonObject = { kind: str(p.kind) };
  optional(o, 'url', p.url, str);
  optional(o, 'capturedAt', p.capturedAt, str);
  optional(o, 'savedBy', p.savedBy, str);
  return o;
}

/** Login to display name, for `threads: 'mentions'` (a Map: logins are untrusted keys). */
function authorNames(authors: readonly Author[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of authors) addAuthorName(names, a);
  return names;
}

/** Remembers an author's display name under its login (the first one wins). */
export function addAuthorName(names: Map<string, string>, author: Author): void {
  const { login, displayName } = rec(author);
  if (typeof login === 'string' && typeof displayName === 'string' && displayName !== '' && !names.has(login)) names.set(login, displayName);
}

/** The archive's diagnostics, then those threading found that it does not have yet. */
function withThreadDiagnostics(own: JsonValue[], ctx: EmitContext | undefined): JsonValue[] {
  if (ctx === undefined || ctx.diagnostics.length === 0) return own;
  const seen = new Set(own.map((d) => JSON.stringify(d)));
  for (const d of ctx.diagnostics) {
    const o = orderDiagnostic(d);
    const key = JSON.stringify(o);
    if (!seen.has(key)) own.push(o);
    seen.add(key);
  }
  return own;
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
