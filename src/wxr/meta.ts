/** `wp:postmeta`, `wp:termmeta`, `wp:commentmeta`: a trimmed key and the raw value. */
import { textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Meta } from '../model.js';
import { nsKind } from './namespaces.js';

/**
 * One meta pair; the value stays byte-for-byte (PHP-serialized values stay serialized).
 *
 * @example
 * metaOf(el) // { key: '_wp_page_template', value: 'default' }
 */
export function metaOf(el: RawElement): Meta {
  let key = '';
  let value = '';
  for (const part of el.parts) {
    if (typeof part === 'string') continue;
    if (nsKind(part.uri) !== 'wp') continue;
    if (part.local === 'meta_key') key = textOf(part).trim();
    else if (part.local === 'meta_value') value = textOf(part);
  }
  return { key, value };
}
