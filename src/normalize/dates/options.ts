/**
 * Options of `parseGermanDate` / `findGermanDate`, and their one-time resolution.
 */
import type { ParsedDate } from '../../model.js';
import type { DateLang } from './patterns.js';

export type { DateLang };

/** Options for {@link parseGermanDate} and {@link findGermanDate}. Never mutated. */
export interface GermanDateOptions {
  /** IANA zone in which a text date-time is read (`Europe/Vienna`, `America/New_York`). An unknown zone makes every date-time `null`. Default `'Europe/Berlin'`. */
  zone?: string;
  /**
   * The instant that relative dates (`vor 3 Tagen`, `gestern`, `vor 2 Stunden`) count back from:
   * an ISO 8601 string or a `Date`. Without it (or when it is invalid) relative dates give `null`.
   * Default: none.
   */
  reference?: string | Date;
  /**
   * Language hint: `en` reads slash dates month first (`05/03/2012` = 3 May) and adds
   * `3 days ago`/`yesterday`; `fr` adds `il y a 3 jours`/`hier`; `de` and `fr` read
   * `03/05/2012` day first. Month names of all three languages are always accepted.
   * Default `'de'`.
   */
  lang?: DateLang;
}

/** A date found in free text: the parse, where it starts and the exact text it came from. */
export type FoundGermanDate = ParsedDate & {
  /** Index of the first character of `match` in the searched string (UTF-16 units). */
  index: number;
  /** The matched text, verbatim. */
  match: string;
};

export interface ResolvedDateOptions {
  zone: string;
  referenceMs: number | null;
  lang: DateLang;
}

function referenceMillis(reference: string | Date | undefined): number | null {
  if (reference === undefined) return null;
  const ms = reference instanceof Date ? reference.getTime() : Date.parse(String(reference));
  return Number.isFinite(ms) ? ms : null;
}

const DEFAULTS: ResolvedDateOptions = { zone: 'Europe/Berlin', referenceMs: null, lang: 'de' };

/** Resolves the caller's options once; tolerates any garbage (a total function's options are untrusted too). */
export function resolveDateOptions(options: GermanDateOptions | undefined): ResolvedDateOptions {
  if (options === undefined || options === null || typeof options !== 'object') return DEFAULTS;
  const lang = options.lang === 'en' || options.lang === 'fr' ? options.lang : 'de';
  const zone = typeof options.zone === 'string' && options.zone !== '' ? options.zone : DEFAULTS.zone;
  const referenceMs = referenceMillis(options.reference);
  if (lang === 'de' && zone === DEFAULTS.zone && referenceMs === null) return DEFAULTS;
  return { zone, referenceMs, lang };
}
