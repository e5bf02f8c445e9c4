/** `wp:author` (and the non-standard `wp:wp_author`) -> `Author`; WXR 1.0 authors from `dc:creator`. */
import type { RawElement } from '../xml/types.js';
import type { Author } from '../model.js';
import { applyFields, fieldTable, intOf, trimmed, type ConvertContext } from './fields.js';

const AUTHOR_FIELDS = fieldTable<Author>({
  'wp:author_id': (a, el, ctx) => void (a.id = intOf(el, ctx, null)),
  'wp:author_login': (a, el) => void (a.login = trimmed(el)),
  'wp:author_email': (a, el) => void (a.email = trimmed(el)),
  'wp:author_display_name': (a, el) => void (a.displayName = trimmed(el)),
  'wp:author_first_name': (a, el) => void (a.firstName = trimmed(el)),
  'wp:author_last_name': (a, el) => void (a.lastName = trimmed(el)),
});

/**
 * Converts one author block. Every field is trimmed: WordPress trims names, logins and e-mails when it
 * saves them, so padding is a re-serializer's (a name keeps its inner spaces).
 *
 * @example
 * authorOf(el, ctx) // { id: 2, login: 'john', email: 'johndoe@example.org', displayName: 'John Doe', … }
 */
export function authorOf(el: RawElement, ctx: ConvertContext): Author {
  const author: Author = { id: null, login: '', email: '', displayName: '', firstName: '', lastName: '' };
  applyFields(AUTHOR_FIELDS, author, el, ctx, author);
  return author;
}

/**
 * A WXR 1.0 author, known only by the `dc:creator` of its posts (a display name).
 *
 * @example
 * authorFromCreator('admin') // { id: null, login: 'admin', email: '', displayName: 'admin', firstName: '', lastName: '' }
 */
export function authorFromCreator(creator: string): Author {
  return { id: null, login: creator, email: '', displayName: creator, firstName: '', lastName: '' };
}
