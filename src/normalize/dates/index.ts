/**
 * German (and WordPress-English, optionally French) dates in text -> ISO 8601.
 * The one place in wxr-kit that reads dates: text dates here, WXR's own fields in
 * `wxr.ts`, both formatting through `iso.ts`.
 */
import type { ParsedDate } from '../../model.js';
import { dateFromMatch } from './german.js';
import { resolveDateOptions, type FoundGermanDate, type GermanDateOptions } from './options.js';
import { dateRegex, WS } from './patterns.js';

export type { DateLang, FoundGermanDate, GermanDateOptions } from './options.js';
export { germanMonthNumber, germanWeekdayNumber } from './names.js';
export { localToIso, isValidZone } from './zone.js';

const LABELS = [
  'am', 'vom', 'den', 'on', 'le', 'du', 'datum', 'date', 'veröffentlicht', 'veroeffentlicht', 'ver&ouml;ffentlicht',
  'publiziert', 'geschrieben', 'erstellt', 'erschienen', 'aktualisiert', 'zuletzt', 'geändert', 'geaendert',
  'ge&auml;ndert', 'posted', 'published', 'written', 'updated', 'last', 'publié', 'publie', 'publi&eacute;', 'écrit',
  'ecrit', '&eacute;crit', 'mis', 'à', 'jour',
].join('|');
/** What may stand before a date for `parseGermanDate` to accept the string: labels such as `Veröffentlicht:` or `am`. */
const LABEL_PREFIX = new RegExp(String.raw`(?:${WS}|[:,;|–—\-(\[])*(?:(?:${LABELS})(?![\p{L}])(?:${WS}|[:,;–—\-])*)*`, 'yiu');
/** What may follow a date silently: end, punctuation, or a meta-line trailer (`in Kunden`, `| 5 Kommentare`, `von Max`). */
const SUFFIX_OK = new RegExp(
  String.raw`^(?:${WS}|[)\].,:;!?])*$|^(?:${WS}|[,;:)\]])*(?:[|–—\-·•/(\[]|(?:in|von|by|unter|im|dans|par|posted|kategorie|kategorien|kommentare?|comments?|antworten|reply|sagt|says|schreibt|\d+${WS}+(?:kommentare?|comments?|antworten|commentaires?))(?![\p{L}]))`,
  'iu',
);

function firstMatch(text: string, options: GermanDateOptions | undefined): FoundGermanDate | null {
  if (typeof text !== 'string' || text === '') return null;
  const opts = resolveDateOptions(options);
  const re = dateRegex(opts.lang, 'global');
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const parsed = dateFromMatch(m, opts);
    if (parsed) {
      const found = parsed as FoundGermanDate;
      found.index = m.index;
      found.match = m[0];
      return found;
    }
    re.lastIndex = m.index + 1;
  }
  return null;
}

function parseWhole(text: string, options: GermanDateOptions | undefined): ParsedDate | null {
  if (typeof text !== 'string' || text === '') return null;
  const opts = resolveDateOptions(options);
  LABEL_PREFIX.lastIndex = 0;
  const start = LABEL_PREFIX.exec(text) ? LABEL_PREFIX.lastIndex : 0;
  const re = dateRegex(opts.lang, 'sticky');
  re.lastIndex = start;
  const m = re.exec(text);
  if (!m) return null;
  const date = dateFromMatch(m, opts);
  const end = start + m[0].length;
  if (!date || end === text.length || SUFFIX_OK.test(text.slice(end))) return date;
  date.warnings = [...(date.warnings ?? []), 'ignored-text'];
  return date;
}

/**
 * Parses a string that IS a date or date-time as German WordPress sites print it
 * (plus WordPress's English defaults and ISO 8601) into ISO 8601. Labels before the
 * date (`am`, `vom`, `Veröffentlicht:`, `Geschrieben am`) and meta trailers after it
 * (`in Kunden`, `| 5 Kommentare`) are allowed; other text before the date gives
 * null (use {@link findGermanDate} for free text), other text after it is ignored
 * with the warning `ignored-text`. A date alone gives `precision: 'day'` and an ISO
 * date; a time gives the offset in force in `zone` (default `Europe/Berlin`). Never
 * throws; anything that is not a real date is null.
 *
 * Warnings: `weekday-mismatch`, `dst-gap`, `dst-ambiguous`, `encoding-repaired`,
 * `relative-date`, `ignored-text`.
 *
 * @example
 * parseGermanDate('Donnerstag, 03.05.2012') // { iso: '2012-05-03', precision: 'day' }
 * parseGermanDate('3. Mai 2012 um 21:15 Uhr') // { iso: '2012-05-03T21:15:00+02:00', precision: 'minute' }
 * parseGermanDate('vor 3 Tagen', { reference: '2012-05-06T12:00:00Z' })
 * // { iso: '2012-05-03', precision: 'day', warnings: ['relative-date'] }
 */
export function parseGermanDate(text: string, options?: GermanDateOptions): ParsedDate | null {
  try {
    return parseWhole(text, options);
  } catch {
    return null;
  }
}

/**
 * The first date in free text (a meta line, a comment header, a paragraph), with the
 * index where it starts and the matched text. Same forms and options as
 * {@link parseGermanDate}; near-misses (`Maier 3, 2012`, `1.2.3`, `30. Februar 2012`)
 * are skipped and the search goes on. Never throws.
 *
 * @example
 * findGermanDate('Max sagte am 3. Mai 2012 um 21:15 :')
 * // { iso: '2012-05-03T21:15:00+02:00', precision: 'minute', index: 13, match: '3. Mai 2012 um 21:15' }
 */
export function findGermanDate(text: string, options?: GermanDateOptions): FoundGermanDate | null {
  try {
    return firstMatch(text, options);
  } catch {
    return null;
  }
}
