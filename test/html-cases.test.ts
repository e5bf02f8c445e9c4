/**
 * The 25 test cases of docs/html-archives.md §6: T1–T21 on the public corpus, T22–T25 synthetic or on the
 * Readability export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive, Comment, Item } from '../src/model.js';
import { parseHtmlArchive, parseHtmlArchives } from '../src/text/html/index.js';
import { CORPUS_HTML, describeHtmlCorpus, listFiles } from './helpers/corpus.js';

const cache = new Map<string, Archive>();
function page(dir: string, options = {}): Archive {
  const key = dir + JSON.stringify(options);
  let a = cache.get(key);
  if (!a) {
    const file = listFiles(join(CORPUS_HTML, dir), '.html').find((f) => f !== 'expected.html') ?? '';
    a = parseHtmlArchive(readFileSync(join(CORPUS_HTML, dir, file), 'utf8'), options);
    cache.set(key, a);
  }
  return a;
}
const item = (a: Archive): Item => a.items[0] as Item;
const comment = (a: Archive, id: number): Comment => {
  const c = item(a).comments.find((x) => x.id === id);
  if (!c) throw new Error(`comment ${id} not found`);
  return c;
};
const codes = (a: Archive): string[] => a.diagnostics.map((d) => d.code);
const names = (i: Item, taxonomy: string): string[] => i.terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.name);
const depth = (i: Item, c: Comment): number => {
  let d = 1;
  for (let p = c.parentId; p !== null; d++) p = i.comments.find((x) => x.id === p)?.parentId ?? null;
  return d;
};

describeHtmlCorpus('html-archives.md §6 on the corpus', () => {
  it('T1 WordPress.com Clean Home: fields, sagt:, no Liken', () => {
    const a = page('de-wpcom-cleanhome-gnadlib');
    const i = item(a);
    expect(i.title).toBe('Scherenschnitt (3)');
    expect(i.author).toBe('gnaddrig');
    expect(names(i, 'category')).toEqual(['Canon Powershot S110', 'Fotografie']);
    expect(names(i, 'post_tag')).toEqual(['Abendhimmel', 'Gegenlicht', 'Silhouette']);
    expect(i.comments).toHaveLength(5);
    expect(i.comments.every((c) => c.parentId === null)).toBe(true);
    const first = i.comments[0] as Comment;
    expect(first).toMatchObject({ id: 8354, author: 'Anhora', authorUrl: 'http://anhora.wordpress.com', date: '2020-01-06T09:16:00+01:00' });
    expect(first.content.replace(/<[^>]*>/g, '')).toMatch(/^Beide Bilder sind toll!/);
    for (const c of i.comments) expect(c.content).not.toMatch(/Liken|sagt:/);
  });

  it('T2 paginated Twenty Ten: 23 of 142, previous page link, schreibt: not in authors', () => {
    const a = page('de-wpcom-twentyten-paged-grossefragen');
    const i = item(a);
    expect(i.comments).toHaveLength(23);
    expect(i.extra?.['declaredCommentCount']).toEqual(['142']);
    expect(i.extra?.['commentsPagePrev']?.[0]).toMatch(/\/comment-page-1\/#comments$/);
    expect(codes(a)).toContain('comments-partial');
    expect(comment(a, 3295)).toMatchObject({ parentId: 3278, author: 'shadow-1007', date: '2019-05-29T11:06:00+02:00' });
    for (const c of i.comments) expect(c.author).not.toMatch(/schreibt/);
  });

  it('T3 Twenty Twelve: valid datetime, pingbacks, post-author badge', () => {
    const a = page('de-wpcom-twentytwelve-gormulus');
    const i = item(a);
    expect(i.comments.filter((c) => c.type === 'comment')).toHaveLength(40);
    expect(i.comments.filter((c) => c.type === 'pingback')).toHaveLength(5);
    expect(comment(a, 154).date).toBe('2012-12-11T11:07:17+01:00');
    expect(comment(a, 157)).toMatchObject({ parentId: 156, author: 'Mathias' });
    expect(comment(a, 157).extra?.['isPostAuthor']).toEqual(['true']);
  });

  it('T4 schreibt: and a fixed +01:00 offset in August kept', () => {
    const i = item(page('de-wpcom-schreibt-insubordinant'));
    expect(i.comments.map((c) => c.author)).toEqual(['dasmanuel', 'Feli', 'keloph']);
    expect(i.comments[0]?.date).toBe('2015-08-12T08:13:16+01:00');
  });

  it('T5 year-less dates and ul.children after the closing </li>', () => {
    const a = page('en-wpcom-blog-wordpresscom');
    expect(comment(a, 411829)).toMatchObject({ parentId: 411811 });
    expect(comment(a, 411831)).toMatchObject({ parentId: 411829 });
    expect(comment(a, 411829).extra?.['parentVia']).toEqual(['sibling-children']);
    expect(comment(a, 411811).date).toMatch(/^2019-06-20T02:41:00/);
    expect(a.diagnostics.some((d) => d.code === 'comment-date-year-inferred' && d.message.includes('411811'))).toBe(true);
  });

  it('T6 Wayback with toolbar: provenance, no archive traces, un-wrapped URLs, tags once', () => {
    const a = page('wayback-de-wpcom-toolbar-nesselsetzer');
    expect(a.provenance).toEqual({
      kind: 'html',
      savedBy: 'wayback',
      url: 'http://nesselsetzer.wordpress.com/2013/12/09/rebloggt-von-gnaddrig-ad-libitum-antipoden-die-wahrheit/',
      capturedAt: '2014-01-09T03:04:03Z',
    });
    const json = JSON.stringify(a.items);
    expect(json).not.toMatch(/web\.archive\.org|captures/);
    expect(comment(a, 5220)).toMatchObject({ authorUrl: 'https://gnadlib.wordpress.com/', date: '2013-12-09T14:57:00+01:00' });
    expect(names(item(a), 'post_tag')).toEqual(['Antipoden', 'Hirngespinst', 'Kasparei', 'Theorie', 'Weltwissen']);
  });

  it('T7 Wayback without toolbar; no post date is not replaced by the capture time', () => {
    const a = page('wayback-de-zylyz-muffinrezept');
    const i = item(a);
    expect(a.provenance?.capturedAt).toBe('2016-03-30T10:12:29Z');
    expect(i.date).toBeNull();
    expect(i.comments).toHaveLength(51);
    expect(comment(a, 144).parentId).toBe(143);
    expect(comment(a, 206).parentId).toBe(144);
    expect(i.comments.some((c) => c.date === '2013-07-30T14:33:00+02:00')).toBe(true);
    for (const c of i.comments) expect(c.content).not.toMatch(/web\.archive\.org/);
  });

  it('T8 pingbacks in core HTML5; +00:00 site', () => {
    const a = page('de-twentysixteen-creativecommons');
    for (const id of [825, 827]) {
      const c = comment(a, id);
      expect(c.type).toBe('pingback');
      expect(c.date).toBeNull();
      expect(c.author).not.toBe('');
      expect(c.authorUrl).toMatch(/^https?:\/\//);
    }
    expect(comment(a, 826)).toMatchObject({ author: 'Michael Blahm', date: '2014-04-02T08:29:59+00:00' });
  });

  it('T9 core threading; published, not updated', () => {
    const a = page('en-twentyfifteen-lemire');
    expect(item(a).date).toBe('2019-08-02T15:57:41+00:00');
    expect(comment(a, 422230)).toMatchObject({ parentId: 422154, author: 'Daniel Lemire', authorUrl: 'https://lemire.me/en/' });
    expect(comment(a, 422257).parentId).toBe(422240);
  });

  it('T10 Twenty Twenty: screen-reader says glued to the name; body despite comment .entry-content', () => {
    const a = page('de-twentytwenty-child-journelles');
    const c = item(a).comments[0] as Comment;
    expect(c.author).toBe('Lena');
    expect(c.date).toBe('2022-12-20T08:42:05+01:00');
    expect(item(a).content.length).toBeGreaterThan(1000);
    expect(item(a).content).not.toContain(c.content.slice(0, 40));
  });

  it('T11 invalid post datetime rejected; teaser date ignored; depth 5', () => {
    const a = page('de-liebefeld-netzpolitik');
    expect(codes(a)).toContain('datetime-invalid');
    expect(item(a).date).toBe('2016-06-23T16:14:51+02:00');
    expect(item(a).comments).toHaveLength(74);
    expect(Math.max(...item(a).comments.map((c) => depth(item(a), c)))).toBe(5);
    expect(comment(a, 2058234).parentId).toBe(2058226);
  });

  it('T12 Genesis en-GB d/m/Y', () => {
    const a = page('en-genesis-flawlessfood');
    expect(item(a).comments).toHaveLength(24);
    expect(item(a).date).toMatch(/^2020-04-12/);
    expect(item(a).comments.some((c) => c.date?.startsWith('2020-04-14T15:00'))).toBe(true);
    expect(comment(a, 1168)).toMatchObject({ author: 'Veena Azmanov', authorUrl: 'https://veenaazmanov.com/mango-tart-parisian-flan/' });
  });

  it('T13 Thesis dt/dd; paging; abbr post date', () => {
    const a = page('en-thesis-paged-hearya');
    const i = item(a);
    expect(i.comments).toHaveLength(38);
    const c = comment(a, 1769281);
    expect(c.author).toBe('Armanox');
    expect(c.date).toMatch(/^2015-06-28T22:25:00/);
    expect(c.content.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()).toBe('Really, no Shagrath? Mustaine @ 89? And how the hell is Fred even there?');
    expect(i.extra?.['commentsPagePrev']?.[0]).toMatch(/comment-page-39/);
    expect(i.date).toBe('2006-12-04');
    expect(i.author).toBe('oz');
  });

  it('T14 Divi: unquoted attributes, separate ping list, printed post date', () => {
    const a = page('de-divi-wolfgangmichal');
    expect(item(a).comments.map((c) => [c.id, c.type])).toEqual([
      [1224, 'comment'],
      [1226, 'comment'],
      [1225, 'pingback'],
      [1337, 'pingback'],
    ]);
    expect(comment(a, 1224).date).toBe('2017-06-09T13:22:00+02:00');
    expect(item(a).date).toBe('2017-06-07T11:19:00+02:00');
  });

  it('T15 Epoch: invalid datetime, child-of parents, duplicate ids, post date', () => {
    const a = page('en-stargazer-wptavern-readability');
    expect(item(a).comments).toHaveLength(13);
    expect(codes(a)).toContain('datetime-invalid');
    expect(comment(a, 215101).date).toMatch(/^2017-03-10T00:20:00/);
    expect(comment(a, 215125)).toMatchObject({ parentId: 215114 });
    expect(comment(a, 215125).extra?.['parentVia']).toEqual(['plugin-id']);
    expect(item(a).date).toBe('2017-03-09T18:16:02-04:00');
  });

  it('T15 as a folder: the Readability export first, the saved page second; the merged post keeps the saved page\'s title, link and author', () => {
    const dir = join(CORPUS_HTML, 'en-stargazer-wptavern-readability');
    const read = (f: string) => ({ name: f, html: readFileSync(join(dir, f), 'utf8') });
    const single = item(page('en-stargazer-wptavern-readability'));
    const merged = parseHtmlArchives([read('expected.html'), read('source.html')]);
    expect(merged.items).toHaveLength(1);
    const i = merged.items[0] as Item;
    expect(i.title).toBe(single.title);
    expect(i.title).toMatch(/^Stack Overflow Jobs Data Shows ReactJS Skills/);
    expect(i).toMatchObject({ author: single.author, link: single.link, slug: single.slug });
    expect(i.author).toBe('Sarah Gooding');
    expect(i.comments.map((c) => c.id).sort()).toEqual(single.comments.map((c) => c.id).sort());
  });

  it('T16 wpDiscuz ids; paging; nested <html> in the body', () => {
    const a = page('de-wpdiscuz-paged-backenmachtgluecklich');
    expect(item(a).comments).toHaveLength(25);
    expect(comment(a, 52845).parentId).toBe(52842);
    expect(item(a).comments.some((c) => c.date === '2017-02-19T20:00:00+01:00')).toBe(true);
    expect(item(a).extra?.['commentPages']?.some((u) => /comment-page-2/.test(u))).toBe(true);
  });

  it('T17 SciLogs: @ separator, reply link before the author', () => {
    const a = page('de-scilogs-spektrum');
    expect(comment(a, 2772)).toMatchObject({ author: 'Dietmar Hilsebein', date: '2019-04-08T11:38:00+02:00' });
    for (const c of item(a).comments) expect(c.author).not.toMatch(/Antworten/);
  });

  it('T18 newest-first order kept; parents earlier in the document', () => {
    const a = page('en-total-foxyfolksy');
    const i = item(a);
    expect(i.comments).toHaveLength(80);
    expect(i.comments[0]?.id).toBe(67526);
    expect(Math.max(...i.comments.map((c) => depth(i, c)))).toBe(4);
    const pos = new Map(i.comments.map((c, k) => [c.id, k]));
    for (const c of i.comments) if (c.parentId !== null) expect(pos.get(c.parentId)).toBeLessThan(pos.get(c.id) ?? -1);
  });

  it('T19 "Uhr Uhr"', () => {
    const a = page('de-anew-uhr-uhr-papaganda');
    expect(item(a).comments[0]?.date).toBe('2016-04-19T20:55:00+02:00');
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('T20 relative dates: null without a reference, resolved with one', () => {
    const a = page('de-wpdiscuz-relative-tichy');
    const c = comment(a, 803457);
    expect(c.date).toBeNull();
    expect(c.extra?.['dateRaw']).toEqual(['50 Minuten 46 Sekunden her']);
    expect(codes(a)).toContain('comment-date-relative');
    expect(item(a).comments.filter((x) => x.parentId !== null)).toHaveLength(8);
    expect(item(a).date).toBe('2019-10-18T14:31:33+02:00');
    const b = page('de-wpdiscuz-relative-tichy', { reference: '2019-10-19T12:00:00+02:00' });
    expect(comment(b, 803457).date).toBe('2019-10-19T11:09:14+02:00');
  });

  it('T21 datetime on an <a> wins over "2 weeks ago"', () => {
    const a = page('en-pewresearch');
    expect(comment(a, 603605)).toMatchObject({ author: 'MA Sullivan', date: '2014-12-06T15:38:13+00:00' });
  });

  it('T25 the Readability export: the post, no comments, an info diagnostic', () => {
    const html = readFileSync(join(CORPUS_HTML, 'en-stargazer-wptavern-readability', 'expected.html'), 'utf8');
    const a = parseHtmlArchive(html);
    expect(a.items).toHaveLength(1);
    expect(item(a).content.length).toBeGreaterThan(1000);
    expect(item(a).comments).toEqual([]);
    expect(a.diagnostics.find((d) => d.code === 'comments-not-found')?.severity).toBe('info');
  });

  it('the Readability export and the page give the same post body text', () => {
    const text = (h: string): string =>
      h.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim();
    const fromPage = text(item(page('en-stargazer-wptavern-readability')).content);
    const html = readFileSync(join(CORPUS_HTML, 'en-stargazer-wptavern-readability', 'expected.html'), 'utf8');
    const fromExport = text(item(parseHtmlArchive(html)).content);
    const words = (s: string): string[] => s.split(' ').filter((w) => w.length > 3);
    const exportWords = words(fromExport);
    const pageWords = new Set(words(fromPage));
    const shared = exportWords.filter((w) => pageWords.has(w)).length;
    expect(shared / exportWords.length).toBeGreaterThan(0.97);
    expect(fromPage.length / fromExport.length).toBeGreaterThan(0.9);
    expect(fromPage.length / fromExport.length).toBeLessThan(1.15);
  });
});

describe('html-archives.md §6 synthetic cases', () => {
  it('T22 block theme', () => {
    const html = `<html lang="de"><body class="single postid-1"><article class="post"><h1 class="wp-block-post-title">P</h1><div class="entry-content"><p>Body</p></div></article>
<div class="wp-block-comments"><ol class="wp-block-comment-template"><li id="comment-2" class="comment depth-1"><div class="wp-block-comment-author-name"><a href="https://x.test">Ann</a></div><div class="wp-block-comment-date"><time datetime="2024-05-03T21:15:00+02:00"><a href="/p/#comment-2">3. Mai 2024</a></time></div><div class="wp-block-comment-content"><p>Hi</p></div><ol><li id="comment-3" class="comment depth-2"><div class="wp-block-comment-author-name">Bo</div><div class="wp-block-comment-date"><time datetime="2024-05-04T08:00:00+02:00">4. Mai 2024</time></div><div class="wp-block-comment-content"><p>Yo</p></div></li></ol></li></ol></div></body></html>`;
    const a = parseHtmlArchive(html);
    const cs = item(a).comments;
    expect(cs.map((c) => c.id)).toEqual([2, 3]);
    expect(cs[0]).toMatchObject({ author: 'Ann', authorUrl: 'https://x.test', date: '2024-05-03T21:15:00+02:00', content: '<p>Hi</p>', parentId: null });
    expect(cs[1]).toMatchObject({ parentId: 2, author: 'Bo', content: '<p>Yo</p>' });
  });

  it('T23 Kubrick "Says:"', () => {
    const html = `<html lang="en-US"><body class="single"><div class="post" id="post-5"><h2>Post</h2><div class="entry"><p>Body</p></div></div><ol class="commentlist"><li class="alt" id="comment-7"><cite><a href="http://b.test" rel="external nofollow">Bob</a></cite> Says:<br /><small class="commentmetadata"><a href="#comment-7" title="">May 3rd, 2008 at 10:15 am</a></small><p>Nice.</p></li></ol></body></html>`;
    const c = item(parseHtmlArchive(html, { zone: 'UTC' })).comments[0];
    expect(c).toMatchObject({ id: 7, author: 'Bob', authorUrl: 'http://b.test', content: '<p>Nice.</p>' });
    expect(c?.date).toMatch(/^2008-05-03T10:15:00(?:Z|\+00:00)$/);
  });

  it('T24 WP 1.x classic: text before the author', () => {
    const html = `<html lang="de"><body><div class="post" id="post-3"><h3 class="storytitle">T</h3><div class="storycontent"><p>Body</p></div></div><ol id="commentlist"><li id="comment-9"><p>Text</p><p><cite>Comment by <a href="http://c.test">Cleo</a> &#8212; 03.05.2012 @ <a href="#comment-9">21:15</a></cite></p></li></ol></body></html>`;
    const c = item(parseHtmlArchive(html)).comments[0];
    expect(c).toMatchObject({ id: 9, author: 'Cleo', authorUrl: 'http://c.test', date: '2012-05-03T21:15:00+02:00', content: '<p>Text</p>' });
  });

  it('T25 a comment template inside <script> is not read as comments', () => {
    const html = `<html><body class="single"><article class="post"><h1 class="entry-title">T</h1><div class="entry-content"><p>Body text</p></div></article><script type="text/template" id="comments-list"><li id="comment-5"><p>{{ text }}</p></li></script></body></html>`;
    const a = parseHtmlArchive(html);
    expect(item(a).comments).toEqual([]);
    expect(codes(a)).toContain('comments-not-found');
  });
});

/**
 * Share buttons, ad slots, forms, hidden elements, reading-time labels and subscribe boxes that plugins print
 * into the content area are not part of the post body; the post's own text stays (BODY_NOISE in profiles.ts).
 */
