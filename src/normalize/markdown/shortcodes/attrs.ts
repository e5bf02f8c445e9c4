/**
 * Shortcode attribute parsing, following WordPress's `shortcode_parse_atts`:
 * `name="v"`, `name='v'`, `name=v`, `"positional"`, `positional`, and the
 * WordPress.com form `[youtube=URL]` (the value becomes the first positional).
 */
export interface ParsedAttrs {
  attrs: Map<string, string>;
  positional: string[];
}

const ATTR = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

/** Parses the text between the shortcode name and its closing `]`. */
export function parseShortcodeAttrs(text: string): ParsedAttrs {
  const attrs = new Map<string, string>();
  const positional: string[] = [];
  let rest = text.includes('\u00a0') || text.includes('\u200b') ? text.replace(/[\u00a0\u200b]/g, ' ') : text;
  if (rest.startsWith('=')) {
    // [youtube=http://…&w=320] : everything after `=` up to the first space is the value.
    const m = /^=\s*(\S*)\s*/.exec(rest);
    if (m) positional.push(m[1] ?? '');
    rest = rest.slice(m ? m[0].length : 1);
  }
  if (rest.startsWith(':')) {
    // [audio:http://…mp3] (an old plugin form)
    positional.push(rest.slice(1).trim());
    return { attrs, positional };
  }
  rest = rest.trim();
  if (rest.endsWith('/')) rest = rest.slice(0, -1).trimEnd();
  const src = `${rest} `;
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(src)) !== null) {
    if (m[1] !== undefined) attrs.set(m[1].toLowerCase(), m[2] ?? '');
    else if (m[3] !== undefined) attrs.set(m[3].toLowerCase(), m[4] ?? '');
    else if (m[5] !== undefined) attrs.set(m[5].toLowerCase(), m[6] ?? '');
    else positional.push(m[7] ?? m[8] ?? m[9] ?? '');
    if (m[0].length === 0) ATTR.lastIndex++;
  }
  return { attrs, positional };
}

/** The first of several attribute names that is present and non-empty. */
export function attrOf(attrs: ReadonlyMap<string, string>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = attrs.get(n);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** Quotes HTML source text (entities stay as written) for an attribute value in double quotes. */
export function escAttr(s: string): string {
  return s.replace(/"/g, '&quot;');
}
