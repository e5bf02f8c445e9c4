/**
 * Unit and property tests of the HTML-archive reader: Wayback URL un-wrapping, printed dates, savers,
 * garbage input, listing pages, flat threads, fixtures (one quirk each), and the mirror merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Archive, Item } from '../src/model.js';
import { parseHtmlArchive, parseHtmlArchives } from '../src/text/html/index.js';
import { findPrintedDate, findRelativeDate } from '../src/text/html/printed-date.js';
import { isWayback, stripWayback, timestampToIso, unwrapArchivedUrl, waybackFacts } from '../src/text/html/wayback.js';
import { saverFacts } from '../src/text/html/savers.js';
import { validIso } from '../src/text/html/dates.js';
import { FIXTURES } from './helpers/corpus.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'html', name), 'utf8');
const item = (a: Archive): Item => a.items[0] as Item;

describe('Wayback URL un-wrapping', () => {
  it.each([
    ['https://web.archive.org/web/20140109030403/http://nesselsetzer.wordpress.com/a/', 'http://nesselsetzer.wordpress.com/a/'],
    ['https://web.archive.org/web/20140109030403im_/http://x.test/b.jpg', 'http://x.test/b.jpg'],
    ['//web.archive.org/web/20140109030403cs_/https://x.test/s.css', 'https://x.test/s.css'],
    ['/web/20140109030403js_/http://x.test:80/j.js', 'http://x.test/j.js'],
    ['/web/20140109030403*/http://x.test/', 'http://x.test/'],
    ['https://web.archive.org/web/2014/http:/x.test/p', 'http://x.test/p'],
    ['https://web.archive.org/web/20130307194448/https://x.test:443/q?a=1', 'https://x.test/q?a=1'],
    ['https://example.test/web/page', 'https://example.test/web/page'],
    ['#comment-5', '#comment-5'],
  ])('%s -> %s', (input, expected) => {
    expect(unwrapArchivedUrl(input)).toBe(expected);
  });

  it('timestamps become UTC instants', () => {
    expect(timestampToIso('20140109030403')).toBe('2014-01-09T03:04:03Z');
    expect(timestampToIso('2014')).toBe('2014-01-01T00:00:00Z');
    expect(timestampToIso('x')).toBeUndefined();
  });
});

describe('printed dates', () => {
  it.each([
    ['06.01.2020 um 9:16', 'de', [2020, 1, 6, 9, 16]],
    ['9. Dezember 2013 at 14:57', 'de', [2013, 12, 9, 14, 57]],
    ['Juli 30, 2013 um 2:33 pm', 'de', [2013, 7, 30, 14, 33]],
    ['Jun 20th at 2:41 am', 'en', [null, 6, 20, 2, 41]],
    ['14/04/2020 at 3:00 pm', 'en-GB', [2020, 4, 14, 15, 0]],
    ['04/14/2020 at 3:00 pm', 'en-US', [2020, 4, 14, 15, 0]],
    ['8. April 2019 @ 11:38', 'de', [2019, 4, 8, 11, 38]],
    ['19.04.2016 um 20:55 Uhr Uhr', 'de', [2016, 4, 19, 20, 55]],
    ['am 9. Juni 2017 um 13:22', 'de', [2017, 6, 9, 13, 22]],
    ['Mathias Autor11. Dezember 2012 um 13:19', 'de', [2012, 12, 11, 13, 19]],
    ['March 10, 2017 at 12:20 AM', 'en-US', [2017, 3, 10, 0, 20]],
    ['2 décembre 2017', 'fr', [2017, 12, 2, 0, 0]],
    ['Fr, 18. Oktober 2019', 'de', [2019, 10, 18, 0, 0]],
  ])('%s (%s)', (text, lang, [y, mo, d, h, mi]) => {
    expect(findPrintedDate(text, lang)).toMatchObject({ year: y, month: mo, day: d, hour: h, minute: mi });
  });

  it.each(['', 'Antworten', '31.02.2019', 'comment-page-2', '5 Kommentare', 'Maier 3'])('no date in %j', (text) => {
    expect(findPrintedDate(text, 'de')).toBeNull();
  });

  it.each([
    ['50 Minuten 46 Sekunden her', 50 * 60_000 + 46_000],
    ['vor 3 Tagen', 3 * 86_400_000],
    ['2 weeks ago', 14 * 86_400_000],
    ['1 Stunde 51 Minuten her', 111 * 60_000],
  ])('relative %s', (text, ms) => {
    expect(findRelativeDate(text)?.agoMs).toBe(ms);
  });

  it('machine dates are accepted only as valid ISO 8601 with an offset', () => {
    expect(validIso('2019-08-05T13:46:09+00:00')).toBe('2019-08-05T13:46:09+00:00');
    expect(validIso('2006-12-04')).toBe('2006-12-04');
    for (const bad of ['comment_date', '23. Juni 2016', '2019-13-01', '2019-08-05T13:46:09', '']) expect(validIso(bad)).toBeNull();
  });
});

