import { describe, expect, it } from 'vitest';
import { rfc822ToIso, wxrDatePair } from '../src/normalize/dates/wxr.js';

describe('wxrDatePair', () => {
  const rows: Array<[string | undefined, string | undefined, string | null, string | null, boolean]> = [
    ['2012-05-03 21:15:00', '2012-05-03 19:15:00', '2012-05-03T21:15:00+02:00', '2012-05-03T19:15:00Z', false],
    ['2008-07-01 20:00:00', '2008-07-01 19:00:00', '2008-07-01T20:00:00+01:00', '2008-07-01T19:00:00Z', false],
    ['2012-05-03 21:15:00', '0000-00-00 00:00:00', '2012-05-03T21:15:00', null, true],
    ['0000-00-00 00:00:00', '0000-00-00 00:00:00', null, null, true],
    ['2012-02-30 10:00:00', '2012-02-30 09:00:00', null, null, true],
    [undefined, undefined, null, null, true],
  ];
  it.each(rows)('%s / %s', (local, gmt, date, dateGmt, problem) => {
    const got = wxrDatePair(local, gmt);
    expect(got.date).toBe(date);
    expect(got.dateGmt).toBe(dateGmt);
    expect(got.problem !== undefined).toBe(problem);
  });
  it('uses a fallback offset when the GMT date is zero', () => {
    expect(wxrDatePair('2012-05-03 21:15:00', '0000-00-00 00:00:00', 120).date).toBe('2012-05-03T21:15:00+02:00');
  });
});

describe('rfc822ToIso', () => {
  it.each([
    ['Thu, 03 May 2012 19:15:00 +0000', '2012-05-03T19:15:00Z'],
    ['Thu, 03 May 2012 21:15:00 +0200', '2012-05-03T19:15:00Z'],
    ['Mon, 30 Nov -0001 00:00:00 +0000', null],
    ['garbage', null],
  ])('%s', (input, iso) => expect(rfc822ToIso(input)).toBe(iso));
});
