/**
 * Hostile nesting: the tree builder caps element depth at `MAX_TREE_DEPTH` (512, as Chromium) by flattening,
 * the reader reports it once as `html-depth-limit`, and pages within the limit are built exactly as before.
 * Behaviour only (no timing).
 */
import { describe, expect, it } from 'vitest';
import type { Archive, Item } from '../src/model.js';
import { descendants, type Element, parseHtml, parsePageTree } from '../src/text/html/dom.js';
import { parseHtmlArchive } from '../src/text/html/index.js';
import { innerHtml } from '../src/text/html/serialize.js';
import { MAX_TREE_DEPTH } from '../src/text/html/tree.js';

const item = (a: Archive): Item => a.items[0] as Item;
const nest = (n: number, tag = 'div'): string => `<${tag}>`.repeat(n) + 'deep' + `</${tag}>`.repeat(n);

/** Element depth: html is 1. */
function maxDepth(html: string): number {
  let max = 0;
  for (const el of descendants(parseHtml(html))) {
    let d = 0;
    for (let e: Element['parent'] = el; e && e.type !== 'root'; e = e.parent) d++;
    if (d > max) max = d;
  }
  return max;
}

const comment = (id: number, inner: string): string =>
  `<li id="comment-${id}" class="comment"><div class="comment-author vcard"><cite class="fn">N${id}</cite></div><div class="comment-content"><p>c${id}</p>${inner}</div></li>`;

function page(deepInBody: string, deepInComment: string): string {
  return `<!doctype html><html lang="en"><head><title>Deep - Blog</title></head><body class="single postid-7"><article id="post-7" class="post"><h1 class="entry-title">Deep</h1><div class="entry-content"><p>Body</p>${deepInBody}</div></article><ol class="commentlist">${comment(1, '')}${comment(2, deepInComment)}${comment(3, '')}</ol></body></html>`;
}

describe('tree depth limit', () => {
  it.each([
    ['div in body', 600, 'div', 600 - (MAX_TREE_DEPTH - 2)],
    ['span in body', 1000, 'span', 1000 - (MAX_TREE_DEPTH - 2)],
    ['exactly at the limit', MAX_TREE_DEPTH - 2, 'div', 0],
    ['legal 300 levels', 300, 'div', 0],
  ])('%s: %i nested <%s>', (_, n, tag, flattened) => {
    const html = `<body>${nest(n, tag)}<p id="after">after</p>`;
    const tree = parsePageTree(html);
    expect(tree.flattened).toBe(flattened);
    expect(maxDepth(html)).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1); // + the text-free leaf level of flattened elements
    // Content is kept and what follows the deep part is not swallowed by it.
    const after = descendants(tree.doc).find((el) => el.attribs['id'] === 'after');
    expect(after?.parent?.type === 'tag' && (after.parent as Element).name).toBe('body');
    expect(innerHtml(tree.doc, () => false, null)).toContain('deep');
  });

  it('pages within the limit are built exactly as without it (300 levels)', () => {
    const html = `<body>${nest(300)}<ul><li>a<li>b</ul>`;
    const expected = `<html><head></head><body>${'<div>'.repeat(300)}deep${'</div>'.repeat(300)}<ul><li>a</li><li>b</li></ul></body></html>`;
    expect(innerHtml(parseHtml(html), () => false, null)).toBe(expected);
    expect(maxDepth(html)).toBe(302);
  });

  it('end tags still match after the limit (the open-element stack is not capped)', () => {
    const html = `<body><div id="outer">${nest(2000)}<p id="inside">x</p></div><p id="out">y</p>`;
    const doc = parseHtml(html);
    const outer = descendants(doc).find((el) => el.attribs['id'] === 'outer') as Element;
    const inside = descendants(doc).find((el) => el.attribs['id'] === 'inside') as Element;
    const out = descendants(doc).find((el) => el.attribs['id'] === 'out') as Element;
    expect(inside.parent).toBe(outer);
    expect((out.parent as Element).name).toBe('body');
  });
});

describe('parseHtmlArchive on deeply nested pages', () => {
  it.each([
    ['post body', 5_000, 0],
    ['comment', 0, 5_000],
    ['both', 2_000, 2_000],
  ])('nesting in the %s: one warning, no throw, all comments found', (_, inBody, inComment) => {
    const a = parseHtmlArchive(page(inBody ? nest(inBody) : '', inComment ? nest(inComment) : ''));
    const depth = a.diagnostics.filter((d) => d.code === 'html-depth-limit');
    expect(depth).toHaveLength(1);
    expect(depth[0]?.severity).toBe('warning');
    expect(depth[0]?.message).toMatch(/\d+ element/);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('html-unreadable');
    const it0 = item(a);
    expect(it0.title).toBe('Deep');
    expect(it0.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(it0.comments.map((c) => c.author)).toEqual(['N1', 'N2', 'N3']);
  });

  it('a legal 300-level page gives no depth warning', () => {
    const a = parseHtmlArchive(page(nest(300), nest(100)));
    expect(a.diagnostics.map((d) => d.code)).not.toContain('html-depth-limit');
    expect(item(a).comments).toHaveLength(3);
    expect(item(a).content).toContain('<div>'.repeat(300));
  });

  it('a reply chain deeper than the limit keeps every comment (threading stops at the limit)', () => {
    const html = '<html><body class="single"><ol>' + Array.from({ length: 300 }, (_, i) => `<li id="comment-${i + 1}"><cite class="fn">N${i}</cite><p>t</p><ul class="children">`).join('') + '</ol></body></html>';
    const a = parseHtmlArchive(html);
    const cs = item(a).comments;
    expect(cs).toHaveLength(300);
    expect(cs[100]?.parentId).toBe(100);
    expect(a.diagnostics.map((d) => d.code)).toContain('html-depth-limit');
  });
});
