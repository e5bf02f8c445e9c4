/** Channel-level `wp:category`, `wp:tag` and `wp:term` blocks -> `Term`. */
import { textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Term } from '../model.js';
import { applyFields, fieldTable, htmlText, intOf, trimmed, type ConvertContext, type FieldTable } from './fields.js';
import { normalizeTaxonomy } from './item.js';
import { metaOf } from './meta.js';

/** The three block kinds and the taxonomy each implies (`wp:term` names its own). */
export type TermBlock = 'category' | 'tag' | 'term';

const COMMON = {
  'wp:term_id': (t: Term, el: RawElement, ctx: ConvertContext) => void (t.id = intOf(el, ctx, null)),
  'wp:termmeta': (t: Term, el: RawElement) => void t.meta.push(metaOf(el)),
};

const parent = (t: Term, el: RawElement): void => {
  const slug = trimmed(el);
  t.parentSlug = slug === '' ? null : slug;
};

const TABLES: Readonly<Record<TermBlock, FieldTable<Term>>> = {
  category: fieldTable<Term>({
    ...COMMON,
    'wp:category_nicename': (t, el) => void (t.slug = trimmed(el)),
    'wp:category_parent': parent,
    'wp:cat_name': (t, el) => void (t.name = htmlText(el).trim()),
    'wp:category_description': (t, el) => void (t.description = textOf(el)),
  }),
  tag: fieldTable<Term>({
    ...COMMON,
    'wp:tag_slug': (t, el) => void (t.slug = trimmed(el)),
    'wp:tag_name': (t, el) => void (t.name = htmlText(el).trim()),
    'wp:tag_description': (t, el) => void (t.description = textOf(el)),
  }),
  term: fieldTable<Term>({
    ...COMMON,
    'wp:term_taxonomy': (t, el) => void (t.taxonomy = normalizeTaxonomy(trimmed(el))),
    'wp:term_slug': (t, el) => void (t.slug = trimmed(el)),
    'wp:term_parent': parent,
    'wp:term_name': (t, el) => void (t.name = htmlText(el).trim()),
    'wp:term_description': (t, el) => void (t.description = textOf(el)),
  }),
};

/**
 * Converts one term block. (A WXR 1.0 `category_parent` holds the parent's name; the reader maps it to the slug.)
 *
 * @example
 * termOf(el, 'tag', ctx) // { id: 22, taxonomy: 'post_tag', slug: 'clippable', name: 'Clippable', … }
 */
export function termOf(el: RawElement, block: TermBlock, ctx: ConvertContext): Term {
  const term: Term = {
    id: null,
    taxonomy: block === 'category' ? 'category' : block === 'tag' ? 'post_tag' : '',
    slug: '',
    name: '',
    parentSlug: null,
    description: '',
    meta: [],
  };
  applyFields(TABLES[block], term, el, ctx, term);
  return term;
}

/** A term's fields other than its taxonomy and slug, as compared between two blocks for the same term. */
const COMPARED: readonly (keyof Term)[] = ['id', 'name', 'parentSlug', 'description', 'meta'];

/** A short quoted form of one field's value for a message. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** A long text as its start, length and a 32-bit FNV-1a hash: enough to tell two values apart and to show one. */
function compact(text: string): string {
  if (text.length <= 64) return text;
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return `${text.slice(0, 57)}... (${text.length} characters, #${(h >>> 0).toString(16)})`;
}

/**
 * The term as the duplicate check keeps it: long descriptions and meta reduced by {@link compact}, so
 * that remembering every term of a large site costs little; compare two such forms with
 * {@link termDifferences}.
 */
export function termFingerprint(t: Term): Term {
  const meta = t.meta.length === 0 ? t.meta : [{ key: '(meta)', value: compact(JSON.stringify(t.meta)) }];
  return { ...t, description: compact(t.description), meta };
}

/**
 * How a second block for the same taxonomy and slug differs from the first: one entry per field, empty when equal.
 *
 * @example
 * termDifferences(design, designAgain) // ['description (first "Blocks in the design category", here "All blocks in the design category")']
 */
export function termDifferences(first: Term, again: Term): string[] {
  const out: string[] = [];
  for (const field of COMPARED) {
    const a = first[field];
    const b = again[field];
    if (a === b || (field === 'meta' && JSON.stringify(a) === JSON.stringify(b))) continue;
    out.push(`${field} (first ${shown(a)}, here ${shown(b)})`);
  }
  return out;
}
