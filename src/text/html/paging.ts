/**
 * Comment counts and pagination (docs/html-archives.md §2.4): the total a heading declares
 * (`142 Antworten zu …`, `This Post Has 80 Comments`, `One Response`) and links to other comment pages
 * (`/comment-page-K/`, `?cpage=K`).
 */
import type { PageContext } from './context.js';
import { attr, squash, textOf } from './dom.js';
import { selectAll } from './select.js';

export interface PagingFacts {
  declared: number | null;
  /** Links to other comment pages of the same post, as found (un-wrapped), de-duplicated. */
  pages: string[];
  /** The "older comments" link, when marked as such. */
  prev: string | null;
  /** The "newer comments" link, when marked as such. */
  next: string | null;
}

const COUNT_WORDS = '(?:Kommentare?|Antworten|Antwort|Gedanken|Ergänzungen|Reaktionen|Meinungen|Comments?|Responses?|Replies|Thoughts|Réponses?|commentaires?)';
const DECLARED = new RegExp(`(?:^|\\s|Has\\s)(\\d{1,6})\\s+${COUNT_WORDS}(?![\\wäöü])`, 'i');
const ONE = new RegExp(`^\\s*(?:Eine|Ein|One)\\s+${COUNT_WORDS}`, 'i');

/** Reads the declared comment count and the comment-page links. */
export function readPaging(ctx: PageContext): PagingFacts {
  let declared: number | null = null;
  for (const h of selectAll(ctx.doc, '#comments-title, .comments-title, #comments h2, #comments h3, .comments-area h2, .comments-area h3, h2, h3, h4')) {
    const t = squash(textOf(h));
    if (t.length > 200) continue;
    const m = DECLARED.exec(t);
    if (m?.[1]) {
      declared = Number(m[1]);
      break;
    }
    if (ONE.test(t)) {
      declared = 1;
      break;
    }
  }
  const pages: string[] = [];
  let prev: string | null = null;
  let next: string | null = null;
  for (const a of selectAll(ctx.doc, 'a[href*="comment-page-"], a[href*="cpage="]')) {
    const href = ctx.url(attr(a, 'href') ?? '');
    if (/#comment-\d/.test(href)) continue;
    if (!pages.includes(href)) pages.push(href);
    const cls = [attr(a, 'class') ?? '', attr(a, 'rel') ?? ''].join(' ');
    const text = squash(textOf(a));
    if (prev === null && (/\bprev/i.test(cls) || /Ältere|Older|Previous|Vorherige|précédents/i.test(text))) prev = href;
    if (next === null && (/\bnext/i.test(cls) || /Neuere|Newer|Next|Nächste|suivants/i.test(text))) next = href;
  }
  return { declared, pages, prev, next };
}
