/**
 * Dates as themes print them (docs/html-archives.md §2.5), in German, English and French, found inside a
 * longer text: `06.01.2020 um 9:16`, `9. Dezember 2013 at 14:57`, `Juli 30, 2013 um 2:33 pm`,
 * `Jun 20th at 2:41 am` (no year), `14/04/2020 at 3:00 pm` (d/m/Y unless the page is en-US),
 * `8. April 2019 @ 11:38`, `19.04.2016 um 20:55 Uhr Uhr`, and relative dates (`50 Minuten 46 Sekunden her`,
 * `2 weeks ago`, `vor 3 Tagen`). Total: returns null for anything else, never throws.
 */
import { germanMonthNumber } from '../../normalize/dates/names.js';

/** Wall-clock fields of a printed date, before a zone is applied. */
export interface PrintedDate {
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  precision: 'day' | 'minute' | 'second';
}

/** A relative date: how long before the reference instant. */
export interface RelativeDate { agoMs: number }

const MONTH_WORD = '([A-Za-zÄÖÜäöüéèûÉÛ]{3,9})\\.?';
const TIME = /(?<![\d:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?::([0-5]\d))?(?!\d)\s*(?:Uhr\s*)*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![a-z])/i;

interface DayMonthYear { year: number | null; month: number; day: number; index: number; end: number }

function yearOf(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length === 2 ? (n >= 70 ? 1900 + n : 2000 + n) : n;
}

/** The first day-month-(year) group in `text`. `monthFirst` decides ambiguous numeric `a/b/Y`. */
function findDayMonthYear(text: string, monthFirst: boolean): DayMonthYear | null {
  const found: DayMonthYear[] = [];
  const push = (m: RegExpExecArray | null, d: number, mo: number, y: number | null): void => {
    if (m && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) found.push({ year: y, month: mo, day: d, index: m.index, end: m.index + m[0].length });
  };
  let m = /(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)/.exec(text);
  if (m) push(m, Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d\d)(?!\d)/.exec(text);
  if (m) push(m, Number(m[1]), Number(m[2]), yearOf(m[3]));
  m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d\d)(?!\d)/.exec(text);
  if (m) {
    let a = Number(m[1]);
    let b = Number(m[2]);
    if (monthFirst ? a <= 12 : b > 12 && a <= 12) [a, b] = [b, a];
    push(m, a, b, yearOf(m[3]));
  }
  const dm = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?${MONTH_WORD},?(?:\\s+(\\d{4}))?(?!\\d)`, 'g');
  for (let x = dm.exec(text); x; x = dm.exec(text)) {
    const mo = germanMonthNumber(x[2] ?? '') ?? 0;
    if (mo) { push(x, Number(x[1]), mo, yearOf(x[3])); break; }
  }
  const md = new RegExp(`(?<![A-Za-zÄÖÜäöü])${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})(?!\\d))?`, 'g');
  for (let x = md.exec(text); x; x = md.exec(text)) {
    const mo = germanMonthNumber(x[1] ?? '') ?? 0;
    if (mo) { push(x, Number(x[2]), mo, yearOf(x[3])); break; }
  }
  if (found.length === 0) return null;
  // Earliest in the text wins; on a tie the one with a year.
  found.sort((p, q) => p.index - q.index || (q.year === null ? -1 : 0) - (p.year === null ? -1 : 0));
  return found[0] ?? null;
}

/** The first printed date (and the time printed right after it) inside `text`, or null. */
export function findPrintedDate(text: string, lang = ''): PrintedDate | null {
  const t = text.replace(/[\u00a0\u2009\u202f]/g, ' ');
  const dmy = findDayMonthYear(t, /^en-us$/i.test(lang) || /^en$/i.test(lang));
  if (!dmy) return null;
  const rest = t.slice(dmy.end, dmy.end + 40);
  const tm = TIME.exec(rest);
  const out: PrintedDate = { year: dmy.year, month: dmy.month, day: dmy.day, hour: 0, minute: 0, second: 0, precision: 'day' };
  if (!tm) return valid(out) ? out : null;
  let hour = Number(tm[1]);
  const ampm = tm[4]?.toLowerCase().replace(/[.\s]/g, '');
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  out.hour = hour;
  out.minute = Number(tm[2]);
  out.second = tm[3] ? Number(tm[3]) : 0;
  out.precision = tm[3] ? 'second' : 'minute';
  return valid(out) ? out : null;
}

function valid(d: PrintedDate): boolean {
  const y = d.year ?? 2000;
  const dt = new Date(Date.UTC(y, d.month - 1, d.day));
  return dt.getUTCMonth() === d.month - 1 && dt.getUTCDate() === d.day;
}

const UNIT_MS: Array<[RegExp, number]> = [
  [/^(?:sekunden?|seconds?|secs?|s)$/, 1000],
  [/^(?:minuten?|minutes?|mins?)$/, 60_000],
  [/^(?:stunden?|hours?|hrs?|std)$/, 3_600_000],
  [/^(?:tagen?|tage|days?|jours?)$/, 86_400_000],
  [/^(?:wochen?|weeks?|semaines?)$/, 7 * 86_400_000],
  [/^(?:monaten?|monate|months?|mois)$/, 30 * 86_400_000],
  [/^(?:jahren?|jahre|years?|ans?)$/, 365 * 86_400_000],
];

/** `50 Minuten 46 Sekunden her`, `vor 3 Tagen`, `2 weeks ago`, `il y a 2 jours` -> how long ago; else null. */
export function findRelativeDate(text: string): RelativeDate | null {
  const t = text.toLowerCase();
  if (!/\b(?:her|ago)\b|\bvor\s+(?:\d|einer?m?\b)|il y a/.test(t)) return null;
  const re = /(\d+|einer?m?|an?|one)\s+([a-zäöü]+)/g;
  let ms = 0;
  let hits = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const unit = UNIT_MS.find(([u]) => u.test(m[2] ?? ''));
    if (!unit) continue;
    const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : 1;
    ms += n * unit[1];
    hits++;
  }
  return hits > 0 ? { agoMs: ms } : null;
}
