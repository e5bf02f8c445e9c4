/**
 * Old WordPress permalinks as redirect sources: the path (and query) of an item's
 * `link`, checked so that no alias can point outside the site (gohugoio/hugo #1418).
 */

/**
 * The path of an old permalink (`/2012/01/hello/`), or null when the link has none or
 * it is unsafe (`..` segments, backslashes, controls). Query strings are dropped;
 * the query address comes from the id ({@link oldQueryPath}).
 *
 * @example
 * oldPermalinkPath('https://example.com/2012/01/hello/') // '/2012/01/hello/'
 * oldPermalinkPath('https://example.com/?p=12') // null
 * oldPermalinkPath('https://example.com/blog/?p=12') // null (the query is the address)
 */
export function oldPermalinkPath(link: string): string | null {
  // `…/blog/?p=31`: the item's address is the query; the path is the blog's home page, not the item's.
  if (QUERY_ID.test(link)) return null;
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

/** Characters a decoded alias keeps percent-encoded: path and query syntax, `%` itself, controls. */
const KEEP_ENCODED = /[\u0000-\u001f\u007f-\u009f/\\?#%]/g;

/**
 * An old path as a generator's alias (Hugo `aliases`, Jekyll `redirect_from`): percent-decoded,
 * because the generator writes the alias as a folder name and a web server decodes the request
 * before it looks for that folder (`/%c3%bcber-uns/` must be the folder `über-uns`). A run of
 * escapes that is not UTF-8 stays as it is; characters that would change the path's meaning
 * (`/`, `\`, `?`, `#`, `%`) or that are controls stay encoded, and a segment that would decode
 * to `.` or `..` is kept whole, so the decoded path has exactly the segments of the encoded one.
 *
 * @example
 * aliasPath('/%c3%bcber-uns/') // '/über-uns/'
 * aliasPath('/a%2Fb/%ff/') // '/a%2Fb/%ff/'
 */
export function aliasPath(path: string): string {
  return path.includes('%') ? path.split('/').map(aliasSegment).join('/') : path;
}

/** One segment decoded; a segment that would decode to `.` or `..` stays as it is. */
function aliasSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  const decoded = segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return run; // not UTF-8: kept as it is, as safePercentDecode does
    }
    return text.replace(KEEP_ENCODED, encodeURIComponent);
  });
  return decoded === '.' || decoded === '..' ? segment : decoded;
}

/**
 * The query address WordPress answers for an item whatever its permalinks: `/?page_id=ID` for
 * a page, `/?p=ID` for anything else. Built from the id, not from the `guid`, which keeps the
 * address of the site (or the id) the item was first published under; only an item without an id
 * (0: the export has no `wp:post_id`) takes the query of its guid or link, and null without one.
 *
 * @example
 * oldQueryPath({ id: 12, type: 'post' }) // '/?p=12'
 * oldQueryPath({ id: 2, type: 'page' }) // '/?page_id=2'
 */
export function oldQueryPath(item: { id: number; type: string; guid: string; link: string }): string | null {
  if (item.id > 0) return item.type === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`;
  // No post id in the export (old or hand-made files): the query its guid or link holds, if any.
  const m = QUERY_ID_VALUE.exec(item.guid) ?? QUERY_ID_VALUE.exec(item.link);
  return m ? `/?${m[1]}=${m[2]}` : null;
}

/** A WordPress query address: `?p=12`, `&page_id=2`, `?attachment_id=7`. */
const QUERY_ID = /[?&](?:p|page_id|attachment_id)=\d/;
const QUERY_ID_VALUE = /[?&](p|page_id|attachment_id)=(\d{1,12})(?:&|#|$)/;
