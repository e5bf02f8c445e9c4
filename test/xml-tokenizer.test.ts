/** The push tokenizer on its own: events, positions, each repair, strict mode, recover mode, each error code. */
import { describe, expect, it } from 'vitest';
import { WxrError } from '../src/errors.js';
import type { Diagnostic } from '../src/model.js';
import { DiagnosticSink } from '../src/xml/diagnostics.js';
import { decodeReferences } from '../src/xml/entities.js';
import { resolveLimits, type XmlLimits } from '../src/xml/limits.js';
import { XmlTokenizer } from '../src/xml/tokenizer.js';
import type { XmlHandler, XmlStart } from '../src/xml/types.js';

interface Run {
  events: string[];
  starts: XmlStart[];
  diagnostics: Diagnostic[];
}

function tokenize(chunks: string | string[], opts: { strict?: boolean; recover?: boolean; limits?: Partial<XmlLimits>; cdataEndRepair?: boolean } = {}): Run {
  const run: Run = { events: [], starts: [], diagnostics: [] };
  const handler: XmlHandler = {
    onStart: (el) => {
      run.starts.push(el);
      run.events.push(`<${el.name}${el.attrs.map((a) => ` ${a.name}=${a.value}`).join('')}>@${el.line}:${el.column}`);
    },
    onEnd: (name) => run.events.push(`</${name}>`),
    onText: (text, cdata) => {
      const last = run.events.length - 1;
      const tag = cdata ? 'C:' : 'T:';
      if (run.events[last]?.startsWith(tag)) run.events[last] += text;
      else run.events.push(tag + text);
    },
    onResync: (depth) => run.events.push(`resync ${depth}`),
  };
  const sink = new DiagnosticSink(1000, opts.strict === true, (d) => run.diagnostics.push(d), false);
  const t = new XmlTokenizer(handler, { limits: resolveLimits(opts.limits), sink, recover: opts.recover === true, resyncTag: 'item', resyncDepth: 2 });
  t.cdataEndRepair = opts.cdataEndRepair === true;
  for (const c of Array.isArray(chunks) ? chunks : [chunks]) t.write(c);
  t.end();
  return run;
}

function error(fn: () => unknown): WxrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WxrError) return e;
    throw e;
  }
  throw new Error('expected a WxrError');
}

const codes = (r: Run) => r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

/** Every way to cut `s` into 1-, 2- and 3-character chunks gives the same events as one chunk. */
function splits(s: string): string[][] {
  return [1, 2, 3, 5].map((n) => Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, i * n + n)));
}

