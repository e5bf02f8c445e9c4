/**
 * Local wall time in an IANA zone -> an instant, with ONE fixed policy for the two
 * daylight-saving edge cases, independent of the date the code runs on:
 * - a local time that does not exist (spring gap, `25. März 2012 um 2:30` in Berlin)
 *   is shifted forward by the length of the gap (`03:30+02:00`), like Temporal's and
 *   luxon's 'compatible' behaviour, with the warning `dst-gap`;
 * - a local time that occurs twice (autumn, `28. Oktober 2012 um 2:30`) is the EARLIER
 *   instant (`02:30+02:00`), with the warning `dst-ambiguous`.
 * Luxon's IANAZone supplies the zone offsets; its own guess for repeated hours depends
 * on the current date (luxon#1665), so it is not used.
 */
import { IANAZone } from 'luxon';
import { formatOffset, isoDate, isoFromMillis, pad } from './iso.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER = 900_000;
const CACHE_LIMIT = 50_000;

interface ZoneEntry {
  zone: IANAZone;
  /** Offset in minutes by quarter-hour bucket of UTC time. */
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneEntry | null>();

/** The cached zone, or null when the name is not a valid IANA zone. */
function zoneEntry(name: string): ZoneEntry | null {
  let entry = zones.get(name);
  if (entry !== undefined) return entry;
  entry = IANAZone.isValidZone(name) ? { zone: IANAZone.create(name), offsets: new Map() } : null;
  if (zones.size > 1000) zones.clear();
  zones.set(name, entry);
  return entry;
}

/** True when `name` is an IANA zone this runtime knows. */
export function isValidZone(name: string): boolean {
  return zoneEntry(name) !== null;
}

function offsetAt(entry: ZoneEntry, utcMs: number): number {
  const bucket = Math.floor(utcMs / QUARTER);
  let o = entry.offsets.get(bucket);
  if (o === undefined) {
    // Whole minutes: local mean time offsets such as Berlin's +00:53:28 before 1893 cannot be written in ISO 8601.
    o = Math.round(entry.zone.offset(bucket * QUARTER));
    if (entry.offsets.size > CACHE_LIMIT) entry.offsets.clear();
    entry.offsets.set(bucket, o);
  }
  return o;
}


/** Wall-clock fields read as if they were UTC (years below 100 included). */
export function wallMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year);
  return d.getTime();
}

export interface ZonedResult {
  iso: string;
  utcMs: number;
  warning?: 'dst-gap' | 'dst-ambiguous';
}

/**
 * Wall-clock fields in `zone` to ISO 8601 with the offset in force, by the policy above.
 * Null for an unknown zone.
 *
 * @example
 * localToIso(2012, 5, 3, 21, 15, 0, 'Europe/Berlin') // { iso: '2012-05-03T21:15:00+02:00', … }
 */
export function localToIso(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): ZonedResult | null {
  const entry = zoneEntry(zone);
  if (!entry) return null;
  const wall = wallMillis(year, month, day, hour, minute, second);
  const before = offsetAt(entry, wall - DAY);
  const after = offsetAt(entry, wall + DAY);
  const wallText = `${isoDate(year, month, day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const utcBefore = wall - before * 60_000;
  const beforeFits = offsetAt(entry, utcBefore) === before;
  if (before === after && beforeFits) return { iso: wallText + formatOffset(before), utcMs: utcBefore };
  const utcAfter = wall - after * 60_000;
  const afterFits = before !== after && offsetAt(entry, utcAfter) === after;
  if (beforeFits && afterFits) {
    const earlier = Math.min(utcBefore, utcAfter);
    return { iso: wallText + formatOffset(earlier === utcBefore ? before : after), utcMs: earlier, warning: 'dst-ambiguous' };
  }
  if (beforeFits || afterFits) {
    const o = beforeFits ? before : after;
    return { iso: wallText + formatOffset(o), utcMs: wall - o * 60_000 };
  }
  // In the gap: read the wall time with the offset before the change, which moves it forward.
  return { iso: isoFromMillis(utcBefore, offsetAt(entry, utcBefore)), utcMs: utcBefore, warning: 'dst-gap' };
}
