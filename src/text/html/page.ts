/**
 * Page-level facts of a saved page: language, zone for printed dates, theme profile, whether it is a
 * listing page, the Site record, the slug, and the empty Archive returned for pages that hold no post.
 */
import type { Archive, Diagnostic, Provenance } from '../../model.js';
import type { PageContext } from './context.js';
import { validIso, zoneOfIso } from './dates.js';
import { attr, classes, type Document, squash, textOf } from './dom.js';
import type { HtmlArchiveOptions } from './options.js';
import { countPostBlocks } from './post.js';
import { PROFILES, type ThemeProfile } from './profiles.js';
import { selectAll, selectOne } from './select.js';

/** `options.lang`, else `<html lang>`, else `og:locale`. */
export function pageLang(doc: Document, options: HtmlArchiveOptions): string {
  if (options.lang) return options.lang;
  const html = selectOne(doc, 'html');
  const lang = html ? attr(html, 'lang') ?? attr(html, 'xml:lang') : undefined;
  if (lang) return lang;
  const og = selectOne(doc, 'meta[property="og:locale"]');
  return (og ? attr(og, 'content') ?? '' : '').replace('_', '-');
}

/** The zone for printed dates, and where it came from (null: nothing on the page, UTC). */
export interface PageZone {
  zone: string;
  from: 'options' | 'language' | 'a datetime attribute' | 'article:published_time' | 'the post date' | null;
}

/**
 * `options.zone`; `Europe/Berlin` for German pages; else the offset of the first `datetime` attribute with one
 * (themes print those from the blog's own zone), else of `article:published_time` (SEO plugins often label local
 * time `+00:00`); else UTC with `from: null`.
 */
export function pageZone(doc: Document, lang: string, options: HtmlArchiveOptions): PageZone {
  if (options.zone) return { zone: options.zone, from: 'options' };
  if (/^de\b/i.test(lang)) return { zone: 'Europe/Berlin', from: 'language' };
  for (const el of selectAll(doc, '[datetime]')) {
    const z = zoneOfIso(validIso(attr(el, 'datetime')));
    if (z) return { zone: z, from: 'a datetime attribute' };
  }
  const meta = selectOne(doc, 'meta[property="article:published_time"]');
  const z = zoneOfIso(validIso(meta ? attr(meta, 'content') : undefined));
  return z ? { zone: z, from: 'article:published_time' } : { zone: 'UTC', from: null };
}

/** The `date-zone-assumed` note for a zone the page did not name (a fixed offset, or UTC). */
export function zoneNote(z: PageZone): Diagnostic | null {
  if (z.from === 'options' || z.from === 'language') return null;
  if (z.from === null) return { severity: 'info', code: 'date-zone-assumed', message: 'no zone on the page and none in options.zone; printed dates are read as UTC' };
  return {
    severity: 'info',
    code: 'date-zone-assumed',
    message: `printed dates without an offset are read at ${z.zone}, the offset of ${z.from} on the page: a fixed offset, so summer and winter time are not told apart; pass options.zone (the blog's IANA zone) if it differs`,
  };
}

export function chooseProfile(doc: Document): ThemeProfile | null {
  return PROFILES.find((p) => selectOne(doc, p.match) !== null) ?? null;
}

/** Body classes of WordPress listing templates. */
const LISTING_BODY = /^(?:home|blog|archive|category|tag|search|date|author|paged)$/;

export function isListing(doc: Document, ctx: PageContext, anchors: number): boolean {
  const body = selectOne(doc, 'body');
  const cl = body ? classes(body) : [];
  if (cl.includes('single') || cl.includes('singular') || cl.some((c) => /^postid-\d/.test(c))) return false;
  if (cl.some((c) => LISTING_BODY.test(c))) return anchors === 0 || countPostBlocks(ctx) > 1;
  return anchors === 0 && countPostBlocks(ctx) > 1;
}

export function emptyArchive(diagnostics: Diagnostic[], provenance: Provenance, lang = ''): Archive {
  return {
    site: { title: '', link: '', description: '', language: lang, wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
    authors: [],
    terms: [],
    items: [],
    diagnostics,
    provenance,
  };
}

export function siteOf(doc: Document, link: string, lang: string): Archive['site'] {
  const og = selectOne(doc, 'meta[property="og:site_name"]');
  let title = og ? squash(attr(og, 'content') ?? '') : '';
  if (!title) {
    const t = selectOne(doc, 'title');
    const m = /\s(?:[|–—»]|-)\s([^|–—»]+)$/.exec(t ? squash(textOf(t)) : '');
    title = m?.[1]?.trim() ?? '';
  }
  let origin = '';
  try {
    origin = link ? new URL(link).origin : '';
  } catch {
    origin = '';
  }
  const gen = selectOne(doc, 'meta[name=generator]');
  return { title, link: origin, description: '', language: lang, wxrVersion: '', baseSiteUrl: origin, baseBlogUrl: origin, generator: gen ? attr(gen, 'content') ?? '' : '', exportedAt: null };
}

export function slugOf(link: string): string {
  const path = link.replace(/[?#].*$/, '').replace(/\/comment-page-\d+\/?$/, '').replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1).replace(/\.html?$/, '');
  try {
    return /^https?:$/.test(last) ? '' : decodeURIComponent(last);
  } catch {
    return last;
  }
}
