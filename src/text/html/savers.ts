/**
 * Markers that other page savers leave (docs/html-archives.md §3.3): browser "save page as" (`saved from url=`),
 * HTTrack (`Mirrored from … by HTTrack`), SingleFile (`Page saved with SingleFile url: …`).
 */

/** Which saver produced a page and the original URL it recorded. */
export interface SaverFacts {
  savedBy: 'browser' | 'httrack' | 'singlefile';
  url?: string;
}

interface SaverRule { savedBy: SaverFacts['savedBy']; pattern: RegExp; url: (m: RegExpExecArray) => string | undefined }

/** One row per saver; the first that matches wins. */
const SAVERS: SaverRule[] = [
  { savedBy: 'httrack', pattern: /<!--\s*Mirrored from\s+(\S+)\s+by HTTrack/i, url: (m) => withScheme(m[1]) },
  { savedBy: 'singlefile', pattern: /<!--\s*Page saved with SingleFile\s*(?:url:\s*(\S+))?/i, url: (m) => m[1] },
  { savedBy: 'browser', pattern: /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i, url: (m) => m[1] },
];

function withScheme(u: string | undefined): string | undefined {
  if (!u) return undefined;
  return /^[a-z]+:\/\//i.test(u) ? u : `http://${u}`;
}

/** The saver's facts, or null when no marker is present. Looks at the first 64 KiB only (markers sit at the top). */
export function saverFacts(html: string): SaverFacts | null {
  const head = html.slice(0, 65536);
  for (const rule of SAVERS) {
    const m = rule.pattern.exec(head);
    if (!m) continue;
    const facts: SaverFacts = { savedBy: rule.savedBy };
    const url = rule.url(m);
    if (url && /^https?:\/\//i.test(url)) facts.url = url;
    return facts;
  }
  return null;
}
