/**
 * Embeds: `[embed]URL[/embed]`, WordPress.com `[youtube=URL]`, `[youtube ID]`,
 * `[vimeo ID]`, `[dailymotion id=…]`, `[soundcloud url=…]`, `[tweet URL]`, and the
 * Jetpack/WordPress.com ones: `[gist]`, `[instagram]`, `[slideshare]`, `[ted]`,
 * `[wpvideo]` (VideoPress), `[spotify]`, `[googlemaps]`.
 * They are pages on other sites, not media: written as a link (or an iframe).
 */
import type { ResolvedOptions, Shortcode, ShortcodeHandler } from '../types.js';
import { attrOf, escAttr } from './attrs.js';

const YT = /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&(?:amp;)?)?v=|embed\/|v\/|shorts\/)|youtu\.be\/)([\w-]{6,})/i;
const VIMEO = /vimeo\.com\/(?:video\/)?(\d+)/i;

/** HTML for an embed of `url`: a paragraph with a link, or an iframe in `'html'` mode. */
export function embedHtml(url: string, options: ResolvedOptions): string {
  const u = url.trim().replace(/&amp;/g, '&');
  if (options.embeds === 'html') {
    const yt = YT.exec(u);
    if (yt) return iframe(`https://www.youtube.com/embed/${yt[1] ?? ''}`);
    const vi = VIMEO.exec(u);
    if (vi) return iframe(`https://player.vimeo.com/video/${vi[1] ?? ''}`);
  }
  return `<p><a href="${escAttr(u)}">${escAttr(u)}</a></p>`;
}

/** Markdown for an embed of `url`: an autolink, or an iframe in `'html'` mode for known players. */
export function embedMarkdown(url: string, options: ResolvedOptions): string {
  const html = embedHtml(url, options);
  if (html.startsWith('<iframe')) return html;
  const u = url.trim().replace(/&amp;/g, '&');
  return /^[a-z][a-z\d+.-]*:[^\s<>]*$/i.test(u) ? `<${u}>` : u;
}

function iframe(src: string): string {
  return `<iframe src="${src}" width="560" height="315" frameborder="0" allowfullscreen></iframe>`;
}

function firstValue(sc: Shortcode, ...names: string[]): string {
  return (attrOf(sc.attrs, ...names) ?? sc.positional[0] ?? sc.content ?? '').trim();
}

/** A shortcode handler for a provider: the value may be a full URL or an id. */
function provider(toUrl: (id: string) => string, ...names: string[]): ShortcodeHandler {
  return (sc, ctx) => {
    const v = firstValue(sc, ...names).replace(/^["']|["']$/g, '');
    if (!v) return null;
    return embedHtml(/^(?:https?:)?\/\//i.test(v) ? v : toUrl(v), ctx.options);
  };
}

export const embed: ShortcodeHandler = (sc, ctx) => {
  const url = (sc.content ?? sc.positional[0] ?? attrOf(sc.attrs, 'url', 'src') ?? '').trim();
  return url ? embedHtml(url.replace(/<[^>]*>/g, ''), ctx.options) : '';
};

export const youtube = provider((id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id.split('&')[0] ?? id)}`, 'id', 'url');
export const vimeo = provider((id) => `https://vimeo.com/${encodeURIComponent(id)}`, 'id', 'url', 'clip_id');
export const dailymotion = provider((id) => `https://www.dailymotion.com/video/${encodeURIComponent(id)}`, 'id', 'url');
export const soundcloud = provider((id) => `https://soundcloud.com/${id}`, 'url', 'id');
export const tweet = provider((id) => `https://twitter.com/i/web/status/${encodeURIComponent(id)}`, 'url', 'id', 'tweet');
export const gist = provider((id) => `https://gist.github.com/${id}`, 'id', 'url');
export const instagram = provider((id) => `https://www.instagram.com/p/${encodeURIComponent(id)}/`, 'url', 'id');
export const slideshare = provider((id) => `https://www.slideshare.net/slideshow/embed_code/${encodeURIComponent(id.split('&')[0] ?? id)}`, 'id', 'url');
export const ted = provider((id) => `https://www.ted.com/talks/${encodeURIComponent(id)}`, 'id', 'url');
export const wpvideo = provider((id) => `https://videopress.com/v/${encodeURIComponent(id)}`, 'id');
export const spotify = provider((id) => `https://open.spotify.com/${id.replace(/^spotify:/, '').replace(/:/g, '/')}`, 'id', 'url');
export const googlemaps = provider((id) => id, 'url', 'src');
