/**
 * Dates of a saved page: machine values (`datetime`, `abbr[title]`, meta tags) accepted only when they are
 * valid ISO 8601; printed values found in text, put into the page's zone; relative and year-less dates
 * resolved against a reference instant. Total: never throws.
 */
import { DateTime } from 'luxon';
import type { Diagnostic } from '../../model.js';
import { findGermanDate } from '../../normalize/dates/index.js';
import { findPrintedDate, findRelativeDate, type PrintedDate } from './printed-date.js';

const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

/** The value when it is a valid ISO 8601 date or date-time (a time needs an offset), else null. */
export function validIso(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = ISO.exec(v);
  if (!m) return null;
  if (m[4] !== undefined && m[7] === undefined) return null;
  const dt = m[4] === undefined ? DateTime.fromISO(v, { zone: 'UTC' }) : DateTime.fromISO(v.replace(' ', 'T'), { setZone: true });
  if (!dt.isValid) return null;
  if (m[4] === undefined) return v;
  return v.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
}

/** The UTC form (`…Z`) of an ISO value with an offset, else null. */
export function toGmt(iso: string | null): string | null {
  if (!iso || !/T/.test(iso)) return null;
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

/** The wall-clock time of `iso` read in `zone` instead of its own offset (`11:38+00:00` in `UTC+8` -> `11:38+08:00`), or null. */
export function relabel(iso: string, zone: string): string | null {
  const wall = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?/.exec(iso)?.[0];
  if (!wall) return null;
  const dt = DateTime.fromISO(wall, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true, includeOffset: true }) : null;
}

/** How printed dates of one page are read. */
export interface DateContext {
  /** IANA zone or `UTC+2`-style fixed offset for printed dates. */
  zone: string;
  /** `<html lang>` (decides d/m vs m/d for numeric dates). */
  lang: string;
  /** Reference instant for relative dates (ISO), if any. */
  reference: string | null;
  /** Year to give year-less dates (the post's year), if known. */
  postDate: string | null;
}

/** The result of reading one printed date. */
export interface DateRead {
  iso: string | null;
  /** Set when the text held a date that needed a guess or could not be placed. */
  flag?: 'relative' | 'relative-unresolved' | 'year-inferred' | 'year-unknown';
}

function fromPrinted(p: PrintedDate, year: number, zone: string): string | null {
  if (p.precision === 'day') {
    const d = DateTime.fromObject({ year, month: p.month, day: p.day }, { zone });
    return d.isValid ? d.toISODate() : null;
  }
  const dt = DateTime.fromObject({ year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second }, { zone });
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true, includeOffset: true }) : null;
}

/** Reads the first date inside `text` (printed or relative). Null result when there is none. */
export function readPrintedDate(text: string, ctx: DateContext): DateRead | null {
  const rel = findRelativeDate(text);
  const printed = findPrintedDate(text, ctx.lang);
  if (rel && !printed) {
    if (!ctx.reference) return { iso: null, flag: 'relative-unresolved' };
    const ref = DateTime.fromISO(ctx.reference, { setZone: true });
    if (!ref.isValid) return { iso: null, flag: 'relative-unresolved' };
    const at = ref.minus({ milliseconds: rel.agoMs }).setZone(ctx.zone);
    return { iso: at.isValid ? at.toISO({ suppressMilliseconds: true }) : null, flag: 'relative' };
  }
  if (!printed) return null;
  if (printed.year !== null) {
    const own = fromPrinted(printed, printed.year, ctx.zone);
    const shared = sharedParser(text, ctx, printed.precision);
    return { iso: shared ?? own };
  }
  const base = ctx.postDate ?? ctx.reference;
  const baseDt = base ? DateTime.fromISO(base, { setZone: true }) : null;
  if (!baseDt?.isValid) return { iso: null, flag: 'year-unknown' };
  let year = baseDt.year;
  if (ctx.postDate && printed.month < baseDt.month) year += 1;
  return { iso: fromPrinted(printed, year, ctx.zone), flag: 'year-inferred' };
}

const RANK = { day: 0, minute: 1, second: 2 } as const;

/** The shared German/English/French date parser's reading, when it finds the same date at least as precisely. */
function sharedParser(text: string, ctx: DateContext, precision: PrintedDate['precision']): string | null {
  const lang = /^en/i.test(ctx.lang) ? 'en' : /^fr/i.test(ctx.lang) ? 'fr' : 'de';
  if (lang === 'en' && !/^en(?:-us)?$/i.test(ctx.lang) && /\d\/\d/.test(text)) return null; // en-GB d/m/Y: the shared parser reads month first
  const found = findGermanDate(text, { zone: ctx.zone, lang });
  if (!found || RANK[found.precision] < RANK[precision]) return null;
  return found.iso;
}

/** Reports the page's `date-zone-assumed` note once, when a printed date and time is read with the assumed zone. */
export function reportZone(ctx: { diagnostics: Diagnostic[]; zoneNote: Diagnostic | null }): void {
  if (!ctx.zoneNote) return;
  ctx.diagnostics.push(ctx.zoneNote);
  ctx.zoneNote = null;
}

/** A luxon zone name for an ISO offset (`+02:00` -> `UTC+2`), or null. */
export function zoneOfIso(iso: string | null): string | null {
  if (!iso) return null;
  if (iso.endsWith('Z')) return 'UTC';
  const m = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3]);
  return `UTC${m[1]}${h}${mi ? `:${String(mi).padStart(2, '0')}` : ''}`;
}
