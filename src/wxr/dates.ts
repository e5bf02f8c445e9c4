/** WXR date pairs to the model, with a diagnostic for zero or bad dates (never a throw). */
import { wxrDatePair } from '../normalize/dates/wxr.js';
import type { RawElement } from '../xml/types.js';
import type { ConvertContext } from './fields.js';

/** The raw local/GMT texts of one date pair and where the pair was written. */
export interface RawDatePair {
  local?: string | undefined;
  gmt?: string | undefined;
  at?: RawElement | undefined;
}

/**
 * Converts a pair; absent pairs give nulls quietly, zero dates W_DATE_ZERO (info), bad ones W_DATE_INVALID.
 *
 * @example
 * datePair({ local: '2012-05-03 21:15:00', gmt: '2012-05-03 19:15:00' }, ctx, 'date')
 * // { date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z' }
 */
export function datePair(raw: RawDatePair, ctx: ConvertContext, what: string): { date: string | null; dateGmt: string | null } {
  if (raw.local === undefined && raw.gmt === undefined) return { date: null, dateGmt: null };
  const pair = wxrDatePair(raw.local, raw.gmt, ctx.offset);
  if (pair.offset !== undefined) ctx.offset = pair.offset;
  if (pair.problem !== undefined) {
    const bad = pair.problemKind === 'invalid';
    ctx.sink.add(bad ? 'warning' : 'info', bad ? 'W_DATE_INVALID' : 'W_DATE_ZERO', `${what}: ${pair.problem}`, {
      line: raw.at?.line,
      column: raw.at?.column,
      itemId: ctx.itemId,
    });
  }
  return { date: pair.date, dateGmt: pair.dateGmt };
}
