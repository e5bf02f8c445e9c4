/**
 * The one parse pipeline both `parseWxr` and `streamWxr` drive: bytes -> text
 * (`ByteDecoder`) -> tokens (`XmlTokenizer`) -> entries (`WxrReader`).
 */
import { WxrError } from '../errors.js';
import type { Diagnostic, WxrEntry } from '../model.js';
import { ByteDecoder } from '../xml/decode.js';
import { DiagnosticSink } from '../xml/diagnostics.js';
import { XmlTokenizer } from '../xml/tokenizer.js';
import type { ResolvedOptions } from './options.js';
import { WxrReader } from './reader.js';

/** Versions whose exporters left `]]>` inside CDATA unescaped. */
const OLD_CDATA = /^(0\.|1\.[01]$)/;

/**
 * One document being parsed.
 *
 * @example
 * const p = new WxrPipeline(resolveOptions({}), (entry) => entries.push(entry), true);
 * p.write(bytes); p.end();
 */
export class WxrPipeline {
  private readonly sink: DiagnosticSink;
  private readonly tokenizer: XmlTokenizer;
  private readonly reader: WxrReader;
  private decoder: ByteDecoder | null = null;
  private kind: 'text' | 'bytes' | null = null;
  private readonly emitText = (text: string, invalid: boolean): void => this.tokenizer.write(text, invalid);

  /**
   * `whole`: `parseWxr`'s mode: diagnostics are stored, short texts stay slices of the input (the
   * archive keeps nearly every chunk anyway), and the site may still be completed after it was emitted
   * (the archive holds that object). Streaming: diagnostics only go to the callback, short texts are
   * copied out of the chunks (the consumer may keep a few fields), and the emitted site is final.
   */
  constructor(options: ResolvedOptions, emit: (entry: WxrEntry) => void, whole: boolean) {
    this.sink = new DiagnosticSink(options.limits.maxDiagnostics, options.strict, options.onDiagnostic, whole);
    const reader = (this.reader = new WxrReader(emit, this.sink, {
      onVersion: (version) => {
        this.tokenizer.cdataEndRepair = OLD_CDATA.test(version);
      },
      siteOpen: whole,
    }));
    this.tokenizer = new XmlTokenizer(reader, {
      limits: options.limits,
      sink: this.sink,
      recover: options.recover,
      resyncTag: 'item',
      resyncDepth: 2,
      detachTexts: !whole,
    });
  }

  /** Diagnostics kept so far (when stored). */
  get diagnostics(): Diagnostic[] {
    return this.sink.kept;
  }

  /** Feeds one chunk; all chunks of a document must be strings, or all bytes. */
  write(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.expect('text');
      this.tokenizer.write(chunk);
    } else if (chunk instanceof Uint8Array) {
      this.expect('bytes');
      this.decoder ??= new ByteDecoder(this.sink);
      this.decoder.write(chunk, this.emitText);
    } else throw new WxrError('E_USAGE', 'the input must be a string or a Uint8Array (chunks of strings or bytes)');
  }

  /** Ends the document: flushes, checks that every element was closed, adds the truncation note. */
  end(): void {
    this.decoder?.end(this.emitText);
    this.tokenizer.end();
    this.reader.finish();
    this.sink.finish();
  }

  private expect(kind: 'text' | 'bytes'): void {
    if (this.kind === null) this.kind = kind;
    else if (this.kind !== kind) throw new WxrError('E_USAGE', 'a source must yield only strings or only bytes, not both');
  }
}
