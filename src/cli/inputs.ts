/**
 * The inputs of a run: files, folders and `-`, classified by kind, opened as byte streams
 * (gzip recognised by its magic bytes, whatever the name), with bytes counted for progress.
 */
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CliError, errnoCode, ioError } from './errors.js';

export type InputKind = 'wxr' | 'text' | 'html';

/** One input file (or standard input). */
export interface Input {
  kind: InputKind;
  /** As shown in messages: the path as given (or below the given folder), `-` for stdin. */
  name: string;
  /** Absolute path, or null for standard input. */
  path: string | null;
  /** Size on disk, when known. */
  size: number | null;
}

/** The kind of a file by its name; null when a folder walk should skip it. */
export function kindOf(name: string): InputKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xml') || lower.endsWith('.xml.gz') || lower.endsWith('.wxr')) return 'wxr';
  if (lower.endsWith('.txt')) return 'text';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return null;
}

/** Files a mirror or a folder of pages holds that are never blog pages. */
const NOT_PAGES = /^(?:robots|humans|ads|app-ads|security|llms|license|licence|readme|changelog|copying)\.txt$/i;

/** How many bytes are read to tell what a file is (WordPress's header comment alone is about 1 KB). */
const SNIFF_BYTES = 4096;

/** What the first bytes of a file show it to be: an input kind, or `other` (XML that is no export, a feed). */
export type Sniffed = InputKind | 'other';

/**
 * Tells a WXR export, a saved HTML page and a text page apart by their first bytes, whatever the
 * file is called. Gzip and UTF-16 are taken for exports (the reader checks them). An `<rss>` root
 * without WordPress's export namespace is a feed (`other`), as is XML with another root.
 */
export function sniffKind(head: Uint8Array): Sniffed {
  if (head.length >= 2 && ((head[0] === 0x1f && head[1] === 0x8b) || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'wxr';
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (!text.startsWith('<')) return 'text';
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]/.test(text)) return 'html';
  // The first element after the prolog, comments and a doctype.
  const root = /<([a-z_][\w:.-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?(?:-->|$)|<![\s\S]*?>/g, ''))?.[1];
  if (root === undefined) return text.startsWith('<?xml') ? 'wxr' : 'text';
  if (root === 'html') return 'html';
  if (root !== 'rss') return text.startsWith('<?xml') ? 'other' : 'text';
  return /wordpress\.(?:org|com)\/export\//.test(text) || !/<rss[^>]*>/.test(text) ? 'wxr' : 'other';
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function walk(dir: string, shown: string, out: Input[], skipped: string[]): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e) {
    throw ioError(e, shown, 'read the folder');
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = await lstat(path);
    // Links are not followed in a folder walk: no loops, nothing read from outside the folder.
    if (st.isDirectory()) await walk(path, `${shown}/${name}`, out, skipped);
    else if (st.isFile()) {
      const byName = kindOf(name);
      if (byName === null) continue;
      // A mirror also holds feeds, manifests, sitemaps and robots.txt: only exports and pages are read.
      // A file that cannot be read keeps its kind by name, so that reading it reports the error.
      const head = NOT_PAGES.test(name) || name.toLowerCase().endsWith('.gz') ? null : await readHead(path).catch(() => null);
      const sniffed = NOT_PAGES.test(name) ? 'other' : head === null ? byName : sniffKind(head);
      const kind = sniffed !== 'text' ? sniffed : byName === 'wxr' ? 'other' : byName;
      if (kind === 'other') skipped.push(`${shown}/${name}`);
      else out.push({ kind, name: `${shown}/${name}`, path, size: st.size });
    }
  }
}

/**
 * Resolves the positional arguments into inputs: a file is taken by its name (`.xml`, `.xml.gz`, `.wxr` a
 * WXR export, `.html` a saved page), and a `.txt` or a name without a known ending by its first bytes
 * (a WXR export saved as `.txt` is read as one; text that is no markup stays a text page, and a name
 * without an ending an export, as before); a folder contributes
 * its `.xml`, `.xml.gz`, `.txt` and `.html` files, sorted, leaving out what is no export and no page
 * (feeds, other XML, `robots.txt`, …: their names go to `skipped`); `-` is standard input (a WXR export).
 */
