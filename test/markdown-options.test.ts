/** Options and the handler maps (STYLE 6): table-driven. */
import { describe, expect, it } from 'vitest';
import {
  convertHtmlToMarkdown,
  DEFAULT_HANDLERS,
  DEFAULT_SHORTCODES,
  htmlToMarkdown,
  KNOWN_SHORTCODES,
  type HtmlToMarkdownOptions,
} from '../src/normalize/markdown/index.js';

describe('htmlToMarkdown options', () => {
  it.each<[string, string, HtmlToMarkdownOptions, string]>([
    ['default hard break is two spaces', 'a<br>b', {}, 'a  \nb'],
    ['lineBreak backslash', 'a<br>b', { lineBreak: 'backslash' }, 'a\\\nb'],
    ['wpautop forced off', 'a\nb\n\nc', { wpautop: false }, 'a b c'],
    ['wpautop forced on for block content', '<!-- wp:paragraph --><p>a\nb</p><!-- /wp:paragraph -->', { wpautop: true }, 'a  \nb'],
    ['unknown shortcode dropped', 'x [my_widget id="1"] y', { keepUnknownShortcodes: false }, 'x y'],
    ['unknown shortcode kept', 'x [my_widget id="1"] y', {}, 'x [my_widget id="1"] y'],
    ['paren footnotes off', 'a((b))', { parenFootnotes: false }, 'a((b))'],
    ['embeds as html: vimeo', '[vimeo 123]', { embeds: 'html' }, '<iframe src="https://player.vimeo.com/video/123" width="560" height="315" frameborder="0" allowfullscreen></iframe>'],
    ['attachment lookup as a function', '[gallery ids="3"]', { attachments: (id) => (id === 3 ? { url: 'https://e.com/3.png', alt: 'three' } : undefined) }, '![three](https://e.com/3.png)'],
    ['element handler override', '<p>Hi <mark>there</mark></p>', { handlers: { mark: (el, ctx) => `==${ctx.children(el)}==` } }, 'Hi ==there=='],
    ['element handler for a new tag', '<x-note>n</x-note>', { handlers: { 'x-note': (el, ctx) => ctx.block(`> NOTE: ${ctx.toLine(ctx.children(el))}`) } }, '> NOTE: n'],
    ['shortcode handler override (to a Hugo shortcode)', '[youtube abc]', { shortcodes: { youtube: (sc, ctx) => ctx.raw(`{{< youtube ${sc.positional[0] ?? ''} >}}`) } }, '{{< youtube abc >}}'],
    ['shortcode handler for a new name', '[note]careful[/note]', { shortcodes: { note: (sc) => `<blockquote>${sc.content ?? ''}</blockquote>` } }, '> careful'],
    ['a handler keyed __proto__ is an ordinary entry', '<p>x</p>', { handlers: JSON.parse('{"__proto__": 1}') as Record<string, never> }, 'x'],
  ])('%s', (_name, input, options, expected) => {
    expect(htmlToMarkdown(input, options)).toBe(expected);
  });

  it('does not mutate the options or the default maps', () => {
    const options: HtmlToMarkdownOptions = { handlers: { b: (el, ctx) => ctx.children(el) }, embeds: 'html' };
    const frozen = Object.freeze({ ...options });
    const before = [DEFAULT_HANDLERS.size, DEFAULT_SHORTCODES.size];
    expect(htmlToMarkdown('<b>x</b>', frozen)).toBe('x');
    expect([DEFAULT_HANDLERS.size, DEFAULT_SHORTCODES.size]).toEqual(before);
    expect(htmlToMarkdown('<b>x</b>')).toBe('**x**');
  });

  it('tags that look like object keys fall back safely', () => {
    expect(htmlToMarkdown('<constructor>a</constructor><toString>b</toString><__proto__>c</__proto__>')).toBe('ab<\\_\\_proto\\_\\_>c');
  });

  it('lists known shortcodes', () => {
    for (const n of ['caption', 'gallery', 'embed', 'youtube', 'code', 'sourcecode', 'audio', 'video']) expect(KNOWN_SHORTCODES).toContain(n);
  });
});

describe('convertHtmlToMarkdown findings', () => {
  it.each<[string, string, string[], string[]]>([
    ['unknown shortcode, once per name', '[a_b x="1"] [a_b x="2"] [c-d]', ['W_MD_UNKNOWN_SHORTCODE', 'W_MD_UNKNOWN_SHORTCODE'], ['a_b', 'c-d']],
    ['gallery without attachments', '[gallery ids="1,2"]', ['W_MD_GALLERY_UNRESOLVED'], []],
    ['invalid block JSON', '<!-- wp:image {"id":} --><p>x</p>', ['W_MD_BLOCK_JSON'], []],
    ['complex table', '<table><tr><td colspan="2">x</td></tr></table>', ['I_MD_TABLE_HTML'], []],
    ['media without a source', '[audio]', ['W_MD_MEDIA_NO_SOURCE'], []],
    ['prose in brackets is not a shortcode', 'See [this] and [that](x) and [sic].', [], []],
  ])('%s', (_name, input, codes, shortcodes) => {
    const r = convertHtmlToMarkdown(input, { itemId: 7 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
    expect(r.shortcodes).toEqual(shortcodes);
    for (const d of r.diagnostics) expect(d.itemId).toBe(7);
  });
});

describe('internal placeholders cannot be forged', () => {
  it('shows <wxr-ph> in the input as text', () => {
    const out = htmlToMarkdown('[code]secret[/code] <wxr-ph data-i="0"></wxr-ph> <wxr-fn>x</wxr-fn>');
    expect(out).toBe('```\nsecret\n```\n\n\\<wxr-ph data-i="0">\\</wxr-ph> \\<wxr-fn>x\\</wxr-fn>');
  });

  it('also in upper or mixed case (tag names are case-insensitive)', () => {
    const out = htmlToMarkdown('[code]secret[/code] <WXR-PH data-i="0"></WXR-PH> <Wxr-fn>x</Wxr-fn>');
    expect(out.match(/secret/g)).toHaveLength(1);
    expect(out).toContain('\\<WXR-PH data-i="0">');
    expect(out).not.toContain('[^');
  });
});
