/**
 * NDJSON: one `WxrEntry` per line, produced while the entries arrive, so that a
 * streamed parse never holds more than one item.
 */
import type { Archive, Diagnostic, WxrEntry } from '../model.js';
import { addAuthorName, emitContext, finishJson, orderEntry, threadMode } from './json.js';
import type { ThreadMode } from './json.js';

/** Options of {@link toNdjson}. */
export interface ToNdjsonOptions {
  /**
   * Add `threads: CommentNode[]` to every item entry (as `toJson` does); `'mentions'`
   * also threads flat `@Name` replies. Post authors are matched by the display names
   * of the author entries seen before the item. Default: `false`.
   */
  threads?: boolean | 'mentions';
  /** Called with what threading finds (a missing parent, a cycle, …) when `threads` is on. Default none. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/**
 * Every entry of a whole archive in stream order: the site, authors, terms, then items.
 * The same sequence `streamWxr` yields for the same document.
 *
 * @example
 * for await (const line of toNdjson(archiveEntries(parseWxr(xml)))) process.stdout.write(line);
 */
export function* archiveEntries(archive: Archive): Generator<WxrEntry> {
  if (archive === null || typeof archive !== 'object') return;
  const list = <T>(v: readonly T[] | undefined): readonly T[] => (Array.isArray(v) ? v : []);
  yield { kind: 'site', site: archive.site };
  for (const author of list(archive.authors)) yield { kind: 'author', author };
  for (const term of list(archive.terms)) yield { kind: 'term', term };
  for (const item of list(archive.items)) yield { kind: 'item', item };
}

/** One entry as one NDJSON line (with its `\n`), keys in the model's order. */
export function entryLine(entry: WxrEntry, options: ToNdjsonOptions = {}): string {
  return line(entry, threadMode(options.threads), new Map(), options.onDiagnostic);
}

function line(
  entry: WxrEntry,
  mode: ThreadMode,
  names: ReadonlyMap<string, string>,
  onDiagnostic: ((d: Diagnostic) => void) | undefined,
): string {
  if (mode === null) return `${JSON.stringify(orderEntry(entry))}\n`;
  for (;;) {
    const ctx = emitContext(mode, names, '', 0);
    const json = finishJson(JSON.stringify(orderEntry(entry, ctx)), ctx);
    if (json === null) continue;
    if (typeof onDiagnostic === 'function') for (const d of ctx.diagnostics) onDiagnostic(d);
    return `${json}\n`;
  }
}

/**
 * NDJSON of a stream of entries: one line per entry, each ending in `\n`, in the key
 * order of `toJson`. Lines are produced as the entries arrive (nothing is buffered),
 * so `streamWxr(...)` piped through this keeps memory bounded by the largest item.
 *
 * @example
 * import { createReadStream } from 'node:fs';
 * import { streamWxr, toNdjson } from 'wxr-kit';
 * for await (const line of toNdjson(streamWxr(createReadStream('export.xml')))) {
 *   process.stdout.write(line); // {"kind":"site","site":{...}}\n{"kind":"author",...}\n...
 * }
 */
export async function* toNdjson(
  entries: AsyncIterable<WxrEntry> | Iterable<WxrEntry>,
  options: ToNdjsonOptions = {},
): AsyncGenerator<string> {
  options = options ?? {};
  const mode = threadMode(options.threads);
  const names = new Map<string, string>();
  for await (const entry of entries) {
    if (mode !== null && entry !== null && typeof entry === 'object' && entry.kind === 'author') addAuthorName(names, entry.author);
    yield line(entry, mode, names, options.onDiagnostic);
  }
}