export async function collectInputs(args: readonly string[], cwd: string, skipped: string[] = []): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'wxr', name: '-', path: null, size: null });
      continue;
    }
    const path = resolve(cwd, arg);
    let st;
    try {
      st = await stat(path);
    } catch (e) {
      throw ioError(e, arg, 'read the input');
    }
    if (st.isDirectory()) {
      const found: Input[] = [];
      await walk(path, arg.replace(/\/+$/, ''), found, skipped);
      if (found.length === 0) throw new CliError('E_IO', 'no WXR exports, .txt or .html pages in this folder', arg);
      inputs.push(...found);
    } else {
      // A file named on the command line is always read. `.xml`/`.html` are taken at their word (the
      // reader says clearly what else they are); a `.txt` or a name without a known ending is sniffed.
      const byName = kindOf(arg);
      let kind: InputKind = byName ?? 'wxr';
      if ((byName === null || byName === 'text') && st.isFile()) {
        const head = await readHead(path).catch(() => null);
        const sniffed = head === null ? 'text' : sniffKind(head);
        kind = sniffed === 'other' ? 'wxr' : sniffed === 'text' ? (byName ?? 'wxr') : sniffed;
      }
      inputs.push({ kind, name: arg, path, size: st.size });
    }
  }
  return inputs;
}

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

/** Counts the bytes that pass (before decompression, so progress matches the file size). */
async function* counted(source: AsyncIterable<Uint8Array | string>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const bytes = toBytes(chunk);
    onBytes(bytes.byteLength);
    yield bytes;
  }
}

/** Passes bytes through, gunzipping them when they start with the gzip magic bytes 1f 8b. */
/** Archive and compression formats the reader cannot take (gzip it can), by their magic bytes. */
function packedAs(head: Uint8Array): string | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z';
  return null;
}

export async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  while (head.byteLength < 6) {
    const next = await it.next();
    if (next.done) break;
    head = head.byteLength === 0 ? next.value : Buffer.concat([head, next.value]);
  }
  const packed = packedAs(head);
  if (packed !== null) throw new CliError('E_IO', `this is a ${packed} file, not an export: ${packed === 'zip' ? 'unzip it (a WordPress.com export is a .zip of .xml files) and give the .xml files' : 'decompress it first'}`, name);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest();
    return;
  }
  const compressed = Readable.from(rest());
  const gunzip = createGunzip();
  compressed.on('error', (e) => gunzip.destroy(e));
  compressed.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (e) {
    throw ioError(e, name, 'decompress');
  }
}

/** The bytes of an input, decompressed, each raw chunk reported to `onBytes`. */
export function openBytes(
  input: Input,
  stdin: AsyncIterable<Uint8Array | string>,
  onBytes: (n: number) => void,
): AsyncIterable<Uint8Array> {
  const raw: AsyncIterable<Uint8Array | string> = input.path === null ? stdin : readFileChunks(input);
  return gunzipIfNeeded(counted(raw, onBytes), input.name);
}

async function* readFileChunks(input: Input): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(input.path ?? '', { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (e) {
    throw ioError(e, input.name, 'read the input');
  } finally {
    stream.destroy();
  }
}

/** A whole text or HTML page as a string (these are small; gzip is accepted too). */
export async function readText(input: Input, stdin: AsyncIterable<Uint8Array | string>, onBytes: (n: number) => void): Promise<string> {
  if (input.path !== null && !input.name.endsWith('.gz')) {
    try {
      const buf = await readFile(input.path);
      onBytes(buf.byteLength);
      return buf.toString('utf8');
    } catch (e) {
      if (errnoCode(e) !== undefined) throw ioError(e, input.name, 'read the input');
      throw e;
    }
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of openBytes(input, stdin, onBytes)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
