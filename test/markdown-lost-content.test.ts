/** Content that the converter used to lose or garble (QA findings on real exports): table-driven. */
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../src/normalize/markdown/index.js';

const off = { wpautop: false } as const;

describe('text written directly inside <ul>/<ol> is kept', () => {
  it.each<[string, string, string]>([
    ['text only, no items (fr-bitcoinfrance)', '<ol>1/ first\n2/ second</ol>', '1/ first 2/ second'],
    ['text before the first item becomes a paragraph ahead of the list', '<ul>stray<li>item</li></ul>', 'stray\n\n- item'],
    ['text after an item joins that item', '<ul><li>item</li>more</ul>', '- item\n\n  more'],
    ['both sides', '<ul>stray<li>item</li>more</ul>', 'stray\n\n- item\n\n  more'],
    ['text and a link stay one paragraph (zh-nourlcn)', '<ul>本文地址：<a href="http://x.net/a">here</a></ul>', '本文地址：[here](http://x.net/a)'],
    ['an unclosed list swallows what follows (wxr11-mariusv)', '<ul><li>a</li><li>b</li><strong>Title</strong><p>Para</p>', '- a\n\n- b\n\n  **Title**\n\n  Para'],
    ['a nested list written directly inside the list stays tight', '<ul><li>a</li><ul><li>n</li></ul><li>b</li></ul>', '- a\n  - n\n- b'],
    ['whitespace between items adds nothing', '<ol>\n <li>a</li>\n <li>b</li>\n</ol>', '1. a\n2. b'],
    ['numbered text before an ordered list is escaped', '<ol>1. x<li>y</li></ol>', '1\\. x\n\n1. y'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('spaces at the edges of link text stay between the words', () => {
  it.each<[string, string, string]>([
    ['leading space (de-wptester)', '<p>den<a href="x"> TablePress</a> an.</p>', 'den [TablePress](x) an.'],
    ['trailing space', 'x<a href="y">z </a>w', 'x[z](y) w'],
    ['both', 'a<a href="y"> z </a>b', 'a [z](y) b'],
    ['a link of spaces only is a space', 'x<a href="y"> </a>w', 'x w'],
    ['an autolink', 'x<a href="http://a.b/"> http://a.b/ </a>w', 'x <http://a.b/> w'],
    ['a no-break space stays outside too', 'a<a href="u">\u00a0b</a>', 'a\u00a0[b](u)'],
    ['a space inside bold inside a link', '<a href="u"><strong>bold </strong></a>x', '[**bold**](u) x'],
    ['no spaces: unchanged', 'x<a href="y">z</a>w', 'x[z](y)w'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('a link inside a link: the innermost is the link, as a browser reads it (the inner <a> closes the outer)', () => {
  it.each<[string, string, string]>([
    ['an image link nested twice (fr-nithou)', '<a href=u><a href=u><img src=i alt=P></a></a>', '[![P](i)](u)'],
    ['an image linking to its file inside a site link (citizen-statistician 608)', '<a href="http://site/"><a href="big.jpg"><img src=small.jpg alt=P></a></a>', '[![P](small.jpg)](big.jpg)'],
    ['text in an inner link with another address', '<a href="u">see <a href="v">this</a> page</a>', 'see [this](v) page'],
    ['three deep', '<a href="u"><a href="v"><a href="w">x</a></a></a>', '[x](w)'],
    ['an outer bare anchor keeps its id', '<a name="n"><a href="v">x</a></a>', '<a id="n"></a>[x](v)'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('emphasis next to other emphasis: one delimiter run in Markdown', () => {
  it.each<[string, string, string]>([
    ['em then strong on punctuation (de-wptester)', '<p><em>Tipp</em><strong>:</strong> Text</p>', '*Tipp*<strong>:</strong> Text'],
    ['strong then em on punctuation', '<p><strong>Tipp</strong><em>:</em> Text</p>', '**Tipp**<em>:</em> Text'],
    ['em then strong between letters', '<em>a</em><strong>b</strong>', '*a***b**'],
    ['strong around em inside a word', 'a<strong><em>x</em></strong>b', 'a***x***b'],
    ['a pair that turns to HTML changes its neighbour', 'x<strong><em>b.</em>c</strong>', 'x<strong><em>b.</em>c</strong>'],
    ['strike next to emphasis is punctuation to it', '<del>a</del><em>b</em>', '~~a~~*b*'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('link targets (heading, paragraph and anchor ids) are kept as <a id>', () => {
  it.each<[string, string, string]>([
    ['a heading id (de-wptester TOC): a line before the heading', '<h2 id="feature-a">Test 3</h2>', '<div id="feature-a"></div>\n\n## Test 3'],
    ['a heading id with an umlaut', '<h3 id="besondere-anwendungsfälle">Besondere</h3>', '<div id="besondere-anwendungsfälle"></div>\n\n### Besondere'],
    ['an empty heading with an id keeps the anchor', '<h2 id="x"></h2>', '<div id="x"></div>'],
    ['a heading with an id in a list item', '<ul><li><h3 id="q">Q</h3></li></ul>', '- <div id="q"></div>\n\n  ### Q'],
    ['a list id (de-wptester)', '<p>x</p><ul id="probleme"><li>a</li></ul>', 'x\n\n<div id="probleme"></div>\n\n- a'],
    ['a paragraph id (the block editor HTML anchor)', '<p id="p1">Text</p>', '<a id="p1"></a>Text'],
    ['<a name> without href', '<p><a name="top"></a>Text</p>', '<a id="top"></a>Text'],
    ['<a id> without href keeps its content', '<p><a id="n">Named</a> here</p>', '<a id="n"></a>Named here'],
    ['quotes and markup in an id are escaped', '<p id="a&quot;b<c">T</p>', '<a id="a&quot;b&lt;c"></a>T'],
    ['a link with href is only a link', '<a href="#x" id="y">t</a>', '[t](#x)'],
    ['no id: unchanged', '<h2>T</h2><p>x</p>', '## T\n\nx'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('a <pre> around a whole code shortcode is one code block', () => {
  it.each<[string, string, string]>([
    ['[sourcecode language] inside <pre> (large-dmacvicar-wpcom)', '<pre>\n[sourcecode language="ruby"]\nputs 1 &lt; 2\n[/sourcecode]\n</pre>', '```ruby\nputs 1 < 2\n```'],
    ['a language-named shortcode', '<pre>[php]echo 1;[/php]</pre>', '```php\necho 1;\n```'],
    ['the <pre> language wins', '<pre class="brush: js">[code lang="ruby"]x[/code]</pre>', '```javascript\nx\n```'],
    ['two shortcodes with text between stay as written', '<pre>[code]a[/code] and [code]b[/code]</pre>', '```\n[code]a[/code] and [code]b[/code]\n```'],
    ['brackets that are not a shortcode stay', '<pre>[drm] no space\n[/drm]</pre>', '```\n[drm] no space\n[/drm]\n```'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('<details>/<summary> stay a collapsible section', () => {
  it.each<[string, string, string]>([
    ['summary and Markdown content', '<details><summary>Spoiler <em>x</em></summary><p>Hidden <strong>b</strong></p></details>', '<details markdown="1">\n<summary>Spoiler <em>x</em></summary>\n\nHidden **b**\n\n</details>'],
    ['open, and a summary over two lines', '<details open><summary>Mehr\nlesen</summary><p>Text</p></details>', '<details markdown="1" open>\n<summary>Mehr lesen</summary>\n\nText\n\n</details>'],
    ['no summary', '<details>only</details>', '<details markdown="1">\n\nonly\n\n</details>'],
    ['in a list item', '<ul><li>x<details><summary>S</summary>t</details></li></ul>', '- x\n\n  <details markdown="1">\n  <summary>S</summary>\n\n  t\n\n  </details>'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});

describe('emphasis that a renderer would match differently is written as HTML', () => {
  it.each<[string, string, string]>([
    ['rule of 3: a run of four that closes and opens', '<p>w <strong>(<em>:</em></strong><em>,</em> w</p>', 'w <strong>(*:*</strong>*,* w'],
    ['an opener that could close an earlier run', '<p>w (<strong><em>x ya</em>(<em>(</em></strong> w</p>', 'w (<strong>*x ya*(<em>(</em></strong> w'],
    ['ordinary nesting stays Markdown', '<p><b>Hinweis:</b> Text <i>kursiv</i>, <b><i>beides</i></b>.</p>', '**Hinweis:** Text *kursiv*, ***beides***.'],
    ['emphasis inside bold inside a word', '<strong>foo<em>bar</em></strong> x', '**foo*bar*** x'],
  ])('%s', (_name, input, expected) => {
    expect(htmlToMarkdown(input, off)).toBe(expected);
  });
});
