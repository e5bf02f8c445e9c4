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

const REFERENCE = /&(?:#([0-9]{1,10})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z_:][A-Za-z0-9_.:-]{0,63}));/y;

/** `true` for code points XML 1.0 allows (the `Char` production). */
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
  let out = '';
  let last = 0;
  while (amp !== -1) {
    out += text.slice(last, amp);
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(text);
    if (!m) {
      report('W_AMP_UNESCAPED', 'an unescaped "&" was kept as a literal "&"', amp);
      out += '&';
      last = amp + 1;
    } else {
      last = REFERENCE.lastIndex;
      if (m[3] !== undefined) {
        const named = PREDEFINED.get(m[3]);
        if (named === undefined) {
          report('W_ENTITY_UNDEFINED', `the entity "&${m[3]};" is not defined in XML; it was kept as text`, amp);
          out += m[0];
        } else out += named;
      } else {
        const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] ?? '', 16);
        if (isXmlChar(cp)) out += String.fromCodePoint(cp);
        else {
          report('W_CHAR_REF_INVALID', `the character reference "${m[0]}" names a character XML does not allow; it became U+FFFD`, amp);
          out += '\uFFFD';
        }
      }
    }
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}
