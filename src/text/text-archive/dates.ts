import { DateTime } from 'luxon';
import type { ParsedDate } from '../../model.js';

/** A page date as the model's `date` / `dateGmt` pair. */
export interface ModelDates {
  date: string | null;
  dateGmt: string | null;
  /** Set when the page gave only a day and midnight in the zone was assumed, or the zone was unknown. */
  note?: string;
}

const ISO_OPTS = { suppressMilliseconds: true, includeOffset: true } as const;

/**
 * The model needs date-times with an offset: a day (`2012-05-03`) becomes midnight in `zone`,
 * a date-time keeps its offset; `dateGmt` is the same instant in UTC.
 *
 * @example
 * toModelDates({ iso: '2012-05-03', precision: 'day' }, 'Europe/Berlin')
 * // { date: '2012-05-03T00:00:00+02:00', dateGmt: '2012-05-02T22:00:00Z', note: '…' }
 */
export function toModelDates(parsed: ParsedDate, zone: string): ModelDates {
  const dayOnly = parsed.precision === 'day' || /^\d{4}-\d{2}-\d{2}$/.test(parsed.iso);
  let dt = dayOnly ? DateTime.fromISO(parsed.iso.slice(0, 10), { zone }) : DateTime.fromISO(parsed.iso, { setZone: true });
  let note: string | undefined;
  if (!dt.isValid && dayOnly) {
    dt = DateTime.fromISO(parsed.iso.slice(0, 10), { zone: 'utc' });
    note = `unknown time zone "${zone}"; UTC was used`;
  }
  if (!dt.isValid) return { date: null, dateGmt: null, note: `"${parsed.iso}" is not a valid date` };
  if (dayOnly && note === undefined) note = `the page gives only the day; 00:00 in ${zone} was assumed`;
  const date = dt.toISO(ISO_OPTS);
  const dateGmt = dt.toUTC().toISO({ suppressMilliseconds: true });
  const out: ModelDates = { date, dateGmt };
  if (note !== undefined) out.note = note;
  return out;
}

/**
 * An instant (milliseconds since the epoch) as the model's pair, `date` in `zone`.
 *
 * @example
 * instantToModelDates(Date.UTC(2012, 4, 2, 22, 1), 'Europe/Berlin')
 * // { date: '2012-05-03T00:01:00+02:00', dateGmt: '2012-05-02T22:01:00Z' }
 */
export function instantToModelDates(ms: number, zone: string): ModelDates {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) return { date: null, dateGmt: null };
  return { date: dt.toISO(ISO_OPTS), dateGmt: dt.toUTC().toISO({ suppressMilliseconds: true }) };
}
