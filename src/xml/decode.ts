/**
 * Bytes to text: BOM sniffing (UTF-8, UTF-16LE/BE), the XML declaration's `encoding`,
 * a streaming `TextDecoder` so characters split across chunks survive, and a flag per
 * chunk when invalid UTF-8 was replaced by U+FFFD (the tokenizer reports it with its line).
 */
import { WxrError } from '../errors.js';
import type { DiagnosticSink } from './diagnostics.js';

/** Bytes looked at before the encoding is decided (enough for a PHP warning before `<?xml`). */
const SNIFF_BYTES = 8192;

/** Receives decoded text; `invalidUtf8` marks chunks where bad bytes became U+FFFD. */
export type TextSink = (text: string, invalidUtf8: boolean) => void;

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Number of `EF BF BD` (an encoded U+FFFD) sequences in `bytes`. */
function countEncodedReplacement(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** `true` when `bytes` hold non-ASCII bytes that are all valid UTF-8 (an incomplete last character is allowed). */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A streaming decoder for one document.
 *
 * @example
 * const d = new ByteDecoder(sink); d.write(bytes, emit); d.end(emit);
 */
export class ByteDecoder {
  private sniffed: Uint8Array[] | null = [];
  private sniffedLength = 0;
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private utf8 = true;

  constructor(private readonly sink: DiagnosticSink) {}

  /** Decodes one chunk of bytes (possibly holding back a split character). */
  write(bytes: Uint8Array, emit: TextSink): void {
    if (this.sniffed !== null) {
      this.sniffed.push(bytes);
      this.sniffedLength += bytes.length;
      if (this.sniffedLength < SNIFF_BYTES) return;
      this.flushSniffed(emit);
      return;
    }
    this.decode(bytes, emit);
  }

  /** Flushes what is held back. */
  end(emit: TextSink): void {
    if (this.sniffed !== null) this.flushSniffed(emit);
    const rest = this.decoder?.decode() ?? '';
    if (rest.length > 0) emit(rest, this.utf8 && rest.includes('\uFFFD'));
  }

  private flushSniffed(emit: TextSink): void {
    const head = concat(this.sniffed ?? [], this.sniffedLength);
    this.sniffed = null;
    const skip = this.choose(head);
    this.decode(skip > 0 ? head.subarray(skip) : head, emit);
  }

  private decode(bytes: Uint8Array, emit: TextSink): void {
    const text = (this.decoder as InstanceType<typeof TextDecoder>).decode(bytes, { stream: true });
    if (text.length === 0) return;
    const invalid = this.utf8 && text.includes('\uFFFD') && countChar(text, '\uFFFD') > countEncodedReplacement(bytes);
    emit(text, invalid);
  }

  /** Picks the decoder from the first bytes; returns how many BOM bytes to skip. */
  private choose(head: Uint8Array): number {
    const [b0, b1, b2, b3] = [head[0], head[1], head[2], head[3]];
    if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return this.use('utf-8', 3);
    if (b0 === 0xff && b1 === 0xfe) return this.use('utf-16le', 2);
    if (b0 === 0xfe && b1 === 0xff) return this.use('utf-16be', 2);
    if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return this.use('utf-16le', 0);
    if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return this.use('utf-16be', 0);
    const text = latin1(head.subarray(0, SNIFF_BYTES));
    const decl = /<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text);
    const label = (decl?.[1] ?? 'utf-8').trim().toLowerCase();
    if (label === 'utf-8' || label === 'utf8') return this.use('utf-8', 0);
    if (label.startsWith('utf-16') || label === 'unicode') {
      this.sink.repair('W_ENCODING_MISMATCH', `the declared encoding "${decl?.[1] ?? ''}" does not match the bytes (no UTF-16 byte order); read as UTF-8`, { line: 1, column: 1 });
      return this.use('utf-8', 0);
    }
    let encoding: string;
    try {
      encoding = new TextDecoder(label).encoding;
    } catch {
      throw new WxrError('E_ENCODING', `the declared encoding "${decl?.[1] ?? label}" is not supported`, { line: 1, column: 1 });
    }
    if (encoding === 'utf-8') return this.use('utf-8', 0);
    if (looksLikeUtf8(head.subarray(0, 65_536))) {
      this.sink.repair('W_ENCODING_MISMATCH', `the declared encoding "${decl?.[1] ?? label}" does not match the bytes, which are UTF-8; read as UTF-8`, { line: 1, column: 1 });
      return this.use('utf-8', 0);
    }
    this.sink.add('info', 'W_ENCODING_LEGACY', `read as ${encoding}, as the XML declaration says`, { line: 1, column: 1 });
    return this.use(encoding, 0);
  }

  private use(encoding: string, skip: number): number {
    this.decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    this.utf8 = encoding === 'utf-8';
    if (!this.utf8 && encoding.startsWith('utf-16')) this.sink.add('info', 'W_UTF16', `the input is ${encoding.toUpperCase()}; decoded`, { line: 1, column: 1 });
    return skip;
  }
}
