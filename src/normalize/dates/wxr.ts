/**
 * WXR's own date fields: `YYYY-MM-DD HH:MM:SS` pairs of local time and GMT, and the
 * channel's RFC-822 `pubDate`. Total functions: a bad or zero date gives null and a
 * reason, never an invalid date and never a throw.
 */
import { formatOffset, isoFromMillis as isoOf } from './iso.js';

export { formatOffset };

export interface WxrDatePair {
  /** ISO 8601 with the site's offset (derived from local minus GMT), or null. */
  date: string | null;
  /** ISO 8601 in UTC, or null. */
  dateGmt: string | null;
  /** Why a date is null or was guessed; absent when both parsed cleanly. */
  problem?: string;
}

const WXR_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/;
const ZERO = /^\s*0000-00-00(?:[ T]00:00(?::00)?)?\s*$/;

/** Milliseconds since the epoch for a WXR date read as UTC, or null when it is not a real date. */
export function wxrDateToUtcMillis(text: string): number | null {
  const m = WXR_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/** Offsets WordPress can produce: whole quarter hours within ±14 h. */
function plausibleOffset(minutes: number): boolean {
  return Math.abs(minutes) <= 14 * 60 && minutes % 15 === 0;
}

/**
 * Converts a WXR local/GMT pair (`wp:post_date`, `wp:post_date_gmt`) to ISO 8601.
 * The site's offset at that moment is local minus GMT. A zero GMT date (drafts)
 * keeps the local time with a `Z`-less offset taken from `fallbackOffset` when given,
 * else reports the date as local time without an offset.
 *
 * @example
 * wxrDatePair('2012-05-03 21:15:00', '2012-05-03 19:15:00')
 * // { date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z' }
 */
export function wxrDatePair(local: string | undefined, gmt: string | undefined, fallbackOffset?: number | null): WxrDatePair {
  const localText = local ?? '';
  const gmtText = gmt ?? '';
  const localMs = ZERO.test(localText) || localText.trim() === '' ? null : wxrDateToUtcMillis(localText);
  const gmtMs = ZERO.test(gmtText) || gmtText.trim() === '' ? null : wxrDateToUtcMillis(gmtText);
  const localBad = localMs === null && !ZERO.test(localText) && localText.trim() !== '';
  const gmtBad = gmtMs === null && !ZERO.test(gmtText) && gmtText.trim() !== '';

  if (localMs !== null && gmtMs !== null) {
    const offset = Math.round((localMs - gmtMs) / 60_000);
    if (plausibleOffset(offset)) return { date: isoOf(gmtMs, offset), dateGmt: isoOf(gmtMs, null) };
    return {
      date: isoOf(localMs, 0).replace(/\+00:00$/, ''),
      dateGmt: isoOf(gmtMs, null),
      problem: `local date ${localText.trim()} and GMT date ${gmtText.trim()} are ${offset} minutes apart, not a time-zone offset`,
    };
  }
  if (localMs !== null) {
    if (fallbackOffset !== undefined && fallbackOffset !== null) {
      const utc = localMs - fallbackOffset * 60_000;
      return { date: isoOf(utc, fallbackOffset), dateGmt: null, problem: gmtBad ? `invalid GMT date "${gmtText.trim()}"` : 'no GMT date; the site offset was assumed' };
    }
    return {
      date: isoOf(localMs, 0).replace(/\+00:00$/, ''),
      dateGmt: null,
      problem: gmtBad ? `invalid GMT date "${gmtText.trim()}"` : 'no GMT date; the local time has no known offset',
    };
  }
  if (gmtMs !== null) {
    return { date: null, dateGmt: isoOf(gmtMs, null), problem: localBad ? `invalid date "${localText.trim()}"` : 'zero local date' };
  }
  const problem = localBad || gmtBad ? `invalid date "${(localBad ? localText : gmtText).trim()}"` : 'zero date';
  return { date: null, dateGmt: null, problem };
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/**
 * RFC-822 dates as in the channel's `pubDate` (`Wed, 02 May 2012 19:15:00 +0000`) to ISO 8601 UTC, or null.
 *
 * @example
 * rfc822ToIso('Thu, 03 May 2012 19:15:00 +0000') // '2012-05-03T19:15:00Z'
 */
export function rfc822ToIso(text: string): string | null {
  const m = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2})|GMT|UTC|Z)?\s*$/.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (month === undefined) return null;
  const [d, y, h, mi, s] = [m[1], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  let ms = Date.UTC(y, month, d, h, mi, Math.min(s, 59));
  if (new Date(ms).getUTCDate() !== d) return null;
  if (m[7]) ms -= (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return isoOf(ms, null);
}
