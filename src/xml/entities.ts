/**
 * Character and entity references outside CDATA: the five predefined entities and
 * numeric references, nothing else (no DTD, so no entity can expand). Problems are
 * handed to `report` with their offset in the text; the text is always returned.
 */

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;

/**
 * `true` for code points XML 1.0 allows (the `Char` production).
 *
 * @example
 * isXmlChar(0x1f) // false
 */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** A problem found while decoding references: the warning code, a message, and the offset in the text. */
export type ReferenceReporter = (code: 'W_AMP_UNESCAPED' | 'W_ENTITY_UNDEFINED' | 'W_CHAR_REF_INVALID', message: string, offset: number) => void;

/**
 * Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` and `&#xHH;` once.
 * A bare `&` stays `&` (W_AMP_UNESCAPED), an unknown name stays literal (W_ENTITY_UNDEFINED),
 * a reference to a character XML forbids becomes U+FFFD (W_CHAR_REF_INVALID).
 *
 * @example
 * decodeReferences('AT&amp;T &#8211; &#x1F600;', () => {}) // 'AT&T – 😀'
 */
export function decodeReferences(text: string, report: ReferenceReporter): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  const out: string[] = [];
  let last = 0;
  while (amp !== -1) {
    if (amp > last) out.push(text.slice(last, amp));
    const end = reference(text, amp, out, report);
    last = end;
    amp = text.indexOf('&', end);
  }
  if (last < text.length) out.push(text.slice(last));
  return out.join('');
}

/** Decodes the reference at `amp` into `out`; returns the index after it. */
function reference(text: string, amp: number, out: string[], report: ReferenceReporter): number {
  const i = amp + 1;
  if (text.charCodeAt(i) === 35) return numericReference(text, amp, out, report);
  const semi = text.indexOf(';', i);
  if (semi > i && semi - i <= 64) {
    const name = text.slice(i, semi);
    const named = PREDEFINED.get(name);
    if (named !== undefined) {
      out.push(named);
      return semi + 1;
    }
    if (NAME.test(name)) {
      report('W_ENTITY_UNDEFINED', `the entity "&${name};" is not defined in XML; it was kept as text`, amp);
      out.push(text.slice(amp, semi + 1));
      return semi + 1;
    }
  }
  report('W_AMP_UNESCAPED', 'an unescaped "&" was kept as a literal "&"', amp);
  out.push('&');
  return amp + 1;
}

function numericReference(text: string, amp: number, out: string[], report: ReferenceReporter): number {
  let i = amp + 2;
  let cp = 0;
  let digits = 0;
  let c = text.charCodeAt(i);
  if (c === 120 || c === 88) {
    for (i++; digits < 9; i++, digits++) {
      c = text.charCodeAt(i);
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (v < 0) break;
      cp = cp * 16 + v;
    }
  } else {
    for (; digits < 11; i++, digits++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      cp = cp * 10 + (c - 48);
    }
  }
  if (digits === 0 || text.charCodeAt(i) !== 59) {
    report('W_AMP_UNESCAPED', 'an unescaped "&" was kept as a literal "&"', amp);
    out.push('&');
    return amp + 1;
  }
  if (isXmlChar(cp)) out.push(String.fromCodePoint(cp));
  else {
    report('W_CHAR_REF_INVALID', `the character reference "${text.slice(amp, i + 1)}" names a character XML does not allow; it became U+FFFD`, amp);
    out.push('\uFFFD');
  }
  return i + 1;
}
