/**
 * ISO 8601 formatting and calendar checks shared by every date path (WXR pairs,
 * RFC 822, German text). Pure helpers, no parsing of their own.
 */

/** Zero-padded absolute value. */
export function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/**
 * A UTC offset in minutes as `±HH:MM`.
 *
 * @example
 * formatOffset(120) // '+02:00'
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function yearText(year: number): string {
  return year >= 0 && year <= 9999 ? pad(year, 4) : (year < 0 ? '-' : '+') + pad(year, 6);
}

/**
 * An instant as ISO 8601 in the given offset (`…+02:00`), or in UTC with `Z` when the offset is null.
 *
 * @example
 * isoFromMillis(Date.UTC(2012, 4, 3, 19, 15), 120) // '2012-05-03T21:15:00+02:00'
 */
export function isoFromMillis(ms: number, offsetMinutes: number | null): string {
  const t = new Date(ms + (offsetMinutes ?? 0) * 60_000);
  const body = `${yearText(t.getUTCFullYear())}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  return offsetMinutes === null ? `${body}Z` : `${body}${formatOffset(offsetMinutes)}`;
}

/** `2012-05-03` for a calendar date (month 1-12). */
export function isoDate(year: number, month: number, day: number): string {
  return `${yearText(year)}-${pad(month)}-${pad(day)}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 0;
}

/** True for a real calendar date (year 1-9999). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  const w = d.getUTCDay();
  return w === 0 ? 7 : w;
}
