/**
 * The leading address block of a comment: `@Name`, `@Name:`, `@ Name`, several
 * addressees (`@Anna, @Max:`, `@Tom @Lisa`, `@A und @B`), and the links that reply
 * plugins insert (`@<a href="#comment-12">Name</a>`, `<a href="…#comment-12">@Name</a>`).
 * Only the very start of the comment counts (after opening `<p>`, `<strong>`, blanks);
 * e-mail addresses and `@` later in the text are not addresses.
 */
import he from 'he';

/** One addressee as written. */
export interface AddressMention {
  /** The name as written (entities decoded, tags stripped). */
  name: string;
  /** The comment id of a `#comment-N` link, else null. */
  linkedId: number | null;
}

/**
 * How many of the leading words form the longest known name (0 when none does).
 * Supplied by the resolver, which knows who commented earlier.
 */
export type KnownPrefix = (words: readonly string[]) => number;

const LEAD = 600;
const SKIP = /(?:\s|&nbsp;|&#160;|<\/?(?:p|div|br|strong|b|em|i|u|span|font|small|big)\b[^>]{0,300}>)*/iy;
const AT_LINK = /@(?:\s|&nbsp;)*<a\b([^>]*)>([\s\S]{0,200}?)<\/a>/iy;
const LINK_AT = /<a\b([^>]*)>(?:\s|&nbsp;|<[^>]*>)*@([\s\S]{0,200}?)<\/a>/iy;
const AT = /@(?:\s|&nbsp;)?/y;
const SEP = /(?:\s|&nbsp;|<\/(?:strong|b|em|i|u|span|font)>)*(?:[:,;!)\-–—+]|und(?![\p{L}])|and(?![\p{L}])|&amp;|&)?(?:\s|&nbsp;|<\/?(?:strong|b|em|i|u|span|font|br)\b[^>]*>)*/iuy;
const COMMENT_ID = /#comment-(\d{1,15})\b/i;
const WORD = /[^\s]+/g;
const TAGS = /<[^>]*>/g;
const FALLBACK_END = /^[^:,<\n@]{1,40}(?=[:,])/;

function text(html: string): string {
  const t = html.replace(TAGS, '');
  return (t.includes('&') ? he.decode(t) : t).replace(/[\s\u00a0]+/g, ' ').trim();
}

function linked(attrs: string, inner: string): AddressMention {
  const id = COMMENT_ID.exec(attrs);
  return { name: text(inner).replace(/^@\s*/, ''), linkedId: id ? Number(id[1]) : null };
}

/** A plain `@Name …`: the longest known name, else up to `:`/`,` (40 chars), else the first word. Returns the mention and its raw length. */
const LINE_END = /[<\n]/g;
const MAX_LINE = 200;

/** A plain `@Name …`: the longest known name, else up to `:`/`,` (40 chars), else the first word. Returns the mention and its raw length. */
function plain(lead: string, at: number, known: KnownPrefix): [AddressMention, number] | null {
  LINE_END.lastIndex = at;
  const stop = LINE_END.exec(lead);
  let line = lead.slice(at, Math.min(stop ? stop.index : lead.length, at + MAX_LINE));
  if (line.includes('&')) line = line.replace(/&nbsp;|&#160;/g, (m) => ' '.repeat(m.length));
  const raws: string[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let w = WORD.exec(line); w !== null && raws.length < 8; w = WORD.exec(line)) {
    if (w[0].startsWith('@') && raws.length > 0) break;
    raws.push(w[0]);
    ends.push(w.index + w[0].length);
  }
  const first = raws[0];
  if (first === undefined) return null;
  const decoded = raws.map((w) => (w.includes('&') ? he.decode(w) : w));
  const k = known(decoded);
  if (k > 0) return [{ name: decoded.slice(0, k).join(' ').replace(/[:,;!?)]+$/, ''), linkedId: null }, ends[k - 1] ?? 0];
  const upTo = FALLBACK_END.exec(line);
  if (upTo) return [{ name: text(upTo[0]), linkedId: null }, upTo[0].length];
  return [{ name: text(first).replace(/[:,;.!?)]+$/, ''), linkedId: null }, ends[0] ?? 0];
}

/** One mention at `p` (a link form or a plain `@Name`), with the position after it. */
function readOne(lead: string, p: number, known: KnownPrefix): [AddressMention, number] | null {
  let m: RegExpExecArray | null;
  AT_LINK.lastIndex = p;
  if ((m = AT_LINK.exec(lead))) return [linked(m[1] ?? '', m[2] ?? ''), AT_LINK.lastIndex];
  LINK_AT.lastIndex = p;
  if ((m = LINK_AT.exec(lead))) return [linked(m[1] ?? '', m[2] ?? ''), LINK_AT.lastIndex];
  AT.lastIndex = p;
  if (!AT.exec(lead)) return null;
  const found = plain(lead, AT.lastIndex, known);
  if (!found || found[0].name === '') return null;
  return [found[0], AT.lastIndex + found[1]];
}

function startsMention(lead: string, p: number): boolean {
  const next = lead.charCodeAt(p);
  return next === 64 /* @ */ || (next === 60 /* < */ && /^<a\b[^>]*>(?:\s|<[^>]*>)*@/i.test(lead.slice(p, p + 300)));
}

const PARAGRAPH_AT = /(?:<p\b[^>]{0,300}>|<br\s*\/?>|\n)(?:\s|&nbsp;|<(?:strong|b|em|i)>)*(?=@|<a\b[^>]{0,300}>(?:\s|<[^>]{0,300}>)*@)/gi;
const BODY = 5000;

/**
 * The addressees of a comment, in order; empty when it does not START with one. A
 * comment that starts with an address block may address more people at the start of
 * later paragraphs (`@Kenny … <p>@Wolfy …`); those are added after the leading block.
 *
 * @example
 * readAddressBlock('<p>@Anna, @Max: Weil…', () => 1) // [{ name: 'Anna', linkedId: null }, { name: 'Max', linkedId: null }]
 */
export function readAddressBlock(content: string, known: KnownPrefix): AddressMention[] {
  const lead = content.length > LEAD ? content.slice(0, LEAD) : content;
  const out: AddressMention[] = [];
  SKIP.lastIndex = 0;
  SKIP.exec(lead);
  let p = SKIP.lastIndex;
  while (p < lead.length && out.length < 10) {
    const one = readOne(lead, p, known);
    if (!one) break;
    out.push(one[0]);
    SEP.lastIndex = one[1];
    SEP.exec(lead);
    p = SEP.lastIndex;
    if (!startsMention(lead, p)) break;
  }
  if (out.length === 0 || content.length <= p) return out;
  const body = content.length > BODY ? content.slice(0, BODY) : content;
  PARAGRAPH_AT.lastIndex = p;
  for (let m = PARAGRAPH_AT.exec(body); m !== null && out.length < 10; m = PARAGRAPH_AT.exec(body)) {
    const one = readOne(body, PARAGRAPH_AT.lastIndex, known);
    if (one) out.push(one[0]);
  }
  return out;
}
