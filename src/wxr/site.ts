/** The channel header (`title`, `link`, `wp:wxr_version`, base URLs, …) -> `Site`. */
import { rfc822ToIso } from '../normalize/dates/wxr.js';
import type { RawElement } from '../xml/types.js';
import type { Site } from '../model.js';
import { addExtra, fieldTable, htmlText, setterFor, trimmed, type ConvertContext } from './fields.js';

const SITE_FIELDS = fieldTable<Site>({
  'rss:title': (s, el) => void (s.title = htmlText(el).trim()),
  'rss:link': (s, el) => void (s.link = trimmed(el)),
  'rss:description': (s, el) => void (s.description = trimmed(el)),
  'rss:language': (s, el) => void (s.language = trimmed(el)),
  'rss:pubDate': (s, el, ctx) => {
    const text = trimmed(el);
    s.exportedAt = rfc822ToIso(text);
    if (s.exportedAt === null && text !== '') {
      ctx.sink.add('warning', 'W_DATE_INVALID', `the channel pubDate "${text.slice(0, 60)}" is not an RFC-822 date`, { line: el.line, column: el.column });
    }
  },
  'rss:generator': (s, el) => {
    if (s.generator === '') s.generator = trimmed(el);
    else addExtra(s, el);
  },
  'wp:wxr_version': (s, el) => void (s.wxrVersion = trimmed(el)),
  'wp:base_site_url': (s, el) => void (s.baseSiteUrl = trimmed(el)),
  'wp:base_blog_url': (s, el) => void (s.baseBlogUrl = trimmed(el)),
});

/** An empty site, filled field by field as the channel header is read. */
export function emptySite(): Site {
  return { title: '', link: '', description: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null };
}

/**
 * Applies one channel-level element to the site; unknown ones go to `site.extra`.
 *
 * @example
 * applySiteField(site, titleElement, ctx) // site.title === 'My blog'
 */
export function applySiteField(site: Site, el: RawElement, ctx: ConvertContext): void {
  const set = setterFor(SITE_FIELDS, el);
  if (set) set(site, el, ctx);
  else addExtra(site, el);
}
