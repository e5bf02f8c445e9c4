/** `streamWxr`: the same parse over an async iterable of chunks, yielding entries as they complete. */
import { WxrError } from '../errors.js';
import type { WxrEntry } from '../model.js';
import { resolveOptions, type ParseWxrOptions } from './options.js';
import { WxrPipeline } from './pipeline.js';

/**
 * Streams a WXR export: one `site` entry once the channel header is read, then authors,
 * terms and items in document order. Memory is bounded by the largest single item.
 * Diagnostics go to `options.onDiagnostic`.
 *
 * @example
 * import { createReadStream } from 'node:fs';
 * for await (const entry of streamWxr(createReadStream('blog.xml'))) {
 *   if (entry.kind === 'item') console.log(entry.item.title);
 * }
 */
export async function* streamWxr(source: AsyncIterable<string | Uint8Array>, options?: ParseWxrOptions): AsyncIterable<WxrEntry> {
  const resolved = resolveOptions(options);
  if (source === null || typeof source !== 'object' || typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
    throw new WxrError('E_USAGE', 'streamWxr expects an async iterable of strings or Uint8Arrays');
  }
  let queue: WxrEntry[] = [];
  const pipeline = new WxrPipeline(resolved, (entry) => queue.push(entry), false);
  for await (const chunk of source) {
    pipeline.write(chunk);
    if (queue.length > 0) {
      const ready = queue;
      queue = [];
      yield* ready;
    }
  }
  pipeline.end();
  yield* queue;
}
