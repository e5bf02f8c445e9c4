/**
 * Declarative field tables: WXR element (namespace family + local name) -> a setter on the
 * model object being built. Children no table knows go to the owner's `extra`.
 */
import he from 'he';
import type { DiagnosticSink } from '../xml/diagnostics.js';
import { innerXml, textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Extra } from '../model.js';
import { fieldKey } from './namespaces.js';

/** What converters share while reading one document. */
export interface ConvertContext {
  readonly sink: DiagnosticSink;
  /** The site's UTC offset in minutes, learnt from the last complete date pair (for drafts without a GMT date). */
  offset: number | null;
  /** The post id of the item being converted, for diagnostics. */
  itemId: number | undefined;
}

/** Sets one field of `draft` from one child element. */
export type Setter<D> = (draft: D, el: RawElement, ctx: ConvertContext) => void;

/** Element key (`wp:post_id`, `rss:title`) -> setter. */
export type FieldTable<D> = ReadonlyMap<string, Setter<D>>;

/** Builds a table from an object literal of `key: setter`. */
export function fieldTable<D>(entries: Record<string, Setter<D>>): FieldTable<D> {
  return new Map(Object.entries(entries));
}

/** Applies `table` to every child element of `el`; unknown children go to `extraOwner.extra`. */
export function applyFields<D>(table: FieldTable<D>, draft: D, el: RawElement, ctx: ConvertContext, extraOwner: { extra?: Extra }): void {
  for (const part of el.parts) {
    if (typeof part === 'string') continue;
    const set = table.get(fieldKey(part.uri, part.local));
    if (set) set(draft, part, ctx);
    else addExtra(extraOwner, part);
  }
}

/** Keeps an element the model has no field for, under its qualified name, in a null-prototype object. */
export function addExtra(owner: { extra?: Extra }, el: RawElement): void {
  const extra = (owner.extra ??= Object.create(null) as Extra);
  const list = extra[el.name];
  if (list) list.push(innerXml(el));
  else extra[el.name] = [innerXml(el)];
}

/** The element's text, trimmed (for ids, slugs, keys, statuses, URLs). */
export function trimmed(el: RawElement): string {
  return textOf(el).trim();
}

/** Text that WordPress may have entity-escaped (titles, names): decoded once more as HTML. */
export function htmlText(el: RawElement): string {
  const text = textOf(el);
  return text.includes('&') ? he.decode(text) : text;
}

const INTEGER = /^[+-]?\d{1,15}$/;

/** An integer field: empty gives `fallback` quietly, anything else not an integer gives `fallback` and W_NUMBER_INVALID. */
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
