import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripIllegalXmlChars, toWxr, wxrDate } from '../src/emit/wxr.js';
import type { Archive, Comment, Item } from '../src/model.js';

const comment = (over: Partial<Comment> = {}): Comment => ({
  id: 1, parentId: null, author: 'Max', authorEmail: '', authorUrl: '', authorIp: '', userId: null,
  date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z', content: 'Hallo', approved: '1', type: 'comment', meta: [], ...over,
});

const item = (over: Partial<Item> = {}): Item => ({
  id: 7, type: 'post', status: 'publish', title: 'Titel', slug: 'titel', link: 'https://example.org/?p=7', guid: 'https://example.org/?p=7',
  author: 'jens', date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z', modified: null, modifiedGmt: null,
  content: '<p>Text</p>', excerpt: '', parentId: null, menuOrder: 0, commentStatus: 'open', pingStatus: 'open', password: '',
  sticky: false, attachmentUrl: null, terms: [{ taxonomy: 'category', slug: 'kunden', name: 'Kunden' }], meta: [], comments: [comment()], ...over,
});

const archive = (items: Item[], over: Partial<Archive> = {}): Archive => ({
  site: { title: 'Blog', link: 'https://example.org', description: '', language: 'de-DE', wxrVersion: '1.2', baseSiteUrl: 'https://example.org', baseBlogUrl: 'https://example.org', generator: '', exportedAt: null },
  authors: [], terms: [], items, diagnostics: [], ...over,
});

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, cdataPropName: '#cdata', isArray: (name) => ['item', 'wp:comment', 'wp:author', 'wp:category', 'wp:tag', 'wp:term', 'category', 'wp:postmeta'].includes(name) });

describe('toWxr: what the document contains', () => {
  const xml = toWxr(archive([item({ comments: [comment(), comment({ id: 2, parentId: 1, userId: 3 })] })], { provenance: { kind: 'html' } }));
  const doc = parser.parse(xml);
  const channel = doc.rss.channel;

  it('is well-formed WXR 1.2 with the standard namespaces', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
    for (const [p, uri] of [['wp', 'http://wordpress.org/export/1.2/'], ['excerpt', 'http://wordpress.org/export/1.2/excerpt/'], ['content', 'http://purl.org/rss/1.0/modules/content/'], ['dc', 'http://purl.org/dc/elements/1.1/'], ['wfw', 'http://wellformedweb.org/CommentAPI/']]) {
      expect(doc.rss[`@_xmlns:${p}`]).toBe(uri);
    }
    expect(channel['wp:wxr_version']).toBe('1.2');
    expect(channel['wp:base_site_url']).toBe('https://example.org');
  });

  it('declares the authors and terms the items use', () => {
    expect(channel['wp:author'][0]['wp:author_login']['#cdata']).toBe('jens');
    expect(channel['wp:category'][0]['wp:category_nicename']['#cdata']).toBe('kunden');
    expect(channel['wp:category'][0]['wp:cat_name']['#cdata']).toBe('Kunden');
  });

  it('keeps the lists of an archive read from WXR as they are, and its version label', () => {
    const fromWxr = parser.parse(toWxr(archive([item()], { site: { ...archive([]).site, wxrVersion: '1.0' } }))).rss.channel;
    expect(fromWxr['wp:author']).toBeUndefined();
    expect(fromWxr['wp:category']).toBeUndefined();
    expect(fromWxr['wp:wxr_version']).toBe('1.0');
    expect(parser.parse(toWxr(archive([], { site: { ...archive([]).site, wxrVersion: 'abc' } }))).rss.channel['wp:wxr_version']).toBe('1.2');
  });

  it('writes dates as WXR local/GMT pairs and threads as comment_parent', () => {
    const it0 = channel.item[0];
    expect(it0['wp:post_date']['#cdata']).toBe('2012-05-03 21:15:00');
    expect(it0['wp:post_date_gmt']['#cdata']).toBe('2012-05-03 19:15:00');
    expect(it0.pubDate).toBe('Thu, 03 May 2012 19:15:00 +0000');
    expect(it0['wp:comment'].map((c: Record<string, string>) => [c['wp:comment_id'], c['wp:comment_parent'], c['wp:comment_user_id']])).toEqual([['1', '0', '0'], ['2', '1', '3']]);
    expect(it0.category[0]).toMatchObject({ '@_domain': 'category', '@_nicename': 'kunden' });
  });
});

