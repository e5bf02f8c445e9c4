/**
 * The redirect map from old WordPress URLs to the new site's paths: `redirects.json`
 * (for any host or script) and a Netlify-style `_redirects` file (Netlify, Cloudflare Pages).
 */
import type { OutputFile } from '../../model.js';

/** One redirect: an old path (or `/?p=123`) to the new URL path. */
export interface Redirect {
  from: string;
  to: string;
  /** The WordPress id of the item. */
  id: number;
}

/** Percent-encodes what a `_redirects` line cannot hold (spaces, non-ASCII), keeping `%XX`. */
function encodePath(path: string): string {
  return encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
}

/** A path after trailing-slash and percent-encoding normalisation, in lower case: two paths a host treats as one have one key. */
export function redirectKey(path: string): string {
  return encodePath(path).replace(/\/+$/, '').toLowerCase();
}

/** Same URL after trailing-slash and percent-encoding normalisation. */
export function sameUrl(a: string, b: string): boolean {
  return a === b || redirectKey(a) === redirectKey(b);
}

/**
 * The redirect files for a list of redirects; none when the list is empty.
 *
 * @example
 * redirectFiles([{ from: '/2012/01/hello/', to: '/posts/hello/', id: 1 }], 'static/_redirects')
 * // [{ path: 'redirects.json', … }, { path: 'static/_redirects', contents: '/2012/01/hello/ /posts/hello/ 301\n' }]
 */
export function redirectFiles(redirects: readonly Redirect[], netlifyPath: string): OutputFile[] {
  if (redirects.length === 0) return [];
  const json = `${JSON.stringify(redirects, null, 2)}\n`;
  const lines = redirects.map((r) => {
    const q = /^\/\?([a-z_]+)=(\d+)$/.exec(r.from);
    const to = encodePath(r.to);
    return q ? `/ ${q[1]}=${q[2]} ${to} 301` : `${encodePath(r.from)} ${to} 301`;
  });
  return [
    { path: 'redirects.json', contents: json },
    { path: netlifyPath, contents: `${lines.join('\n')}\n` },
  ];
}
