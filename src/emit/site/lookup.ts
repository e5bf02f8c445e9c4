/**
 * What rendering one item needs to know about the rest of the archive (author display
 * names, attachment URLs), as Maps so that attacker strings are never object keys.
 * Filled from a whole archive or, while streaming, entry by entry.
 */
import type { Archive, Author, Item } from '../../model.js';
import type { AttachmentRef } from '../../normalize/markdown/types.js';
import { own } from './own.js';

/** What is known about one attachment: the shape `htmlToMarkdown`'s `attachments` option takes. */
export type AttachmentInfo = AttachmentRef;

/** Author display names by login, attachments by item id, attachment ids by parent post id. */
export interface ArchiveLookup {
  authors: Map<string, string>;
  attachments: Map<number, AttachmentInfo>;
  children: Map<number, number[]>;
}

/** An empty lookup, to be filled with {@link addAuthor} and {@link addItem}. */
export function emptyLookup(): ArchiveLookup {
  return { authors: new Map(), attachments: new Map(), children: new Map() };
}

/** Records an author's display name (falling back to first + last name, then the login). */
export function addAuthor(lookup: ArchiveLookup, author: Author): void {
  const full = `${author.firstName} ${author.lastName}`.trim();
  lookup.authors.set(own(author.login), own(author.displayName || full || author.login));
}

/** Records an attachment's URL; other items are ignored. */
export function addItem(lookup: ArchiveLookup, item: Item): void {
  if (item.type === 'attachment') {
    const url = item.attachmentUrl ?? item.guid;
    if (!url) return;
    const info: AttachmentInfo = { url: own(url) };
    const alt = item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value;
    if (alt) info.alt = own(alt);
    if (item.excerpt.trim() !== '') info.caption = own(item.excerpt.trim());
    if (item.title !== '') info.title = own(item.title);
    lookup.attachments.set(item.id, info);
    if (item.parentId !== null) {
      const list = lookup.children.get(item.parentId) ?? [];
      list.push(item.id);
      lookup.children.set(item.parentId, list);
    }
  }
}

/**
 * The lookup for a whole archive.
 *
 * @example
 * lookupFromArchive(archive).authors.get('admin') // 'Site Admin'
 */
export function lookupFromArchive(archive: Archive): ArchiveLookup {
  const lookup = emptyLookup();
  for (const a of archive.authors) addAuthor(lookup, a);
  for (const item of archive.items) addItem(lookup, item);
  return lookup;
}

/** The featured image URL of an item (`_thumbnail_id` resolved), if known. */
export function featuredImage(item: Item, lookup: ArchiveLookup): string | undefined {
  const meta = item.meta.find((m) => m.key === '_thumbnail_id');
  if (!meta) return undefined;
  const id = Number.parseInt(meta.value, 10);
  return Number.isFinite(id) ? lookup.attachments.get(id)?.url : undefined;
}
