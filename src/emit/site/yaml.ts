/**
 * A small YAML emitter for exactly the values front matter holds: strings, finite and
 * non-finite numbers, booleans, null, arrays and nested maps. It writes the same bytes as
 * the `yaml` package's `Document#toString` with the options front matter used before
 * (`defaultStringType: 'QUOTE_DOUBLE'`, plain keys, `lineWidth: 0`, no directives), at
 * about a tenth of its cost: that package builds a node tree, a schema context and
 * folding state for every document (about 60 µs for a typical post's front matter).
 *
 * Every string value is double-quoted, so YAML 1.1 readers (Jekyll's Psych, Hugo) never
 * take `yes`, `12:30`, `0x1F` or a date for another type. Escapes: those of JSON, with
 * YAML's short forms for NUL, BEL, VT and ESC and `\xXX` for the other C0 controls; a
 * space before a line break is escaped (`\ `) so that it survives folding; strings of 40
 * or more characters (as JSON) write their inner line breaks as real (blank) lines.
 * One deliberate difference: a line holding a single space inside such a long string
 * (`"…\n \n…"`) reads back unchanged here, where the `yaml` package's text read back
 * with a backslash in it.
 */

/** A value the emitter writes: what front matter data holds. */
export type YamlValue = string | number | boolean | null | undefined | readonly YamlValue[] | YamlMap;

/** A map of keys to values (plain objects or null-prototype objects); `undefined` values are left out. */
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

/** JSON-escaped strings at least this long (with their quotes) write inner line breaks as real lines (yaml's default). */
const MIN_MULTI_LINE_LENGTH = 40;

/** Keys written as they are; anything else is double-quoted. Front matter keys are always plain. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A YAML document (without `---` markers) for a map, every line ending in `\n`.
 *
 * @example
 * yamlDocument({ title: 'C:\\path: "x"', draft: false, tags: ['a'] })
 * // 'title: "C:\\\\path: \\"x\\""\ndraft: false\ntags:\n  - "a"\n'
 */
export function yamlDocument(data: YamlMap): string {
  return blockMap(data, '') || '{}\n';
}

/**
 * One scalar as YAML text, for a value whose continuation lines (of a long multi-line
 * string) are indented by `indent`.
 *
 * @example
 * yamlScalar('yes', '  ') // '"yes"'
 * yamlScalar(12, '  ')    // '12'
 */
export function yamlScalar(value: string | number | boolean | null, indent: string): string {
  if (typeof value === 'string') return doubleQuoted(value, indent);
  if (typeof value === 'number') return yamlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'null';
}

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : doubleQuoted(key, '');
}

/** The pairs of a map, each line but the first starting with `indent`; '' when it has none. */
function blockMap(map: YamlMap, indent: string): string {
  let out = '';
  const inner = `${indent}  `;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    out += `${out === '' ? '' : indent}${yamlKey(key)}:${valueAfterKey(value, inner)}`;
  }
  return out;
}

/** What follows `key:`: ` scalar\n`, ` []\n`, ` {}\n`, or a new line and the block collection. */
function valueAfterKey(value: Exclude<YamlValue, undefined>, inner: string): string {
  if (isList(value)) return value.length === 0 ? ' []\n' : `\n${inner}- ${blockSeqItems(value, inner)}`;
  if (isMap(value)) {
    const pairs = blockMap(value, inner);
    return pairs === '' ? ' {}\n' : `\n${inner}${pairs}`;
  }
  return ` ${yamlScalar(value, inner)}\n`;
}

/** The items of a non-empty sequence; the caller has written the first `- `. */
function blockSeqItems(list: readonly YamlValue[], indent: string): string {
  let out = '';
  const inner = `${indent}  `;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (i > 0) out += `${indent}- `;
    if (item === undefined) out += 'null\n';
    else if (isList(item)) out += item.length === 0 ? '[]\n' : `- ${blockSeqItems(item, inner)}`;
    else if (isMap(item)) out += blockMap(item, inner) || '{}\n';
    else out += `${yamlScalar(item, inner)}\n`;
  }
  return out;
}

function isList(value: YamlValue): value is readonly YamlValue[] {
  return Array.isArray(value);
}

function isMap(value: YamlValue): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** YAML 1.2 core number text: JSON's, `-0`, `.nan`, `.inf`, `-.inf`. */
function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** YAML's short escapes for C0 controls JSON writes as `\u00XX`. */
const SHORT_CONTROL: ReadonlyMap<string, string> = new Map([
  ['00', '\\0'],
  ['07', '\\a'],
  ['0b', '\\v'],
  ['1b', '\\e'],
]);

/** A double-quoted YAML scalar; continuation lines of a long multi-line string start with `indent`. */
function doubleQuoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  // Nearly every title, date and name: no escape at all, so the JSON text is the YAML text.
  if (json.indexOf('\\') === -1) return json;
  const fold = json.length >= MIN_MULTI_LINE_LENGTH;
  let out = '';
  let start = 0;
  for (let i = json.indexOf('\\'); i !== -1 && i < json.length; i = json.indexOf('\\', i)) {
    const next = json[i + 1];
    if (next === 'u') {
      const code = json.slice(i + 2, i + 6);
      if (code.startsWith('00')) {
        out += json.slice(start, i) + (SHORT_CONTROL.get(code.slice(2)) ?? `\\x${code.slice(2)}`);
        start = i + 6;
      }
      i += 6;
      continue;
    }
    if (next !== 'n') {
      i += 2;
      continue;
    }
    // A space right before a line break is escaped, or a reader's folding would drop it.
    const spaceBefore = i > start && json[i - 1] === ' ';
    if (spaceBefore) out += `${json.slice(start, i - 1)}\\ `;
    else out += json.slice(start, i);
    start = i;
    if (!fold || json[i + 2] === '"') {
      i += 2;
      continue;
    }
    // Folded: one line break is written as an empty line, then the continuation indent.
    out += '\n\n';
    i += 2;
    while (json[i] === '\\' && json[i + 1] === 'n' && json[i + 2] !== '"') {
      out += '\n';
      i += 2;
    }
    out += indent;
    // A leading space is escaped, unless the space rule above will escape it (the `yaml`
    // package escapes it twice there, writing `\\ `, which reads back as a backslash).
    if (json[i] === ' ' && !(json[i + 1] === '\\' && json[i + 2] === 'n')) out += '\\';
    start = i;
  }
  return start === 0 ? json : out + json.slice(start);
}
