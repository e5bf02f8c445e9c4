/** Helpers for the core-parser tests: fixtures, chunked sources, stream collection, tiny WXR documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive, Diagnostic, WxrEntry } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { streamWxr } from '../src/wxr/stream.js';
import type { ParseWxrOptions } from '../src/wxr/options.js';
import { FIXTURES } from './helpers/corpus.js';

export const WXR_FIXTURES = join(FIXTURES, 'wxr');

/** The bytes of `fixtures/wxr/<name>`. */
export function fixture(name: string): Uint8Array {
  return readFileSync(join(WXR_FIXTURES, name));
}

/** An async source yielding `bytes` in chunks of `size`. */
export async function* chunked(bytes: Uint8Array | string, size: number): AsyncIterable<Uint8Array | string> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** Runs `streamWxr` and gathers the entries into an archive (diagnostics via `onDiagnostic`). */
export async function streamToArchive(source: AsyncIterable<string | Uint8Array>, options: ParseWxrOptions = {}): Promise<Archive & { order: WxrEntry['kind'][] }> {
  const diagnostics: Diagnostic[] = [];
  const archive = { site: null as unknown as Archive['site'], authors: [] as Archive['authors'], terms: [] as Archive['terms'], items: [] as Archive['items'], diagnostics, order: [] as WxrEntry['kind'][] };
  for await (const entry of streamWxr(source, { ...options, onDiagnostic: (d) => diagnostics.push(d) })) {
    archive.order.push(entry.kind);
    if (entry.kind === 'site') archive.site = entry.site;
    else if (entry.kind === 'author') archive.authors.push(entry.author);
    else if (entry.kind === 'term') archive.terms.push(entry.term);
    else archive.items.push(entry.item);
  }
  return archive;
}

/** The JSON-visible shape of an archive (drops the stream's `order`). */
export function plain(archive: Archive): unknown {
  const { site, authors, terms, items, diagnostics } = archive;
  return JSON.parse(JSON.stringify({ site, authors, terms, items, diagnostics }));
}

/** The error a call throws (or undefined). */
export function thrown(fn: () => unknown): (Error & { code?: string; line?: number; column?: number }) | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  return undefined;
}

/** A small WXR document around `body` (authors, terms, items). */
export function wxr(body: string, version = '1.2', channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/${version}/">
<channel>
<title>T</title>
<link>https://example.org</link>
<wp:wxr_version>${version}</wp:wxr_version>
<wp:base_site_url>https://example.org</wp:base_site_url>
${channelExtra}${body}
</channel>
</rss>
`;
}

/** A minimal item. */
export function item(id: number, inner = ''): string {
  return `<item><title>Post ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>${inner}</item>`;
}

/** Diagnostic codes of an archive. */
export function codes(archive: Archive): string[] {
  return archive.diagnostics.map((d) => d.code);
}

export { parseWxr };
