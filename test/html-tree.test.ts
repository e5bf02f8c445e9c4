import { describe, expect, it } from 'vitest';
import { descendants, parseHtml } from '../src/text/html/dom.js';
import { innerHtml } from '../src/text/html/serialize.js';

/** Body HTML of a page as the reader sees it. */
function body(html: string): string {
  const doc = parseHtml(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const el = descendants(doc).find((e) => e.name === 'body');
  return el ? innerHtml(el, () => false, null) : '(no body)';
}

// Expected trees are what a browser builds (recorded with the WHATWG reference parser parse5 7.3).
const CASES: Array<[string, string, string]> = [
  ['em across </p> is reopened in the next paragraph', '<p>a <em>b</p> <p>c</em> d</p>', '<p>a <em>b</em></p><em> </em><p><em>c</em> d</p>'],
  ['a link wrapping blocks (wp-embed)', '<div><a href="u" class="l"></p><div>card</div><p></a></p></div>', '<div><a href="u" class="l"><p></p><div>card</div></a><p><a href="u" class="l"></a></p></div>'],
  ['early </li> inside a nested list is ignored', '<ol><li id="li-comment-1">one<ul class="children"></li><li id="li-comment-2">two</li></ul></li></ol>', '<ol><li id="li-comment-1">one<ul class="children"><li id="li-comment-2">two</li></ul></li></ol>'],
  ['stray nested <html> and <body> are merged away', '<div id="x"><html lang="de"><body class="b"><p>t</p></body></html></div>', '<div id="x"><p>t</p></div>'],
  ['<li> closes an open <p> and <li>', '<ul><li>a<p>b<li>c</ul>', '<ul><li>a<p>b</p></li><li>c</li></ul>'],
  ['a inside a closes the first link', '<p><a href="1">x<a href="2">y</a></p>', '<p><a href="1">x</a><a href="2">y</a></p>'],
  ['table rows get a tbody', '<table><tr><td>a<td>b<tr><td>c</table>', '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>'],
  ['block closes p with open inline', '<p><b>x<div>y</div>z</b></p>', '<p><b>x</b></p><div><b>y</b></div><b>z</b><p></p>'],
  ['content after </body> stays in the body', '<p>a</p></body><p>b</p></html><!--c-->', '<p>a</p><p>b</p>'],
  ['svg self-closing', '<p><svg viewBox="0 0 1 1"><path d="M0"/><circle r="1"/></svg>t</p>', '<p><svg viewBox="0 0 1 1"><path d="M0"></path><circle r="1"></circle></svg>t</p>'],
  ['headings close each other', '<h2>a<h3>b</h3>', '<h2>a</h2><h3>b</h3>'],
  ['dd and dt close each other', '<dl><dt>a<dd>b<dt>c</dl>', '<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>'],
];

describe('html tree: elements land where a browser puts them', () => {
  it.each(CASES)('%s', (_name, html, expected) => {
    expect(body(html)).toBe(expected);
  });

  it('implies html, head and body for a bare fragment, and keeps the page language from a stray <html>', () => {
    const doc = parseHtml('<title>t</title><p>x</p><html lang="de">');
    const names = descendants(doc).map((e) => e.name);
    expect(names).toEqual(['html', 'head', 'title', 'body', 'p']);
    expect(descendants(doc)[0]?.attribs.lang).toBe('de');
  });

  it('drops the newline right after <pre> and turns CRLF into LF', () => {
    expect(body('<pre>\r\na\r\nb</pre>')).toBe('<pre>a\nb</pre>');
  });
});
