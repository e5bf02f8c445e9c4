/**
 * Declarative field tables: WXR element (namespace family + local name) -> a setter on the
 * model object being built. Children no table knows go to the owner's `extra`.
 */
import he from 'he';
import type { DiagnosticSink } from '../xml/diagnostics.js';
import { extraXml, textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Extra } from '../model.js';
import { nsKind, type NsKind } from './namespaces.js';

/** What converters share while reading one document. */
export interface ConvertContext {
  readonly sink: DiagnosticSink;
  /** The site's UTC offset in minutes, learnt from the last complete date pair (for drafts without a GMT date whose item has no complete pair of its own). */
  offset: number | null;
  /** The post id of the item being converted, for diagnostics. */
  itemId: number | undefined;
}

/** Sets one field of `draft` from one child element. */
export type Setter<D> = (draft: D, el: RawElement, ctx: ConvertContext) => void;

/** Namespace family -> local name -> setter, written as `{ 'wp:post_id': setter }`. */
export type FieldTable<D> = ReadonlyMap<NsKind, ReadonlyMap<string, Setter<D>>>;

/**
 * Builds a table from an object literal of `'family:local': setter`.
 *
 * @example
 * const table = fieldTable<Item>({ 'wp:post_name': (item, el) => void (item.slug = trimmed(el)) });
 */
export function fieldTable<D>(entries: Record<string, Setter<D>>): FieldTable<D> {
  const table = new Map<NsKind, Map<string, Setter<D>>>();
  for (const [key, set] of Object.entries(entries)) {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon) as NsKind;
    let byLocal = table.get(kind);
    if (byLocal === undefined) table.set(kind, (byLocal = new Map()));
    byLocal.set(key.slice(colon + 1), set);
  }
  return table;
}

/**
 * The setter for `el` in `table`, if the table knows the element.
 *
 * @example
 * setterFor(table, postNameElement)?.(item, postNameElement, ctx);
 */
export function setterFor<D>(table: FieldTable<D>, el: RawElement): Setter<D> | undefined {
  return table.get(nsKind(el.uri))?.get(el.local);
}

/**
 * Applies `table` to every child element of `el`; unknown children go to `extraOwner.extra`.
 *
 * @example
 * applyFields(ITEM_FIELDS, draft, itemElement, ctx, draft.item);
 */
export function applyFields<D>(table: FieldTable<D>, draft: D, el: RawElement, ctx: ConvertContext, extraOwner: { extra?: Extra }): void {
  for (const part of el.parts) {
    if (typeof part === 'string') continue;
    const set = setterFor(table, part);
    if (set) set(draft, part, ctx);
    else addExtra(extraOwner, part);
  }
}

/**
 * Keeps an element the model has no field for, under its qualified name, in a null-prototype object:
 * its content, or the whole element when it has attributes (`extraXml`).
 *
 * @example
 * addExtra(item, el); // item.extra['plugin:thing'] === ['value']
 */
export function addExtra(owner: { extra?: Extra }, el: RawElement): void {
  const extra = (owner.extra ??= Object.create(null) as Extra);
  const list = extra[el.name];
  const value = extraXml(el);
  if (list) list.push(value);
  else extra[el.name] = [value];
}

/**
 * The element's text, trimmed (for ids, slugs, keys, statuses, URLs).
 *
 * @example
 * trimmed(el) // 'alice' for <wp:author_login>alice\n</wp:author_login>
 */
export function trimmed(el: RawElement): string {
  return textOf(el).trim();
}

/**
 * Text that WordPress may have entity-escaped (titles, names): decoded once more as HTML.
 *
 * @example
 * htmlText(el) // 'Fish & Chips' for <title><![CDATA[Fish &amp; Chips]]></title>
 */
export function htmlText(el: RawElement): string {
  const text = textOf(el);
  return text.includes('&') ? he.decode(text) : text;
}

/** What `intOf` accepts as an integer. */
export const INTEGER = /^[+-]?\d{1,15}$/;

/**
 * An integer field: empty gives `fallback` quietly, anything else not an integer gives `fallback` and W_NUMBER_INVALID.
 *
 * @example
 * intOf(el, ctx, null) // 42 for <wp:post_id> 42 </wp:post_id>; null (and a warning) for <wp:post_id>1e309</wp:post_id>
 */
export function intOf(el: RawElement, ctx: ConvertContext, fallback: number | null): number | null {
  const text = textOf(el).trim();
  if (text === '') return fallback;
  if (INTEGER.test(text)) return Number(text) || 0;
  ctx.sink.add('warning', 'W_NUMBER_INVALID', `<${el.name}> holds "${text.slice(0, 40)}", which is not an integer`, {
    line: el.line,
    column: el.column,
    itemId: ctx.itemId,
  });
  return fallback;
}
