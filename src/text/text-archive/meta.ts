import { findGermanDate } from '../../normalize/dates/index.js';
import type { ParsedDate } from '../../model.js';
import { isBlank, type Line } from './lines.js';

/** What the lines between the title and the body say about the post. */
export interface PageMeta {
  /** Index (in the page's lines) of the last line of the meta block; the body starts after it. */
  end: number;
  /** The line the date was found on. */
  dateLine: Line | null;
  date: ParsedDate | null;
  categories: string[];
  tags: string[];
  author: string | null;
}

/** Labels that open a post meta line in German and English themes. */
export const META_LABELS: readonly RegExp[] = [
  /^(?:Veröffentlicht|Publiziert|Geschrieben|Erstellt|Verfasst)(?:\s+(?:am|von|unter|in))?\b\s*:?/iu,
  /^(?:Posted|Published|Written)(?:\s+(?:on|by|in))?\b\s*:?/i,
  /^(?:Datum|Date)\s*:/i,
  /^(?:Dieser Beitrag wurde|This entry was posted)\b/i,
];

const CATEGORY_LABEL = /(?:^|[\s|·•–—-])(?:in|unter|Kategorie(?:n)?:|Categories:|Category:|Filed under:?|Posted in|Veröffentlicht unter|Abgelegt unter:?)\s+(.+)$/iu;
const TAG_LINE = /^(?:Tags|Schlagwörter|Schlagworte|Verschlagwortet mit|Tagged(?: with)?)\s*:?\s+(.+)$/iu;
const AUTHOR = /(?:^|\s)(?:von|by)\s+(.+?)(?=\s+(?:in|unter|am|on)\s|\s*[|·•]|\s*[.,]?\s*$)/iu;

/**
 * `a, b und c` -> `['a', 'b', 'c']` (commas, `und`, `and`, `&`; `|` and `·` end the list).
 *
 * @example
 * splitNames('Kunden, Alltag und Technik | 3 Kommentare') // ['Kunden', 'Alltag', 'Technik']
 */
export function splitNames(text: string): string[] {
  const cut = text.split(/\s*[|·•]\s*|\s+(?:von|by|am|on)\s+|\s+[–—]\s+/u)[0] ?? '';
  return cut
    .replace(/\s+abgelegt\b.*$/iu, '')
    .split(/\s*,\s*|\s+(?:und|and|&)\s+/u)
    .map((s) => s.replace(/^[\s"„“”'‚‘]+|[\s.:;"„“”'‚‘]+$/gu, ''))
    .filter((s) => s !== '' && s.length <= 100);
}

/** A line without a label is a meta line only when it is mostly the date (`Donnerstag, 03.05.2012 | Kunden`), not a sentence. */
function dateOnlyLine(text: string, match: string): boolean {
  const rest = text.replace(match, ' ').trim();
  return rest.length <= 60 && !/[.!?…]$/u.test(rest) && rest.split(/\s+/u).length <= 8;
}

function isMetaLine(text: string): boolean {
  return META_LABELS.some((p) => p.test(text.trim()));
}

/**
 * Reads the meta block after the title: up to six non-blank lines before the body, of which the first
 * with a label or a date gives the date, categories (`in <Kategorie>`) and author (`von <Name>`), and
 * `Tags:` / `Schlagwörter:` lines give tags.
 *
 * @example
 * readMeta(toLines('T\n\nVeröffentlicht: Donnerstag, 03.05.2012 in Kunden\n\nText'), 0, 'Europe/Berlin')
 * // { date: { iso: '2012-05-03', … }, categories: ['Kunden'], … }
 */
export function readMeta(lines: readonly Line[], titleIndex: number, zone: string): PageMeta {
  const meta: PageMeta = { end: titleIndex, dateLine: null, date: null, categories: [], tags: [], author: null };
  let seen = 0;
  for (let i = titleIndex + 1; i < lines.length && seen < 6; i++) {
    const line = lines[i];
    if (line === undefined || isBlank(line)) continue;
    seen++;
    const text = line.text.trim();
    const tag = TAG_LINE.exec(text);
    if (tag?.[1] !== undefined) {
      meta.tags.push(...splitNames(tag[1]));
      meta.end = i;
      continue;
    }
    if (meta.dateLine !== null || text.length > 200) break;
    const found = findGermanDate(text, { zone });
    if (!isMetaLine(text) && (found === null || !dateOnlyLine(text, found.match))) break;
    meta.dateLine = line;
    meta.end = i;
    if (found !== null) meta.date = { iso: found.iso, precision: found.precision, ...(found.warnings ? { warnings: found.warnings } : {}) };
    const rest = found === null ? text : `${text.slice(0, found.index)} ${text.slice(found.index + found.match.length)}`;
    const cat = CATEGORY_LABEL.exec(rest);
    if (cat?.[1] !== undefined) meta.categories.push(...splitNames(cat[1]));
    const by = AUTHOR.exec(rest);
    if (by?.[1] !== undefined) meta.author = by[1].trim();
  }
  return meta;
}

/**
 * A `Tags:` / `Schlagwörter:` line, as names, or null.
 *
 * @example
 * tagLine('Schlagwörter: a, b') // ['a', 'b']
 */
export function tagLine(text: string): string[] | null {
  const m = TAG_LINE.exec(text.trim());
  return m?.[1] === undefined ? null : splitNames(m[1]);
}
