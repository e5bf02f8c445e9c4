/**
 * Old WordPress permalinks as redirect sources: the path (and query) of an item's
 * `link`, checked so that no alias can point outside the site (gohugoio/hugo #1418).
 */

/**
 * The path of an old permalink (`/2012/01/hello/`), or null when the link has none or
 * it is unsafe (`..` segments, backslashes, controls). Query strings are dropped;
 * use {@link oldQueryId} for `?p=123` links.
 *
 * @example
 * oldPermalinkPath('https://example.com/2012/01/hello/') // '/2012/01/hello/'
 * oldPermalinkPath('https://example.com/?p=12') // null
 */
export function oldPermalinkPath(link: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*([^?#]*)/i.exec(link.trim());
  const path = m ? m[1] ?? '' : '';
  if (path === '' || path === '/' || !path.startsWith('/')) return null;
  if (/[\\\u0000-\u001f\u007f\s"<>]/.test(path)) return null;
  for (const seg of path.split('/')) {
    let decoded = seg;
    if (seg.includes('%')) {
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        return null;
      }
    }
    if (decoded === '.' || decoded === '..' || /[/\\\u0000]/.test(decoded)) return null;
  }
  return path;
}

/** The `p` / `page_id` query of a link (`?p=12` gives `{ key: 'p', id: 12 }`), or null. */
export function oldQueryId(link: string): { key: string; id: number } | null {
  const m = /[?&](p|page_id|attachment_id)=(\d{1,12})(?:&|#|$)/.exec(link);
  return m ? { key: m[1] as string, id: Number(m[2]) } : null;
}
