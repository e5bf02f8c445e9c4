/**
 * One regex match -> a `ParsedDate`: calendar checks, weekday check, time, zone.
 * Everything here is total: a match that is not a real date gives null.
 */
import type { ParsedDate } from '../../model.js';
import { isoDate, isoFromMillis, isValidDate, isoWeekday } from './iso.js';
import { germanMonthNumber, germanWeekdayNumber, isMojibake } from './names.js';
import type { ResolvedDateOptions } from './options.js';
import { readTime, type TimeFields } from './patterns.js';
import { resolveAgo, resolveDayWord } from './relative.js';
import { localToIso } from './zone.js';

type Groups = Record<string, string | undefined>;

/** Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 (fixed, not relative to today). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

interface Calendar {
  year: number;
  month: number;
  day: number;
  warnings: string[];
}

function calendarOf(g: Groups, opts: ResolvedDateOptions): Calendar | null {
  const warnings: string[] = [];
  let year: number;
  let month: number | undefined;
  let day: number;
  if (g.ny !== undefined) {
    year = fullYear(g.ny);
    const first = Number(g.nd);
    const second = Number(g.nm);
    const monthFirst = g.ns === '/' && opts.lang === 'en';
    month = monthFirst ? first : second;
    day = monthFirst ? second : first;
  } else if (g.sy !== undefined) {
    [year, month, day] = [Number(g.sy), Number(g.sm), Number(g.sd)];
  } else if (g.by !== undefined) {
    [year, month, day] = [Number(g.by), germanMonthNumber(g.bm ?? ''), Number(g.bd)];
    if (isMojibake(g.bm ?? '')) warnings.push('encoding-repaired');
  } else {
    [year, month, day] = [Number(g.cy), germanMonthNumber(g.cm ?? ''), Number(g.cd)];
    if (isMojibake(g.cm ?? '')) warnings.push('encoding-repaired');
  }
  if (month === undefined || !isValidDate(year, month, day)) return null;
  if (g.wd !== undefined) {
    const stated = germanWeekdayNumber(g.wd);
    if (stated !== undefined && stated !== isoWeekday(year, month, day)) warnings.push('weekday-mismatch');
  }
  return { year, month, day, warnings };
}

function result(iso: string, precision: ParsedDate['precision'], warnings: string[]): ParsedDate {
  return warnings.length > 0 ? { iso, precision, warnings } : { iso, precision };
}

function withTime(cal: Calendar, time: TimeFields, zone: string): ParsedDate | null {
  const z = localToIso(cal.year, cal.month, cal.day, time.hour, time.minute, time.second ?? 0, zone);
  if (!z) return null;
  const warnings = z.warning ? [...cal.warnings, z.warning] : cal.warnings;
  return result(z.iso, time.second === null ? 'minute' : 'second', warnings);
}

function fromIso(g: Groups, opts: ResolvedDateOptions): ParsedDate | null {
  const [year, month, day] = [Number(g.iy), Number(g.im), Number(g.iday)];
  if (!isValidDate(year, month, day)) return null;
  if (g.ih === undefined) return result(isoDate(year, month, day), 'day', []);
  const time: TimeFields = { hour: Number(g.ih), minute: Number(g.imin), second: g.isec === undefined ? null : Number(g.isec) };
  if (time.hour > 23 || time.minute > 59 || (time.second ?? 0) > 59) return null;
  if (g.iz === undefined) return withTime({ year, month, day, warnings: [] }, time, opts.zone);
  let offset = 0;
  if (g.iz.toUpperCase() !== 'Z') {
    const digits = g.iz.replace(':', '');
    const [h, m] = [Number(digits.slice(1, 3)), digits.length > 3 ? Number(digits.slice(3, 5)) : 0];
    if (h > 14 || m > 59) return null;
    offset = (digits[0] === '-' ? -1 : 1) * (h * 60 + m);
  }
  const wall = Date.UTC(2000, month - 1, day, time.hour, time.minute, time.second ?? 0);
  const shifted = new Date(wall);
  shifted.setUTCFullYear(year);
  const iso = isoFromMillis(shifted.getTime() - offset * 60_000, g.iz.toUpperCase() === 'Z' ? null : offset);
  return result(iso, time.second === null ? 'minute' : 'second', []);
}

function fromRelative(g: Groups, opts: ResolvedDateOptions): ParsedDate | null {
  if (opts.referenceMs === null) return null;
  let rel;
  if (g.rago !== undefined) rel = resolveAgo(g.rago, opts.referenceMs, opts.zone);
  else {
    const time = g.rtime === undefined ? null : readTime(g.rtime);
    if (g.rtime !== undefined && time === null) return null;
    rel = resolveDayWord(g.rday ?? '', time, opts.referenceMs, opts.zone);
  }
  if (!rel) return null;
  return result(rel.iso, rel.precision, rel.warning ? ['relative-date', rel.warning] : ['relative-date']);
}

/** The date a master-regex match stands for, or null when it is not a real date (or needs a reference). */
export function dateFromMatch(groups: Groups, opts: ResolvedDateOptions): ParsedDate | null {
  if (groups.iy !== undefined) return fromIso(groups, opts);
  if (groups.rago !== undefined || groups.rday !== undefined) return fromRelative(groups, opts);
  const cal = calendarOf(groups, opts);
  if (!cal) return null;
  if (groups.time === undefined) return result(isoDate(cal.year, cal.month, cal.day), 'day', cal.warnings);
  const time = readTime(groups.time);
  return time ? withTime(cal, time, opts.zone) : null;
}
