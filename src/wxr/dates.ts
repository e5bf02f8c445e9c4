/** WXR date pairs to the model, with a diagnostic for zero or bad dates (never a throw). */
import { isoFromMillis } from '../normalize/dates/iso.js';
import { rfc822Parts, wxrDatePair, wxrDateToUtcMillis } from '../normalize/dates/wxr.js';
import { textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { ConvertContext } from './fields.js';

/** The raw local/GMT texts of one date pair and where the pair was written. */
export interface RawDatePair {
  local?: string | undefined;
  gmt?: string | undefined;
  at?: RawElement | undefined;
}

/** A converted pair as the model holds it. */
export interface DatePair {
  date: string | null;
  dateGmt: string | null;
}

/**
 * The offset for a date that has only one half of its pair: the one of `sibling` (the same item's
 * other pair: same site, nearest in time) when that pair is complete, else the site's offset learnt
 * from the last complete pair read before it, else null; `from` says which, for the diagnostic.
 */
function borrowedOffset(ctx: ConvertContext, sibling: RawDatePair | undefined, siblingWhat: string): { offset: number | null; from: string } {
  const own = sibling === undefined || (sibling.local === undefined && sibling.gmt === undefined) ? undefined : wxrDatePair(sibling.local, sibling.gmt).offset;
  if (own !== undefined) return { offset: own, from: `the offset of the item's own ${siblingWhat}` };
  return { offset: ctx.offset, from: 'the offset of the dates read before it' };
}

/**
 * Converts a pair; absent pairs give nulls quietly, zero dates W_DATE_ZERO (info), bad ones W_DATE_INVALID.
 *
 * When one half is zero or missing, the offset comes from {@link borrowedOffset}: a local date
 * without a GMT date (a draft) gets that offset (or none: the local time without an offset); a GMT
 * date without a local date gets its local date in that offset (or +00:00, the GMT date itself). The
 * diagnostic says which.
 *
 * @example
 * datePair({ local: '2012-05-03 21:15:00', gmt: '2012-05-03 19:15:00' }, ctx, 'date')
 * // { date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z' }
 */
export function datePair(raw: RawDatePair, ctx: ConvertContext, what: string, sibling?: RawDatePair, siblingWhat = 'modified date'): DatePair {
  if (raw.local === undefined && raw.gmt === undefined) return { date: null, dateGmt: null };
  let pair = wxrDatePair(raw.local, raw.gmt);
  let note = '';
  // Only drafts and odd exports take the two branches below, so the sibling pair is read a second time only for them.
  if (pair.offset !== undefined) ctx.offset = pair.offset;
  else if (pair.date !== null && pair.dateGmt === null) {
    const { offset, from } = borrowedOffset(ctx, sibling, siblingWhat);
    if (offset !== null) {
      pair = wxrDatePair(raw.local, raw.gmt, offset);
      note = ` (${from})`;
    }
  } else if (pair.date === null && pair.dateGmt !== null && pair.problemKind === 'zero') {
    const { offset, from } = borrowedOffset(ctx, sibling, siblingWhat);
    const ms = wxrDateToUtcMillis(raw.gmt ?? '');
    if (ms !== null) {
      pair = { ...pair, date: isoFromMillis(ms, offset ?? 0) };
      note = offset === null ? '; no offset is known, so the date is the GMT date (+00:00)' : `; the date is the GMT date in ${from}`;
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

/**
 * The post date of an item that has neither `wp:post_date` nor `wp:post_date_gmt`, from its RSS
 * `<pubDate>` (RFC 822) with W_DATE_FROM_PUBDATE (info). WordPress writes pubDate in GMT (`+0000`),
 * so a zero zone borrows the offset the way a GMT-only pair does; another zone is the site's own.
 *
 * @example
 * pubDatePair(pubDateElement, ctx) // { date: '2013-06-07T03:00:44+00:00', dateGmt: '2013-06-07T03:00:44Z' } (no offset known)
 */
export function pubDatePair(el: RawElement, ctx: ConvertContext, sibling?: RawDatePair): DatePair {
  const text = textOf(el).trim();
  const at = { line: el.line, column: el.column, itemId: ctx.itemId };
  const parts = rfc822Parts(text);
  if (parts === null) {
    if (text !== '') ctx.sink.add('warning', 'W_DATE_INVALID', `post date: the item has no wp:post_date, and its pubDate "${text.slice(0, 60)}" is not an RFC-822 date`, at);
    return { date: null, dateGmt: null };
  }
  const dateGmt = isoFromMillis(parts.ms, null);
  const { offset, from } = parts.offset !== 0 ? { offset: parts.offset, from: 'its own zone' } : borrowedOffset(ctx, sibling, 'modified date');
  const date = isoFromMillis(parts.ms, offset ?? 0);
  ctx.sink.add('info', 'W_DATE_FROM_PUBDATE', `post date: the item has no wp:post_date or wp:post_date_gmt; taken from its pubDate "${text.slice(0, 60)}" (${offset === null ? 'no offset is known, so +00:00' : from})`, at);
  return { date, dateGmt };
}
