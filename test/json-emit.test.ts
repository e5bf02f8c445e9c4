/** toJson: stable key order, no undefined, hostile extra keys, pretty, threads. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { validateArchive } from './helpers/schema.js';
import { emitContext, finishJson, orderComment, threadsJson, toJson } from '../src/emit/json.js';
import { archiveEntries, toNdjson } from '../src/emit/ndjson.js';
import type { Archive, Comment, CommentNode, Diagnostic, Extra, Item } from '../src/model.js';
import { threadCommentsWithDiagnostics } from '../src/normalize/thread/index.js';

vi.mock('../src/normalize/thread/index.js', { spy: true });

const validate = validateArchive;

// ---- arbitraries: archives of the model, with hostile keys and text ----
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'Grüße, Jürgen', ' \\n\\\\ ', '<![CDATA[x]]>', '\u2028'));
const id = fc.integer({ min: 1, max: 2 ** 31 });
const nullableId = fc.option(id, { nil: null });
const iso = fc.constantFrom('2012-05-03T21:15:00+02:00', '2020-02-29T00:00:00-05:00', '2012-05-03');
const isoUtc = fc.constantFrom('2012-05-03T19:15:00Z', '1999-12-31T23:59:59Z');
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toJSON', 'hasOwnProperty', 'wp:custom', 'a:b');
const extra: fc.Arbitrary<Extra> = fc
  .array(fc.tuple(fc.oneof(hostileKey, fc.string({ minLength: 1 })), fc.array(text, { maxLength: 2 })), { maxLength: 4 })
  .map((pairs) => {
    const e = Object.create(null) as Extra;
    for (const [k, v] of pairs) e[k] = v;
    return e;
  });
const meta = fc.array(fc.record({ key: text, value: text }), { maxLength: 3 });
const comment: fc.Arbitrary<Comment> = fc.record(
  {
    id, parentId: nullableId, author: text, authorEmail: text, authorUrl: text, authorIp: text, userId: nullableId,
    date: fc.option(iso, { nil: null }), dateGmt: fc.option(isoUtc, { nil: null }), content: text,
    approved: fc.constantFrom('1', '0', 'spam', 'trash', 'post-trashed'), type: fc.constantFrom('comment', 'pingback', 'social-twitter'),
    meta, extra,
  },
  { requiredKeys: ['id', 'parentId', 'author', 'authorEmail', 'authorUrl', 'authorIp', 'userId', 'date', 'dateGmt', 'content', 'approved', 'type', 'meta'] },
);
const item: fc.Arbitrary<Item> = fc.record(
  {
    id, type: fc.constantFrom('post', 'page', 'attachment', 'species'), status: fc.constantFrom('publish', 'draft', 'inherit'),
    title: text, slug: text, link: text, guid: text, author: fc.option(text, { nil: null }),
    date: fc.option(iso, { nil: null }), dateGmt: fc.option(isoUtc, { nil: null }),
    modified: fc.option(iso, { nil: null }), modifiedGmt: fc.option(isoUtc, { nil: null }),
    content: text, excerpt: text, parentId: nullableId, menuOrder: fc.integer({ min: -5, max: 100 }),
    commentStatus: fc.constantFrom('open', 'closed'), pingStatus: fc.constantFrom('open', 'closed'), password: text,
    sticky: fc.boolean(), attachmentUrl: fc.option(text, { nil: null }),
    terms: fc.array(fc.record({ taxonomy: text, slug: text, name: text }), { maxLength: 3 }), meta,
    comments: fc.array(comment, { maxLength: 4 }), extra,
  },
  { requiredKeys: ['id', 'type', 'status', 'title', 'slug', 'link', 'guid', 'author', 'date', 'dateGmt', 'modified', 'modifiedGmt', 'content', 'excerpt', 'parentId', 'menuOrder', 'commentStatus', 'pingStatus', 'password', 'sticky', 'attachmentUrl', 'terms', 'meta', 'comments'] },
);
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    severity: fc.constantFrom('error', 'warning', 'info'), code: text, message: text,
    line: fc.integer({ min: 1, max: 1e6 }), column: fc.integer({ min: 1, max: 1e4 }), itemId: id, file: text,
  },
  { requiredKeys: ['severity', 'code', 'message'] },
);
const archive: fc.Arbitrary<Archive> = fc.record({
  site: fc.record(
    {
      title: text, link: text, description: text, language: text, wxrVersion: fc.constantFrom('1.0', '1.1', '1.2'),
      baseSiteUrl: text, baseBlogUrl: text, generator: text, exportedAt: fc.option(isoUtc, { nil: null }), extra,
    },
    { requiredKeys: ['title', 'link', 'description', 'language', 'wxrVersion', 'baseSiteUrl', 'baseBlogUrl', 'generator', 'exportedAt'] },
  ),
  authors: fc.array(fc.record({ id: nullableId, login: text, email: text, displayName: text, firstName: text, lastName: text }), { maxLength: 2 }),
  terms: fc.array(fc.record({ id: nullableId, taxonomy: text, slug: text, name: text, parentSlug: fc.option(text, { nil: null }), description: text, meta }), { maxLength: 2 }),
  items: fc.array(item, { maxLength: 3 }),
  diagnostics: fc.array(diagnostic, { maxLength: 2 }),
});

/** The same data with every object's keys in reverse order (null-prototype objects stay so). */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v === null || typeof v !== 'object') return v;
  const out = Object.getPrototypeOf(v) === null ? (Object.create(null) as Record<string, unknown>) : {};
  for (const k of Object.keys(v).reverse()) Object.defineProperty(out, k, { value: reverseKeys((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out;
}

describe('toJson', () => {
  it('is valid against schema.json, independent of key construction order, and a fixed point', () => {
    fc.assert(
      fc.property(archive, (a) => {
        const json = toJson(a);
        const parsed = JSON.parse(json) as unknown;
        expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
        expect(toJson(reverseKeys(a) as Archive)).toBe(json);
        expect(toJson(parsed as Archive)).toBe(json);
        const threaded = JSON.parse(toJson(a, { threads: 'mentions' })) as unknown;
        expect(validate(threaded), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every value (JSON.parse gives back the model)', () => {
    fc.assert(
      fc.property(archive, (a) => {
        expect(JSON.parse(toJson(a))).toEqual(JSON.parse(JSON.stringify(a)));
      }),
      { numRuns: 100 },
    );
  });

  it('pretty is the same data, indented by two', () => {
    fc.assert(
      fc.property(archive, (a) => {
        expect(toJson(a, { pretty: true })).toBe(JSON.stringify(JSON.parse(toJson(a)), null, 2));
      }),
      { numRuns: 30 },
    );
  });

  const base: Archive = {
    site: { title: 't', link: '', description: '', language: '', wxrVersion: '1.2', baseSiteUrl: '', baseBlogUrl: '', generator: '', exportedAt: null },
    authors: [{ id: 1, login: 'admin', email: '', displayName: 'Anna Admin', firstName: '', lastName: '' }],
    terms: [],
    items: [],
    diagnostics: [],
  };
  const c = (id: number, parentId: number | null, content = ''): Comment => ({
    id, parentId, author: `a${id}`, authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: null, dateGmt: null,
    content, approved: '1', type: 'comment', meta: [],
  });
  const post = (comments: Comment[]): Item => ({
    id: 10, type: 'post', status: 'publish', title: 'x', slug: 'x', link: '', guid: '', author: 'admin', date: null,
    dateGmt: null, modified: null, modifiedGmt: null, content: '', excerpt: '', parentId: null, menuOrder: 0,
    commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null, terms: [], meta: [], comments,
  });

  it('first line of the compact output is the whole document, keys in model order', () => {
    const json = toJson({ ...base, items: [post([])] });
    expect(json).not.toContain('\n');
    expect(json.startsWith('{"site":{"title":"t","link":"","description":"","language":"","wxrVersion":"1.2"')).toBe(true);
    expect(json).toContain('"comments":[]}],"diagnostics":[]}');
  });

  const optionalCases: [string, Archive, string, string][] = [
    ['absent diagnostic line', { ...base, diagnostics: [{ severity: 'info', code: 'I', message: 'm', line: undefined } as unknown as Diagnostic] }, '"diagnostics":[{"severity":"info","code":"I","message":"m"}]', 'line'],
    ['absent extra', { ...base, site: { ...base.site, extra: undefined } as unknown as Archive['site'] }, '"exportedAt":null}', 'extra'],
    ['absent provenance', { ...base, provenance: undefined } as unknown as Archive, '"diagnostics":[]}', 'provenance'],
  ];
  it.each(optionalCases)('omits an optional field set to undefined: %s', (_n, a, expected, key) => {
    const json = toJson(a);
    expect(json).toContain(expected);
    expect(json).not.toContain(`"${key}"`);
  });

  it('required fields that are undefined become null, never disappear', () => {
    const broken = { ...base, site: { ...base.site, title: undefined } } as unknown as Archive;
    expect(toJson(broken)).toContain('{"site":{"title":null,');
  });

  it('serializes null-prototype extra with hostile keys as plain data', () => {
    const extra = Object.create(null) as Extra;
    extra['__proto__'] = ['p'];
    extra['constructor'] = ['c'];
    extra['toJSON'] = ['t'];
    const json = toJson({ ...base, site: { ...base.site, extra } });
    expect(json).toContain('"extra":{"__proto__":["p"],"constructor":["c"],"toJSON":["t"]}');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('threads: false adds nothing, true adds the parent tree to each item', () => {
    const a = { ...base, items: [post([c(1, null), c(2, 1), c(3, 2), c(4, null)])] };
    expect(JSON.parse(toJson(a)).items[0].threads).toBeUndefined();
    const threads = JSON.parse(toJson(a, { threads: true })).items[0].threads;
    expect(threads.map((n: { comment: Comment }) => n.comment.id)).toEqual([1, 4]);
    expect(threads[0].replies[0].comment.id).toBe(2);
    expect(threads[0].replies[0].via).toBe('parent');
    expect(threads[0].replies[0].replies[0].comment.id).toBe(3);
    expect(validate(JSON.parse(toJson(a, { threads: true })))).toBe(true);
  });

  const threadOptions: [string, boolean | 'mentions', Record<string, unknown>][] = [
    ['true', true, { mentions: false, postId: 10, postAuthor: 'Anna Admin', postAuthorAliases: ['admin'] }],
    ['mentions', 'mentions', { mentions: true, postId: 10, postAuthor: 'Anna Admin', postAuthorAliases: ['admin'] }],
  ];
  it.each(threadOptions)('threads: %s threads with the post id and author (display name, login as alias)', (_n, threads, expected) => {
    vi.mocked(threadCommentsWithDiagnostics).mockClear();
    const comments = [c(1, null), c(2, null, '@a1 danke')];
    toJson({ ...base, items: [post(comments)] }, { threads });
    expect(threadCommentsWithDiagnostics).toHaveBeenCalledWith(comments, expected);
  });

  it('threading findings join the diagnostics, once', () => {
    const a = { ...base, items: [post([c(1, null), c(2, 99)])] };
    const codes = (json: string): string[] => (JSON.parse(json) as Archive).diagnostics.map((d) => d.code);
    expect(codes(toJson(a))).toEqual([]);
    const withThreads = codes(toJson(a, { threads: true }));
    expect(withThreads).toHaveLength(1);
    // An archive that already carries the same finding does not get it twice.
    const again = JSON.parse(toJson(a, { threads: true })) as Archive;
    expect(codes(toJson({ ...a, diagnostics: again.diagnostics }, { threads: true }))).toEqual(withThreads);
  });

  // ---- threads are written by hand (no recursion): same text as JSON.stringify, any depth ----
  const node: fc.Arbitrary<CommentNode> = fc.letrec<{ node: CommentNode }>((tie) => ({
    node: fc.record(
      {
        comment,
        replies: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<CommentNode[]>([]), fc.array(tie('node'), { maxLength: 3 })),
        via: fc.constantFrom('parent' as const, 'mention' as const, null),
        mentions: fc.array(fc.record({ name: text, commentId: nullableId, rule: fc.constantFrom('name', 'link', 'unresolved') }), { maxLength: 2 }),
      },
      { requiredKeys: ['comment', 'replies', 'via'] },
    ),
  })).node;
  /** The obvious recursive version, the reference for shallow trees. */
  const ordered = (n: CommentNode): unknown => ({
    comment: orderComment(n.comment),
    replies: n.replies.map(ordered),
    via: n.via,
    ...(n.mentions === undefined ? {} : { mentions: n.mentions.map((m) => ({ name: m.name, commentId: m.commentId, rule: m.rule })) }),
  });

  it('threadsJson writes what JSON.stringify would, compact and indented at any level', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 3 }), fc.integer({ min: 0, max: 4 }), (nodes, level) => {
        expect(threadsJson(nodes, '', level)).toBe(JSON.stringify(nodes.map(ordered)));
        const pretty = JSON.stringify(nodes.map(ordered), null, 2).replace(/\n/g, `\n${'  '.repeat(level)}`);
        expect(threadsJson(nodes, '  ', level)).toBe(pretty);
      }),
      { numRuns: 200 },
    );
  });

  it('pretty output with threads equals JSON.stringify of the whole at indent 2', () => {
    const a = { ...base, items: [post([c(1, null), c(2, 1), c(3, 2), c(4, null)]), post([])] };
    expect(toJson(a, { pretty: true, threads: true })).toBe(JSON.stringify(JSON.parse(toJson(a, { threads: true })), null, 2));
  });

  it('a reply chain 20,000 deep serializes (JSON.stringify alone overflows the stack)', () => {
    const depth = 20_000;
    const comments = Array.from({ length: depth }, (_, i) => c(i + 1, i === 0 ? null : i));
    const root: CommentNode = { comment: comments[0] as Comment, replies: [], via: null };
    let tip = root;
    for (const cm of comments.slice(1)) {
      const next: CommentNode = { comment: cm, replies: [], via: 'parent' };
      tip.replies.push(next);
      tip = next;
    }
    vi.mocked(threadCommentsWithDiagnostics).mockReturnValueOnce({ threads: [root], diagnostics: [] });
    const json = toJson({ ...base, items: [post(comments)] }, { threads: true });
    let n = (JSON.parse(json) as { items: { threads: { replies: unknown[] }[] }[] }).items[0]?.threads[0];
    let seen = 0;
    while (n !== undefined) {
      seen++;
      n = n.replies[0] as typeof n | undefined;
    }
    expect(seen).toBe(depth);
  });

  it('text of the export that looks like a placeholder is kept as text', () => {
    const ctx = emitContext({ mentions: false }, new Map(), '', 3);
    ctx.threads.push('[]');
    const fake = `wxr-kit:threads:${ctx.nonce}:0`;
    expect(finishJson(JSON.stringify({ title: fake, threads: fake }), ctx)).toBeNull();
    expect(finishJson(JSON.stringify({ title: 'x', threads: fake }), ctx)).toBe('{"title":"x","threads":[]}');
    // A run whose nonce an export guessed is retried with a fresh one.
    const random = vi.spyOn(Math, 'random').mockReturnValueOnce(0.5).mockReturnValueOnce(0.5);
    const guessed = `wxr-kit:threads:${(0.5).toString(36).slice(2)}${(0.5).toString(36).slice(2)}:0`;
    const a = { ...base, items: [{ ...post([c(1, null)]), title: guessed }] };
    const out = JSON.parse(toJson(a, { threads: true })) as { items: Item[] & { threads: unknown }[] };
    random.mockRestore();
    expect(out.items[0]?.title).toBe(guessed);
    expect(out.items[0]?.threads).toHaveLength(1);
  });

  // ---- total: garbage where the model's objects should be gives JSON, never a throw ----
  const junk = fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withDate: true, withSparseArray: true });
  /** An object with some of the model's keys, each holding anything. */
  const mangled = (keys: string[]): fc.Arbitrary<unknown> => fc.oneof(junk, fc.dictionary(fc.constantFrom(...keys), junk));
  const itemKeys = ['id', 'title', 'author', 'comments', 'terms', 'meta', 'extra', 'sticky', 'date', 'parentId'];
  const commentKeys = ['id', 'parentId', 'author', 'content', 'meta', 'extra', 'date'];
  const garbage = fc.record({
    site: mangled(['title', 'link', 'extra', 'exportedAt']),
    authors: fc.oneof(junk, fc.array(mangled(['login', 'displayName', 'id']))),
    terms: fc.oneof(junk, fc.array(mangled(['slug', 'meta', 'parentSlug']))),
    items: fc.oneof(
      junk,
      fc.array(fc.oneof(mangled(itemKeys), fc.record({ id: fc.nat(), author: fc.constantFrom('admin', 'x'), comments: fc.array(mangled(commentKeys)) }))),
    ),
    diagnostics: fc.oneof(junk, fc.array(mangled(['severity', 'line', 'message']))),
    provenance: junk,
  });

  // (threads only for typed comments: the threader gets the model's types; see the property above)
  it('never throws on garbage and always writes JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, garbage), fc.boolean(), async (a, pretty) => {
        const threads = false;
        const json = toJson(a as Archive, { threads, pretty });
        expect(() => JSON.parse(json) as unknown).not.toThrow();
        for await (const line of toNdjson(archiveEntries(a as Archive), { threads })) expect(() => JSON.parse(line) as unknown).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