describe('toWxr: extra elements', () => {
  it('writes an element the reader kept whole (with attributes) as it is, not wrapped in itself', () => {
    const enclosure = '<enclosure url="https://example.org/e1.mp3?a=1&amp;b=2" length="123" type="audio/mpeg"/>';
    const link = '<atom:link href="https://example.org/feed/" rel="self" type="application/rss+xml"/>';
    const nested = '<media:content url="https://example.org/a.jpg"><media:title>A</media:title></media:content>';
    const plain = '<b>x</b>';
    const xml = toWxr(archive([item({ extra: Object.assign(Object.create(null), { enclosure: [enclosure], 'atom:link': [link], 'media:content': [nested], wrapper: [plain] }) })]));
    expect(xml).toContain(`\t\t${enclosure}\n`);
    expect(xml).toContain('<atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://example.org/feed/"');
    expect(xml).toMatch(/<media:content xmlns:media="[^"]+" url="https:\/\/example\.org\/a\.jpg"><media:title>A<\/media:title><\/media:content>/);
    expect(xml).toContain('<wrapper><b>x</b></wrapper>');
    expect(xml).not.toContain('<enclosure><enclosure');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('toWxr: escaping', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['CDATA end inside content', 'a ]]> b ]]]]> c'],
    ['control characters', 'a\u0000b\u0008c\u001fd\uffffe\ud800f'],
    ['carriage returns', 'line\r\nline\rline'],
    ['markup and entities', '<p>&amp; &#8220;x&#8221; <b>b</b></p>'],
    ['ends with ]', 'value]'],
  ];
  it.each(cases)('%s stays well-formed and readable', (_name, content) => {
    const xml = toWxr(archive([item({ content, title: content, excerpt: content, meta: [{ key: 'k', value: content }], comments: [comment({ content, author: content, authorUrl: content })] })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const read = parser.parse(xml).rss.channel.item[0];
    const expected = stripIllegalXmlChars(content).replace(/\r\n?/g, '\n');
    const joined = (v: unknown): string => (Array.isArray(v) ? v.join('') : typeof v === 'object' && v !== null ? Object.values(v).flat().join('') : String(v));
    if (!/\r/.test(content)) expect(joined(read['content:encoded']['#cdata'])).toBe(expected);
  });

  it('splits ]]> as WordPress does', () => {
    expect(toWxr(archive([item({ content: 'x]]>y' })]))).toContain('<content:encoded><![CDATA[x]]]]><![CDATA[>y]]></content:encoded>');
  });

  it('writes a value with \\r as escaped character data, since CDATA cannot keep it', () => {
    expect(toWxr(archive([item({ content: 'a\r\nb]]>' })]))).toContain('<content:encoded>a&#13;\nb]]&gt;</content:encoded>');
  });

  it('strips characters XML 1.0 forbids', () => {
    expect(stripIllegalXmlChars('a\u0000\u0001\t\n\r\u0085\ud7ff\ue000\ufffd\ufffe\u{1f600}')).toBe('a\t\n\r\u0085\ud7ff\ue000\ufffd\u{1f600}');
  });

  it('property: any text in any field gives a document a strict XML parser accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, name) => {
        const xml = toWxr(archive([item({ title: text, content: text, slug: name, link: name, comments: [comment({ author: name, content: text, authorUrl: text })], terms: [{ taxonomy: name || 'x', slug: name, name: text }], extra: { 'foo:bar': [text] } })], { site: { ...archive([]).site, title: text, description: name } }));
        return XMLValidator.validate(xml) === true;
      }),
      { numRuns: 150 },
    );
  });
});

describe('wxrDate', () => {
  const cases: ReadonlyArray<readonly [string | null, string]> = [
    ['2012-05-03T21:15:00+02:00', '2012-05-03 21:15:00'],
    ['2012-05-03T19:15:00Z', '2012-05-03 19:15:00'],
    ['2012-05-03T21:15:00', '2012-05-03 21:15:00'],
    ['2012-05-03T21:15+02:00', '2012-05-03 21:15:00'],
    ['2012-05-03', '2012-05-03 00:00:00'],
    [null, '0000-00-00 00:00:00'],
    ['garbage', '0000-00-00 00:00:00'],
  ];
  it.each(cases)('%s -> %s', (iso, wxr) => expect(wxrDate(iso)).toBe(wxr));
});

describe('toWxr: extra values that look like XML', () => {
  it.each([
    ['crossed tags', '<a><b>x</a></b>'],
    ['unclosed tag', '<a>x'],
    ['stray end tag', 'x</a>'],
  ])('writes %s as text, so the document stays well-formed and the value round-trips', (_name, value) => {
    const xml = toWxr(archive([item({ extra: { 'foo:bar': [value] } })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain(`>${value}<`);
  });

  it('writes well-nested canonical child elements as XML', () => {
    const xml = toWxr(archive([item({ extra: { 'foo:bar': ['<foo:a x="1">t</foo:a><foo:b/>'] } })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<foo:a x="1">t</foo:a><foo:b/>');
  });
});