describe('savers and captures', () => {
  it('a Wayback capture: stripped, provenance, URLs and relative dates', () => {
    const html = fixture('wayback-capture.html');
    expect(isWayback(html)).toBe(true);
    expect(waybackFacts(html)).toEqual({ url: 'http://blog.test/2013/07/post/', capturedAt: '2016-03-30T10:12:29Z' });
    expect(stripWayback(html)).not.toMatch(/wm-ipp|analytics\.js|FILE ARCHIVED|playback timings/);
    const a = parseHtmlArchive(html);
    expect(a.provenance).toEqual({ kind: 'html', savedBy: 'wayback', url: 'http://blog.test/2013/07/post/', capturedAt: '2016-03-30T10:12:29Z' });
    expect(JSON.stringify(a.items)).not.toMatch(/web\.archive\.org|\/web\/2016|captures/);
    expect(item(a).link).toBe('http://blog.test/2013/07/post/');
    expect(item(a).content).toContain('src="http://blog.test/bild.jpg"');
    expect(item(a).content).toContain('srcset="http://blog.test/bild-2x.jpg 2x"');
    const c = item(a).comments[0];
    expect(c).toMatchObject({ id: 5, author: 'Gast', authorUrl: 'http://gast.test/', content: '<p>Schön.</p>' });
    // "vor 3 Tagen" against the capture time, never the capture time itself
    expect(c?.date?.slice(0, 10)).toBe('2016-03-27');
    expect(item(a).date).toBeNull();
  });

  it('HTTrack and browser-save markers give the original URL', () => {
    expect(saverFacts(fixture('httrack-mirror.html'))).toEqual({ savedBy: 'httrack', url: 'http://blog.test/2012/05/03/post/' });
    expect(saverFacts('<!-- saved from url=(0031)https://blog.test/2012/05/post/ -->\n<html>')).toEqual({ savedBy: 'browser', url: 'https://blog.test/2012/05/post/' });
    expect(saverFacts('<html><body>x</body></html>')).toBeNull();
    const a = parseHtmlArchive(fixture('httrack-mirror.html'));
    expect(a.provenance).toEqual({ kind: 'html', savedBy: 'httrack', url: 'http://blog.test/2012/05/03/post/' });
  });
});

describe('quirk fixtures', () => {
  it('ul.children after a closed </li>: parents from the preceding li, depth 3', () => {
    const a = parseHtmlArchive(fixture('sibling-children-after-closed-li.html'));
    const parents = item(a).comments.map((c) => [c.id, c.parentId, c.extra?.['parentVia']?.[0]]);
    expect(parents).toEqual([
      [1, null, 'none'],
      [2, 1, 'sibling-children'],
      [3, 2, 'sibling-children'],
      [4, null, 'none'],
    ]);
    expect(item(a).comments[0]).toMatchObject({ author: 'Ann', authorUrl: 'https://a.test/', content: '<p>First.</p>' });
  });

  it('a flat thread gets @Name parents (and only there)', () => {
    const a = parseHtmlArchive(fixture('flat-mentions.html'));
    expect(item(a).comments.map((c) => [c.id, c.parentId, c.extra?.['parentVia']?.[0]])).toEqual([
      [11, null, 'none'],
      [12, 11, 'mention'],
    ]);
  });

  it('pingbacks without a comment id (Twenty Ten) are reported, not invented', () => {
    const html = `<html><body class="single postid-2"><article class="post"><h1 class="entry-title">T</h1><div class="entry-content"><p>x</p></div></article><ol class="commentlist"><li class="post pingback"><p>Pingback: <a href="https://p.test/">Other</a></p></li><li class="comment" id="li-comment-4"><div id="comment-4"><cite class="fn">Al</cite><div class="comment-body"><p>Hi</p></div></div></li></ol></body></html>`;
    const a = parseHtmlArchive(html);
    expect(item(a).comments.map((c) => c.id)).toEqual([4]);
    expect(a.diagnostics.find((d) => d.code === 'pingback-without-id')?.message).toMatch(/^1 pingback/);
  });

  it('a listing page: skipped with an info diagnostic, no throw', () => {
    const a = parseHtmlArchive(fixture('listing-page.html'));
    expect(a.items).toEqual([]);
    expect(a.diagnostics.find((d) => d.code === 'html-listing-page')?.severity).toBe('info');
  });

  it('a page without comments: the post, no comments, comments-not-found', () => {
    const a = parseHtmlArchive(fixture('httrack-mirror.html'));
    expect(item(a)).toMatchObject({ id: 3, title: 'Post', comments: [] });
    expect(a.diagnostics.map((d) => d.code)).toContain('comments-not-found');
  });
});

