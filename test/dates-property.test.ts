import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findGermanDate, parseGermanDate } from '../src/normalize/dates/index.js';

const LONG = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const SHORT_OLD = ['Jan', 'Feb', 'Mrz', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];
const SHORT_NEW = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'];
const AUSTRIAN = ['Jänner', 'Feber', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const ENGLISH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const WD_SHORT = ['Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.', 'So.'];

const p2 = (n: number): string => String(n).padStart(2, '0');
const at = (list: string[], i: number): string => list[i] ?? '';
const ordinal = (d: number): string => (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

type Style = (t: DateTime) => string;

/** Date-only styles the module claims (WordPress de_DE/de_AT/de_CH formats, themes, English leftovers). */
const DATE_STYLES: Record<string, Style> = {
  'd.m.Y': (t) => `${p2(t.day)}.${p2(t.month)}.${t.year}`,
  'j.n.Y': (t) => `${t.day}.${t.month}.${t.year}`,
  'j. F Y': (t) => `${t.day}. ${at(LONG, t.month - 1)} ${t.year}`,
  'j. M Y (old)': (t) => `${t.day}. ${at(SHORT_OLD, t.month - 1)} ${t.year}`,
  'j. M Y (2025+)': (t) => `${t.day}. ${at(SHORT_NEW, t.month - 1)} ${t.year}`,
  'j. F Y (de_AT)': (t) => `${t.day}. ${at(AUSTRIAN, t.month - 1)} ${t.year}`,
  'l, d. F Y': (t) => `${at(WEEKDAYS, t.weekday - 1)}, ${p2(t.day)}. ${at(LONG, t.month - 1)} ${t.year}`,
  'D., j. M Y': (t) => `${at(WD_SHORT, t.weekday - 1)}, ${t.day}. ${at(SHORT_NEW, t.month - 1)} ${t.year}`,
  'l, d.m.Y': (t) => `${at(WEEKDAYS, t.weekday - 1)}, ${p2(t.day)}.${p2(t.month)}.${t.year}`,
  'F j, Y (de)': (t) => `${at(LONG, t.month - 1)} ${t.day}, ${t.year}`,
  'F jS, Y (de)': (t) => `${at(LONG, t.month - 1)} ${t.day}${ordinal(t.day)}, ${t.year}`,
  'F j, Y (en)': (t) => `${at(ENGLISH, t.month - 1)} ${t.day}, ${t.year}`,
  'Y-m-d': (t) => `${t.year}-${p2(t.month)}-${p2(t.day)}`,
};

/** Time suffixes the module claims, appended to any date style. */
const TIME_STYLES: Record<string, Style> = {
  'um G:i': (t) => ` um ${t.hour}:${p2(t.minute)}`,
  'um H:i Uhr': (t) => ` um ${p2(t.hour)}:${p2(t.minute)} Uhr`,
  'um G:i&nbsp;Uhr': (t) => ` um ${t.hour}:${p2(t.minute)}&nbsp;Uhr`,
  'um G:i U+00A0 Uhr': (t) => ` um ${t.hour}:${p2(t.minute)}\u00a0Uhr`,
  ', G:i': (t) => `, ${t.hour}:${p2(t.minute)}`,
  'G.i Uhr': (t) => ` ${t.hour}.${p2(t.minute)} Uhr`,
  'at g:i a': (t) => ` at ${t.hour % 12 === 0 ? 12 : t.hour % 12}:${p2(t.minute)} ${t.hour < 12 ? 'am' : 'pm'}`,
};

const ZONES = ['Europe/Berlin', 'Europe/Vienna', 'America/New_York', 'Australia/Sydney', 'UTC'];
const instant = fc.integer({ min: Date.UTC(1971, 0, 1) / 60_000, max: Date.UTC(2037, 11, 31) / 60_000 }).map((m) => m * 60_000);

describe('parseGermanDate round trip', () => {
  it.each(Object.entries(DATE_STYLES))('date style %s parses back to the same calendar date', (_name, style) => {
    fc.assert(
      fc.property(instant, (ms) => {
        const t = DateTime.fromMillis(ms, { zone: 'Europe/Berlin' });
        const got = parseGermanDate(style(t));
        expect(got).toMatchObject({ iso: t.toISODate(), precision: 'day' });
        expect(got?.warnings).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  const combos = Object.entries(TIME_STYLES).flatMap(([tn, ts]) =>
    ['d.m.Y', 'j. F Y', 'j. M Y (old)', 'l, d. F Y', 'F j, Y (en)'].map((dn) => [`${dn} +${tn}`, DATE_STYLES[dn] as Style, ts] as const),
  );
  it.each(combos)('date-time style %s gives the same instant in any zone', (_name, dateStyle, timeStyle) => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const t = DateTime.fromMillis(ms, { zone });
        const got = parseGermanDate(dateStyle(t) + timeStyle(t), { zone });
        expect(got?.precision).toBe('minute');
        const back = Date.parse(got?.iso ?? '');
        if (got?.warnings?.includes('dst-ambiguous')) {
          // The repeated hour: the policy picks the earlier instant.
          expect([0, 3_600_000, 1_800_000]).toContain(ms - back);
        } else {
          expect(back).toBe(ms);
          expect(got?.warnings).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseGermanDate and findGermanDate are total', () => {
  const results = (text: string): void => {
    const parsed = parseGermanDate(text);
    if (parsed) expect(Number.isNaN(Date.parse(parsed.iso))).toBe(false);
    const found = findGermanDate(text, { reference: '2012-05-06T12:00:00Z', lang: 'fr' });
    if (found) expect(text.slice(found.index, found.index + found.match.length)).toBe(found.match);
  };
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), results), { numRuns: 2000 });
  });
  it('never throws on strings made of date-like pieces', () => {
    const piece = fc.constantFrom('3', '03', '.', ' ', ',', 'Mai', 'März', 'Mrz', 'um', 'Uhr', ':', '21', '15', '2012', '12', '&nbsp;', 'Ã¤', 'vor', 'Tagen', 'gestern', '-', '/', 'T', 'Z', '+02:00', 'am', 'pm', 'h', '99', '0', '1850', '0001', '9999', 'Oktober', '28', '2:30', 'Sept.', 'Do.,', 'Freitag', 'May', 'at', 'ago', 'il y a');
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join('')), results), { numRuns: 3000 });
  });
});
