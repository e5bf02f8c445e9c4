/**
 * WXR's namespaces, matched by URI (prefixes are only conventions): `wp` is any
 * `http(s)://wordpress.org/export/N.N/`, `excerpt` the same plus `excerpt/`.
 */

/** The namespace families the field tables know; `rss` is "no namespace". */
export type NsKind = 'rss' | 'wp' | 'excerpt' | 'content' | 'dc' | 'other';

const WP_URI = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/(excerpt\/)?$/;
const KNOWN: ReadonlyMap<string, NsKind> = new Map<string, NsKind>([
  ['', 'rss'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['https://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['https://purl.org/dc/elements/1.1/', 'dc'],
]);
const cache = new Map<string, NsKind>();
// Two remembered answers: items alternate between unprefixed (RSS) and `wp:` children.
let lastUri = '';
let lastKind: NsKind = 'rss';
let prevUri = '';
let prevKind: NsKind = 'rss';

/**
 * The family of a namespace URI.
 *
 * @example
 * nsKind('https://wordpress.org/export/1.2/excerpt/') // 'excerpt'
 */
export function nsKind(uri: string): NsKind {
  if (uri === lastUri) return lastKind;
  if (uri === prevUri) {
    prevUri = lastUri;
    const kind = prevKind;
    prevKind = lastKind;
    lastUri = uri;
    lastKind = kind;
    return kind;
  }
  prevUri = lastUri;
  prevKind = lastKind;
  lastUri = uri;
  lastKind = lookup(uri);
  return lastKind;
}

function lookup(uri: string): NsKind {
  const known = KNOWN.get(uri) ?? cache.get(uri);
  if (known !== undefined) return known;
  const m = WP_URI.exec(uri);
  const kind: NsKind = m ? (m[1] ? 'excerpt' : 'wp') : 'other';
  if (cache.size < 1000) cache.set(uri, kind);
  return kind;
}

/**
 * The key field tables are written with (lookups go by family, then local name, without building this string).
 *
 * @example
 * fieldKey('http://wordpress.org/export/1.1/', 'post_id') // 'wp:post_id'
 */
export function fieldKey(uri: string, local: string): string {
  return `${nsKind(uri)}:${local}`;
}
