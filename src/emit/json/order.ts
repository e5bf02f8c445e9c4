/**
 * The data model's key order (SPEC.md) for every object but items and archives: each
 * object is rebuilt field by field, so the producer's key order never shows.
 */
import type { Author, Comment, Diagnostic, Extra, ItemTerm, MentionResolution, Meta, Provenance, Site, Term } from '../../model.js';
import { bool, list, num, optional, rec, str, type JsonObject, type JsonValue } from './values.js';

/** `extra` with sorted keys, in a null-prototype object so that any element name is a safe key. */
export function orderExtra(extra: Extra): JsonObject {
  const out = Object.create(null) as JsonObject;
  for (const key of Object.keys(extra).sort()) {
    const values = extra[key];
    out[key] = Array.isArray(values) ? values.map(str) : [];
  }
  return out;
}

export function withExtra(o: JsonObject, extra: Extra | undefined): JsonObject {
  if (extra !== undefined && extra !== null && typeof extra === 'object') o.extra = orderExtra(extra);
  return o;
}

export const orderMeta = (m: Meta): JsonValue => ({ key: str(m.key), value: str(m.value) });
export const orderItemTerm = (t: ItemTerm): JsonValue => ({ taxonomy: str(t.taxonomy), slug: str(t.slug), name: str(t.name) });

/** A `Site` with the model's key order. */
export function orderSite(s: Site): JsonObject {
  s = rec(s);
  return withExtra(
    {
      title: str(s.title),
      link: str(s.link),
      description: str(s.description),
      language: str(s.language),
      wxrVersion: str(s.wxrVersion),
      baseSiteUrl: str(s.baseSiteUrl),
      baseBlogUrl: str(s.baseBlogUrl),
      generator: str(s.generator),
      exportedAt: str(s.exportedAt),
    },
    s.extra,
  );
}

/** An `Author` with the model's key order. */
export function orderAuthor(a: Author): JsonObject {
  a = rec(a);
  return withExtra(
    {
      id: num(a.id),
      login: str(a.login),
      email: str(a.email),
      displayName: str(a.displayName),
      firstName: str(a.firstName),
      lastName: str(a.lastName),
    },
    a.extra,
  );
}

/** A `Term` with the model's key order. */
export function orderTerm(t: Term): JsonObject {
  t = rec(t);
  return withExtra(
    {
      id: num(t.id),
      taxonomy: str(t.taxonomy),
      slug: str(t.slug),
      name: str(t.name),
      parentSlug: str(t.parentSlug),
      description: str(t.description),
      meta: list(t.meta, orderMeta),
    },
    t.extra,
  );
}

/** A `Comment` with the model's key order. */
export function orderComment(c: Comment): JsonObject {
  c = rec(c);
  return withExtra(
    {
      id: num(c.id),
      parentId: num(c.parentId),
      author: str(c.author),
      authorEmail: str(c.authorEmail),
      authorUrl: str(c.authorUrl),
      authorIp: str(c.authorIp),
      userId: num(c.userId),
      date: str(c.date),
      dateGmt: str(c.dateGmt),
      content: str(c.content),
      approved: str(c.approved),
      type: str(c.type),
      meta: list(c.meta, orderMeta),
    },
    c.extra,
  );
}

export const orderMention = (m: MentionResolution): JsonValue => ({
  name: str(m.name),
  commentId: num(m.commentId),
  rule: str(m.rule),
});

/** A `Diagnostic` with the model's key order. */
export function orderDiagnostic(d: Diagnostic): JsonObject {
  d = rec(d);
  const o: JsonObject = { severity: str(d.severity), code: str(d.code), message: str(d.message) };
  optional(o, 'line', d.line, num);
  optional(o, 'column', d.column, num);
  optional(o, 'itemId', d.itemId, num);
  optional(o, 'file', d.file, str);
  return o;
}

export function orderProvenance(p: Provenance): JsonObject {
  p = rec(p);
  const o: JsonObject = { kind: str(p.kind) };
  optional(o, 'url', p.url, str);
  optional(o, 'capturedAt', p.capturedAt, str);
  optional(o, 'savedBy', p.savedBy, str);
  return o;
}
