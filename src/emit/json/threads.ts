/**
 * `threads` in JSON: reply trees written by hand (without recursion) and swapped in for
 * per-item placeholders after `JSON.stringify`.
 */
import type { Author, CommentNode, Diagnostic, Item } from '../../model.js';
import { orderComment, orderDiagnostic, orderMention } from './order.js';
import { list, rec, type JsonValue } from './values.js';

/** Resolved threading mode: `null` for none. */
export type ThreadMode = null | { mentions: boolean };

/** `threads` option to its resolved mode. */
export function threadMode(threads: boolean | 'mentions' | undefined): ThreadMode {
  if (threads === 'mentions') return { mentions: true };
  return threads === true ? { mentions: false } : null;
}

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
export function threadOptions(item: Item, ctx: { readonly authors: ReadonlyMap<string, string>; readonly mode: { readonly mentions: boolean } }) {
  const opts = { mentions: ctx.mode.mentions, ...(typeof item.id === 'number' ? { postId: item.id } : {}) };
  if (typeof item.author !== 'string' || item.author === '') return opts;
  const name = ctx.authors.get(item.author);
  return name === undefined || name === item.author
    ? { ...opts, postAuthor: item.author }
    : { ...opts, postAuthor: name, postAuthorAliases: [item.author] };
}

/** The placeholder for the `n`-th `threads` of a context, as it appears in the JSON. */
export const placeholder = (ctx: EmitContext, n: number): string => `wxr-kit:threads:${ctx.nonce}:${n}`;

/**
 * Swaps the `threads` placeholders of `json` for their JSON. Returns null when the
 * count does not match (text of the export happened to contain one): serialize again
 * with a fresh context.
 */
export function finishJson(json: string, ctx: EmitContext): string | null {
  if (ctx.threads.length === 0) return json;
  const pattern = new RegExp(`"wxr-kit:threads:${ctx.nonce}:(\\d+)"`, 'g');
  const seen = new Set<number>();
  let matches = 0;
  const out = json.replace(pattern, (_m, n: string) => {
    matches++;
    seen.add(Number(n));
    return ctx.threads[Number(n)] ?? '[]';
  });
  return seen.size === ctx.threads.length && matches === ctx.threads.length ? out : null;
}

/** Login to display name, for `threads: 'mentions'` (a Map: logins are untrusted keys). */
export function authorNames(authors: readonly Author[]): Map<string, string> {
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
export function withThreadDiagnostics(own: JsonValue[], ctx: EmitContext | undefined): JsonValue[] {
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
