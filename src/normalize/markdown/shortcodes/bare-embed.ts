/**
 * A URL of a known oEmbed provider alone on its line (or alone in a `<p>`), which
 * WordPress turns into an embed: becomes an embed (a link, or an iframe with
 * `embeds: 'html'`). Other bare URLs stay text.
 */
import type { ResolvedOptions } from '../types.js';
import { embedHtml } from './embed.js';

const PROVIDERS =
  /^https?:\/\/(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com|instagram\.com|soundcloud\.com|open\.spotify\.com|flickr\.com|flic\.kr|dailymotion\.com|dai\.ly|tiktok\.com|slideshare\.net|ted\.com|wordpress\.tv|vine\.co|imgur\.com|reddit\.com|tumblr\.com|facebook\.com|giphy\.com|scribd\.com|speakerdeck\.com|mixcloud\.com|kickstarter\.com|issuu\.com|animoto\.com|cloudup\.com|polldaddy\.com|crowdsignal\.net|screencast\.com|smugmug\.com|videopress\.com|amazon\.com|pinterest\.com|gist\.github\.com|codepen\.io|bandcamp\.com|wistia\.com|loom\.com)\//i;

const LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gim;
const PARA = /(<p(?:\s[^>]*)?>\s*)(https?:\/\/[^\s<>"]+)(\s*<\/p>)/gi;

/** A URL at a line start or right after a tag: what `LINE` and `PARA` need (checked once, cheaply). */
const BARE_URL = /(?:^[ \t]*|>\s*)https?:\/\//im;

/** Replaces bare provider URLs on their own line by embed HTML. */
export function bareEmbeds(html: string, options: ResolvedOptions): string {
  if (!html.includes('://') || !BARE_URL.test(html)) return html;
  const rep = (whole: string, url: string): string => (PROVIDERS.test(url) ? embedHtml(url, options) : whole);
  return html
    .replace(PARA, (whole, _a: string, url: string) => rep(whole, url))
    .replace(LINE, (whole, _a: string, url: string) => rep(whole, url));
}
