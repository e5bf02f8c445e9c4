/**
 * The compiled date regexes: built once per language from the name tables, run on
 * the RAW text (no clean-up pass), so that `findGermanDate` reports indexes into the
 * caller's string and a parse costs one regex run. Spaces may be any blank, U+00A0,
 * U+202F or `&nbsp;`.
 */
import { MONTH_ALIASES, WEEKDAY_LONG, WEEKDAY_SHORT, aliasPattern, alternation } from './names.js';

/** Language hint: which relative words count, and the order of slash dates (`03/05/2012`). */
export type DateLang = 'de' | 'en' | 'fr';

/** One blank as dates are written: any white space, U+00A0, U+2007, U+202F or the no-break space as an entity (the pattern source, used by every date regex). */
export const WS = String.raw`(?:[\s\u00a0\u2007\u202f]|&nbsp;|&#160;|&#xa0;)`;
const S0 = `${WS}*`;
const S1 = `${WS}+`;
const NOT_LETTER = String.raw`(?![\p{L}])`;

const MONTH = `(?<![\\p{L}])${alternation(MONTH_ALIASES)}${NOT_LETTER}\\.?`;
/**
 * An optional weekday before the date: a long name, or a short one with a dot or comma
 * (`Donnerstag,`, `Do.,`, `Do,`), then optionally `der`/`den`/`dem` (`Donnerstag, der 3. Mai`);
 * or a bare short name directly before the digits of the date (`Do 3. Mai 2012`), captured as
 * `wdb`: it counts only when it agrees with the date (see `german.ts`), so prose `so 3. Mai` is
 * no Sunday.
 */
const WEEKDAY =
  `(?<![\\p{L}])(?:(?<wd>${alternation(WEEKDAY_LONG)}${NOT_LETTER}|${alternation(WEEKDAY_SHORT)}(?=[.,]))\\.?,?${S0}(?:de[mnr]${S1})?` +
  `|(?<wdb>${alternation(WEEKDAY_SHORT)})${S1}(?=\\d))`;
const ORDINAL = '(?:st|nd|rd|th|er|\\.)?';

/** `03.05.2012`, `3.5.12`, `03/05/2012` (day or month first by language). */
const NUMERIC = String.raw`(?<nd>\d{1,2})(?<ns>[./])${S0}(?<nm>\d{1,2})\k<ns>${S0}(?<ny>\d{4}|\d{2})(?!\d)`;
/** `2012/05/03` (WordPress's English `Y/m/d`). */
const YMD_SLASH = String.raw`(?<sy>\d{4})/(?<sm>\d{1,2})/(?<sd>\d{1,2})(?!\d)`;
/** `3. Mai 2012`, `03. Mrz. 2012`, `3.Mai 2012`, `1er mai 2012`, `3rd May 2012`. */
const DAY_MONTH = String.raw`(?<bd>\d{1,2})${ORDINAL}${S0}(?<bm>${MONTH}),?${S0}(?<by>\d{4})(?!\d)`;
/** `May 3, 2012`, `Mai 3rd, 2012`. */
const MONTH_DAY = String.raw`(?<cm>${MONTH})${S1}(?<cd>\d{1,2})${ORDINAL},?${S1}(?<cy>\d{4})(?!\d)`;

const AMPM = String.raw`(?:${S0}[ap]\.?m\.?(?![\p{L}]))?`;
const UHR = `(?:${S0}uhr${NOT_LETTER})`;
/** `Uhr` or the `h` some themes print after `21:15` (`21:15h`, `21:15 h`), but not the `h` of a word (`21:15 heute`). */
const UHR_OR_H = String.raw`(?:${S0}(?:uhr|h)(?![\p{L}\d]))`;
/** Time forms valid after any connector (or none): `21:15`, `21:15:30`, `9:15 pm`, `21:15h`, `21.15 Uhr`, `21 h 15`, `21h`, `21 Uhr`, `9 pm`. */
const TIME_CORE =
  String.raw`\d{1,2}:\d{2}(?::\d{2})?${AMPM}${UHR_OR_H}?` +
  `|\\d{1,2}\\.\\d{2}${UHR}` +
  String.raw`|\d{1,2}${S0}h(?:${S0}\d{2})?(?![\p{L}\d])` +
  `|\\d{1,2}${UHR}` +
  String.raw`|\d{1,2}${S0}[ap]\.?m\.?(?![\p{L}])`;
