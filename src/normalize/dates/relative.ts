/**
 * Relative dates (`vor 3 Tagen`, `gestern um 21:15`, `2 hours ago`, `il y a 3 jours`),
 * resolved against a caller-supplied reference instant in the caller's zone.
 * Units of a day or more give a calendar date; hours, minutes and seconds give a
 * date-time (minute precision).
 */
import { DateTime, type DurationLikeObject } from 'luxon';
import { WS, type TimeFields } from './patterns.js';
import { localToIso } from './zone.js';

type Unit = keyof Pick<DurationLikeObject, 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years'>;

const UNIT_BY_STEM: ReadonlyArray<readonly [RegExp, Unit]> = [
  [/^sec|^sek/, 'seconds'],
  [/^min/, 'minutes'],
  [/^stund|^std|^hour|^heure/, 'hours'],
  [/^tag|^day|^jour/, 'days'],
  [/^woche|^week|^semaine/, 'weeks'],
  [/^monat|^month|^mois/, 'months'],
  [/^jahr|^year|^an/, 'years'],
];

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['ein', 1], ['eins', 1], ['einem', 1], ['einer', 1], ['a', 1], ['an', 1], ['one', 1], ['un', 1], ['une', 1],
  ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['fuenf', 5], ['funf', 5], ['f&uuml;nf', 5], ['sechs', 6],
  ['sieben', 7], ['acht', 8], ['neun', 9], ['zehn', 10], ['elf', 11], ['zwölf', 12], ['zwoelf', 12], ['zwolf', 12], ['zw&ouml;lf', 12],
]);

const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ['heute', 0], ['today', 0], ['gestern', 1], ['yesterday', 1], ['hier', 1], ['vorgestern', 2], ['avant-hier', 2],
  ["aujourd'hui", 0],
]);

const BLANKS = new RegExp(`${WS}+`, 'g');

function words(text: string): string[] {
  return text.toLowerCase().replace(BLANKS, ' ').replace(/,/g, ' ').trim().split(/ +/);
}

export interface RelativeResult {
  iso: string;
  precision: 'day' | 'minute';
  warning?: 'dst-gap' | 'dst-ambiguous';
}

const SUB_DAY: ReadonlySet<Unit> = new Set(['seconds', 'minutes', 'hours']);

/** Every count-unit pair of the text (`2 Stunden und 5 Minuten` -> 2 h + 5 min); other words (`vor`, `ca.`, `und`, `her`, `ago`) are skipped. */
function amountsOf(text: string): Map<Unit, number> | null {
  const w = words(text);
  const out = new Map<Unit, number>();
  for (let i = 0; i + 1 < w.length; i++) {
    const countWord = w[i] ?? '';
    const count = /^\d+$/.test(countWord) ? Number(countWord) : NUMBER_WORDS.get(countWord);
    const unitWord = w[i + 1] ?? '';
    const unit = UNIT_BY_STEM.find(([re]) => re.test(unitWord))?.[1];
    if (count === undefined || unit === undefined) continue;
    out.set(unit, (out.get(unit) ?? 0) + count);
    i++;
  }
  return out.size > 0 ? out : null;
}

/** `vor 3 Tagen`, `vor 2 Stunden und 5 Minuten`, `2 Stunden her`, `2 hours ago`, `il y a une heure` against the reference instant. */
export function resolveAgo(text: string, referenceMs: number, zone: string): RelativeResult | null {
  const amounts = amountsOf(text);
  if (amounts === null) return null;
  const ref = DateTime.fromMillis(referenceMs, { zone });
  if (!ref.isValid) return null;
  const at = ref.minus(Object.fromEntries(amounts) as DurationLikeObject);
  if (!at.isValid) return null;
  if ([...amounts.keys()].some((u) => SUB_DAY.has(u))) {
    const iso = at.startOf('minute').toISO({ suppressMilliseconds: true });
    return iso ? { iso, precision: 'minute' } : null;
  }
  const date = at.toISODate();
  return date ? { iso: date, precision: 'day' } : null;
}

/** `heute`, `gestern`, `vorgestern` (optionally with a time) against the reference instant. */
export function resolveDayWord(word: string, time: TimeFields | null, referenceMs: number, zone: string): RelativeResult | null {
  const back = DAY_WORDS.get(word.toLowerCase().replace(/&#0?39;|’/g, "'"));
  if (back === undefined) return null;
  const day = DateTime.fromMillis(referenceMs, { zone }).minus({ days: back });
  if (!day.isValid) return null;
  if (!time) {
    const date = day.toISODate();
    return date ? { iso: date, precision: 'day' } : null;
  }
  const z = localToIso(day.year, day.month, day.day, time.hour, time.minute, time.second ?? 0, zone);
  if (!z) return null;
  const result: RelativeResult = { iso: z.iso, precision: 'minute' };
  if (z.warning) result.warning = z.warning;
  return result;
}
