import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toMarkdown } from '../src/emit/markdown.js';
import { escapeTemplates } from '../src/emit/site/escape.js';
import type { Archive, Comment, Item } from '../src/model.js';

function comment(id: number, parentId: number | null, over: Partial<Comment> = {}): Comment {
  return {
    id, parentId, author: `Author${id}`, authorEmail: `secret${id}@mail.example`, authorUrl: '', authorIp: `10.0.0.${id}`,
    userId: null, date: `2012-01-0${id}T10:0${id}:00+01:00`, dateGmt: null, content: `<p>Comment text number${id}</p>`,
    approved: '1', type: 'comment', meta: [], ...over,
  };
}

function item(over: Partial<Item> = {}): Item {
  return {
    id: 10, type: 'post', status: 'publish', title: 'A "quoted" C:\\title: yes', slug: 'a-post', link: 'https://example.com/2012/01/a-post/',
    guid: 'https://example.com/?p=10', author: 'ada', date: '2012-01-03T10:00:00+01:00', dateGmt: '2012-01-03T09:00:00Z',
    modified: null, modifiedGmt: null, content: '<p>Bodyword here</p>', excerpt: '', parentId: null, menuOrder: 0,
    commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null,
    terms: [{ taxonomy: 'category', slug: 'news', name: 'News & Views' }],
    meta: [{ key: '_thumbnail_id', value: '99' }],
    comments: [
      comment(1, null, { authorUrl: 'https://one.example/' }),
      comment(2, 1),
      comment(3, 2),
      comment(4, null, { approved: 'spam' }),
      comment(5, null, { type: 'pingback' }),
      comment(6, null, { approved: '0' }),
    ],
    ...over,
  };
}

const archive: Archive = {
  site: { title: 'S', link: 'https://example.com', description: '', language: 'en', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
  authors: [{ id: 1, login: 'ada', email: 'ada@example.com', displayName: 'Ada Lovelace', firstName: '', lastName: '' }],
  terms: [],
  items: [
    { ...item(), id: 99, type: 'attachment', status: 'inherit', title: 'pic', attachmentUrl: 'https://example.com/wp-content/uploads/pic.jpg', comments: [], meta: [] },
  ],
  diagnostics: [],
};

function front(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?\n)?---\n/.exec(md);
  expect(m).not.toBeNull();
  return parse(m![1] ?? '') as Record<string, unknown>;
}

describe('toMarkdown', () => {
  it('writes front matter that parses back, with archive lookups', () => {
    const md = toMarkdown(item(), { archive, preset: 'hugo' });
    expect(front(md)).toMatchObject({
      title: 'A "quoted" C:\\title: yes',
      date: '2012-01-03T10:00:00+01:00',
      categories: ['News & Views'],
      author: 'Ada Lovelace',
      featured_image: 'https://example.com/wp-content/uploads/pic.jpg',
      aliases: ['/2012/01/a-post/'],
      wordpress_id: 10,
    });
    expect(md).toContain('Bodyword');
  });

  it('renders approved comments nested under the body, without emails or IPs', () => {
    const md = toMarkdown(item(), { archive });
    const section = md.slice(md.indexOf('## Comments'));
    expect(md.indexOf('Bodyword')).toBeLessThan(md.indexOf('## Comments'));
    expect(section).toContain('**[Author1](https://one.example/)** · 2012-01-01 10:01');
    expect(section).toMatch(/^> \*\*Author2\*\* · 2012-01-02 10:02$/m);
    expect(section).toMatch(/^> > \*\*Author3\*\*/m);
    expect(section).toMatch(/^> > > .*number3/m);
    for (const hidden of ['Author4', 'Author5', 'Author6', 'secret', '10.0.0.']) expect(md).not.toContain(hidden);
  });

  it('keeps pingbacks on request', () => {
    expect(toMarkdown(item(), { includePingbacks: true })).toContain('Author5');
  });

  it('comments: none leaves them out, frontmatter writes a structured thread', () => {
    expect(toMarkdown(item(), { comments: 'none' })).not.toContain('Comments');
    const md = toMarkdown(item(), { comments: 'frontmatter' });
    expect(md).not.toContain('## Comments');
    const data = front(md) as { comments: Array<{ id: number; author: string; url?: string; replies: Array<{ id: number; replies: Array<{ id: number }> }> }> };
    expect(data.comments.map((c) => c.id)).toEqual([1]);
    expect(data.comments[0]?.url).toBe('https://one.example/');
    expect(data.comments[0]?.replies[0]?.id).toBe(2);
    expect(data.comments[0]?.replies[0]?.replies[0]?.id).toBe(3);
    expect(md).not.toContain('secret');
  });

  it.each([
    [{ status: 'private' }, 'private'],
    [{ password: 'hunter2' }, 'password_protected'],
  ] as const)('withholds %j items unless includePrivate', (over, flag) => {
    const md = toMarkdown(item(over), { archive });
    expect(front(md)).toMatchObject({ draft: true, [flag]: true });
    expect(md).not.toContain('Bodyword');
    expect(md).not.toContain('Comments');
    expect(md).not.toContain('hunter2');
    const shown = toMarkdown(item(over), { archive, includePrivate: true });
    expect(shown).toContain('Bodyword');
    expect(shown).not.toContain('hunter2');
  });

  it('drafts keep their date', () => {
    expect(front(toMarkdown(item({ status: 'draft' }), { preset: 'astro' }))).toMatchObject({ pubDate: '2012-01-03T10:00:00+01:00', draft: true });
  });
});

describe('escapeTemplates', () => {
  it.each([
    ['hugo', 'a {{< youtube x >}} b', 'a {{</* youtube x */>}} b'],
    ['hugo', 'a {{% note %}} b', 'a {{%/* note */%}} b'],
    ['hugo', 'lone {{< here', 'lone {{&lt; here'],
    ['hugo', 'plain {{ x }}', 'plain {{ x }}'],
    ['jekyll', 'use {{ page.title }}', '{% raw %}\nuse {{ page.title }}\n{% endraw %}\n'],
    ['jekyll', 'no liquid', 'no liquid'],
    ['astro', '{{ x }}', '{{ x }}'],
  ] as const)('%s: %j', (preset, input, expected) => {
    expect(escapeTemplates(input, preset)).toBe(expected);
  });

  it('jekyll: an endraw in the text does not end the raw block early', () => {
    const out = escapeTemplates('x {% endraw %} y {{ z }}', 'jekyll');
    expect(out.match(/\{% raw %\}/g)?.length).toBe(2);
    expect(out).toContain('{{ "{%" }}');
  });
});