describe('garbage never throws', () => {
  it.each([
    ['empty', ''],
    ['text', 'just some words'],
    ['binary-ish', '\u0000\u0001<<<>>>&&&\uffff'],
    ['broken tags', '<html><body><li id="comment-x"><p>unclosed <div id="comment-" <a href='],
    ['deep nesting', '<div>'.repeat(5000) + 'x'],
    ['deep replies', '<ol>' + Array.from({ length: 300 }, (_, i) => `<li id="comment-${i + 1}"><cite class="fn">N${i}</cite><ul class="children">`).join('') + '</ol>'],
  ])('%s', (_name, html) => {
    const a = parseHtmlArchive(html);
    expect(Array.isArray(a.items)).toBe(true);
    expect(Array.isArray(a.diagnostics)).toBe(true);
    // the reader catches its own failures as `html-unreadable`: that would be a crash, not garbage handled
    expect(a.diagnostics.map((d) => d.code)).not.toContain('html-unreadable');
  });

  it('garbage gives a clear diagnostic', () => {
    const a = parseHtmlArchive('just some words');
    expect(a.items).toEqual([]);
    expect(a.diagnostics.map((d) => d.code)).toContain('html-not-a-post');
  });

  it('non-string input is treated as empty', () => {
    expect(parseHtmlArchive(undefined as unknown as string).items).toEqual([]);
  });

  it('deep reply chains are threaded without recursion limits (up to the tree depth limit)', () => {
    // 250 replies nest 500 elements (li + ul each): inside the builder's 512-level limit, so fully threaded.
    const html = '<html><body class="single"><ol>' + Array.from({ length: 250 }, (_, i) => `<li id="comment-${i + 1}"><cite class="fn">N${i}</cite><p>t</p><ul class="children">`).join('') + '</ol></body></html>';
    const a = parseHtmlArchive(html);
    const cs = item(a).comments;
    expect(cs).toHaveLength(250);
    expect(cs[249]?.parentId).toBe(249);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('html-depth-limit');
  });

  it('arbitrary strings never throw (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const a = parseHtmlArchive(s);
        return Array.isArray(a.items) && a.items.length <= 1 && !a.diagnostics.some((d) => d.code === 'html-unreadable');
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary markup soup never throws (fast-check)', () => {
    const piece = fc.constantFrom('<li id="comment-1">', '<li id="comment-2" class="depth-2">', '</li>', '<ul class="children">', '</ul>', '<time datetime="x">', '3. Mai 2012 um 21:15', '<cite class="fn">A</cite>', '<div class="entry-content">', '</div>', 'sagt:', '<script>', '<!--', 'web.archive.org/web/2014/', '<a href="/web/1/x">');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const a = parseHtmlArchive(parts.join(''));
        return a.items.every((i) => i.comments.every((c) => Number.isSafeInteger(c.id))) && !a.diagnostics.some((d) => d.code === 'html-unreadable');
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseHtmlArchives (a mirrored site)', () => {
  it('merges a post and its comment page, de-duplicates comments, skips listings', () => {
    const a = parseHtmlArchives([
      { name: 'flach/index.html', html: fixture('flat-mentions.html') },
      { name: 'flach/comment-page-2/index.html', html: fixture('comment-page-2.html') },
      { name: 'page/2/index.html', html: fixture('listing-page.html') },
      { name: 'post/index.html', html: fixture('httrack-mirror.html') },
    ]);
    expect(a.items.map((i) => i.id)).toEqual([9, 3]);
    expect(a.items[0]?.comments.map((c) => c.id)).toEqual([11, 12, 13]);
    expect(a.diagnostics.find((d) => d.code === 'html-listing-page')?.file).toBe('page/2/index.html');
    expect(a.diagnostics.map((d) => d.code)).toContain('comment-page-merged');
  });

  it('fills what the first page of a post lacks from a later page, and orders merged comments by instant across offsets', () => {
    const post = (title: string, author: string, comments: string) => `<html><body><article id="post-7" class="post"><h1 class="entry-title">${title}</h1>${author}<div class="entry-content"><p>Text</p></div></article><ol class="commentlist">${comments}</ol></body></html>`;
    const comment = (id: number, who: string, iso: string) => `<li id="comment-${id}" class="comment"><article class="comment-body"><cite class="fn">${who}</cite><time datetime="${iso}">x</time><div class="comment-content"><p>Hallo ${id}</p></div></article></li>`;
    const a = parseHtmlArchives([
      { name: 'a.html', html: post('', '', comment(21, 'Bea', '2012-05-03T22:30:00+02:00')) },
      { name: 'b.html', html: post('Der Titel', '<span class="author vcard"><a class="url fn n" href="/author/max/">Max</a></span>', comment(20, 'Ada', '2012-05-03T21:00:00Z')) },
    ]);
    expect(a.items).toHaveLength(1);
    expect(a.items[0]).toMatchObject({ id: 7, title: 'Der Titel', author: 'Max' });
    // 22:30+02:00 is 20:30Z, before 21:00Z: as text the +02:00 date sorts after.
    expect(a.items[0]?.comments.map((c) => c.id)).toEqual([21, 20]);
  });

  it('takes any list (even a bad one) without throwing', () => {
    expect(parseHtmlArchives([]).items).toEqual([]);
    expect(parseHtmlArchives(null as unknown as []).items).toEqual([]);
    expect(parseHtmlArchives([{ name: 'x', html: 5 as unknown as string }]).items).toEqual([]);
  });
});

describe('comment text without the element its date was read from', () => {
  const page = (li: string): string =>
    `<html lang="en-US"><body class="single postid-1"><article class="post"><h1 class="entry-title">T</h1><div class="entry-content"><p>Body</p></div></article><ol class="commentlist">${li}</ol></body></html>`;
  it.each([
    {
      name: 'a meta paragraph with a bullet and a dated link (Pew)',
      li: '<li id="comment-5" class="comment"><div class="comment-body"><span class="fn">Ann</span><p> • <a href="#comment-5" class="time" datetime="2014-12-06T15:38:13+00:00">2 weeks ago</a> </p><p>Real text.</p></div></li>',
      content: '<p>Real text.</p>',
      date: '2014-12-06T15:38:13+00:00',
    },
    {
      name: 'a printed date in a paragraph of its own',
      li: '<li id="comment-6" class="comment"><div class="comment-body"><cite class="fn">Bo</cite><p><span class="date">May 3, 2012 at 9:15 pm</span> |</p><p>Hello.</p></div></li>',
      content: '<p>Hello.</p>',
      date: '2012-05-03T21:15:00+00:00',
    },
    {
      name: 'a paragraph with the date and words keeps the words',
      li: '<li id="comment-7" class="comment"><div class="comment-body"><cite class="fn">Cy</cite><p><time datetime="2012-05-03T21:15:00Z">May 3</time> Yes, me too.</p></div></li>',
      content: '<p> Yes, me too.</p>',
      date: '2012-05-03T21:15:00Z',
    },
    {
      name: 'a comment that is only punctuation stays',
      li: '<li id="comment-8" class="comment"><div class="comment-meta"><cite class="fn">Di</cite> <time datetime="2012-05-03T21:15:00Z">May 3</time></div><div class="comment-content"><p>:-)</p></div></li>',
      content: '<p>:-)</p>',
      date: '2012-05-03T21:15:00Z',
    },
  ])('$name', ({ li, content, date }) => {
    const c = item(parseHtmlArchive(page(li), { zone: 'UTC' })).comments[0];
    expect(c?.content).toBe(content);
    expect(c?.date).toBe(date);
  });
});

describe('post author when the post container names none', () => {
  const page = (head: string, meta: string): string =>
    `<html lang="de"><head>${head}</head><body class="single postid-1"><div class="post hentry"><div class="post-info"><h2 class="post-title">Rebloggt von Anna: Titel</h2>${meta}</div><div class="entry"><p>Body text.</p></div></div></body></html>`;
  const graph = (author: string): string =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"WebPage","author":${author}},{"@type":["Person"],"@id":"https://x.test/#p1","name":"Floyd"}]}</script>`;
  it.each([
    { name: 'JSON-LD author by @id (Yoast graph)', head: graph('{"@id":"https://x.test/#p1"}'), meta: '', author: 'Floyd' },
    { name: 'JSON-LD Article author by name', head: '<script type="application/ld+json">{"@type":"BlogPosting","author":[{"@type":"Person","name":"Kay"}]}</script>', meta: '', author: 'Kay' },
    { name: 'JSON-LD that is not JSON', head: '<script type="application/ld+json">{"@type":"BlogPosting",</script>', meta: '', author: null },
    { name: 'JSON-LD publisher only', head: '<script type="application/ld+json">{"@type":"BlogPosting","publisher":{"name":"Org"}}</script>', meta: '', author: null },
    { name: 'Posted by … under', head: '', meta: 'Posted by Nesselsetzer under <a rel="category tag" href="/c/">Fun</a>', author: 'Nesselsetzer' },
    { name: 'Von … am', head: '', meta: 'Von Max Muster am 3. Mai 2019', author: 'Max Muster' },
    { name: 'By … and a weekday', head: '', meta: 'By Jane Marshall Fr, 18. Oktober 2019', author: 'Jane Marshall' },
    { name: 'By … | date', head: '', meta: 'By Jane Doe | 2019-01-01', author: 'Jane Doe' },
    { name: 'the title\'s "von" is not an author', head: '', meta: '9. Dezember 2013', author: null },
    { name: 'no label', head: '', meta: 'Jane Doe, 3 comments', author: null },
  ])('$name', ({ head, meta, author }) => {
    expect(item(parseHtmlArchive(page(head, meta))).author ?? null).toBe(author);
  });
});

describe('zone for printed dates on pages that are not German', () => {
  const page = (head: string, postTime: string, commentDate: string): string =>
    `<html lang="en-GB"><head>${head}</head><body class="single postid-1"><article class="post"><h1 class="entry-title">T</h1>${postTime}<div class="entry-content"><p>Body</p></div></article><ol class="commentlist"><li id="comment-5" class="comment"><div class="comment-body"><cite class="fn">Ann</cite> <span class="comment-date">${commentDate}</span><p>Hi.</p></div></li></ol></body></html>`;
  const meta = '<meta property="article:published_time" content="2020-04-12T15:45:01+00:00">';
  const zoneNotes = (a: Archive): string[] => a.diagnostics.filter((d) => d.code === 'date-zone-assumed').map((d) => d.message);
  it.each([
    { name: 'a datetime offset on the page wins over the meta tag', head: meta, time: '<time class="entry-date" datetime="2020-04-12T15:45:01+01:00">12/04/2020</time>', printed: '14/04/2020 at 3:00 pm', date: '2020-04-14T15:00:00+01:00', note: /UTC\+1, the offset of a datetime attribute/ },
    { name: 'only the meta tag: its offset, said to be assumed', head: meta, time: '', printed: '14/04/2020 at 3:00 pm', date: '2020-04-14T15:00:00Z', note: /at UTC\+0, the offset of article:published_time/ },
    { name: 'nothing: UTC, said to be assumed', head: '', time: '', printed: '14/04/2020 at 3:00 pm', date: '2020-04-14T15:00:00Z', note: /read as UTC/ },
    { name: 'comments with datetime: no printed date, no note', head: meta, time: '', printed: '<time datetime="2020-04-14T15:00:00+01:00">14/04/2020 at 3:00 pm</time>', date: '2020-04-14T15:00:00+01:00', note: null },
  ])('$name', ({ head, time, printed, date, note }) => {
    const a = parseHtmlArchive(page(head, time, printed));
    expect(item(a).comments[0]?.date).toBe(date);
    if (note) expect(zoneNotes(a)).toEqual([expect.stringMatching(note)]);
    else expect(zoneNotes(a)).toEqual([]);
  });

  it('options.zone: no note', () => {
    const a = parseHtmlArchive(page(meta, '', '14/04/2020 at 3:00 pm'), { zone: 'Europe/London' });
    expect(item(a).comments[0]?.date).toBe('2020-04-14T15:00:00+01:00');
    expect(zoneNotes(a)).toEqual([]);
  });
});

describe('comment text: ping labels, empty links, cut-off text', () => {
  const page = (li: string): string =>
    `<html lang="en"><body class="single postid-1"><article class="post"><h1 class="entry-title">T</h1><div class="entry-content"><p>Body</p></div></article><ol class="commentlist">${li}</ol></body></html>`;
  it.each([
    {
      name: 'a pingback loses the theme\'s "Pingback:" label',
      li: '<li id="comment-5" class="pingback"><div class="comment-body"><p>Pingback:  <a href="http://b.test/p" class="url">Other post</a> </p></div></li>',
      content: '<p><a href="http://b.test/p" class="url">Other post</a> </p>',
    },
    {
      name: 'a trackback without a paragraph',
      li: '<li id="comment-5" class="trackback"><div class="comment-body">Trackback: <a href="http://b.test/p">Other</a></div></li>',
      content: '<a href="http://b.test/p">Other</a>',
    },
    {
      name: 'a comment that says "Pingback:" keeps it',
      li: '<li id="comment-5" class="comment"><div class="comment-body"><cite class="fn">Ann</cite><p>Why no pingback: <a href="http://b.test/p">here</a>?</p></div></li>',
      content: '<p>Why no pingback: <a href="http://b.test/p">here</a>?</p>',
    },
    {
      name: 'an empty link gets its address as text',
      li: '<li id="comment-5" class="comment"><div class="comment-body"><cite class="fn">Ann</cite><p>Reblogged this on <a href="http://t.test/1/" rel="nofollow"></a>.</p></div></li>',
      content: '<p>Reblogged this on <a href="http://t.test/1/" rel="nofollow">http://t.test/1/</a>.</p>',
    },
    {
      name: 'a link around an image stays as it is',
      li: '<li id="comment-5" class="comment"><div class="comment-body"><cite class="fn">Ann</cite><p><a href="http://t.test/i.jpg"><img src="http://t.test/i.jpg"></a></p></div></li>',
      content: '<p><a href="http://t.test/i.jpg"><img src="http://t.test/i.jpg"></a></p>',
    },
  ])('$name', ({ li, content }) => {
    expect(item(parseHtmlArchive(page(li))).comments[0]?.content).toBe(content);
  });

  it('a wpDiscuz comment cut off at "read more" gets an info diagnostic', () => {
    const li = '<div id="wc-comm-7_0" class="wc-comment"><div class="wc-comment-author">Ann</div><div class="wc-comment-text"><p>Long text<span id="wpdiscuz-readmore-7_0"><span class="wpdiscuz-hellip">…&nbsp;</span></span></p></div></div>';
    const a = parseHtmlArchive(`<html lang="de"><body class="single postid-1"><article class="post"><h1 class="entry-title">T</h1><div class="entry-content"><p>Body</p></div></article><div id="wcThreadWrapper">${li}</div></body></html>`);
    expect(a.diagnostics.filter((d) => d.code === 'comment-text-truncated')).toEqual([expect.objectContaining({ severity: 'info', itemId: 7 })]);
  });
});

describe('post date: local time labelled +00:00', () => {
  const page = (ld: string[], commentTime: string): string =>
    `<html lang="en-US"><head>${ld.map((d) => `<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"${d}"}</script>`).join('')}</head><body class="single postid-1"><article class="post"><h1 class="entry-title">T</h1><time class="updated" datetime="2018-01-28" itemprop="datePublished">January 28, 2018</time><div class="entry-content"><p>Body</p></div></article><ol class="commentlist"><li id="comment-5" class="comment"><div class="comment-body"><cite class="fn">Ann</cite> <time datetime="${commentTime}">x</time><p>Hi.</p></div></li></ol></body></html>`;
  it.each([
    { name: 'a second value confirms it: the page offset', ld: ['2018-01-28T11:38:45+00:00', '2018-01-28T03:38:45+00:00'], time: '2018-04-20T11:44:44+08:00', date: '2018-01-28T11:38:45+08:00' },
    { name: 'no second value: kept as labelled', ld: ['2018-01-28T11:38:45+00:00'], time: '2018-04-20T11:44:44+08:00', date: '2018-01-28T11:38:45+00:00' },
    { name: 'the page is UTC: kept', ld: ['2018-01-28T11:38:45+00:00', '2018-01-28T03:38:45+00:00'], time: '2018-04-20T11:44:44Z', date: '2018-01-28T11:38:45+00:00' },
    { name: 'the values agree: kept', ld: ['2018-01-28T03:38:45+00:00', '2018-01-28T11:38:45+08:00'], time: '2018-04-20T11:44:44+08:00', date: '2018-01-28T03:38:45+00:00' },
  ])('$name', ({ ld, time, date }) => {
    expect(item(parseHtmlArchive(page(ld, time))).date).toBe(date);
  });
});
