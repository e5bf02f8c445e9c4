import type { Item } from '../model.js';
import type { ItemFilter } from './args.js';

/** Epoch milliseconds of an item's date (GMT first), or null when undated. */
export function itemTime(item: Item): number | null {
  const iso = item.dateGmt ?? item.date;
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * Whether `--types`, `--status`, `--since` and `--until` keep the item. With a date bound,
 * undated items (drafts with a zero date) are dropped.
 *
 * @example
 * keepItem(item, { types: new Set(['post']) }) // true for posts only
 */
export function keepItem(item: Item, f: ItemFilter): boolean {
  if (f.types !== undefined && !f.types.has(item.type)) return false;
  if (f.statuses !== undefined && !f.statuses.has(item.status)) return false;
  if (f.since === undefined && f.until === undefined) return true;
  const t = itemTime(item);
  if (t === null) return false;
  return (f.since === undefined || t >= f.since) && (f.until === undefined || t <= f.until);
}
