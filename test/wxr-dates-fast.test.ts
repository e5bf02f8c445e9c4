import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wxrDatePair, wxrDatePairFast } from '../src/normalize/dates/wxr.js';
import { isoFromMillis } from '../src/normalize/dates/iso.js';

/** The regex and Date path the fast path must agree with (the pair converter as it was before it). */
function reference(local: string, gmt: string): { date: string; dateGmt: string } | null {
  const re = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*$/;
  const ms = (t: string): number | null => {
    const m = re.exec(t);
    if (!m) return null;
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[] as [number, number, number, number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    const v = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(v);
    return back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d ? null : v;
  };
  const a = ms(local);
  const b = ms(gmt);
  if (a === null || b === null) return null;
  const offset = Math.round((a - b) / 60_000);
  if (Math.abs(offset) > 840 || offset % 15 !== 0) return null;
  return { date: isoFromMillis(b, offset), dateGmt: isoFromMillis(b, null) };
}

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
const sep = fc.constantFrom(' ', 'T', 'x');
const dateText = fc
  .tuple(fc.constantFrom('0000', '0099', '0100', '1999', '2000', '2012', '2024', '9999'), digits(2), digits(2), sep, digits(2), digits(2), digits(2))
  .map(([y, mo, d, s, h, mi, se]) => `${y}-${mo}-${d}${s}${h}:${mi}:${se}`);
const nearDate = fc.tuple(fc.integer({ min: 0, max: 2 ** 37 }), fc.integer({ min: -900, max: 900 }), fc.constantFrom(0, 0, 0, 1000, 30_000)).map(([base, minutes, jitter]) => {
  const fmt = (v: number) => new Date(v).toISOString().slice(0, 19).replace('T', ' ');
  return [fmt(base * 1000), fmt(base * 1000 - minutes * 60_000 + jitter)] as const;
});

describe('wxrDatePairFast', () => {
  it.each([
    ['2012-05-03 21:15:00', '2012-05-03 19:15:00', '2012-05-03T21:15:00+02:00', '2012-05-03T19:15:00Z', 120],
    ['2012-05-03 14:15:00', '2012-05-03 19:45:00', '2012-05-03T14:15:00-05:30', '2012-05-03T19:45:00Z', -330],
    ['1969-12-31 23:00:00', '1970-01-01 00:00:00', '1969-12-31T23:00:00-01:00', '1970-01-01T00:00:00Z', -60],
    ['2024-02-29T00:00:00', '2024-02-29 00:00:00', '2024-02-29T00:00:00+00:00', '2024-02-29T00:00:00Z', 0],
  ])('%s / %s', (local, gmt, date, dateGmt, offset) => {
    expect(wxrDatePairFast(local, gmt)).toEqual({ date, dateGmt, offset });
  });

  it.each([
    ['0000-00-00 00:00:00', '0000-00-00 00:00:00'],
    ['2023-02-29 10:00:00', '2023-02-29 10:00:00'],
    [' 2012-05-03 21:15:00', '2012-05-03 19:15:00'],
    ['2012-05-03 21:15', '2012-05-03 19:15'],
    ['2012-05-03 21:15:00', '2012-05-03 19:15:01'],
    ['2012-05-03 21:15:00', '2012-05-02 19:15:00'],
  ])('leaves %s / %s to the general path', (local, gmt) => {
    expect(wxrDatePairFast(local, gmt)).toBeNull();
  });

  it('agrees with the regex path whenever it answers, and answers for every clean pair', () => {
    const pairs = fc.oneof(fc.tuple(dateText, dateText), nearDate, fc.tuple(fc.string(), fc.string()));
    fc.assert(
      fc.property(pairs, ([local, gmt]) => {
        const fast = wxrDatePairFast(local, gmt);
        const ref = reference(local, gmt);
        const strict = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d$/;
        if (fast !== null) expect({ date: fast.date, dateGmt: fast.dateGmt }).toEqual(ref);
        else if (strict.test(local) && strict.test(gmt) && ref !== null && Number(local.slice(0, 4)) >= 100 && Number(gmt.slice(0, 4)) >= 100) {
          // Only pairs seconds apart from a whole offset are left to the general path.
          expect(ref.date.slice(11, 19)).not.toBe(local.slice(11));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