/** A dotted time without `um` or `Uhr` (`03.05.2012 21.15`): only where no word or number follows it, so `3.5.2012 12.50 Euro` keeps no time. */
const BARE_DOTTED = String.raw`\d{1,2}\.\d{2}(?![\d.])(?!${S0}[\p{L}\p{N}])`;
/** Day-period words after a time: `9:15 nachmittags` is 21:15 (read by `readTime`, which rejects contradictions such as `21:15 morgens`). */
const PERIODS = ['morgens', 'früh', 'vormittags', 'mittags', 'nachmittags', 'abends', 'nachts'];
const PERIOD = `(?:${S1}(?:${PERIODS.map(aliasPattern).join('|')})${NOT_LETTER})?`;
/** What may stand between a date and its time: `at`, `@`, dashes, `|`, `/`, `·`, `•` (also as named entities). */
const CONNECTOR = `(?:at|@|-|–|—|\\||/|·|•|&middot;|&bull;)${S1}`;
/**
 * A time after a date; captured whole and read by `readTime`. A dotted time without
 * `Uhr` needs `um`/`gegen`/`à` before it, or nothing after it. Written so that no two
 * parts can share the same blanks: a run of spaces never makes the regex backtrack
 * more than linearly.
 */
const TIME =
  `(?<time>${S0}(?:,${S0})?(?:${CONNECTOR})?(?:` +
  `(?:um|gegen|${aliasPattern('à')})${S1}(?:${TIME_CORE}|\\d{1,2}\\.\\d{2}(?![\\d.]))` +
  `|${TIME_CORE}|${BARE_DOTTED}` +
  `)${PERIOD})`;
/**
 * A time before the date (`21:15 Uhr, 3. Mai 2012`, `um 21:15 am 3.5.2012`): `H:MM` (with
 * `Uhr`/`h`) or `H Uhr`, with an optional day-period word, then a comma, dash, bar, middle dot, bullet or `am` (or
 * just a blank).
 */
const PRE_TIME =
  `(?:um${S1})?(?<ptime>(?:\\d{1,2}:\\d{2}(?::\\d{2})?${UHR_OR_H}?|\\d{1,2}(?:\\.\\d{2})?${UHR})${PERIOD})` +
  `(?:${S0}(?:[,|–—-]|·|•)${S1}|${S1}(?:am${S1})?)`;

/** ISO 8601 / SQL: `2012-05-03`, `2012-05-03T21:15:00+02:00`, `2012-05-03 21:15:00`. */
const ISO = String.raw`(?<iy>\d{4})-(?<im>\d{2})-(?<iday>\d{2})(?:[T ](?<ih>\d{2}):(?<imin>\d{2})(?::(?<isec>\d{2})(?:[.,]\d+)?)?(?<iz>Z|[+-]\d{2}(?::?\d{2})?)?)?`;

const NUM_WORDS_DE = 'einer|einem|eins|ein|zwei|drei|vier|f(?:ü|ue|u|&uuml;)nf|sechs|sieben|acht|neun|zehn|elf|zw(?:ö|oe|o|&ouml;)lf';
/** German units, also as wpDiscuz and themes shorten them (`Std.`, `Min.`, `Sek.`). */
const UNITS_DE = `(?:sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?)${NOT_LETTER}|(?:std|min|sek)(?:\\.|${NOT_LETTER})`;
const UNITS_EN = `(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)${NOT_LETTER}`;
const UNITS_FR = `(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|ann(?:é|e|&eacute;)es?)${NOT_LETTER}`;
/** `ca.`, `etwa` before the count: the date is as exact as the count. */
const ABOUT_DE = `(?:(?:ca\\.|circa|etwa|${aliasPattern('ungefähr')}|rund|knapp)${S1})?`;

/** Up to four count-unit pairs, joined by blanks, a comma or `and`: `2 Stunden und 5 Minuten`, `50 Minuten 46 Sekunden`. */
function amounts(count: string, units: string, and: string): string {
  const pair = `(?:${count})${S1}(?:${units})`;
  return `${pair}(?:(?:${S0},${S0}|${S1}(?:${and}${S1})?)${pair}){0,3}`;
}

function relativeSource(lang: DateLang): string {
  const de = amounts(`\\d{1,4}|${NUM_WORDS_DE}`, UNITS_DE, 'und');
  const ago: string[] = [`vor${S1}${ABOUT_DE}${de}`, `${ABOUT_DE}${de}${S1}her`];
  const days: string[] = ['vorgestern', 'gestern', 'heute'];
  if (lang === 'en') {
    ago.push(`${amounts('\\d{1,4}|an?|one', UNITS_EN, 'and')}${S1}ago`);
    days.push('yesterday', 'today');
  }
  if (lang === 'fr') {
    ago.push(`il${S1}y${S1}a${S1}${amounts('\\d{1,4}|une?', UNITS_FR, 'et')}`);
    days.push('avant-hier', 'hier', `aujourd(?:'|’|&#39;|&#039;)hui`);
  }
  return `(?<rago>${ago.join('|')})${NOT_LETTER}|(?<rday>${days.join('|')})${NOT_LETTER}${TIME.replace('(?<time>', '(?<rtime>')}?`;
}

/** Before a numeric date: not glued to letters, digits or a digit-dot (`1.03.05.2012`). */
const START = String.raw`(?<![\p{L}\p{N}])(?<!\p{N}[./:-])`;
/** After the match: not glued to letters or digits, and no further `.5`/`:30`. */
const END = String.raw`(?![\p{L}\p{N}])(?![./:-]\p{N})`;

