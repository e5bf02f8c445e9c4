/** Hostile inputs from hardening.md §5 against the parser: only WxrError escapes, nothing pollutes, limits hold. */
import { afterEach, describe, expect, it } from 'vitest';
import { WxrError } from '../src/errors.js';
import { codes, item, parseWxr, thrown, wxr } from './wxr-helpers.js';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

const code = (input: string | Uint8Array, options = {}) => thrown(() => parseWxr(input, options))?.code;
const MODES = [{}, { strict: true }, { recover: true }];
const enc = (s: string) => new TextEncoder().encode(s);

describe('entities and DTDs (X01-X09)', () => {
  const laughs =
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n === 0 ? '' : n};`.repeat(10)}">`).join('') +
    ']>\n<lolz>&lol9;</lolz>';
  it('X01 billion laughs: E_DOCTYPE at 2:1 in every mode', () => {
    for (const mode of MODES) {
      const e = thrown(() => parseWxr(laughs, mode));
      expect(e).toBeInstanceOf(WxrError);
      expect([e?.code, e?.line, e?.column]).toEqual(['E_DOCTYPE', 2, 1]);
    }
  });
  it('X02 quadratic blowup: E_DOCTYPE', () => {
    const doc = `<!DOCTYPE r [<!ENTITY a "${'A'.repeat(9999)}">]><r>${'&a;'.repeat(100_000)}</r>`;
    for (const mode of MODES) expect(code(doc, mode)).toBe('E_DOCTYPE');
  });
  it('X03/X04 external entities and DTDs: refused with a subset, a bare SYSTEM DOCTYPE is ignored', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY f SYSTEM "file:///etc/passwd">]>${wxr(item(1)).replace(/^<\?xml[^>]*>/, '')}`;
    for (const mode of MODES) expect(code(xxe, mode)).toBe('E_DOCTYPE');
    const pe = '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:1/p"> %p;]><rss/>';
    for (const mode of MODES) expect(code(pe, mode)).toBe('E_DOCTYPE');
    const system = wxr(item(1)).replace('<rss', '<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/x.dtd">\n<rss');
    expect(codes(parseWxr(system))).toEqual(['W_DOCTYPE_IGNORED']);
    expect(code(system, { strict: true })).toBe('E_DOCTYPE');
  });
  it('X05 undefined named entities stay literal with a warning; strict: E_ENTITY', () => {
    const doc = wxr(item(1).replace('<title>Post 1</title>', '<title>Caf&eacute; &nbsp;&copy;</title>'));
    const a = parseWxr(doc);
    expect(a.items[0]?.title).toBe('Café \u00A0©');
    expect(codes(a)).toEqual(['W_ENTITY_UNDEFINED', 'W_ENTITY_UNDEFINED', 'W_ENTITY_UNDEFINED']);
    expect(code(doc, { strict: true })).toBe('E_ENTITY');
  });
  it('X06 invalid character references become U+FFFD, never a RangeError', () => {
    const doc = wxr(item(1).replace('<title>Post 1</title>', '<title>a&#0;b&#xD800;c&#x1F;d&#99999999;e&#x110000;f</title>'));
    const a = parseWxr(doc);
    expect(a.items[0]?.title).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(codes(a)).toEqual(Array(5).fill('W_CHAR_REF_INVALID'));
    expect(code(doc, { strict: true })).toBe('E_CHAR');
  });
  it('X07/X08 a million numeric references and two million &amp; are plain text, not an "expansion"', () => {
    const a = parseWxr(wxr(item(1, `<content:encoded>${'&#65;'.repeat(1_000_000)}</content:encoded><excerpt:encoded>${'&amp;'.repeat(2_000_000)}</excerpt:encoded>`)));
    expect(a.items[0]?.content).toBe('A'.repeat(1_000_000));
    expect(a.items[0]?.excerpt.length).toBe(2_000_000);
    expect(a.diagnostics).toEqual([]);
  });
  it('X09 entity-looking text inside CDATA is kept byte-exact', () => {
    const a = parseWxr(wxr(item(1, '<content:encoded><![CDATA[&lol1; &amp; &#65; </item><item><title>fake]]></content:encoded>')));
    expect(a.items).toHaveLength(1);
    expect(a.items[0]?.content).toBe('&lol1; &amp; &#65; </item><item><title>fake');
  });
});

describe('structure and size (S01-S10)', () => {
  it('S01 100,000 nested elements: E_LIMIT_DEPTH at the 257th, with its position; recover skips the item', () => {
    const deep = '<x>'.repeat(100_000) + '</x>'.repeat(100_000);
    const doc = wxr(item(1, deep) + item(2));
    const e = thrown(() => parseWxr(doc));
    expect(e?.code).toBe('E_LIMIT_DEPTH');
    expect(e?.line).toBe(8);
    const r = parseWxr(doc, { recover: true });
    expect(r.items.map((i) => i.id)).toEqual([2]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'E_LIMIT_DEPTH' });
  });
  it('S02 a million unclosed elements: E_LIMIT_DEPTH, not E_TRUNCATED', () => {
    expect(code('<rss><channel>' + '<a>'.repeat(1_000_000))).toBe('E_LIMIT_DEPTH');
  });
  it('S04 100,000 attributes: E_LIMIT_ATTRS', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` a${i}="v"`).join('');
    expect(code(wxr(item(1, `<x${attrs}/>`)))).toBe('E_LIMIT_ATTRS');
  });
  it('S05 a megabyte of whitespace inside a tag is fine', () => {
    const a = parseWxr(wxr(item(1, `<x${' '.repeat(1_000_000)}y="1">t</x>`)));
    expect(a.items[0]?.extra?.['x']).toEqual(['<x y="1">t</x>']);
  });
  it('S06 a huge element name: E_LIMIT_NAME', () => {
    expect(code(wxr(item(1, `<${'a'.repeat(1_000_000)}/>`)))).toBe('E_LIMIT_NAME');
  });
  it('S07/S08 a huge attribute value or text: E_LIMIT_TEXT (limit lowered for the test), raised limit parses', () => {
    const big = 'x'.repeat(200_000);
    const limits = { maxTextLength: 100_000 };
    expect(code(wxr(item(1, `<category domain="${big}" nicename="n">c</category>`)), { limits })).toBe('E_LIMIT_TEXT');
    expect(code(wxr(item(1, `<content:encoded>${big}</content:encoded>`)), { limits })).toBe('E_LIMIT_TEXT');
    expect(code(wxr(item(1, `<content:encoded><![CDATA[${big}]]></content:encoded>`)), { limits })).toBe('E_LIMIT_TEXT');
    expect(parseWxr(wxr(item(1, `<content:encoded>${big}</content:encoded>`))).items[0]?.content).toBe(big);
  });
  it('S10 parseWxr refuses inputs above limits.maxInputBytes with E_LIMIT_INPUT', () => {
    expect(code(enc(wxr(item(1))), { limits: { maxInputBytes: 100 } })).toBe('E_LIMIT_INPUT');
  });
});

describe('well-formedness, truncation, repairs (W01-W14)', () => {
  const doc = wxr(item(1) + item(2, '<content:encoded><![CDATA[Grüße €]]></content:encoded>') + item(3));
  const bytes = enc(doc);
  it('W01/W02 cut at every byte: always a WxrError, never a short success', () => {
    const end = doc.lastIndexOf('</rss>') + '</rss>'.length;
    const endByte = enc(doc.slice(0, end)).length;
    for (let cut = 0; cut < endByte; cut++) {
      const e = thrown(() => parseWxr(bytes.subarray(0, cut)));
      expect(e, `cut at ${cut}`).toBeInstanceOf(WxrError);
    }
    expect(parseWxr(bytes.subarray(0, endByte)).items).toHaveLength(3);
  });
  it('W01 cut after an </item>: E_TRUNCATED naming the open elements; recover keeps the complete items', () => {
    const cut = doc.slice(0, doc.indexOf('</item>', doc.indexOf('<wp:post_id>2<')) + '</item>'.length);
    const e = thrown(() => parseWxr(cut));
    expect(e?.code).toBe('E_TRUNCATED');
    expect(e?.message).toContain('<rss> <channel>');
    const r = parseWxr(cut, { recover: true });
    expect(r.items.map((i) => i.id)).toEqual([1, 2]);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'E_TRUNCATED']]);
  });
  it('W02c cut between the bytes of "€": E_TRUNCATED', () => {
    const euro = doc.indexOf('€');
    const at = enc(doc.slice(0, euro)).length + 2;
    expect(code(bytes.subarray(0, at))).toBe('E_TRUNCATED');
  });
  it('W03 crossed tags: E_TAG_MISMATCH at the </item>; recover drops that item only', () => {
    const crossed = wxr(item(1) + '<item><title>T</item></title><wp:post_id>7</wp:post_id></item>' + item(3));
    const e = thrown(() => parseWxr(crossed));
    expect(e?.code).toBe('E_TAG_MISMATCH');
    expect(e?.message).toContain('</item> does not close <title>');
    const r = parseWxr(crossed, { recover: true });
    expect(r.items.map((i) => i.id)).toEqual([1, 3]);
    const skipped = r.diagnostics.find((d) => d.code === 'E_TAG_MISMATCH');
    expect(skipped?.line).toBe(e?.line);
    // the position is in line/column, not written into the message a second time
    expect(skipped?.message).toMatch(/^<\/item> does not close <title> \(opened at \d+:\d+\); skipped to the next <item>$/);
  });
  it('W05/W06 empty, blank, RSS without version, Atom, HTML', () => {
    expect(code('')).toBe('E_NOT_XML');
    expect(code(' \n'.repeat(5000))).toBe('E_NOT_XML');
    expect(code(enc('\u0000\u0001binary'))).toBe('E_NOT_XML');
    expect(code('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss>')).toBe('E_NOT_WXR');
    expect(code('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).toBe('E_NOT_WXR');
    expect(code('<rss version="2.0"></rss>')).toBe('E_NOT_WXR');
    expect(code('<!DOCTYPE html><html><head><title>x</title></head></html>')).toBe('E_NOT_XML');
  });
  it('W07 PHP warning before <?xml and junk after </rss>: repaired; strict: E_XML_SYNTAX', () => {
    const junk = `Warning: fopen(x): failed in functions.php on line 6027\n${wxr(item(1))}<br />\n<b>junk</b>`;
    expect(codes(parseWxr(junk))).toEqual(['W_TEXT_OUTSIDE_ROOT', 'W_TEXT_OUTSIDE_ROOT']);
    expect(code(junk, { strict: true })).toBe('E_XML_SYNTAX');
  });
  it('W14 two documents glued together: E_XML_SYNTAX; recover keeps the first', () => {
    const two = wxr(item(1)) + wxr(item(2));
    expect(code(two)).toBe('E_XML_SYNTAX');
    const r = parseWxr(two, { recover: true });
    expect(r.items.map((i) => i.id)).toEqual([1]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_XML_SYNTAX']);
  });
});

describe('encodings and characters (E01-E08)', () => {
  const doc = (title: string, decl = 'UTF-8') => wxr(item(1).replace('<title>Post 1</title>', `<title>${title}</title>`)).replace('encoding="UTF-8"', `encoding="${decl}"`);
  it('E01 invalid UTF-8: U+FFFD and W_INVALID_UTF8 with the line; strict: E_ENCODING', () => {
    const head = enc(doc('caf@@@'));
    const at = head.indexOf(0x40);
    const bad = new Uint8Array([...head.subarray(0, at), 0xc3, 0x28, 0xff, ...head.subarray(at + 3)]);
    const a = parseWxr(bad);
    expect(a.items[0]?.title).toBe('caf\uFFFD(\uFFFD');
    expect(a.diagnostics).toEqual([expect.objectContaining({ code: 'W_INVALID_UTF8', line: 8 })]);
    expect(code(bad, { strict: true })).toBe('E_ENCODING');
  });
  it('E02 a UTF-8 BOM is not text before the root', () => {
    const a = parseWxr(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(doc('Grüße'))]));
    expect([a.items[0]?.title, a.diagnostics]).toEqual(['Grüße', []]);
  });
  it.each([
    ['UTF-16LE with BOM', 'utf-16le', true],
    ['UTF-16BE with BOM', 'utf-16be', true],
    ['UTF-16LE without BOM', 'utf-16le', false],
  ])('E03/E04 %s', (_name, encoding, bom) => {
    const text = doc('Grüße 😀', 'UTF-16');
    const units = Array.from(text, (ch) => ch).join('');
    const out: number[] = bom ? (encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (let i = 0; i < units.length; i++) {
      const u = units.charCodeAt(i);
      if (encoding === 'utf-16le') out.push(u & 0xff, u >> 8);
      else out.push(u >> 8, u & 0xff);
    }
    const a = parseWxr(new Uint8Array(out));
    expect(a.items[0]?.title).toBe('Grüße 😀');
    expect(codes(a)).toEqual(['W_UTF16']);
  });
  it('E05 declared ISO-8859-1 over UTF-8 bytes: read as UTF-8 with W_ENCODING_MISMATCH', () => {
    const a = parseWxr(enc(doc('Grüße', 'ISO-8859-1')));
    expect(a.items[0]?.title).toBe('Grüße');
    expect(codes(a)).toEqual(['W_ENCODING_MISMATCH']);
  });
  it('E06 declared windows-1252 with 1252 bytes', () => {
    const text = doc('Gr##e', 'windows-1252');
    const bytes = enc(text);
    const at = bytes.indexOf(0x23);
    bytes[at] = 0xfc;
    bytes[at + 1] = 0xdf;
    expect(parseWxr(bytes).items[0]?.title).toBe('Grüße');
  });
  it('an unknown declared encoding: E_ENCODING', () => {
    expect(code(enc(doc('x', 'x-klingon')))).toBe('E_ENCODING');
  });
  it('E07 C0 controls and NUL in text, attributes and CDATA are removed with their positions', () => {
    const a = parseWxr(wxr(item(1, '<category domain="category" nicename="a\u000Cb">c</category><content:encoded><![CDATA[x\u0000y]]></content:encoded>').replace('Post 1', 'a\u0001b\u000Bc\u001Fd')));
    expect(a.items[0]?.title).toBe('abcd');
    expect(a.items[0]?.terms[0]?.slug).toBe('ab');
    expect(a.items[0]?.content).toBe('xy');
    expect(codes(a)).toEqual(Array(5).fill('W_CHAR_REMOVED'));
    expect(a.diagnostics.every((d) => d.line === 8)).toBe(true);
  });
  it('E08 DEL and C1 controls are legal XML and kept; U+FFFE is removed', () => {
    const a = parseWxr(wxr(item(1).replace('Post 1', 'a\u007Fb\u0085c\uFFFEd')));
    expect(a.items[0]?.title).toBe('a\u007Fb\u0085cd');
  });
});

describe('object keys and values (K01-K07)', () => {
  const dangerous = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
  it('K01 dangerous element names are kept in extra, at item and channel level, with a foreign prefix too', () => {
    const inner = dangerous.map((n) => `<${n}>${n}-value</${n}>`).join('') + '<x:__proto__ xmlns:x="urn:x"><polluted>yes</polluted></x:__proto__>';
    const a = parseWxr(wxr(item(1, inner), '1.2', inner));
    for (const owner of [a.items[0]?.extra, a.site.extra]) {
      expect(Object.keys(owner ?? {})).toEqual([...dangerous, 'x:__proto__']);
      for (const n of dangerous) expect(owner?.[n]).toEqual([`${n}-value`]);
      expect(owner?.['x:__proto__']).toEqual(['<polluted>yes</polluted>']);
    }
  });
  it('K02 dangerous attribute names are data', () => {
    const a = parseWxr(wxr(item(1, '<category domain="category" nicename="x" __proto__="a" constructor="b" hasOwnProperty="c">X</category>')));
    expect(a.items[0]?.terms).toEqual([{ taxonomy: 'category', slug: 'x', name: 'X' }]);
  });
  it('K03 dangerous meta keys are kept verbatim', () => {
    const meta = dangerous.map((k) => `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value>{"isAdmin":true}</wp:meta_value></wp:postmeta>`).join('');
    const a = parseWxr(wxr(item(1, meta)));
    expect(a.items[0]?.meta.map((m) => m.key)).toEqual(dangerous);
    expect(JSON.stringify(a.items[0]?.meta)).toContain('"key":"__proto__"');
  });
  it('K04 dangerous logins and slugs', () => {
    const authors = dangerous.map((l) => `<wp:author><wp:author_login>${l}</wp:author_login></wp:author>`).join('');
    const a = parseWxr(wxr(authors + item(1, '<dc:creator>constructor</dc:creator>')));
    expect(a.authors.map((x) => x.login)).toEqual(dangerous);
    expect(a.items[0]?.author).toBe('constructor');
  });
  it.each([
    ['1e309', 0, true],
    ['-1', -1, false],
    ['0x10', 0, true],
    ['０１', 0, true],
    ['123456789012345678901234567890', 0, true],
    ['', 0, false],
    [' 42\n', 42, false],
  ])('K07 post_id %j -> %i', (raw, id, warned) => {
    const a = parseWxr(wxr(item(1).replace('<wp:post_id>1</wp:post_id>', `<wp:post_id>${raw}</wp:post_id>`)));
    expect(a.items[0]?.id).toBe(id);
    expect(codes(a).includes('W_NUMBER_INVALID')).toBe(warned);
  });
});
