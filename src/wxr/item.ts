/** `item` -> `Item` (posts, pages, attachments, menu items, custom types), with terms, meta and comments. */
import { attrOf, textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Item, ItemTerm } from '../model.js';
import { commentOf } from './comment.js';
import { datePair, pubDatePair, type RawDatePair } from './dates.js';
import { addExtra, applyFields, fieldTable, htmlText, INTEGER, intOf, trimmed, type ConvertContext } from './fields.js';
import { nsKind } from './namespaces.js';
import { metaOf } from './meta.js';

interface ItemDraft {
  item: Item;
  date: RawDatePair;
  modified: RawDatePair;
  pubDate: RawElement | undefined;
  /** WXR 1.0's duplicate `<category>` forms without `nicename`. */
  legacyTerms: ItemTerm[];
}

/** WXR 1.0 spells the tag taxonomy `tag`. */
export function normalizeTaxonomy(domain: string): string {
  return domain === 'tag' ? 'post_tag' : domain;
}

function addTerm(d: ItemDraft, el: RawElement): void {
  const domain = attrOf(el, 'domain');
  const nicename = attrOf(el, 'nicename');
  const name = htmlText(el).trim();
  if (domain !== undefined && nicename !== undefined) {
    const taxonomy = normalizeTaxonomy(domain.trim());
    const slug = nicename.trim();
    if (!d.item.terms.some((t) => t.taxonomy === taxonomy && t.slug === slug)) d.item.terms.push({ taxonomy, slug, name });
  } else d.legacyTerms.push({ taxonomy: normalizeTaxonomy(domain?.trim() || 'category'), slug: name, name });
}

const ITEM_FIELDS = fieldTable<ItemDraft>({
  'rss:title': (d, el) => void (d.item.title = htmlText(el).trim()),
  'rss:link': (d, el) => void (d.item.link = trimmed(el)),
  'rss:guid': (d, el) => void (d.item.guid = trimmed(el)),
  'rss:description': (d, el) => void (textOf(el).trim() === '' ? undefined : addExtra(d.item, el)),
  // The RSS pubDate repeats post_date_gmt; it is read only when the item has no post_date pair.
  'rss:pubDate': (d, el) => void (d.pubDate = el),
  'dc:creator': (d, el) => void (d.item.author = trimmed(el)),
  'content:encoded': (d, el) => void (d.item.content = textOf(el)),
  'excerpt:encoded': (d, el) => void (d.item.excerpt = textOf(el)),
  'wp:post_id': (d, el, ctx) => void (d.item.id = intOf(el, ctx, 0) ?? 0),
  'wp:post_date': (d, el) => void ((d.date.local = textOf(el)), (d.date.at ??= el)),
  'wp:post_date_gmt': (d, el) => void ((d.date.gmt = textOf(el)), (d.date.at ??= el)),
  'wp:post_modified': (d, el) => void ((d.modified.local = textOf(el)), (d.modified.at ??= el)),
  'wp:post_modified_gmt': (d, el) => void ((d.modified.gmt = textOf(el)), (d.modified.at ??= el)),
  'wp:comment_status': (d, el) => void (d.item.commentStatus = trimmed(el)),
  'wp:ping_status': (d, el) => void (d.item.pingStatus = trimmed(el)),
  'wp:post_name': (d, el) => void (d.item.slug = trimmed(el)),
  'wp:status': (d, el) => void (d.item.status = trimmed(el)),
  'wp:post_parent': (d, el, ctx) => void (d.item.parentId = intOf(el, ctx, null) || null),
  'wp:menu_order': (d, el, ctx) => void (d.item.menuOrder = intOf(el, ctx, 0) ?? 0),
  'wp:post_type': (d, el) => void (d.item.type = trimmed(el)),
  'wp:post_password': (d, el) => void (d.item.password = trimmed(el)),
  'wp:is_sticky': (d, el) => void (d.item.sticky = trimmed(el) === '1'),
  'wp:attachment_url': (d, el) => void (d.item.attachmentUrl = trimmed(el)),
  'rss:category': addTerm,
  'wp:postmeta': (d, el) => void d.item.meta.push(metaOf(el)),
  'wp:comment': (d, el, ctx) => void d.item.comments.push(commentOf(el, ctx)),
});

/** The post id as the `wp:post_id` setter will read it, read first so that diagnostics of the item's other fields carry it. */
function peekId(el: RawElement): number | undefined {
  for (const part of el.parts) {
    if (typeof part !== 'string' && part.local === 'post_id' && nsKind(part.uri) === 'wp') {
      const text = textOf(part).trim();
      return INTEGER.test(text) ? Number(text) || 0 : undefined;
    }
  }
  return undefined;
}

/**
 * Converts one item. Fields absent from the export keep quiet defaults (`''`, `0`, `null`, `[]`).
 *
 * @example
 * itemOf(el, ctx) // { id: 1, type: 'post', status: 'publish', title: 'Hello world!', … }
 */
export function itemOf(el: RawElement, ctx: ConvertContext): Item {
  const item: Item = {
    id: 0,
    type: '',
    status: '',
    title: '',
    slug: '',
    link: '',
    guid: '',
    author: null,
    date: null,
    dateGmt: null,
    modified: null,
    modifiedGmt: null,
    content: '',
    excerpt: '',
    parentId: null,
    menuOrder: 0,
    commentStatus: '',
    pingStatus: '',
    password: '',
    sticky: false,
    attachmentUrl: null,
    terms: [],
    meta: [],
    comments: [],
  };
  ctx.itemId = peekId(el);
  const draft: ItemDraft = { item, date: {}, modified: {}, pubDate: undefined, legacyTerms: [] };
  applyFields(ITEM_FIELDS, draft, el, ctx, item);
  for (const legacy of draft.legacyTerms) {
    if (!item.terms.some((t) => t.taxonomy === legacy.taxonomy && t.name === legacy.name)) item.terms.push(legacy);
  }
  const noPair = draft.date.local === undefined && draft.date.gmt === undefined;
  const date = noPair && draft.pubDate !== undefined ? pubDatePair(draft.pubDate, ctx, draft.modified) : datePair(draft.date, ctx, 'post date', draft.modified, 'modified date');
  item.date = date.date;
  item.dateGmt = date.dateGmt;
  const modified = datePair(draft.modified, ctx, 'modified date', draft.date, 'post date');
  item.modified = modified.date;
  item.modifiedGmt = modified.dateGmt;
  ctx.itemId = undefined;
  return item;
}
