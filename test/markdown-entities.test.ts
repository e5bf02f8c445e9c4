/**
 * Character references are decoded after parsing when the input has no raw-text element
 * (convert.ts, decodeReferences), else by the parser: both must give what the parser gave.
 * The expected values are those of htmlparser2 decoding while it parses.
 */
import { describe, expect, it } from 'vitest';
import { convertHtmlToMarkdown } from '../src/normalize/markdown/index.js';

const CASES: Array<[html: string, markdown: string]> = [
  ["<p>Fish &amp; chips &lt;3 &notit; &#128; &#x1F600; &amp</p>", "Fish & chips <3 ¬it; € 😀 &"],
  ["<p><a href=\"https://e.org/?a=1&amp;b=2&c\" title=\"&quot;T&quot;\">x &gt; y</a></p>", "[x > y](https://e.org/?a=1&b=2&c \"\\\"T\\\"\")"],
  ["<p><img src='i.png?a=1&amp;b' alt='&lt;alt&gt; &amp;amp;'></p>", "![<alt> &amp;](i.png?a=1&b)"],
  ["<title>A &amp; B</title><p>C &amp; D</p>", "C & D"],
  ["<textarea>a &amp; b</textarea><p>c &amp; d</p>", "<textarea>a &amp; b</textarea>\n\nc & d"],
  ["<textarea/><p>c &amp; d</p>", "<textarea/><p>c &amp; d</p>"],
  ["<sup data-fn=\"f1\"><a href=\"#f1\">1</a></sup><textarea/><ol class=\"wp-block-footnotes\"><li id=\"f1\">n &amp; m</li></ol>", "[^1]\n\n<textarea/><ol class=\"wp-block-footnotes\"><li id=\"f1\">n &amp; m</li></ol>\n\n[^1]: n & m"],
  ["<xmp>a &amp; b</xmp>", "a &amp;amp; b"],
  ["<script>if (a &amp;&amp; b) {}</script><p>&copy; 2012</p>", "<script>if (a &amp;&amp; b) {}</script>\n\n© 2012"],
  ["<!-- a &amp; b --><p>&nbsp;x&nbsp;</p>", " x "],
];

describe('character references', () => {
  it.each(CASES)('%j', (html, markdown) => {
    expect(convertHtmlToMarkdown(html).markdown).toBe(markdown);
  });
});
