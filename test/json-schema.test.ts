/**
 * schema.json against the model (src/model.ts) and against toJson's output.
 * The key lists below are checked by the type checker to be exactly the model's
 * keys, so a field added to model.ts without the schema fails `tsc`; the tests then
 * pin the schema's properties (and their order, which is toJson's order) to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { toJson } from '../src/emit/json.js';
import type {
  Archive,
  Author,
  Comment,
  CommentNode,
  Diagnostic,
  Item,
  ItemTerm,
  MentionResolution,
  Meta,
  Provenance,
  Site,
  Term,
} from '../src/model.js';
import { REPO_ROOT } from './helpers/corpus.js';

/** Every key of T, each once, in the given order (compile error when one is missing or unknown). */
type Exact<T, K extends readonly (keyof T)[]> = Exclude<keyof T, K[number]> extends never ? K : never;
const keys = <T>() => <const K extends readonly (keyof T)[]>(k: Exact<T, K>): readonly string[] => k as readonly string[];

const MODEL_KEYS: Record<string, readonly string[]> = {
  Archive: keys<Archive>()(['site', 'authors', 'terms', 'items', 'diagnostics', 'provenance']),
  Site: keys<Site>()(['title', 'link', 'description', 'language', 'wxrVersion', 'baseSiteUrl', 'baseBlogUrl', 'generator', 'exportedAt', 'extra']),
  Author: keys<Author>()(['id', 'login', 'email', 'displayName', 'firstName', 'lastName', 'extra']),
  Meta: keys<Meta>()(['key', 'value']),
  Term: keys<Term>()(['id', 'taxonomy', 'slug', 'name', 'parentSlug', 'description', 'meta', 'extra']),
  ItemTerm: keys<ItemTerm>()(['taxonomy', 'slug', 'name']),
  Item: [
    ...keys<Item>()([
      'id', 'type', 'status', 'title', 'slug', 'link', 'guid', 'author', 'date', 'dateGmt', 'modified', 'modifiedGmt',
      'content', 'excerpt', 'parentId', 'menuOrder', 'commentStatus', 'pingStatus', 'password', 'sticky',
      'attachmentUrl', 'terms', 'meta', 'comments', 'extra',
    ]),
    'threads',
  ],
  Comment: keys<Comment>()([
    'id', 'parentId', 'author', 'authorEmail', 'authorUrl', 'authorIp', 'userId', 'date', 'dateGmt', 'content',
    'approved', 'type', 'meta', 'extra',
  ]),
  CommentNode: keys<CommentNode>()(['comment', 'replies', 'via', 'mentions']),
  MentionResolution: keys<MentionResolution>()(['name', 'commentId', 'rule']),
  Diagnostic: keys<Diagnostic>()(['severity', 'code', 'message', 'line', 'column', 'itemId', 'file']),
  Provenance: keys<Provenance>()(['kind', 'url', 'capturedAt', 'savedBy']),
};

interface ObjectSchema {
  required: string[];
  properties: Record<string, unknown>;
  additionalProperties: unknown;
}
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema.json'), 'utf8')) as ObjectSchema & {
  $schema: string;
  $id: string;
  $defs: Record<string, ObjectSchema>;
};
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateArchive = ajv.compile(schema);
const validateEntry = ajv.getSchema(`${schema.$id}#/$defs/WxrEntry`);

const site: Site = {
  title: 'Blog', link: 'https://example.org', description: '', language: 'de-DE', wxrVersion: '1.2',
  baseSiteUrl: 'https://example.org', baseBlogUrl: 'https://example.org', generator: 'https://wordpress.org/?v=6.4',
  exportedAt: '2024-01-02T03:04:05Z',
};
const comment: Comment = {
  id: 7, parentId: null, author: 'Jürgen', authorEmail: '', authorUrl: '', authorIp: '', userId: null,
  date: '2012-05-03T21:15:00+02:00', dateGmt: '2012-05-03T19:15:00Z', content: 'Schön!', approved: '1',
  type: 'comment', meta: [],
};
const item: Item = {
  id: 1, type: 'post', status: 'publish', title: 'Über', slug: 'uber', link: '', guid: '', author: 'admin',
  date: null, dateGmt: null, modified: null, modifiedGmt: null, content: '', excerpt: '', parentId: null,
  menuOrder: 0, commentStatus: 'open', pingStatus: 'open', password: '', sticky: false, attachmentUrl: null,
  terms: [{ taxonomy: 'category', slug: 'k', name: 'K' }], meta: [{ key: '_k', value: 'a:0:{}' }], comments: [comment],
};
const archive: Archive = { site, authors: [], terms: [], items: [item], diagnostics: [] };
const good = (): Record<string, unknown> => JSON.parse(toJson(archive)) as Record<string, unknown>;

