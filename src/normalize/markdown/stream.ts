/**
 * The "stream" form that handlers return: inline Markdown plus control
 * characters (the input is cleaned of them first) that mark paragraph breaks,
 * line breaks and embedded finished blocks. `flush*` turns a stream into text.
 */
import { escapeLineStart } from './escape.js';
import { resolveDelimiters } from './delimiters.js';

/** Paragraph break (a blank line in wpautop text, block element edges). */
export const PARA = '\u0000';
/** Hard line break (`<br>`). */
export const BR = '\u0001';
/** A single newline in wpautop text: a line break, unless right after a `<br>`. */
export const NL = '\u0004';
const BLOCK_OPEN = '\u0002';
const BLOCK_CLOSE = '\u0003';
const RAW_OPEN = '\u0005';
const RAW_CLOSE = '\u0006';

/** Control characters used as markers; removed from the input before parsing. */
export const MARKERS = /[\u0000-\u0008\u000e-\u0011]/;
const MARKERS_G = /[\u0000-\u0008\u000e-\u0011]/g;
/** Replaces marker characters in input text. */
export const cleanMarkers = (s: string): string => (MARKERS.test(s) ? s.replace(MARKERS_G, '\ufffd') : s);

export const blockRef = (id: number): string => `${PARA}${BLOCK_OPEN}${id}${BLOCK_CLOSE}${PARA}`;
export const rawRef = (id: number): string => `${RAW_OPEN}${id}${RAW_CLOSE}`;

const RAW = /\u0005(\d+)\u0006/g;

export interface Part {
  markdown: string;
  kind: string;
}

/** Puts raw text back in place of its markers. */
export function expandRaw(text: string, raws: readonly string[]): string {
  return text.indexOf(RAW_OPEN) === -1 ? text : text.replace(RAW, (_, i: string) => raws[Number(i)] ?? '');
}

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** What makes a paragraph more than plain text: a double space, a hard break, a delimiter or raw-text marker. */
const NOT_PLAIN_PARAGRAPH = /  |[\u0001\u0005\u0007\u0008\u000e-\u0011]/;

/** One paragraph's stream to Markdown lines joined by hard breaks, with line starts escaped. */
export function flushParagraph(s: string, raws: readonly string[], hardBreak: string): string {
  if (!NOT_PLAIN_PARAGRAPH.test(s)) {
    // Most paragraphs: one scan instead of one per kind of marker.
    const plain = trimSpaces(s);
    return plain === '' ? '' : escapeLineStart(plain);
  }
  let t = s.includes('  ') ? s.replace(/ {2,}/g, ' ') : s;
  if (!t.includes(BR)) {
    t = trimSpaces(t);
    return t === '' ? '' : expandRaw(resolveDelimiters(escapeLineStart(t)), raws);
  }
  t = t.replace(/ ?\u0001 ?/g, BR).replace(/^[\u0001 ]+|[\u0001 ]+$/g, '');
  if (t === '') return '';
  const lines = t.split(BR).map((l) => escapeLineStart(l.replace(/^[ \t]+/, '')));
  return expandRaw(resolveDelimiters(lines.join(BR)).split(BR).join(hardBreak), raws);
}

/** Paragraphs of one stretch of stream between embedded blocks. */
function pushParagraphs(out: Part[], piece: string, raws: readonly string[], hardBreak: string): void {
  if (piece === '') return;
  const norm = piece.includes(NL) ? piece.replace(NL_RUN, BR) : piece;
  const paras = (norm.includes(BR) ? norm.replace(/\u0001(?: *\u0001)+/g, PARA) : norm).split(PARA);
  for (const p of paras) {
    if (p === '') continue;
    const md = flushParagraph(p, raws, hardBreak);
    if (md !== '') out.push({ markdown: md, kind: 'p' });
  }
}

// a wpautop newline, with a `<br>` right before it: one hard break
const NL_RUN = /(?:\u0001 *)?\u0004/g;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Splits a stream into paragraphs and embedded blocks, in order. */
export function toParts(stream: string, blocks: readonly Part[], raws: readonly string[], hardBreak: string): Part[] {
  const out: Part[] = [];
  let last = 0;
  let at = stream.indexOf(BLOCK_OPEN);
  while (at !== -1) {
    let e = at + 1;
    while (isDigit(stream.charCodeAt(e))) e++;
    if (e > at + 1 && stream.charCodeAt(e) === 3) {
      pushParagraphs(out, stream.slice(last, at), raws, hardBreak);
      const b = blocks[Number(stream.slice(at + 1, e))];
      if (b && b.markdown !== '') out.push(b);
      last = e + 1;
    }
    at = stream.indexOf(BLOCK_OPEN, e);
  }
  pushParagraphs(out, last === 0 ? stream : stream.slice(last), raws, hardBreak);
  return out;
}

/** A stream as one line: breaks become `hardBreak` (default a space), blocks are inlined. */
export function flushLine(stream: string, blocks: readonly Part[], raws: readonly string[], hardBreak = ' '): string {
  if (!MARKERS.test(stream)) return trimSpaces(stream.includes('  ') ? stream.replace(/ {2,}/g, ' ') : stream);
  const t = resolveDelimiters(stream)
    .replace(/\u0002(\d+)\u0003/g, (_, i: string) => (blocks[Number(i)]?.markdown ?? '').replace(/\s*\n\s*/g, ' '))
    .replace(/[\u0000\u0004]/g, ' ')
    .replace(/ *\u0001 */g, hardBreak === ' ' ? ' ' : BR)
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/^\u0001+|\u0001+$/g, '')
    .replace(/\u0001+/g, hardBreak);
  return expandRaw(t, raws);
}
