/**
 * `[audio]`, `[video]` (WordPress core), their WordPress.com and old-plugin forms
 * (`[audio https://…mp3]`, `[audio:…mp3]`): kept as HTML `<audio>`/`<video>` elements.
 * `[playlist ids="…" type="audio|video"]` lists the attachments as such elements.
 */
import type { Shortcode, ShortcodeHandler } from '../types.js';
import { attrOf, escAttr } from './attrs.js';

const AUDIO_EXT = ['mp3', 'ogg', 'oga', 'm4a', 'wav', 'flac', 'wma'];
const VIDEO_EXT = ['mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];

function sources(sc: Shortcode, exts: readonly string[]): string[] {
  const list: string[] = [];
  const src = attrOf(sc.attrs, 'src', 'url');
  if (src) list.push(src);
  for (const e of exts) {
    const v = sc.attrs.get(e);
    if (v) list.push(v);
  }
  const pos = sc.positional[0]?.split('|')[0]?.replace(/^["']|["']$/g, '');
  if (list.length === 0 && pos && /^(?:https?:)?\/\//i.test(pos)) list.push(pos);
  if (list.length === 0 && sc.content && /^\s*(?:https?:)?\/\/\S+\s*$/.test(sc.content)) list.push(sc.content.trim());
  return list;
}

function element(tag: 'audio' | 'video', keep: readonly string[], exts: readonly string[]): ShortcodeHandler {
  return (sc, ctx) => {
    const src = sources(sc, exts);
    if (src.length === 0) {
      ctx.report({ code: 'W_MD_MEDIA_NO_SOURCE', message: `[${sc.name}] without a source kept verbatim` });
      return null;
    }
    let attrs = ' controls';
    for (const k of keep) {
      const v = sc.attrs.get(k);
      if (v) attrs += ` ${k}="${escAttr(v)}"`;
    }
    if (src.length === 1) return `<${tag}${attrs} src="${escAttr(src[0] ?? '')}"></${tag}>`;
    const inner = src.map((s) => `<source src="${escAttr(s)}">`).join('');
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
}

export const audio = element('audio', ['loop', 'autoplay', 'preload'], AUDIO_EXT);
export const video = element('video', ['poster', 'width', 'height', 'loop', 'autoplay', 'preload'], VIDEO_EXT);

/** `[playlist ids="1,2" type="audio"]`: one `<audio>` (or `<video>`) per known attachment. */
export const playlist: ShortcodeHandler = (sc, ctx) => {
  const tag = sc.attrs.get('type') === 'video' ? 'video' : 'audio';
  const ids = (attrOf(sc.attrs, 'ids', 'include') ?? '').split(/[\s,]+/).map(Number).filter((n) => n > 0);
  const list = ids.length > 0 ? ids : ctx.options.childAttachmentIds;
  const found = list.map((id) => ctx.attachment(id)).filter((a) => a !== undefined);
  if (found.length === 0) {
    ctx.report({ code: 'W_MD_PLAYLIST_UNRESOLVED', message: '[playlist] attachments unknown: kept verbatim' });
    return null;
  }
  return found.map((a) => `<${tag} controls src="${escAttr(a.url)}"></${tag}>`).join('\n\n');
};