describeHtmlCorpus('post body without plugin noise', () => {
  const NEVER = /<svg|<input|<button|<form|Pinterest\s*[\d.]+K|atatags|dpsp-|shariff|essb_|addthis|hupso|facebook\.com\/plugins/i;
  it.each([
    { dir: 'de-scilogs-spektrum', gone: /teilen|twittern/, kept: ['“Manufacturing Consent” – die Produktion von Zustimmung', 'Beitragsbild: Titelseite der FAZ'] },
    { dir: 'de-twentytwenty-child-journelles', gone: /shariff/, kept: ['Geschenke für die Liebsten aussuchen', 'einfach hier entlang'] },
    { dir: 'de-wpdiscuz-paged-backenmachtgluecklich', gone: /WhatsApp|likes|Bei Pinterest speichern/, kept: ['ein einfacher saftiger Zitronenkuchen', 'Rührteig auf dem Blech verteilen'] },
    { dir: 'de-wpdiscuz-relative-tichy', gone: /Ads_BA_CAD2|billingCycle|Anzeige|Unterstützen Sie|social network name/, kept: ['„Peace for our time“ war 1938', 'Der euroamerikanische Abschied aus der Weltpolitik'] },
    { dir: 'en-pewresearch', gone: /Share the link|bitly/, kept: ['Unauthorized immigrants from Mexico account for two-thirds'] },
    { dir: 'en-thesis-paged-hearya', gone: /<iframe|Tweet/, kept: ['I’m not much of a metal guy these days', '100. Ray Gillen'] },
    { dir: 'fr-virtue-framablog', gone: /Temps de lecture|Share on (?:Facebook|Twitter)|pdfprnt/, kept: ['Contribuer, oui, mais comment ?', 'Griffonné le 30'] },
    { dir: 'en-wpcom-blog-wordpresscom', gone: /Email Newsletter|subscribe/, kept: ['The mission of WordPress is to democratize publishing'] },
    { dir: 'wayback-de-zylyz-muffinrezept', gone: /3\.2\.1199/, kept: ['Für Experimentierfreudige ist dieses Muffin Grundrezept', 'Mit etwas Sahne und Puderzucker'] },
    { dir: 'de-wpcom-cleanhome-gnadlib', gone: /atatags/, kept: ['Scherenschnittartige Linie von Dächern'] },
    { dir: 'en-genesis-flawlessfood', gone: /Sharing is caring|534 shares|Jump to Recipe/, kept: ['Oven-baked Italian Olive &amp; Herb Focaccia', 'Tried this recipe?'] },
    { dir: 'en-total-foxyfolksy', gone: /Share It!|Pin It!/, kept: ['granulated sugar', 'No powdered sugar needed'] },
    { dir: 'de-wpcom-schreibt-insubordinant', gone: /atatags/, kept: ['Der kleine Junge bremst abrupt vor mir ab'] },
  ])('$dir', ({ dir, gone, kept }) => {
    const body = item(page(dir)).content;
    const text = body.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|\s+/g, ' ');
    expect(body).not.toMatch(NEVER);
    expect(text).not.toMatch(gone);
    for (const k of kept) expect(text.replace(/ +/g, ' ')).toContain(k);
  });

  it('keeps a video embed (an iframe that is content)', () => {
    expect(item(page('de-wpcom-schreibt-insubordinant')).content).toContain('<iframe class="youtube-player"');
  });
});

