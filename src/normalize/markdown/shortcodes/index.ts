/** The default shortcode handlers, by name. Override or extend through `HtmlToMarkdownOptions.shortcodes`. */
import type { ShortcodeHandler } from '../types.js';
import { caption } from './caption.js';
import { code, LANGUAGE_SHORTCODES, namedCode } from './code.js';
import { dailymotion, embed, gist, googlemaps, instagram, slideshare, soundcloud, spotify, ted, tweet, vimeo, wpvideo, youtube } from './embed.js';
import { footnote } from './footnote.js';
import { gallery } from './gallery.js';
import { audio, playlist, video } from './media.js';

const entries: [string, ShortcodeHandler][] = [
  ['caption', caption],
  ['wp_caption', caption],
  ['gallery', gallery],
  ['embed', embed],
  ['youtube', youtube],
  ['vimeo', vimeo],
  ['dailymotion', dailymotion],
  ['soundcloud', soundcloud],
  ['tweet', tweet],
  ['twitter', tweet],
  ['gist', gist],
  ['instagram', instagram],
  ['slideshare', slideshare],
  ['ted', ted],
  ['wpvideo', wpvideo],
  ['spotify', spotify],
  ['googlemaps', googlemaps],
  ['playlist', playlist],
  ['audio', audio],
  ['video', video],
  ['code', code],
  ['sourcecode', code],
  ['ref', footnote],
  ['footnote', footnote],
  ['efn_note', footnote],
  ...LANGUAGE_SHORTCODES.map((n): [string, ShortcodeHandler] => [n, namedCode]),
];

/**
 * Shortcode handlers used when the caller gives none, by name.
 *
 * @example
 * DEFAULT_SHORTCODES.has('caption'); // true
 */
export const DEFAULT_SHORTCODES: ReadonlyMap<string, ShortcodeHandler> = new Map(entries);

/**
 * Names of the shortcodes the converter knows by default.
 *
 * @example
 * KNOWN_SHORTCODES.includes('gallery'); // true
 */
export const KNOWN_SHORTCODES: readonly string[] = entries.map(([n]) => n);
