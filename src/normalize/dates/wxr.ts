/**
 * WXR's own date fields: `YYYY-MM-DD HH:MM:SS` pairs of local time and GMT, and the
 * channel's RFC-822 `pubDate`. Total functions: a bad or zero date gives null and a
 * reason, never an invalid date and never a throw.
 */
import { daysInMonth, formatOffset, isoFromMillis as isoOf } from './iso.js';

export interface WxrDatePair {
  /** ISO 8601 with the site's offset (derived from local minus GMT), or null. */
  date: string | null;
  /** ISO 8601 in UTC, or null. */
  dateGmt: string | null;
  /** Why a date is null or was guessed; absent when both parsed cleanly. */
  problem?: string;
  /** With `problem`: `'zero'` for zero or missing dates (drafts), `'invalid'` for text that is no date or a pair that is no offset apart. */
  problemKind?: 'zero' | 'invalid';
  /** The site's offset in minutes (local minus GMT), when both parsed cleanly. */
  offset?: number;
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

/** `d` is the code of an ASCII digit. */
const isDigit = (d: number): boolean => d >= 48 && d <= 57;
/** The two-digit number at `i` (caller checked the digits). */
const two = (t: string, i: number): number => (t.charCodeAt(i) - 48) * 10 + t.charCodeAt(i + 1) - 48;

/**
 * Milliseconds (read as UTC) of a date written exactly `YYYY-MM-DD HH:MM:SS` (or with `T`),
 * year 100 to 9999, checked by hand with char codes; NaN for anything else (the regex path decides).
 */
function plainMillis(t: string): number {
  if (t.length !== 19) return NaN;
  for (let i = 0; i < 19; i++) {
    const c = t.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return NaN;
    } else if (i === 10) {
      if (c !== 32 && c !== 84) return NaN;
    } else if (i === 13 || i === 16) {
      if (c !== 58) return NaN;
    } else if (!isDigit(c)) return NaN;
  }
  const y = two(t, 0) * 100 + two(t, 2);
  const mo = two(t, 5);
  const d = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  const s = two(t, 17);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** A clean pair with its offset in minutes (`date` carries it), as {@link wxrDatePairFast} returns it. */
export interface WxrDatePairOffset {
  date: string;
  dateGmt: string;
  offset: number;
}

/**
 * The common case of {@link wxrDatePair} without regexes or `Date` objects: both dates written
 * exactly `YYYY-MM-DD HH:MM:SS`, real, and a whole time-zone offset apart. Returns null for
 * anything else (then `wxrDatePair` gives the same answer it always gave); when not null the
 * result equals `wxrDatePair`'s, which has no `problem` then.
 *
 * @example
 * wxrDatePairFast('2012-05-03 21:15:00', '2012-05-03 19:15:00')
 * // { date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z', offset: 120 }
 */
export function wxrDatePairFast(local: string, gmt: string): WxrDatePairOffset | null {
  const localMs = plainMillis(local);
  if (Number.isNaN(localMs)) return null;
  const gmtMs = plainMillis(gmt);
  if (Number.isNaN(gmtMs)) return null;
  const diff = localMs - gmtMs;
  if (diff % 900_000 !== 0 || Math.abs(diff) > 14 * 3_600_000) return null;
  const offset = diff / 60_000;
  return {
    date: `${local.slice(0, 10)}T${local.slice(11)}${formatOffset(offset)}`,
    dateGmt: `${gmt.slice(0, 10)}T${gmt.slice(11)}Z`,
    offset,
  };
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
  const fast = wxrDatePairFast(localText, gmtText);
  if (fast !== null) return fast;
  const localBlank = ZERO.test(localText) || localText.trim() === '';
  const gmtBlank = ZERO.test(gmtText) || gmtText.trim() === '';
  const localMs = localBlank ? null : wxrDateToUtcMillis(localText);
  const gmtMs = gmtBlank ? null : wxrDateToUtcMillis(gmtText);
  const localBad = localMs === null && !localBlank;
  const gmtBad = gmtMs === null && !gmtBlank;

  if (localMs !== null && gmtMs !== null) {
    const offset = Math.round((localMs - gmtMs) / 60_000);
    if (plausibleOffset(offset)) return { date: isoOf(gmtMs, offset), dateGmt: isoOf(gmtMs, null), offset };
    return {
      date: isoOf(localMs, 0).replace(/\+00:00$/, ''),
      dateGmt: isoOf(gmtMs, null),
      problem: `local date ${localText.trim()} and GMT date ${gmtText.trim()} are ${offset} minutes apart, not a time-zone offset`,
      problemKind: 'invalid',
    };
  }
  if (localMs !== null) {
    const problemKind = gmtBad ? 'invalid' : 'zero';
    if (fallbackOffset !== undefined && fallbackOffset !== null) {
      const utc = localMs - fallbackOffset * 60_000;
      return { date: isoOf(utc, fallbackOffset), dateGmt: null, problem: gmtBad ? `invalid GMT date "${gmtText.trim()}"` : 'zero or missing GMT date; the site offset was assumed', problemKind };
    }
    return {
      date: isoOf(localMs, 0).replace(/\+00:00$/, ''),
      dateGmt: null,
      problem: gmtBad ? `invalid GMT date "${gmtText.trim()}"` : 'zero or missing GMT date; the local time has no known offset',
      problemKind,
    };
  }
  if (gmtMs !== null) {
    return { date: null, dateGmt: isoOf(gmtMs, null), problem: localBad ? `invalid date "${localText.trim()}"` : 'zero local date', problemKind: localBad ? 'invalid' : 'zero' };
  }
  const bad = localBad || gmtBad;
  return { date: null, dateGmt: null, problem: bad ? `invalid date "${(localBad ? localText : gmtText).trim()}"` : 'zero date', problemKind: bad ? 'invalid' : 'zero' };
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/**
 * RFC-822 dates as in the channel's `pubDate` (`Wed, 02 May 2012 19:15:00 +0000`) to ISO 8601 UTC, or null.
 *
 * @example
 * rfc822ToIso('Thu, 03 May 2012 19:15:00 +0000') // '2012-05-03T19:15:00Z'
 */
export function rfc822ToIso(text: string): string | null {
  const parts = rfc822Parts(text);
  return parts === null ? null : isoOf(parts.ms, null);
}

/**
 * An RFC-822 date as its instant (epoch ms) and the zone it was written in (minutes east of UTC;
 * 0 for `GMT`, `UTC`, `Z` or none), or null when it is not one.
 *
 * @example
 * rfc822Parts('Thu, 03 May 2012 21:15:00 +0200') // { ms: 1336072500000, offset: 120 }
 */
export function rfc822Parts(text: string): { ms: number; offset: number } | null {
  const m = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2})|GMT|UTC|Z)?\s*$/.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (month === undefined) return null;
  const [d, y, h, mi, s] = [m[1], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const local = Date.UTC(y, month, d, h, mi, Math.min(s, 59));
  if (new Date(local).getUTCDate() !== d) return null;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  return { ms: local - offset * 60_000, offset };
}
