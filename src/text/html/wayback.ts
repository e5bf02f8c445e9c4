/**
 * Wayback Machine captures: detection, provenance (original URL + capture time) and the four reversible
 * edits of docs/html-archives.md §3.2 — head include, toolbar and trailer comments removed on the string,
 * archived URLs rewritten back to the originals (on attribute values, after parsing).
 */

/** What a Wayback capture tells about itself. */
export interface WaybackFacts {
  /** The page's original URL, when the capture names it. */
  url?: string;
  /** The capture time, ISO 8601 UTC (`2014-01-09T03:04:03Z`). */
  capturedAt?: string;
}

const MARKERS = /End Wayback Rewrite JS Include|BEGIN WAYBACK TOOLBAR INSERT|__wm\.wombat\(|WB_wombat_Init\(|FILE ARCHIVED ON /;
const ARCHIVED_URL = /(?:https?:)?\/\/web\.archive\.org\/web\/\d{14}/g;

/** True when `html` is a Wayback Machine capture (markers, or at least 3 archived URLs). */
export function isWayback(html: string): boolean {
  if (MARKERS.test(html)) return true;
  return (html.match(ARCHIVED_URL)?.length ?? 0) >= 3;
}

/** `20140109030403` -> `2014-01-09T03:04:03Z`; shorter stamps are padded (`2014` -> Jan 1, 00:00:00). */
export function timestampToIso(ts: string): string | undefined {
  if (!/^\d{4,14}$/.test(ts)) return undefined;
  const p = ts.padEnd(14, '0').replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z');
  const fixed = p.replace(/-00/g, '-01');
  return Number.isNaN(Date.parse(fixed)) ? undefined : fixed;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Original URL and capture time from the toolbar/wombat calls or the `FILE ARCHIVED ON` trailer. */
export function waybackFacts(html: string): WaybackFacts {
  const facts: WaybackFacts = {};
  const call = /__wm\.(?:wombat|bt)\([^)]*?"(https?:\/\/[^"]+)"\s*,\s*"(\d{4,14})"/.exec(html);
  if (call?.[1]) facts.url = unwrapArchivedUrl(call[1]);
  let iso = call?.[2] ? timestampToIso(call[2]) : undefined;
  if (!iso) {
    const init = /WB_wombat_Init\(\s*"[^"]*"\s*,\s*"(\d{4,14})"/.exec(html);
    if (init?.[1]) iso = timestampToIso(init[1]);
  }
  if (!iso) {
    const t = /FILE ARCHIVED ON (\d\d):(\d\d):(\d\d) ([A-Z][a-z]{2}) (\d\d), (\d{4})/.exec(html);
    const mi = t ? MONTHS.indexOf(t[4] ?? '') : -1;
    if (t && mi >= 0) iso = `${t[6]}-${String(mi + 1).padStart(2, '0')}-${t[5]}T${t[1]}:${t[2]}:${t[3]}Z`;
  }
  if (iso) facts.capturedAt = iso;
  return facts;
}

/** Removes the injected head include, the toolbar block and the trailer comments (string edits, before parsing). */
export function stripWayback(html: string): string {
  let out = html;
  const end = '<!-- End Wayback Rewrite JS Include -->';
  const endAt = out.indexOf(end);
  if (endAt >= 0) {
    const head = out.lastIndexOf('<script', out.search(/archive\.org\/includes\/|\/_static\/js\//) + 1);
    const startAt = head >= 0 && head < endAt ? head : endAt;
    out = out.slice(0, startAt) + out.slice(endAt + end.length);
  }
  out = out.replace(/<!-- BEGIN WAYBACK TOOLBAR INSERT -->[\s\S]*?<!-- END WAYBACK TOOLBAR INSERT -->/g, '');
  out = out.replace(/<!--\s*FILE ARCHIVED ON[\s\S]*?-->/g, '').replace(/<!--\s*playback timings[\s\S]*?-->/g, '');
  return out;
}

const REWRITTEN = /^(?:https?:)?(?:\/\/web\.archive\.org)?\/web\/\d{1,14}(?:[a-z]{2}_)?\*?\/(.*)$/i;

/**
 * `https://web.archive.org/web/20140109030403im_/http://x.test:80/a` -> `http://x.test/a`. URLs that are not
 * archived are returned unchanged. Repairs `http:/x`, drops default ports.
 */
export function unwrapArchivedUrl(url: string): string {
  const m = REWRITTEN.exec(url.trim());
  if (!m) return dropDefaultPort(url);
  let u = m[1] ?? '';
  u = u.replace(/^(https?):\/(?!\/)/i, '$1://');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//')) u = `http://${u}`;
  return dropDefaultPort(u);
}

/** `http://x:80/` -> `http://x/`, `https://x:443/` -> `https://x/`. */
function dropDefaultPort(u: string): string {
  return u.replace(/^(http:\/\/[^/:?#]+):80(?=[/?#]|$)/i, '$1').replace(/^(https:\/\/[^/:?#]+):443(?=[/?#]|$)/i, '$1');
}

/** Unwraps every URL of a `srcset` value. */
export function unwrapSrcset(value: string): string {
  return value
    .split(',')
    .map((part) => {
      const m = /^(\s*)(\S+)(.*)$/.exec(part);
      return m ? `${m[1]}${unwrapArchivedUrl(m[2] ?? '')}${m[3]}` : part;
    })
    .join(',');
}

/** Unwraps `url(...)` references inside a `style` attribute. */
export function unwrapStyle(value: string): string {
  return value.replace(/url\((['"]?)([^)'"]+)\1\)/g, (_m, q: string, u: string) => `url(${q}${unwrapArchivedUrl(u)}${q})`);
}
