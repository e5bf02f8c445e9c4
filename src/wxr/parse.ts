/** `parseWxr`: one whole WXR document (string or bytes) into an `Archive`. */
import { WxrError } from '../errors.js';
import type { Archive, Author, Item, Site, Term, WxrEntry } from '../model.js';
import { resolveOptions, type ParseWxrOptions } from './options.js';
import { WxrPipeline } from './pipeline.js';

const CHUNK = 65_536;

/**
 * Parses a whole WXR export (1.0, 1.1, 1.2; WordPress.com and self-hosted). Known exporter
 * defects are repaired with a warning each (errors with `strict: true`); anything else
 * ill-formed throws `WxrError` with line and column, unless `recover: true`.
 *
 * @example
 * import { parseWxr } from 'wxr-kit';
 * const archive = parseWxr(readFileSync('blog.xml'));
 * console.log(archive.items.length, archive.diagnostics);
 */
export function parseWxr(input: string | Uint8Array, options?: ParseWxrOptions): Archive {
  const resolved = resolveOptions(options);
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new WxrError('E_USAGE', 'parseWxr expects a string or a Uint8Array');
  }
  if (input.length > resolved.limits.maxInputBytes) {
    throw new WxrError('E_LIMIT_INPUT', `the input (${input.length} bytes) is larger than limits.maxInputBytes (${resolved.limits.maxInputBytes}); use streamWxr`);
  }
  let site: Site | null = null;
  const authors: Author[] = [];
  const terms: Term[] = [];
  const items: Item[] = [];
  const collect = (entry: WxrEntry): void => {
    if (entry.kind === 'site') site = entry.site;
    else if (entry.kind === 'author') authors.push(entry.author);
    else if (entry.kind === 'term') terms.push(entry.term);
    else items.push(entry.item);
  };
  // The whole-document mode: no copies of short texts (the archive keeps nearly every chunk of the input anyway).
  const pipeline = new WxrPipeline(resolved, collect, true);
  // Decoding and scanning in 64 KiB pieces is faster than one huge string (measured: TextDecoder
  // on 64 KiB chunks is about twice as fast as on the whole buffer, and ASCII pieces stay one-byte strings).
  for (let at = 0; at < input.length; at += CHUNK) {
    pipeline.write(typeof input === 'string' ? input.slice(at, at + CHUNK) : input.subarray(at, at + CHUNK));
  }
  pipeline.end();
  if (site === null) throw new WxrError('E_NOT_WXR', 'no WXR channel was found');
  return { site, authors, terms, items, diagnostics: pipeline.diagnostics };
}
