/**
 * Inline formatting: `strong`/`b` → `**`, `em`/`i` → `*`, `del`/`s`/`strike` → `~~`,
 * `br` → hard break; `sup`, `sub`, `kbd`, `abbr`, `mark`, `u`, `ins`, `small`, `q`
 * stay inline HTML (Markdown has no syntax for them), with their content converted.
 */
import type { Element } from 'domhandler';
import type { ElementHandler, RenderContext } from '../types.js';
import { BR } from '../stream.js';
import { DELIM } from '../delimiters.js';
import { escAttr } from '../shortcodes/attrs.js';

/** Space, no-break space and the wpautop newline marker stay outside delimiters. */
const isEdge = (c: number): boolean => c === 32 || c === 0xa0 || c === 4;
const ONLY_BREAKS = /^[\u0000\u0001]*$/;

/**
 * Where inline content starts and ends without its edge spaces: `[a, b]`, with `a === b`
 * when it is all spaces. Delimiters and link brackets go around `inner.slice(a, b)`.
 */
export function edgeSpaces(inner: string): [number, number] {
  let a = 0;
  let b = inner.length;
  while (a < b && isEdge(inner.charCodeAt(a))) a++;
  while (b > a && isEdge(inner.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Wraps inline content in delimiters, moving edge spaces outside them. */
export function wrap(inner: string, open: string, close = open): string {
  const [a, b] = edgeSpaces(inner);
  if (a === b) return inner;
  const body = a === 0 && b === inner.length ? inner : inner.slice(a, b);
  if (ONLY_BREAKS.test(body)) return inner;
  return `${inner.slice(0, a)}${open}${body}${close}${inner.slice(b)}`;
}

function delimited(d: readonly [string, string], group: readonly string[]): ElementHandler {
  return (el: Element, ctx: RenderContext) => {
    if (group.some((t) => ctx.inside(t))) return ctx.children(el);
    return wrap(ctx.children(el), d[0], d[1]);
  };
}

function keepTag(tag: string, attrs: readonly string[] = []): ElementHandler {
  return (el, ctx) => {
    let a = '';
    for (const k of attrs) {
      const v = el.attribs[k];
      if (v) a += ` ${k}="${escAttr(v.replace(/&/g, '&amp;'))}"`;
    }
    const inner = ctx.children(el);
    if (inner.trim() === '') return inner;
    return wrap(inner, ctx.raw(`<${tag}${a}>`), ctx.raw(`</${tag}>`));
  };
}

export const strong = delimited(DELIM.strong, ['strong', 'b']);
export const em = delimited(DELIM.em, ['em', 'i', 'cite', 'dfn', 'var']);
export const del = delimited(DELIM.del, ['del', 's', 'strike']);
export const br: ElementHandler = () => BR;
export const sup = keepTag('sup');
export const sub = keepTag('sub');
export const kbd = keepTag('kbd');
export const abbr = keepTag('abbr', ['title']);
export const mark = keepTag('mark');
export const u = keepTag('u');
export const ins = keepTag('ins');
export const small = keepTag('small');
export const q = keepTag('q');
