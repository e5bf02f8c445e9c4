/**
 * Month and weekday names as WordPress locales, themes and old plugins print them
 * (German de_DE/de_AT/de_CH, English, French), and the spelling damage they suffer
 * in saved pages (HTML entities, UTF-8 read as Latin-1). Data first, then the two
 * helpers that turn a table into a regex source and a matched token into a number.
 */

/** Month aliases by month number. Umlauts and accents are written once; the regex accepts their variants. */
export const MONTH_ALIASES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januar', 'jänner', 'jän', 'jan', 'january', 'januars', 'janvier', 'janv']],
  [2, ['februar', 'feber', 'febr', 'feb', 'february', 'februars', 'février', 'févr', 'fév']],
  [3, ['märz', 'mär', 'mrz', 'mar', 'march', 'märzes', 'mars']],
  [4, ['april', 'apr', 'aprils', 'avril', 'avr']],
  [5, ['mai', 'may', 'mais']],
  [6, ['juni', 'jun', 'june', 'junis', 'juin']],
  [7, ['juli', 'jul', 'july', 'julis', 'juillet', 'juil']],
  [8, ['august', 'aug', 'augusts', 'août']],
  [9, ['september', 'sept', 'sep', 'septembers', 'septembre']],
  [10, ['oktober', 'okt', 'october', 'oct', 'oktobers', 'octobre']],
  [11, ['november', 'nov', 'novembers', 'novembre']],
  [12, ['dezember', 'dez', 'december', 'dec', 'dezembers', 'décembre', 'déc']],
];

/** Weekday names by ISO number (1 = Monday). Long names match as whole words. */
export const WEEKDAY_LONG: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['montag', 'monday', 'lundi']],
  [2, ['dienstag', 'tuesday', 'mardi']],
  [3, ['mittwoch', 'wednesday', 'mercredi']],
  [4, ['donnerstag', 'thursday', 'jeudi']],
  [5, ['freitag', 'friday', 'vendredi']],
  [6, ['samstag', 'sonnabend', 'saturday', 'samedi']],
  [7, ['sonntag', 'sunday', 'dimanche']],
];

/**
 * Short weekday names; they count when a dot or comma follows (`Do.,`, `Do,`, `Thu,`), or bare right
 * before the digits of a date they agree with (`Do 3. Mai 2012`), so `so` or `mit` in prose never match.
 */
export const WEEKDAY_SHORT: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['mo', 'mon']],
  [2, ['di', 'tue', 'tues']],
  [3, ['mi', 'wed']],
  [4, ['do', 'thu', 'thur', 'thurs']],
  [5, ['fr', 'fri']],
  [6, ['sa', 'sat']],
  [7, ['so', 'sun']],
];

/** How a letter with a diacritic may appear in a saved page: itself, its ASCII transliteration(s), entities, and UTF-8 read as Latin-1/Windows-1252. */
const LETTER_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ä', ['ä', 'ae', 'a', '&auml;', '&#228;', '&#xe4;', 'Ã¤', 'Ã„', 'Ã\u0084']],
  ['ö', ['ö', 'oe', 'o', '&ouml;', '&#246;', '&#xf6;', 'Ã¶', 'Ã–', 'Ã\u0096']],
  ['ü', ['ü', 'ue', 'u', '&uuml;', '&#252;', '&#xfc;', 'Ã¼', 'Ãœ', 'Ã\u009c']],
  ['é', ['é', 'e', '&eacute;', '&#233;', '&#xe9;', 'Ã©', 'Ã‰', 'Ã\u0089']],
  ['û', ['û', 'u', '&ucirc;', '&#251;', '&#xfb;', 'Ã»', 'Ã›', 'Ã\u009b']],
]);

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const escape = (s: string): string => s.replace(REGEX_SPECIAL, '\\$&');

/** Regex source for one alias, accepting every variant spelling of its special letters. */
export function aliasPattern(alias: string): string {
  let out = '';
  for (const ch of alias) {
    const variants = LETTER_VARIANTS.get(ch);
    out += variants ? `(?:${variants.map(escape).join('|')})` : escape(ch);
  }
  return out;
}

/** A `(?:a|b|…)` of all aliases of a table, longest first so that `märz` beats `mär`. */
export function alternation(table: ReadonlyArray<readonly [number, readonly string[]]>): string {
  const all = table.flatMap(([, names]) => names).sort((a, b) => b.length - a.length);
  return `(?:${all.map(aliasPattern).join('|')})`;
}

const DAMAGE: ReadonlyArray<readonly [RegExp, string]> = [
  [/&auml;|&#228;|&#xe4;|ã¤|ã„|ã\u0084/g, 'ä'],
  [/&ouml;|&#246;|&#xf6;|ã¶|ã–|ã\u0096/g, 'ö'],
  [/&uuml;|&#252;|&#xfc;|ã¼|ãœ|ã\u009c/g, 'ü'],
  [/&eacute;|&#233;|&#xe9;|ã©|ã‰|ã\u0089/g, 'é'],
  [/&ucirc;|&#251;|&#xfb;|ã»|ã›|ã\u009b/g, 'û'],
];

/** Lower case, entities and mojibake repaired, trailing dot dropped: the key for the lookup tables. */
export function foldToken(token: string): string {
  let t = token.toLowerCase();
  if (t.includes('&') || t.includes('ã')) for (const [re, to] of DAMAGE) t = t.replace(re, to);
  return t.endsWith('.') ? t.slice(0, -1) : t;
}

/** True when the token was UTF-8 misread as Latin-1 (`MÃ¤rz`). */
export function isMojibake(token: string): boolean {
  return /Ã./i.test(token);
}

function lookup(table: ReadonlyArray<readonly [number, readonly string[]]>): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  const plain = (s: string): string[] => {
    const out = [s];
    for (const [ch, variants] of LETTER_VARIANTS) {
      if (!s.includes(ch)) continue;
      for (const v of variants.slice(1, 3)) if (!v.startsWith('&')) out.push(...out.map((x) => x.replaceAll(ch, v)));
    }
    return out;
  };
  for (const [n, names] of table) for (const name of names) for (const key of plain(name)) map.set(key, n);
  return map;
}

const MONTHS = lookup(MONTH_ALIASES);
const WEEKDAYS = lookup([...WEEKDAY_LONG, ...WEEKDAY_SHORT]);

/**
 * The month number (1-12) of a German, English or French month name in any spelling, or undefined.
 *
 * @example
 * germanMonthNumber('Mrz') // 3
 * germanMonthNumber('Jänner') // 1
 */
export function germanMonthNumber(token: string): number | undefined {
  return MONTHS.get(foldToken(token));
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) of a weekday name, or undefined.
 *
 * @example
 * germanWeekdayNumber('Do.') // 4
 */
export function germanWeekdayNumber(token: string): number | undefined {
  return WEEKDAYS.get(foldToken(token));
}
