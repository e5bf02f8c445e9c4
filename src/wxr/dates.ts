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
 * A local date without a GMT date (a draft) needs an offset: the one of `sibling` (the same
 * item's other pair, e.g. its modified date: same site, nearest in time) when that pair is
 * complete, else the site's offset learnt from the last complete pair read before it, else none
 * (the local time without an offset). The diagnostic says which.
 *
 * @example
 * datePair({ local: '2012-05-03 21:15:00', gmt: '2012-05-03 19:15:00' }, ctx, 'date')
 * // { date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z' }
 */
export function datePair(
  raw: RawDatePair,
  ctx: ConvertContext,
  what: string,
  sibling?: RawDatePair,
  siblingWhat = 'modified date',
): { date: string | null; dateGmt: string | null } {
  if (raw.local === undefined && raw.gmt === undefined) return { date: null, dateGmt: null };
  let pair = wxrDatePair(raw.local, raw.gmt);
  let note = '';
  if (pair.offset !== undefined) ctx.offset = pair.offset;
  else if (pair.date !== null && pair.dateGmt === null) {
    // Only drafts come here, so the sibling pair is read a second time only for them.
    const own = sibling === undefined || (sibling.local === undefined && sibling.gmt === undefined) ? undefined : wxrDatePair(sibling.local, sibling.gmt).offset;
    const offset = own ?? ctx.offset;
    if (offset !== null) {
      pair = wxrDatePair(raw.local, raw.gmt, offset);
      note = own !== undefined ? ` (the offset of the item's own ${siblingWhat})` : ' (the offset of the dates read before it)';
    }
  }
  if (pair.problem !== undefined) {
    const bad = pair.problemKind === 'invalid';
    ctx.sink.add(bad ? 'warning' : 'info', bad ? 'W_DATE_INVALID' : 'W_DATE_ZERO', `${what}: ${pair.problem}${note}`, {
      line: raw.at?.line,
      column: raw.at?.column,
      itemId: ctx.itemId,
    });
  }
  return { date: pair.date, dateGmt: pair.dateGmt };
}
