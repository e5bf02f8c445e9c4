/**
 * One regex match -> a `ParsedDate`: calendar checks, weekday check, time, zone.
 * Everything here is total: a match that is not a real date gives null.
 */
import type { ParsedDate } from '../../model.js';
import { isoDate, isoFromMillis, isValidDate, isoWeekday } from './iso.js';
import { germanMonthNumber, germanWeekdayNumber, isMojibake } from './names.js';
import type { ResolvedDateOptions } from './options.js';
import { GROUP, readTime, type GroupName, type TimeFields } from './patterns.js';
import { resolveAgo, resolveDayWord } from './relative.js';
import { localToIso, wallMillis } from './zone.js';

type Groups = RegExpExecArray;

/** One capture of a master-regex match by name. */
const c = (m: Groups, name: GroupName): string | undefined => m[GROUP[name]];

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
  const ny = c(g, 'ny');
  const sy = c(g, 'sy');
  const by = c(g, 'by');
  if (ny !== undefined) {
    year = fullYear(ny);
    const first = Number(c(g, 'nd'));
    const second = Number(c(g, 'nm'));
    const monthFirst = c(g, 'ns') === '/' && opts.lang === 'en';
    month = monthFirst ? first : second;
    day = monthFirst ? second : first;
  } else if (sy !== undefined) {
    [year, month, day] = [Number(sy), Number(c(g, 'sm')), Number(c(g, 'sd'))];
  } else {
    const name = (by !== undefined ? c(g, 'bm') : c(g, 'cm')) ?? '';
    [year, month, day] = by !== undefined ? [Number(by), germanMonthNumber(name), Number(c(g, 'bd'))] : [Number(c(g, 'cy')), germanMonthNumber(name), Number(c(g, 'cd'))];
    if (isMojibake(name)) warnings.push('encoding-repaired');
  }
  if (month === undefined || !isValidDate(year, month, day)) return null;
  const wd = c(g, 'wd');
  if (wd !== undefined) {
    const stated = germanWeekdayNumber(wd);
    if (stated !== undefined && stated !== isoWeekday(year, month, day)) warnings.push('weekday-mismatch');
  }
  // a bare short weekday (`Do 3. Mai`) is a weekday only when it is the right one: `so 3. Mai` in prose is no Sunday
  const bare = c(g, 'wdb');
  if (bare !== undefined && germanWeekdayNumber(bare) !== isoWeekday(year, month, day)) return null;
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
  const [year, month, day] = [Number(c(g, 'iy')), Number(c(g, 'im')), Number(c(g, 'iday'))];
  if (!isValidDate(year, month, day)) return null;
  if (c(g, 'ih') === undefined) return result(isoDate(year, month, day), 'day', []);
  const time: TimeFields = { hour: Number(c(g, 'ih')), minute: Number(c(g, 'imin')), second: c(g, 'isec') === undefined ? null : Number(c(g, 'isec')) };
  if (time.hour > 23 || time.minute > 59 || (time.second ?? 0) > 59) return null;
  const zone = c(g, 'iz');
  if (zone === undefined) return withTime({ year, month, day, warnings: [] }, time, opts.zone);
  const utc = zone.toUpperCase() === 'Z';
  let offset = 0;
  if (!utc) {
    const digits = zone.replace(':', '');
    const [h, m] = [Number(digits.slice(1, 3)), digits.length > 3 ? Number(digits.slice(3, 5)) : 0];
    if (h > 14 || m > 59) return null;
    offset = (digits[0] === '-' ? -1 : 1) * (h * 60 + m);
  }
  const wall = wallMillis(year, month, day, time.hour, time.minute, time.second ?? 0);
  const iso = isoFromMillis(wall - offset * 60_000, utc ? null : offset);
  return result(iso, time.second === null ? 'minute' : 'second', []);
}

function fromRelative(g: Groups, opts: ResolvedDateOptions): ParsedDate | null {
  if (opts.referenceMs === null) return null;
  let rel;
  const ago = c(g, 'rago');
  if (ago !== undefined) rel = resolveAgo(ago, opts.referenceMs, opts.zone);
  else {
    const timeText = c(g, 'rtime');
    const time = timeText === undefined ? null : readTime(timeText);
    if (timeText !== undefined && time === null) return null;
    rel = resolveDayWord(c(g, 'rday') ?? '', time, opts.referenceMs, opts.zone);
  }
  if (!rel) return null;
  return result(rel.iso, rel.precision, rel.warning ? ['relative-date', rel.warning] : ['relative-date']);
}

/** The date a master-regex match stands for, or null when it is not a real date (or needs a reference). */
export function dateFromMatch(groups: Groups, opts: ResolvedDateOptions): ParsedDate | null {
  if (c(groups, 'iy') !== undefined) return fromIso(groups, opts);
  if (c(groups, 'rago') !== undefined || c(groups, 'rday') !== undefined) return fromRelative(groups, opts);
  const cal = calendarOf(groups, opts);
  if (!cal) return null;
  const after = c(groups, 'time');
  const before = c(groups, 'ptime');
  if (after !== undefined && before !== undefined) return null; // `21:15 Uhr, 3. Mai 2012 um 22:00`: which one?
  const timeText = after ?? before;
  if (timeText === undefined) return result(isoDate(cal.year, cal.month, cal.day), 'day', cal.warnings);
  const time = readTime(timeText);
  return time ? withTime(cal, time, opts.zone) : null;
}
