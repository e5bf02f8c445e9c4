/** Garbage in never throws: arbitrary strings and WordPress-flavoured HTML soup. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertHtmlToMarkdown, htmlToMarkdown } from '../src/normalize/markdown/index.js';

const pieces = [
  '<p>', '</p>', '<br>', '<b>', '</b>', '<em>', '</em>', '<a href="x">', '</a>', '<a>', '<img src="i.png" alt="[a]">',
  '<ul>', '<ol start="x">', '<li>', '</li>', '</ul>', '</ol>', '<table>', '<tr>', '<td rowspan="2">', '<td>', '</td>',
  '</tr>', '</table>', '<pre>', '</pre>', '<code>', '</code>', '<blockquote>', '</blockquote>', '<figure>',
  '<figcaption>', '</figcaption>', '</figure>', '<h2>', '</h2>', '<dl><dt>', '<dd>', '<iframe src="y">', '</iframe>',
  '<!--more-->', '<!-- wp:image {"id":1} -->', '<!-- wp:code {bad json} -->', '<!-- /wp:image -->', '<!--',
  '[caption id="attachment_1" caption="c"]', '[/caption]', '[gallery ids="1,x"]', '[embed]', '[/embed]', '[code]',
  '[/code]', '[sourcecode language="php"]', '[/sourcecode]', '[youtube=', '[audio:', '[video]', '[[gallery]]',
  '[ref]', '[/ref]', '((', '))', '[foo-bar x="1"]', '[/foo-bar]', '&amp;', '&lt;', '&#0;', '&nbsp;', '\u0000', '\u0002',
  '&#2;', '&#3;', '&#x5;', '&#6;', '&#7;', '&#8;', '&#16;', '<img src="i.png" alt="&#7;a&#8;">', '<a href="/" title="&#1;">',
  '\n', '\n\n', ' ', '*', '_', '`', '#', '> ', '- ', '1. ', '\\', ']', '(', 'https://www.youtube.com/watch?v=a',
  'text', 'ü', '😀', '__proto__', 'constructor',
];
const soup = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

describe('htmlToMarkdown never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof htmlToMarkdown(s)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('on WordPress-flavoured HTML soup, with and without options, leaving no internal markers', () => {
    fc.assert(
      fc.property(soup, fc.boolean(), (s, html) => {
        const r = convertHtmlToMarkdown(s, {
          embeds: html ? 'html' : 'link',
          captions: html ? 'figure' : 'italic',
          attachments: new Map([[1, { url: 'https://e.com/1.jpg', alt: 'one' }]]),
          wpautop: html ? 'auto' : true,
        });
        expect(typeof r.markdown).toBe('string');
        expect(r.markdown).not.toMatch(/[\u0000-\u0008\u000e-\u0011]/);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  // Numeric references that decode to the control characters used as internal markers must not act as
  // markers: they used to copy another block or raw text into the output, or make bold from nothing.
  it.each([
    ['<blockquote>secret</blockquote><p>a&#2;0&#3;b</p>', '> secret\n\na\ufffd0\ufffdb'],
    ['<p>x &#5;0&#6; y <code>k</code></p>', 'x \ufffd0\ufffd y `k`'],
    ['<img src="i.png" alt="x&#7;y&#8;z">', '![x\ufffdy\ufffdz](i.png)'],
    ['<p>a&#x2;0&#x03;b</p>', 'a\ufffd0\ufffdb'],
  ])('a character reference to a marker character is not a marker: %s', (html, markdown) => {
    expect(htmlToMarkdown(html)).toBe(markdown);
  });

  it('on non-string input passed from untyped JavaScript', () => {
    expect(htmlToMarkdown(undefined as unknown as string)).toBe('');
    expect(htmlToMarkdown(42 as unknown as string)).toBe('');
  });
});