describeHtmlCorpus('comment text on the corpus', () => {
  it('Pew: no comment starts with its "• 2 weeks ago" meta line', () => {
    const cs = item(page('en-pewresearch')).comments;
    expect(cs).toHaveLength(24);
    for (const c of cs) expect(c.content, `comment ${c.id}`).not.toMatch(/class="time"|weeks ago|^<p>\s*•/);
    expect(comment(page('en-pewresearch'), 603605).content).toMatch(/^<p>To refer to this population as “unauthorized”/);
  });
});

describeHtmlCorpus('post authors on the corpus', () => {
  // Every page: the author the page shows (null where it names none: the WordPress.com theme hides it, the
  // recipe page never prints one). Pins the fallbacks (JSON-LD, "Posted by") against false authors.
  it.each([
    ['de-anew-uhr-uhr-papaganda', 'Floyd'],
    ['de-divi-wolfgangmichal', 'Wolfgang Michal'],
    ['de-liebefeld-netzpolitik', 'Markus Reuter'],
    ['de-scilogs-spektrum', 'Henning Lobin'],
    ['de-twentysixteen-creativecommons', 'john'],
    ['de-twentytwenty-child-journelles', 'Jessie'],
    ['de-wpcom-cleanhome-gnadlib', 'gnaddrig'],
    ['de-wpcom-schreibt-insubordinant', null],
    ['de-wpcom-twentyten-paged-grossefragen', 'Michael Veeser-Dombrowski'],
    ['de-wpcom-twentytwelve-gormulus', 'Mathias'],
    ['de-wpdiscuz-paged-backenmachtgluecklich', 'Kathrin'],
    ['de-wpdiscuz-relative-tichy', 'Tomas Spahn'],
    ['en-genesis-flawlessfood', 'Kay'],
    ['en-pewresearch', 'Jens Manuel Krogstad'],
    ['en-stargazer-wptavern-readability', 'Sarah Gooding'],
    ['en-thesis-paged-hearya', 'oz'],
    ['en-total-foxyfolksy', 'Bebs'],
    ['en-twentyfifteen-lemire', 'Daniel Lemire'],
    ['en-wpcom-blog-wordpresscom', 'Andrea Middleton'],
    ['fr-virtue-framablog', 'framasoft'],
    ['wayback-de-wpcom-toolbar-nesselsetzer', 'Nesselsetzer'],
    ['wayback-de-zylyz-muffinrezept', null],
  ])('%s: %s', (dir, author) => {
    expect(item(page(dir)).author ?? null).toBe(author);
  });
});