describe('schema.json', () => {
  it('is draft 2020-12 and compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validateArchive).toBe('function');
    expect(typeof validateEntry).toBe('function');
  });

  it.each(Object.entries(MODEL_KEYS))('%s: properties are exactly the model keys, in toJson order', (name, modelKeys) => {
    const def = name === 'Archive' ? schema : schema.$defs[name];
    expect(def).toBeDefined();
    expect(Object.keys(def?.properties ?? {})).toEqual(modelKeys);
    expect(def?.additionalProperties).toBe(false);
  });

  it('extra maps names to string arrays', () => {
    expect(schema.$defs.Extra?.additionalProperties).toEqual({ type: 'array', items: { type: 'string' } });
  });

  it('accepts the JSON of a small archive, with and without threads', () => {
    expect(validateArchive(good()), ajv.errorsText(validateArchive.errors)).toBe(true);
    const threaded: unknown = JSON.parse(toJson(archive, { threads: true }));
    expect(validateArchive(threaded), ajv.errorsText(validateArchive.errors)).toBe(true);
  });

  // Each row breaks the good JSON in one way; the schema must say no.
  const broken: [string, (j: any) => void][] = [
    ['missing items', (j) => delete j.items],
    ['unknown top-level key', (j) => (j.extraTop = 1)],
    ['unknown item key', (j) => (j.items[0].body = '')],
    ['item id as string', (j) => (j.items[0].id = '1')],
    ['item id fractional', (j) => (j.items[0].id = 1.5)],
    ['missing item title', (j) => delete j.items[0].title],
    ['sticky as string', (j) => (j.items[0].sticky = 'false')],
    ['dateGmt without Z', (j) => (j.items[0].dateGmt = '2012-05-03T19:15:00+02:00')],
    ['date not ISO', (j) => (j.items[0].date = '03.05.2012')],
    ['modifiedGmt with an offset', (j) => (j.items[0].modifiedGmt = '2012-05-03T19:15:00+02:00')],
    ['comment date not ISO', (j) => (j.items[0].comments[0].date = 'gestern')],
    ['comment dateGmt without Z', (j) => (j.items[0].comments[0].dateGmt = '2012-05-03T19:15:00')],
    ['site exportedAt with an offset', (j) => (j.site.exportedAt = '2012-05-03T19:15:00+02:00')],
    ['comment parentId missing', (j) => delete j.items[0].comments[0].parentId],
    ['meta value as number', (j) => (j.items[0].meta[0].value = 1)],
    ['extra value not an array', (j) => (j.items[0].extra = { 'wp:x': 'a' })],
    ['severity unknown', (j) => (j.diagnostics = [{ severity: 'fatal', code: 'X', message: '' }])],
    ['diagnostic line 0', (j) => (j.diagnostics = [{ severity: 'info', code: 'X', message: '', line: 0 }])],
    ['via unknown', (j) => (j.items[0].threads = [{ comment: j.items[0].comments[0], replies: [], via: 'guess' }])],
    ['site wxrVersion null', (j) => (j.site.wxrVersion = null)],
  ];
  it.each(broken)('rejects: %s', (_name, breakIt) => {
    const j = good();
    breakIt(j);
    expect(validateArchive(j)).toBe(false);
  });

  const entries: [string, unknown, boolean][] = [
    ['site entry', { kind: 'site', site }, true],
    ['item entry', { kind: 'item', item: JSON.parse(JSON.stringify(item)) }, true],
    ['author entry', { kind: 'author', author: { id: null, login: 'a', email: '', displayName: '', firstName: '', lastName: '' } }, true],
    ['kind does not match payload', { kind: 'term', item }, false],
    ['unknown kind', { kind: 'diagnostic', diagnostic: {} }, false],
    ['two payloads', { kind: 'site', site, item }, false],
  ];
  it.each(entries)('WxrEntry: %s', (_name, entry, ok) => {
    expect(validateEntry?.(entry)).toBe(ok);
  });
});