function masterSource(lang: DateLang): string {
  const absolute = `(?:${PRE_TIME})?(?:${WEEKDAY})?(?:${NUMERIC}|${YMD_SLASH}|${DAY_MONTH}|${MONTH_DAY})${TIME}?`;
  return `${START}(?:${ISO}|${absolute})${END}|(?<![\\p{L}\\p{N}])(?:${relativeSource(lang)})`;
}

/** Every named group of the master regex. */
export type GroupName =
  | 'iy' | 'im' | 'iday' | 'ih' | 'imin' | 'isec' | 'iz' | 'wd' | 'wdb' | 'nd' | 'ns' | 'nm' | 'ny' | 'sy' | 'sm' | 'sd'
  | 'bd' | 'bm' | 'by' | 'cm' | 'cd' | 'cy' | 'time' | 'ptime' | 'rago' | 'rday' | 'rtime';

/**
 * Replaces named groups by plain numbered ones (V8 builds a `groups` object with every
 * name on each match, which costs more than the match) and returns each name's number.
 */
function numberGroups(source: string): { source: string; groups: Map<string, number> } {
  const groups = new Map<string, number>();
  let out = '';
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      const named = /^\\k<([a-z]+)>/.exec(source.slice(i));
      if (named) {
        out += `\\${groups.get(named[1] ?? '') ?? 0}`;
        i += named[0].length - 1;
        continue;
      }
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') {
      const named = /^\(\?<([a-z]+)>/.exec(source.slice(i, i + 12));
      if (named) {
        groups.set(named[1] ?? '', ++n);
        out += '(';
        i += named[0].length - 1;
        continue;
      }
      if (source[i + 1] !== '?') n++;
    }
    out += ch;
  }
  return { source: out, groups };
}

const cache = new Map<string, RegExp>();
const DE = numberGroups(masterSource('de'));

/** Capture-group numbers of the master regex (the same for every language). */
export const GROUP: Readonly<Record<GroupName, number>> = Object.fromEntries(DE.groups) as Record<GroupName, number>;

/**
 * The case-insensitive master regex for a language, compiled on first use: `global`
 * scans free text, `sticky` matches only at `lastIndex` (for strings that are a date).
 * Read captures with {@link GROUP}.
 */
export function dateRegex(lang: DateLang, mode: 'global' | 'sticky' = 'global'): RegExp {
  const key = `${lang}:${mode}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(numberGroups(masterSource(lang)).source, mode === 'global' ? 'giu' : 'yiu');
    cache.set(key, re);
  }
  return re;
}

export interface TimeFields {
  hour: number;
  minute: number;
  second: number | null;
}

const TIME_DIGITS = new RegExp(String.raw`(\d{1,2})(?:\s*(?::|\.|h)\s*(\d{2})?)?(?::(\d{2}))?${WS}*(?:([ap])\.?m\.?)?`, 'i');

/** The time's first digit, not one of a numeric entity's (`&#160;um 21:15`). */
const FIRST_DIGIT = /(?<!&#x?[\da-f]*)\d/i;

/**
 * Which written hours each day-period word accepts: `keep` as they are (24-hour reading),
 * `shift` by 12 (12-hour reading). Any other hour contradicts the word (`21:15 morgens`, `12 Uhr
 * abends`: which midnight?) and the time is null, as for `13:15 pm`.
 */
const PERIOD_HOURS: ReadonlyArray<readonly [prefix: string, keep: readonly [number, number], shift: readonly [number, number] | null]> = [
  ['morgens', [0, 11], null],
  ['fr', [0, 11], null],
  ['vormittags', [0, 11], null],
  ['mittags', [11, 14], [1, 2]],
  ['nachmittags', [12, 23], [1, 11]],
  ['abends', [13, 23], [1, 11]],
  ['nachts', [0, 5], [9, 11]],
];
const PERIOD_AT_END = new RegExp(`(?:${PERIODS.map(aliasPattern).join('|')})$`, 'iu');
const within = (h: number, range: readonly [number, number] | null): boolean => range !== null && h >= range[0] && h <= range[1];

/** The hour on the 24-hour clock after a day-period word at the end of the time text, or null when the word contradicts it. */
function applyPeriod(text: string, hour: number): number | null {
  const word = PERIOD_AT_END.exec(text)?.[0].toLowerCase();
  if (word === undefined) return hour;
  const rule = PERIOD_HOURS.find(([prefix]) => word.startsWith(prefix));
  if (rule === undefined) return null;
  if (within(hour, rule[1])) return hour;
  return within(hour, rule[2]) ? hour + 12 : null;
}

/** Reads the `time` group; null when the hour, minute or second is out of range or contradicts `abends`/`morgens`/…. */
export function readTime(text: string): TimeFields | null {
  const start = text.search(FIRST_DIGIT);
  const m = TIME_DIGITS.exec(text.slice(start));
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const second = m[3] === undefined ? null : Number(m[3]);
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return null;
  const hour24 = applyPeriod(text, hour);
  return hour24 === null ? null : { hour: hour24, minute, second };
}