describeHtmlCorpus('assumed zones on the corpus', () => {
  it('flawlessfood (en-GB, printed comment dates, only +00:00 meta dates): the fixed offset is reported as assumed', () => {
    const a = page('en-genesis-flawlessfood');
    expect(a.diagnostics.filter((d) => d.code === 'date-zone-assumed').map((d) => d.message)).toEqual([expect.stringMatching(/^printed dates without an offset are read at UTC\+0, the offset of article:published_time/)]);
  });
  it('foxyfolksy: every comment has its own datetime, so no note', () => {
    expect(codes(page('en-total-foxyfolksy'))).not.toContain('date-zone-assumed');
  });
});

describeHtmlCorpus('comment text details on the corpus', () => {
  it('tichy: the two comments cut off at wpDiscuz "read more" are reported', () => {
    const ids = page('de-wpdiscuz-relative-tichy').diagnostics.filter((d) => d.code === 'comment-text-truncated').map((d) => d.itemId);
    expect(ids).toEqual(expect.arrayContaining([803457, 803230]));
  });
  it('gormulus and creativecommons: pingbacks without the "Pingback:" label; an empty reblog link keeps its address', () => {
    for (const dir of ['de-wpcom-twentytwelve-gormulus', 'de-twentysixteen-creativecommons']) {
      for (const c of item(page(dir)).comments.filter((x) => x.type !== 'comment')) expect(c.content, `${dir} ${c.id}`).not.toMatch(/^(?:<p>)?\s*Pingback/i);
    }
    expect(comment(page('de-wpcom-twentytwelve-gormulus'), 160).content).toContain('>http://tobias-raff.org/2012/12/11/3550/</a>');
  });
});

describeHtmlCorpus('post dates on the corpus', () => {
  it('foxyfolksy: the recipe card\'s local time labelled +00:00 gets the page\'s +08:00 (Yoast gives 03:38:45Z)', () => {
    expect(item(page('en-total-foxyfolksy')).date).toBe('2018-01-28T11:38:45+08:00');
  });
});
