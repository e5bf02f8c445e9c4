/**
 * What `info` reports, accumulated entry by entry (nothing but counters is kept, so a 500 MB
 * export costs no more memory than its largest item). Names from the export are Map keys only.
 */
import type { CommentNode, Item, Site, WxrEntry } from '../model.js';
import { itemTime } from './filter.js';

/** Item types that carry no publication date of their own. */
const UNDATED_TYPES = new Set(['attachment', 'nav_menu_item', 'revision', 'wp_global_styles', 'wp_navigation', 'custom_css', 'customize_changeset']);

/** A shortcode's opening tag: `[name` followed by a space, `]` or `/`. */
const SHORTCODE = /\[([A-Za-z][\w-]{0,39})(?=[\s\]/])[^\]]{0,2000}\]/g;

const bump = <K>(m: Map<K, number>, k: K, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

/** Depth of the deepest reply (a top-level comment is depth 1). */
function depth(nodes: readonly CommentNode[]): number {
  let max = 0;
  const stack: [CommentNode, number][] = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [CommentNode, number];
    if (d > max) max = d;
    for (const r of node.replies) stack.push([r, d + 1]);
  }
  return max;
}

export type Threader = (item: Item) => CommentNode[];

/** The counters of `wxr-kit info`. */
export class ArchiveStats {
  site: Site | null = null;
  readonly authors = new Map<string, string>();
  readonly itemsByAuthor = new Map<string, number>();
  readonly byType = new Map<string, number>();
  readonly byTypeStatus = new Map<string, Map<string, number>>();
  readonly commentTypes = new Map<string, number>();
  readonly commenters = new Map<string, number>();
  readonly shortcodes = new Map<string, number>();
  terms = new Map<string, number>();
  items = 0;
  comments = 0;
  threaded = 0;
  inferred = 0;
  deepest = 0;
  postsWithComments = 0;
  earliest: { t: number; iso: string } | null = null;
  latest: { t: number; iso: string } | null = null;

  constructor(private readonly thread: Threader) {}

  add(entry: WxrEntry): void {
    switch (entry.kind) {
      case 'site':
        this.site = entry.site;
        break;
      case 'author':
        this.authors.set(entry.author.login, entry.author.displayName);
        break;
      case 'term':
        bump(this.terms, entry.term.taxonomy);
        break;
      case 'item':
        this.addItem(entry.item);
        break;
    }
  }

  private addItem(item: Item): void {
    this.items += 1;
    bump(this.byType, item.type);
    const statuses = this.byTypeStatus.get(item.type) ?? new Map<string, number>();
    bump(statuses, item.status);
    this.byTypeStatus.set(item.type, statuses);
    if (item.author !== null) bump(this.itemsByAuthor, item.author);
    if (!UNDATED_TYPES.has(item.type)) this.addDate(item);
    for (const m of item.content.matchAll(SHORTCODE)) bump(this.shortcodes, (m[1] ?? '').toLowerCase());
    if (item.comments.length === 0) return;
    this.postsWithComments += 1;
    this.comments += item.comments.length;
    for (const c of item.comments) {
      bump(this.commentTypes, c.type);
      if (c.parentId !== null) this.threaded += 1;
      if (c.type === 'comment' && c.author.trim() !== '') bump(this.commenters, c.author.trim());
    }
    const tree = this.thread(item);
    this.deepest = Math.max(this.deepest, depth(tree));
    this.inferred += countMentions(tree);
  }

  private addDate(item: Item): void {
    const t = itemTime(item);
    if (t === null) return;
    const iso = item.date ?? item.dateGmt ?? '';
    if (this.earliest === null || t < this.earliest.t) this.earliest = { t, iso };
    if (this.latest === null || t > this.latest.t) this.latest = { t, iso };
  }
}

function countMentions(nodes: readonly CommentNode[]): number {
  let n = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as CommentNode;
    if (node.via === 'mention') n += 1;
    stack.push(...node.replies);
  }
  return n;
}

/** Map entries sorted by count (descending), then name. */
export function ranked<K extends string>(m: ReadonlyMap<K, number>, limit = Infinity): [K, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

/** A Map as a null-prototype object for JSON output (attacker strings are safe keys there). */
export function toRecord(m: ReadonlyMap<string, number>): Record<string, number> {
  const o = Object.create(null) as Record<string, number>;
  for (const [k, v] of ranked(m)) o[k] = v;
  return o;
}