describe('tokenizer: events and positions', () => {
  it('reports elements, attributes, text and CDATA with 1-based line:column', () => {
    const r = tokenize('<?xml version="1.0"?>\n<r a="1" b=\'x&amp;y\'>\n  <c>t&lt;</c><![CDATA[<raw>&amp;]]><e/></r>');
    expect(r.events).toEqual(['<r a=1 b=x&y>@2:1', 'T:\n  ', '<c>@3:3', 'T:t<', '</c>', 'C:<raw>&amp;', '<e>@3:37', '</e>', '</r>']);
  });
  it('gives the same events and positions for any chunking, CRLF included', () => {
    const doc = '<?xml version="1.0"?>\r\n<r x="a&#10;b">\r\n<c>&#x1F600; &amp; ü</c>\r<![CDATA[a]]]]><![CDATA[>b]]>\r\n<d\n  y="2"/></r>\r\n';
    const whole = tokenize(doc);
    for (const chunks of splits(doc)) expect(tokenize(chunks).events).toEqual(whole.events);
    expect(whole.events).toContain('T:😀 & ü');
    expect(whole.events).toContain('<d y=2>@5:1');
    expect(whole.events).toContain('C:a]]>b');
  });
  it('normalizes line ends to \\n and attribute whitespace to spaces, but keeps &#10; in attributes', () => {
    const r = tokenize('<r a="x\ty\nz" b="1&#10;2">l1\r\nl2\rl3</r>');
    expect(r.events).toEqual(['<r a=x y z b=1\n2>@1:1', 'T:l1\nl2\nl3', '</r>']);
  });
  it('resolves namespaces by URI, with rebinding and default namespaces', () => {
    const r = tokenize('<r xmlns:a="urn:a"><a:x/><y xmlns="urn:d"><z/></y><q xmlns:a="urn:b"><a:x/></q></r>');
    expect(r.starts.map((s) => [s.name, s.local, s.uri])).toEqual([
      ['r', 'r', ''],
      ['a:x', 'x', 'urn:a'],
      ['y', 'y', 'urn:d'],
      ['z', 'z', 'urn:d'],
      ['q', 'q', ''],
      ['a:x', 'x', 'urn:b'],
    ]);
  });
  it('skips comments, PIs (even with a quote inside) and a BOM', () => {
    const r = tokenize('\uFEFF<?xml version="1.0"?><!-- c --><?pi "?><r><?php echo "?><!-- x --></r><!-- after -->');
    expect(r.events).toEqual(['<r>@1:40', '</r>']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('tokenizer: repairs (warning by default, error in strict mode)', () => {
  it.each([
    ['unescaped &', '<r>AT&T & co</r>', 'W_AMP_UNESCAPED@1:6', 'T:AT&T & co', 'E_XML_SYNTAX'],
    ['control characters', '<r>a\u0001b\u0000c</r>', 'W_CHAR_REMOVED@1:5', 'T:abc', 'E_CHAR'],
    ['undefined entity', '<r>caf&eacute;</r>', 'W_ENTITY_UNDEFINED@1:7', 'T:caf&eacute;', 'E_ENTITY'],
    ['invalid character reference', '<r>a&#0;b</r>', 'W_CHAR_REF_INVALID@1:5', 'T:a\uFFFDb', 'E_CHAR'],
    ['undeclared prefix', '<r><atom:link/></r>', 'W_PREFIX_UNDECLARED@1:4', '<atom:link>@1:4', 'E_STRICT'],
    ['text before the root', 'Warning: fopen()\n<?xml version="1.0"?><r/>', 'W_TEXT_OUTSIDE_ROOT@1:1', '<r>@2:22', 'E_XML_SYNTAX'],
    ['PHP HTML before the declaration', '<br />\n<b>Warning</b>: x<br />\n<?xml version="1.0"?><r/>', 'W_TEXT_OUTSIDE_ROOT@1:1', '<r>@3:22', 'E_XML_SYNTAX'],
    ['junk after the root', '<r/>\n<br />junk', 'W_TEXT_OUTSIDE_ROOT@2:1', '<r>@1:1', 'E_XML_SYNTAX'],
    ['duplicate attribute', '<r a="1" a="2"/>', 'W_DUPLICATE_ATTRIBUTE@1:13', '<r a=1>@1:1', 'E_XML_SYNTAX'],
    ['DOCTYPE without a subset', '<!DOCTYPE rss SYSTEM "x.dtd"><r/>', 'W_DOCTYPE_IGNORED@1:1', '<r>@1:30', 'E_DOCTYPE'],
    ['"--" in a comment', '<r><!-- a -- b --></r>', 'W_COMMENT_DASHES@1:4', '<r>@1:1', 'E_XML_SYNTAX'],
  ])('%s', (_name, doc, diagnostic, event, strictCode) => {
    const r = tokenize(doc);
    expect(codes(r)).toContain(diagnostic);
    expect(r.events).toContain(event);
    const e = error(() => tokenize(doc, { strict: true }));
    expect(e.code).toBe(strictCode);
    expect(`${e.line}:${e.column}`).toBe(diagnostic.split('@')[1]);
  });
  it('raw "]]>" inside old CDATA: kept when the element does not end there', () => {
    const doc = '<r><c><![CDATA[<script>//<![CDATA[\nx\n//]]></script>]]></c></r>';
    const r = tokenize(doc, { cdataEndRepair: true });
    expect(r.events).toEqual(['<r>@1:1', '<c>@1:4', 'C:<script>//<![CDATA[\nx\n//]]></script>', '</c>', '</r>']);
    expect(codes(r)).toEqual(['W_CDATA_END_REPAIRED@3:3']);
    for (const chunks of splits(doc)) expect(tokenize(chunks, { cdataEndRepair: true }).events).toEqual(r.events);
    expect(error(() => tokenize(doc, { cdataEndRepair: true, strict: true })).code).toBe('E_XML_SYNTAX');
    expect(error(() => tokenize(doc)).code).toBe('E_TAG_MISMATCH');
  });
  it.each([
    // name, document, the CDATA text events, diagnostics
    ['a reference between two sections', '<r><c><![CDATA[a]]>&amp;<![CDATA[b]]></c></r>', ['C:a', 'T:&', 'C:b'], []],
    ['text, then the end tag', '<r><c><![CDATA[a]]> and more\n</c></r>', ['C:a', 'T: and more\n'], []],
    ['a comment, then the end tag', '<r><c><![CDATA[a]]><!-- x --></c></r>', ['C:a'], []],
    ['whitespace, then more CDATA', '<r><c><![CDATA[a]]>\n <![CDATA[b]]></c></r>', ['C:a', 'T:\n ', 'C:b'], []],
    ['raw: another end tag follows', '<r><c><![CDATA[x//]]></script>]]></c></r>', ['C:x//]]></script>'], ['W_CDATA_END_REPAIRED@1:19']],
    ['raw: text, then another end tag', '<r><c><![CDATA[/*]]>*/</style>]]></c></r>', ['C:/*]]>*/</style>'], ['W_CDATA_END_REPAIRED@1:18']],
    ['raw: a start tag follows (no WXR field has children after its text)', '<r><c><![CDATA[a]]><p>b</p>]]></c></r>', ['C:a]]><p>b</p>'], ['W_CDATA_END_REPAIRED@1:17']],
    ['raw: what follows holds another raw end', '<r><c><![CDATA[a ]]> b <![CDATA[ c ]]>]]></c></r>', ['C:a ]]> b <![CDATA[ c ]]>'], ['W_CDATA_END_REPAIRED@1:18', 'W_CDATA_END_REPAIRED@1:36']],
  ])('old CDATA: %s', (_name, doc, texts, diagnostics) => {
    const r = tokenize(doc, { cdataEndRepair: true });
    expect(r.events.filter((e) => e.startsWith('C:') || e.startsWith('T:'))).toEqual(texts);
    expect(codes(r)).toEqual(diagnostics);
    for (const chunks of splits(doc)) expect(tokenize(chunks, { cdataEndRepair: true }).events).toEqual(r.events);
    if (diagnostics.length === 0) expect(tokenize(doc).events).toEqual(r.events);
  });
  it('invalid UTF-8 flagged by the decoder is reported once per line', () => {
    const sink = new DiagnosticSink(10, false, undefined, true);
    const events: string[] = [];
    const t = new XmlTokenizer({ onStart: () => undefined, onEnd: () => undefined, onText: (x) => events.push(x) }, { limits: resolveLimits(undefined), sink, recover: false, resyncTag: 'item', resyncDepth: 2 });
    t.write('<r>a\uFFFD\uFFFDb\n\uFFFD</r>', true);
    t.end();
    expect(sink.kept.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['W_INVALID_UTF8@1:5', 'W_INVALID_UTF8@2:1']);
  });
});

describe('tokenizer: errors', () => {
  it.each([
    ['crossed tags', '<r><a><b></a></b></r>', 'E_TAG_MISMATCH', '1:10'],
    ['truncated after a closed child', '<r><a></a>', 'E_TRUNCATED', '1:11'],
    ['truncated inside CDATA', '<r><![CDATA[abc', 'E_TRUNCATED', '1:4'],
    ['truncated at "<!["', '<r><![', 'E_TRUNCATED', '1:4'],
    ['truncated at "<!-"', '<r><!-', 'E_TRUNCATED', '1:4'],
    ['truncated inside a tag', '<r><a x="1', 'E_TRUNCATED', '1:4'],
    ['truncated inside a comment', '<r><!-- x', 'E_TRUNCATED', '1:4'],
    ['DOCTYPE with entities', '<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>', 'E_DOCTYPE', '1:1'],
    ['DOCTYPE inside the document', '<r><!DOCTYPE r></r>', 'E_DOCTYPE', '1:4'],
    ['nothing but text', 'hello world', 'E_NOT_XML', '1:1'],
    ['empty input', '', 'E_NOT_XML', '1:1'],
    ['a stray closing tag', '</r>', 'E_XML_SYNTAX', '1:1'],
    ['a lone "<"', '<r>a < b</r>', 'E_XML_SYNTAX', '1:6'],
    ['unquoted attribute', '<r a=1/>', 'E_XML_SYNTAX', '1:6'],
    ['"<" in an attribute', '<r a="<"/>', 'E_XML_SYNTAX', '1:7'],
    ['two documents', '<r/><?xml version="1.0"?><r/>', 'E_XML_SYNTAX', '1:5'],
    ['CDATA outside the root', '<![CDATA[x]]><r/>', 'E_XML_SYNTAX', '1:1'],
    ['too deep', '<a><a><a><a></a></a></a></a>', 'E_LIMIT_DEPTH', '1:10'],
    ['name too long', '<aaaaaaaaaaaa/>', 'E_LIMIT_NAME', '1:1'],
    ['too many attributes', '<r a="1" b="2" c="3" d="4"/>', 'E_LIMIT_ATTRS', '1:1'],
    ['text too long', '<r>0123456789abcdef</r>', 'E_LIMIT_TEXT', '1:4'],
  ])('%s -> %s at %s', (_name, doc, code, at) => {
    const limits = { maxDepth: 3, maxNameLength: 10, maxAttributes: 3, maxTextLength: 12 };
    const e = error(() => tokenize(doc, { limits }));
    expect(e.code).toBe(code);
    expect(`${e.line}:${e.column}`).toBe(at);
    expect(e.message).toContain(` at ${at}`);
    for (const chunks of splits(doc)) expect(error(() => tokenize(chunks, { limits })).code).toBe(code);
  });
  it('old CDATA split the WordPress way before a long continuation: read as it streams, not held whole until the close', () => {
    const long = 'x'.repeat(1 << 20);
    const doc = `<r><c><![CDATA[a]]]]><![CDATA[>${long}]]></c></r>`;
    const chunks: string[] = [];
    for (let k = 0; k < doc.length; k += 65_536) chunks.push(doc.slice(k, k + 65_536));
    let held = 0;
    const handler: XmlHandler = { onStart: () => undefined, onEnd: () => undefined, onText: () => undefined, onResync: () => undefined };
    const sink = new DiagnosticSink(1000, false, () => undefined, false);
    const t = new XmlTokenizer(handler, { limits: resolveLimits({}), sink, recover: false, resyncTag: 'item', resyncDepth: 2 });
    t.cdataEndRepair = true;
    for (const c of chunks) {
      t.write(c);
      const state = t as unknown as { buf: string; pos: number };
      held = Math.max(held, state.buf.length - state.pos);
    }
    t.end();
    // What waits in the buffer stays within the look-ahead and a chunk or two, not the whole 1 MB section.
    expect(held).toBeLessThan(300_000);
    expect(tokenize(chunks, { cdataEndRepair: true }).events).toEqual(tokenize(doc, { cdataEndRepair: true }).events);
    expect(tokenize(doc, { cdataEndRepair: true }).events[2]).toBe(`C:a]]>${long}`);
  });

  it('old CDATA cut right after "]]>": truncated where the cut is, naming what was open, not "inside a CDATA section"', () => {
    for (const doc of ['<r>\n<c><![CDATA[a]]></c', '<r>\n<c><![CDATA[a]]></', '<r>\n<c><![CDATA[a]]>', '<r>\n<c><![CDATA[a]]> x']) {
      const e = error(() => tokenize(doc, { cdataEndRepair: true }));
      expect(e.code).toBe('E_TRUNCATED');
      expect(e.message).not.toContain('CDATA');
      expect(e.message).toContain('<r> <c>');
      expect(e.line).toBe(2);
      expect(e.column).toBeGreaterThan(14);
    }
  });
  it('a mismatch names both tags and where the open one started', () => {
    expect(error(() => tokenize('<r>\n  <item>\n</channel></r>')).message).toBe('</channel> does not close <item> (opened at 2:3) at 3:1');
  });
  it('a huge unfinished CDATA in chunks fails on the text limit before the end', () => {
    const limits = { maxTextLength: 1000 };
    const chunks = ['<r><![CDATA[', ...Array.from({ length: 50 }, () => 'x'.repeat(100))];
    expect(error(() => tokenize(chunks, { limits })).code).toBe('E_LIMIT_TEXT');
  });
});

describe('tokenizer: recover mode', () => {
  const doc = '<rss><channel><item><a>1</a></item><item><a>2</b></item><item><a>3</a></item></channel></rss>';
  it('skips the broken item to the next <item> and reports it', () => {
    const r = tokenize(doc, { recover: true });
    // The tokenizer already passed "2" on; the resync tells the handler to drop the open item.
    expect(r.events.filter((e) => e.startsWith('T:') || e.startsWith('resync'))).toEqual(['T:1', 'T:2', 'resync 2', 'T:3']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'E_TAG_MISMATCH', line: 1, column: 46 })]);
    expect(r.events.slice(-2)).toEqual(['</channel>', '</rss>']);
  });
  it('a truncated document closes what was complete, with one error', () => {
    const r = tokenize('<rss><channel><item><a>1</a></item><item><a>2', { recover: true });
    expect(r.events.filter((e) => e.startsWith('T:') || e.startsWith('resync'))).toEqual(['T:1', 'T:2', 'resync 2']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_TRUNCATED']);
    expect(r.events.slice(-2)).toEqual(['</channel>', '</rss>']);
  });
  it('an error in the last item resumes at </channel>', () => {
    const r = tokenize('<rss><channel><item><a>1</b></item></channel></rss>', { recover: true });
    expect(r.events.slice(-2)).toEqual(['</channel>', '</rss>']);
    expect(r.diagnostics).toHaveLength(1);
  });
  it('DOCTYPE and not-XML errors are never recovered', () => {
    expect(error(() => tokenize('<!DOCTYPE r [<!ENTITY a "b">]><r/>', { recover: true })).code).toBe('E_DOCTYPE');
    expect(error(() => tokenize('', { recover: true })).code).toBe('E_NOT_XML');
  });
});

describe('decodeReferences', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\'', []],
    ['&#65;&#x42;&#X43;', 'ABC', []],
    ['a&#0;b&#xD800;c&#x1F;d&#99999999;e&#x110000;f', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf', Array(5).fill('W_CHAR_REF_INVALID')],
    ['&nbsp;&copy;', '&nbsp;&copy;', ['W_ENTITY_UNDEFINED', 'W_ENTITY_UNDEFINED']],
    ['a & b &c d&', 'a & b &c d&', ['W_AMP_UNESCAPED', 'W_AMP_UNESCAPED', 'W_AMP_UNESCAPED']],
    ['&amp;amp;', '&amp;', []],
  ])('%s', (input, output, found) => {
    const seen: string[] = [];
    expect(decodeReferences(input, (code) => seen.push(code))).toBe(output);
    expect(seen).toEqual(found);
  });
  it('a million references decode in linear time', () => {
    const text = '&#65;'.repeat(1_000_000);
    expect(decodeReferences(text, () => undefined)).toBe('A'.repeat(1_000_000));
  });
});
