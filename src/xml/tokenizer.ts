/**
 * A small push tokenizer for XML over decoded text: `write(chunk)` as often as needed,
 * then `end()`. It calls an `XmlHandler` synchronously, checks structure (crossed tags,
 * truncation), resolves namespaces, decodes references outside CDATA once, and repairs
 * the defects WordPress exporters are known to write (each a diagnostic). It scans with
 * `indexOf` and sticky regexes, and keeps line:column by counting newlines it passes.
 *
 * No DTD is ever read: a DOCTYPE with an internal subset is refused (`E_DOCTYPE`).
 */
import { WxrError, type WxrErrorCode } from '../errors.js';
import type { DiagnosticSink, Finding } from './diagnostics.js';
import { decodeReferences } from './entities.js';
import type { XmlLimits } from './limits.js';
import { declare, ROOT_SCOPE, splitName, undeclaredUri, XMLNS_NS, type NsScope } from './namespaces.js';
import { NameCache } from './names.js';
import { asIs, ATTR_WS, BAD_CHARS, BAD_CHARS_G, detach, NO_ATTRS, NO_PARTS, NON_SPACE, PHP_HTML, scanName, skipSpace } from './scan.js';
import type { RawElement, XmlAttr, XmlHandler } from './types.js';

const PROLOG = 0;
const CONTENT = 1;
const CDATA = 2;
const AFTER = 3;
const DISCARD = 4;
const RESYNC = 5;

const BANG_PREFIXES = ['<!--', '<![CDATA[', '<!DOCTYPE'];
/** How far past a `]]>` in old CDATA the tokenizer looks to decide whether it ends the section. */
const CDATA_LOOKAHEAD = 65_536;
/** How far before a chunk's end a reference may start and still be incomplete. */
const REF_WINDOW = 72;
/** How many characters the prolog check waits for while looking for `<?xml` after junk. */
const PROLOG_WINDOW = 8192;
/** Errors `recover: true` can skip past. */
const RECOVERABLE: ReadonlySet<WxrErrorCode> = new Set<WxrErrorCode>([
  'E_XML_SYNTAX',
  'E_TAG_MISMATCH',
  'E_TRUNCATED',
  'E_ENTITY',
  'E_CHAR',
  'E_STRICT',
  'E_LIMIT_DEPTH',
  'E_LIMIT_TEXT',
  'E_LIMIT_NAME',
  'E_LIMIT_ATTRS',
]);

/** Settings of one tokenizer. */
export interface TokenizerOptions {
  readonly limits: XmlLimits;
  readonly sink: DiagnosticSink;
  /** Skip ill-formed parts instead of throwing (each skip an `error` diagnostic). */
  readonly recover: boolean;
  /** Where recover mode resumes: the next `<resyncTag` among the children of the element at `resyncDepth`. */
  readonly resyncTag: string;
  readonly resyncDepth: number;
  /**
   * Copy texts and attribute values of 13–1024 characters out of the input chunk (see `detach`),
   * so that a consumer keeping a few short fields does not keep whole chunks alive. Default `true`;
   * `parseWxr` turns it off, as the archive it returns keeps (nearly) all the input anyway.
   */
  readonly detachTexts?: boolean;
}

/**
 * The push tokenizer. Errors are `WxrError`s with line and column.
 *
 * @example
 * const t = new XmlTokenizer(handler, options);
 * t.write('<rss><chan'); t.write('nel/></rss>'); t.end();
 */
export class XmlTokenizer {
  /** Repair a raw `]]>` inside CDATA (WXR 1.0/1.1 wrote them unescaped); set by the WXR layer. */
  cdataEndRepair = false;

  private buf = '';
  private pos = 0;
  /** Absolute offset of `buf[0]`. */
  private base = 0;
  private line = 1;
  /** Absolute offset where the current line starts. */
  private lineStart = 0;
  /** Index in `buf` of the next newline at or after `pos`; -1 none, -2 unknown. */
  private nl = -2;
  private mode = PROLOG;
  /** Open elements (their start objects) and, in parallel, their namespace scopes. */
  private readonly stack: RawElement[] = [];
  private readonly scopes: NsScope[] = [];
  private textRun = 0;
  private heldCR = false;
  /** The decoder met invalid UTF-8 (U+FFFD from then on are reported). */
  private invalidUtf8 = false;
  /** Absolute offset where the last chunk holding forbidden characters ends; pieces after it need no check. */
  private dirtyEnd = 0;
  private prologChecked = false;
  private junk: Finding | null = null;
  /** Where the open CDATA section started. */
  private cdataLine = 1;
  private cdataColumn = 1;
  private rootSeen = false;
  private declSeen = false;
  private endReported = false;
  private readonly undeclared = new Set<string>();
  private readonly names = new NameCache();
  private readonly limits: XmlLimits;
  private readonly sink: DiagnosticSink;
  private readonly detach: (s: string) => string;

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: TokenizerOptions,
  ) {
    this.limits = options.limits;
    this.sink = options.sink;
    this.detach = options.detachTexts === false ? asIs : detach;
  }

  /** Feeds decoded text. `invalidUtf8` says the decoder replaced bad bytes in this chunk with U+FFFD. */
  write(chunk: string, invalidUtf8 = false): void {
    if (this.mode === DISCARD || chunk.length === 0) return;
    if (this.heldCR) {
      chunk = `\r${chunk}`;
      this.heldCR = false;
    }
    if (chunk.charCodeAt(chunk.length - 1) === 13) {
      this.heldCR = true;
      chunk = chunk.slice(0, -1);
    }
    if (chunk.includes('\r')) chunk = chunk.replace(/\r\n?/g, '\n');
    this.append(chunk, invalidUtf8);
    this.run(false);
  }

  /** Signals the end of input; throws `E_TRUNCATED` if elements are still open. */
  end(): void {
    if (this.heldCR) {
      this.heldCR = false;
      this.append('\n', false);
    }
    this.run(true);
    this.finish();
  }

  // ---- buffer and positions ----

  private append(chunk: string, invalidUtf8: boolean): void {
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : '';
    this.base += this.pos;
    if (this.nl >= 0) this.nl -= this.pos;
    else this.nl = -2;
    this.pos = 0;
    this.buf = rest + chunk;
    if (invalidUtf8) this.invalidUtf8 = true;
    if (BAD_CHARS.test(chunk)) this.dirtyEnd = this.base + this.buf.length;
  }

  /**
   * Removes characters XML forbids from a piece of text starting at `start` in `buf`
   * (W_CHAR_REMOVED), and reports decoder replacements (W_INVALID_UTF8) once per line.
   * Done per piece, when the piece is consumed, so positions are the input's own.
   */
  private clean(text: string, start: number): string {
    const badUtf8 = this.invalidUtf8 && text.includes('\uFFFD');
    if (!badUtf8 && (this.base + start >= this.dirtyEnd || !BAD_CHARS.test(text))) return text;
    const re = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uFFFD]/g;
    let lastBadLine = -1;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const cp = m[0].charCodeAt(0);
      if (cp === 0xfffd) {
        if (!badUtf8) continue;
        const at = this.where(start + m.index);
        if (at.line !== lastBadLine) this.sink.repair('W_INVALID_UTF8', 'bytes that are not valid UTF-8 were replaced by U+FFFD', at);
        lastBadLine = at.line;
      } else {
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        this.sink.repair('W_CHAR_REMOVED', `the character U+${hex}, which XML does not allow, was removed`, this.where(start + m.index));
      }
    }
    return text.replace(BAD_CHARS_G, '');
  }

  /** Moves `pos` to `to`, counting the newlines passed. */
  private advance(to: number): void {
    const buf = this.buf;
    let nl = this.nl;
    if (nl === -2 || (nl >= 0 && nl < this.pos)) nl = buf.indexOf('\n', this.pos);
    while (nl !== -1 && nl < to) {
      this.line++;
      this.lineStart = this.base + nl + 1;
      nl = buf.indexOf('\n', nl + 1);
    }
    this.nl = nl;
    this.pos = to;
  }

  /** Line and column of `index` (at or after `pos`) in `buf`. */
  private where(index: number): { line: number; column: number } {
    if (index === this.pos) return { line: this.line, column: this.base + index - this.lineStart + 1 };
    let line = this.line;
    let lineStart = this.lineStart;
    let nl = this.nl;
    if (nl === -2 || (nl >= 0 && nl < this.pos)) nl = this.buf.indexOf('\n', this.pos);
    while (nl !== -1 && nl < index) {
      line++;
      lineStart = this.base + nl + 1;
      nl = this.buf.indexOf('\n', nl + 1);
    }
    return { line, column: this.base + index - lineStart + 1 };
  }

  /** ` (open: <rss> <channel> <item>)` for a truncation message; only called when an error is thrown. */
  private openElements(): string {
    return this.stack.length === 0 ? '' : ` (open: ${this.stack.map((f) => `<${f.name}>`).join(' ')})`;
  }

  private fail(code: WxrErrorCode, message: string, index: number): WxrError {
    return new WxrError(code, message, this.where(index));
  }

  /** Not enough input for the token at `pos`: wait, or at the end, fail as truncated. */
  private more(final: boolean, what: string): false {
    if (final) throw this.fail('E_TRUNCATED', `the input ends inside ${what}${this.openElements()}`, this.pos);
    if (this.buf.length - this.pos > this.limits.maxTextLength + 65_536) {
      throw this.fail('E_LIMIT_TEXT', `${what} is longer than limits.maxTextLength (${this.limits.maxTextLength})`, this.pos);
    }
    return false;
  }

  // ---- main loop ----

  private run(final: boolean): void {
    for (;;) {
      try {
        while (this.mode !== DISCARD && this.pos < this.buf.length && this.step(final)) {
          /* each step consumes one token */
        }
        return;
      } catch (error) {
        if (!this.recoverFrom(error, final)) throw error;
      }
    }
  }

  private step(final: boolean): boolean {
    if (this.mode === CDATA) return this.cdata(final);
    if (this.mode === RESYNC) return this.resync(final);
    if (this.mode === PROLOG && !this.prologChecked) return this.prolog(final);
    const buf = this.buf;
    const pos = this.pos;
    const c0 = buf.charCodeAt(pos);
    if (c0 !== 60) {
      // Layout whitespace between tags (most text tokens of an export): no references, no
      // forbidden characters, newlines counted on the way.
      if ((c0 === 10 || c0 === 32 || c0 === 9) && this.stack.length > 0 && this.layout(pos)) return true;
      return this.text(buf.indexOf('<', pos), final);
    }
    if (pos + 1 >= buf.length) return this.more(final, 'markup');
    const c = buf.charCodeAt(pos + 1);
    if (c === 47) return this.endTag(final);
    if (c === 33) return this.bang(final);
    if (c === 63) return this.pi(final);
    return this.startTag(final);
  }

  /**
   * Skips a BOM and junk before `<?xml` (a PHP warning printed into the export, as text or
   * as PHP's `<br />`/`<b>` HTML). Waits (up to a window) only when the start looks like junk.
   */
  private prolog(final: boolean): boolean {
    const buf = this.buf;
    if (this.base === 0 && this.pos === 0 && buf.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
    const first = buf.slice(this.pos, this.pos + PROLOG_WINDOW).search(NON_SPACE);
    if (first === -1) {
      if (!final && buf.length - this.pos < PROLOG_WINDOW) return false;
      this.prologChecked = true;
      return true;
    }
    const start = this.pos + first;
    if (buf.charCodeAt(start) === 60) {
      if (buf.length - start < 4 && !final) return false;
      if (!PHP_HTML.test(buf.slice(start, start + 4))) {
        this.prologChecked = true;
        return true;
      }
    }
    const at = buf.indexOf('<?xml', start);
    if (at === -1 && buf.length - this.pos < PROLOG_WINDOW && !final) return false;
    this.prologChecked = true;
    if (at > start) {
      this.junk = this.where(start);
      this.advance(at);
    }
    return true;
  }

  /**
   * Whitespace at `pos` that runs up to a `<`: handed on as text, newlines counted here.
   * False when something else comes first (the general `text` path takes over).
   */
  private layout(pos: number): boolean {
    const buf = this.buf;
    const n = buf.length;
    let i = pos;
    let line = this.line;
    let lineStart = this.lineStart;
    for (; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = this.base + i + 1;
      } else if (c !== 32 && c !== 9) break;
    }
    if (i >= n || buf.charCodeAt(i) !== 60) return false;
    this.textRun += i - pos;
    if (this.textRun > this.limits.maxTextLength) return false;
    this.line = line;
    this.lineStart = lineStart;
    if (this.nl >= 0 && this.nl < i) this.nl = -2;
    this.pos = i;
    this.handler.onText(this.detach(buf.slice(pos, i)), false);
    return true;
  }

  private text(lt: number, final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    let end = lt === -1 ? buf.length : lt;
    if (lt === -1 && !final) {
      let last = -1;
      for (let a = buf.indexOf('&', Math.max(pos, end - REF_WINDOW)); a !== -1; a = buf.indexOf('&', a + 1)) last = a;
      if (last !== -1 && buf.indexOf(';', last) === -1) end = last;
      if (end === pos) return false;
    }
    if (this.stack.length === 0) {
      this.outsideText(pos, end);
      return true;
    }
    let text = this.clean(buf.slice(pos, end), pos);
    this.textRun += text.length;
    if (this.textRun > this.limits.maxTextLength) throw this.fail('E_LIMIT_TEXT', `a text longer than limits.maxTextLength (${this.limits.maxTextLength})`, pos);
    if (text.includes('&')) text = decodeReferences(text, (code, message, offset) => this.sink.repair(code, message, this.where(pos + offset)));
    this.advance(end);
    this.handler.onText(this.detach(text), false);
    return true;
  }

  private outsideText(pos: number, end: number): void {
    const slice = this.buf.slice(pos, end);
    const first = slice.search(NON_SPACE);
    if (first !== -1) {
      if (!this.rootSeen) this.junk ??= this.where(pos + first);
      else this.trailingJunk(pos + first);
    }
    if (this.mode !== DISCARD) this.advance(end);
  }

  /** Anything but comments, PIs and whitespace after the root: ignored with a warning (or an error in strict mode). */
  private trailingJunk(index: number): void {
    this.sink.repair('W_TEXT_OUTSIDE_ROOT', 'text after the root element was ignored', this.where(index));
    this.mode = DISCARD;
    this.buf = '';
    this.pos = 0;
  }

  private endTag(final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    const gt = buf.indexOf('>', pos + 2);
    if (gt === -1) {
      if (buf.length - pos > this.limits.maxNameLength + 64) throw this.fail('E_LIMIT_NAME', 'a closing tag longer than limits.maxNameLength', pos);
      return this.more(final, 'a closing tag');
    }
    const open = this.stack[this.stack.length - 1]?.name;
    const name = open !== undefined && gt === pos + 2 + open.length && buf.startsWith(open, pos + 2) ? open : buf.slice(pos + 2, gt).trimEnd();
    if (name !== open && (name.length === 0 || !/^[^\s<>/"'=&]+$/.test(name))) throw this.fail('E_XML_SYNTAX', `malformed closing tag "${buf.slice(pos, Math.min(gt + 1, pos + 60))}"`, pos);
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      if (this.rootSeen) {
        this.trailingJunk(pos);
        return true;
      }
      throw this.fail('E_XML_SYNTAX', `closing tag </${name}> without an open element`, pos);
    }
    if (top.name !== name) {
      throw this.fail('E_TAG_MISMATCH', `</${name}> does not close <${top.name}> (opened at ${top.line}:${top.column})`, pos);
    }
    this.stack.pop();
    this.scopes.pop();
    this.textRun = 0;
    this.advance(gt + 1);
    if (this.stack.length === 0) this.mode = AFTER;
    this.handler.onEnd(name);
    return true;
  }

  private bang(final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    if (buf.length - pos < 9) {
      const head = buf.slice(pos);
      if (BANG_PREFIXES.some((p) => p.startsWith(head) && head.length < p.length)) return this.more(final, 'markup');
    }
    if (buf.charCodeAt(pos + 2) === 91 && buf.startsWith('<![CDATA[', pos)) {
      if (this.stack.length === 0) throw this.fail('E_XML_SYNTAX', 'a CDATA section outside the root element', pos);
      this.cdataLine = this.line;
      this.cdataColumn = this.base + pos - this.lineStart + 1;
      this.advance(pos + 9);
      this.mode = CDATA;
      return true;
    }
    if (buf.startsWith('<!--', pos)) {
      const end = buf.indexOf('-->', pos + 4);
      if (end === -1) return this.more(final, 'a comment');
      const body = buf.slice(pos + 4, end);
      if (body.includes('--') || body.endsWith('-')) this.sink.repair('W_COMMENT_DASHES', 'a comment contains "--"', this.where(pos));
      this.advance(end + 3);
      if (this.stack.length === 0) this.handler.onProlog?.(body);
      return true;
    }
    if (buf.startsWith('<!DOCTYPE', pos)) return this.doctype(final);
    throw this.fail('E_XML_SYNTAX', `unexpected "${buf.slice(pos, pos + 12)}"`, pos);
  }

  /** A DOCTYPE: refused with an internal subset (entity declarations), else ignored with a warning. */
  private doctype(final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    if (this.rootSeen) throw this.fail('E_DOCTYPE', 'a DOCTYPE inside the document', pos);
    const re = /[[>"']/g;
    re.lastIndex = pos + 9;
    for (;;) {
      const m = re.exec(buf);
      if (!m) return this.more(final, 'a DOCTYPE');
      const ch = m[0];
      if (ch === '[') throw this.fail('E_DOCTYPE', 'a DOCTYPE with entity declarations was refused (WXR never has one)', pos);
      if (ch === '>') {
        this.sink.repair('W_DOCTYPE_IGNORED', 'the DOCTYPE was ignored (no DTD is read)', this.where(pos));
        this.advance(m.index + 1);
        return true;
      }
      const close = buf.indexOf(ch, m.index + 1);
      if (close === -1) return this.more(final, 'a DOCTYPE');
      re.lastIndex = close + 1;
    }
  }

  private pi(final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    const end = buf.indexOf('?>', pos + 2);
    if (end === -1) return this.more(final, 'a processing instruction');
    const target = /^[^\s?]*/.exec(buf.slice(pos + 2, Math.min(end, pos + 42)))?.[0] ?? '';
    if (target.toLowerCase() === 'xml') {
      if (this.rootSeen) throw this.fail('E_XML_SYNTAX', 'an XML declaration after the document started (two documents in one file?)', pos);
      if (this.declSeen) this.sink.repair('W_TEXT_OUTSIDE_ROOT', 'a second XML declaration was ignored', this.where(pos));
      this.declSeen = true;
    }
    this.advance(end + 2);
    return true;
  }

  private startTag(final: boolean): boolean {
    const buf = this.buf;
    const pos = this.pos;
    const limits = this.limits;
    const nameEnd = scanName(buf, pos + 1);
    if (nameEnd === pos + 1) throw this.fail('E_XML_SYNTAX', `"<" not followed by a name: "${buf.slice(pos, pos + 20)}"`, pos);
    if (nameEnd - pos - 1 > limits.maxNameLength) throw this.fail('E_LIMIT_NAME', `an element name longer than limits.maxNameLength (${limits.maxNameLength})`, pos);
    const name = buf.slice(pos + 1, nameEnd);
    // Phase 1: find the whole tag (names and value ranges) before reporting anything.
    let i = nameEnd;
    let names: string[] | null = null;
    let ranges: number[] | null = null;
    let selfClosing = false;
    for (;;) {
      const sp = skipSpace(buf, i);
      if (sp >= buf.length) return this.more(final, `the start tag <${name}>`);
      const ch = buf.charCodeAt(sp);
      if (ch === 62) {
        i = sp + 1;
        break;
      }
      if (ch === 47) {
        if (sp + 1 >= buf.length) return this.more(final, `the start tag <${name}>`);
        if (buf.charCodeAt(sp + 1) !== 62) throw this.fail('E_XML_SYNTAX', `unexpected "/" in the start tag <${name}>`, sp);
        selfClosing = true;
        i = sp + 2;
        break;
      }
      if (sp === i) throw this.fail('E_XML_SYNTAX', `unexpected "${buf[sp]}" in the start tag <${name}>`, sp);
      const attrEnd = scanName(buf, sp);
      if (attrEnd === sp) throw this.fail('E_XML_SYNTAX', `unexpected "${buf[sp]}" in the start tag <${name}>`, sp);
      if (attrEnd - sp > limits.maxNameLength) throw this.fail('E_LIMIT_NAME', `an attribute name longer than limits.maxNameLength (${limits.maxNameLength})`, sp);
      const attrName = buf.slice(sp, attrEnd);
      let j = skipSpace(buf, attrEnd);
      if (j >= buf.length) return this.more(final, `the start tag <${name}>`);
      if (buf.charCodeAt(j) !== 61) throw this.fail('E_XML_SYNTAX', `the attribute ${attrName} of <${name}> has no value`, j);
      j = skipSpace(buf, j + 1);
      if (j >= buf.length) return this.more(final, `the start tag <${name}>`);
      const q = buf.charCodeAt(j);
      if (q !== 34 && q !== 39) throw this.fail('E_XML_SYNTAX', `the value of the attribute ${attrName} of <${name}> is not quoted`, j);
      const close = buf.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1) return this.more(final, `the start tag <${name}>`);
      if (close - j - 1 > limits.maxTextLength) throw this.fail('E_LIMIT_TEXT', `an attribute value longer than limits.maxTextLength (${limits.maxTextLength})`, j);
      if (names === null || ranges === null) {
        names = [attrName];
        ranges = [j + 1, close];
      } else {
        names.push(attrName);
        ranges.push(j + 1, close);
      }
      if (names.length > limits.maxAttributes) throw this.fail('E_LIMIT_ATTRS', `more than limits.maxAttributes (${limits.maxAttributes}) attributes on <${name}>`, pos);
      i = close + 1;
    }
    // Phase 2: the tag is complete.
    const line = this.line;
    const column = this.base + pos - this.lineStart + 1;
    const depth = this.stack.length;
    if (depth >= limits.maxDepth) throw new WxrError('E_LIMIT_DEPTH', `elements nested deeper than limits.maxDepth (${limits.maxDepth})`, { line, column });
    if (depth === 0) {
      if (this.rootSeen) {
        this.trailingJunk(pos);
        return true;
      }
      this.rootSeen = true;
      this.mode = CONTENT;
      if (this.junk) this.sink.repair('W_TEXT_OUTSIDE_ROOT', 'text before the root element was ignored', this.junk);
    }
    const parentScope = depth === 0 ? ROOT_SCOPE : (this.scopes[depth - 1] as NsScope);
    let scope = parentScope;
    let attrs: readonly XmlAttr[] = NO_ATTRS;
    if (names === null) {
      // No attributes, so no declarations: the name resolves as it did before in this scope.
      const known = this.names.get(parentScope, name);
      if (known !== undefined) {
        this.textRun = 0;
        this.advance(i);
        this.open({ name: known.name, local: known.local, uri: known.uri, attrs, parts: NO_PARTS, cdata: false, line, column }, scope, depth, selfClosing);
        return true;
      }
    }
    const colon = name.indexOf(':');
    const prefixed = colon > 0 && colon < name.length - 1;
    const local = prefixed ? name.slice(colon + 1) : name;
    if (names !== null && ranges !== null) {
      const values = this.attributeValues(names, ranges);
      scope = declare(parentScope, names, values);
      const list: XmlAttr[] = [];
      for (let k = 0; k < names.length; k++) {
        const n = names[k] as string;
        const [p, l] = splitName(n);
        const attrUri = n === 'xmlns' || p === 'xmlns' ? XMLNS_NS : p === '' ? '' : this.resolve(p, scope, line, column);
        list.push({ name: n, local: l, uri: attrUri, value: values[k] as string });
      }
      attrs = list;
    }
    const uri = prefixed ? this.resolve(name.slice(0, colon), scope, line, column) : (scope.get('') ?? '');
    if (names === null) this.names.remember(name, local, uri);
    this.textRun = 0;
    this.advance(i);
    this.open({ name, local, uri, attrs, parts: NO_PARTS, cdata: false, line, column }, scope, depth, selfClosing);
    return true;
  }

  /** Pushes (or, self-closing, opens and closes) a complete start tag and tells the handler. */
  private open(el: RawElement, scope: NsScope, depth: number, selfClosing: boolean): void {
    if (selfClosing) {
      if (depth === 0) this.mode = AFTER;
    } else {
      this.stack.push(el);
      this.scopes.push(scope);
    }
    this.handler.onStart(el);
    if (selfClosing) this.handler.onEnd(el.name);
  }

  /** Decodes attribute values; duplicates keep the first value (W_DUPLICATE_ATTRIBUTE). */
  private attributeValues(names: string[], ranges: number[]): string[] {
    const values: string[] = [];
    let seen: Set<string> | null = null;
    for (let k = 0; k < names.length; k++) {
      const start = ranges[2 * k] as number;
      let v = this.clean(this.buf.slice(start, ranges[2 * k + 1]), start);
      if (v.includes('<')) throw this.fail('E_XML_SYNTAX', `"<" in the value of the attribute ${names[k]}`, start);
      if (v.includes('\t') || v.includes('\n')) v = v.replace(ATTR_WS, ' ');
      if (v.includes('&')) v = decodeReferences(v, (code, message, offset) => this.sink.repair(code, message, this.where(start + offset)));
      values.push(this.detach(v));
      if (names.length > 1) {
        seen ??= new Set();
        const n = names[k] as string;
        if (seen.has(n)) {
          this.sink.repair('W_DUPLICATE_ATTRIBUTE', `the attribute ${n} appears twice; the first value was kept`, this.where(start));
          names.splice(k, 1);
          ranges.splice(2 * k, 2);
          values.pop();
          k--;
        } else seen.add(n);
      }
    }
    return values;
  }

  private resolve(prefix: string, scope: NsScope, line: number, column: number): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (!this.undeclared.has(prefix)) {
      this.undeclared.add(prefix);
      this.sink.repair('W_PREFIX_UNDECLARED', `the namespace prefix "${prefix}:" is not declared; its elements were kept as unknown elements`, { line, column });
    }
    return undeclaredUri(prefix);
  }

  private cdata(final: boolean): boolean {
    const buf = this.buf;
    let from = this.pos;
    for (;;) {
      const e = buf.indexOf(']]>', from);
      if (e === -1) {
        if (final) throw new WxrError('E_TRUNCATED', `the input ends inside a CDATA section${this.openElements()}`, { line: this.cdataLine, column: this.cdataColumn });
        const keep = buf.length - 2;
        if (keep > this.pos) this.cdataPiece(keep);
        return false;
      }
      if (this.cdataEndRepair) {
        const genuine = this.cdataEnds(e + 3, final);
        if (genuine === null) {
          if (e > this.pos) this.cdataPiece(e);
          return false;
        }
        if (!genuine) {
          this.sink.repair('W_CDATA_END_REPAIRED', 'a raw "]]>" inside CDATA (WXR 1.0/1.1 did not escape it) was kept as text', this.where(e));
          this.cdataPiece(e + 3);
          from = e + 3;
          continue;
        }
      }
      if (e > this.pos) this.cdataPiece(e);
      this.advance(e + 3);
      this.mode = CONTENT;
      return true;
    }
  }

  private cdataPiece(to: number): void {
    const piece = this.clean(this.buf.slice(this.pos, to), this.pos);
    this.textRun += piece.length;
    if (this.textRun > this.limits.maxTextLength) throw this.fail('E_LIMIT_TEXT', `a CDATA section longer than limits.maxTextLength (${this.limits.maxTextLength})`, this.pos);
    this.advance(to);
    this.handler.onText(this.detach(piece), true);
  }

  /**
   * Whether a `]]>` ending at `i` really ends the CDATA: only if what follows can continue the
   * element up to its own end tag without another repair: text without `]]>`, comments, processing
   * instructions and further CDATA sections (each ending at its first `]]>`). Another element's end
   * tag, or a start tag (no WXR field has children after its text; HTML after a raw `]]>` does),
   * cannot. `null`: need more input. The input ending first counts as a real end (the cut is then
   * reported where it is); so does a continuation longer than {@link CDATA_LOOKAHEAD}.
   */
  private cdataEnds(i: number, final: boolean): boolean | null {
    const buf = this.buf;
    const name = this.stack[this.stack.length - 1]?.name ?? '';
    const need = final ? true : null;
    let j = i;
    for (;;) {
      const lt = buf.indexOf('<', j);
      if ((lt === -1 ? buf.length : lt) - i > CDATA_LOOKAHEAD) return true;
      // A "]]>" in the text before `lt` (searched backwards, so never past it: no second pass over content).
      const raw = lt === -1 ? buf.indexOf(']]>', j) : buf.lastIndexOf(']]>', lt - 3);
      if (raw >= j) return false;
      if (lt === -1 || lt + 1 >= buf.length) return need;
      const c = buf.charCodeAt(lt + 1);
      if (c === 47) {
        if (lt + name.length + 3 > buf.length) return need;
        if (!buf.startsWith(name, lt + 2)) return false;
        const after = buf.charCodeAt(lt + 2 + name.length);
        return after === 62 || after === 32 || after === 9 || after === 10;
      }
      let close: string;
      if (c === 63) close = '?>';
      else if (c !== 33) return false;
      else if (lt + 9 > buf.length) return need;
      else if (buf.startsWith('<![CDATA[', lt)) close = ']]>';
      else if (buf.startsWith('<!--', lt)) close = '-->';
      else return false;
      const end = buf.indexOf(close, lt + 2);
      // Waiting for the close of a long continuation would rescan it on every chunk: past the look-ahead it is a real end.
      if (end === -1) return buf.length - i > CDATA_LOOKAHEAD ? true : need;
      j = end + close.length;
    }
  }

  // ---- recovery and end ----

  private recoverFrom(error: unknown, final: boolean): boolean {
    if (!this.options.recover || !(error instanceof WxrError) || !RECOVERABLE.has(error.code)) return false;
    if (this.rootSeen && this.stack.length === 0) {
      // After the root (a second document glued on): keep the first, drop the rest.
      this.sink.add('error', error.code, `${error.reason}; the rest of the input was ignored`, { line: error.line, column: error.column });
      this.mode = DISCARD;
      return true;
    }
    const depth = this.options.resyncDepth;
    if (this.stack.length < depth) return false;
    if (final && error.code === 'E_TRUNCATED') this.endReported = true;
    this.sink.add('error', error.code, `${error.reason}; skipped to the next <${this.options.resyncTag}>`, { line: error.line, column: error.column });
    this.stack.length = depth;
    this.scopes.length = depth;
    this.textRun = 0;
    this.mode = RESYNC;
    this.handler.onResync?.(depth);
    return true;
  }

  /** Recover mode: skips to the next `<item` (or the end tag of its parent). */
  private resync(final: boolean): boolean {
    const buf = this.buf;
    const tag = `<${this.options.resyncTag}`;
    const parentEnd = `</${this.stack[this.options.resyncDepth - 1]?.name ?? ''}>`;
    let from = this.pos;
    for (;;) {
      const a = buf.indexOf(tag, from);
      const b = buf.indexOf(parentEnd, from);
      const next = a === -1 ? b : b === -1 ? a : Math.min(a, b);
      if (next === -1) {
        const keep = Math.max(this.pos, buf.length - Math.max(tag.length, parentEnd.length));
        this.advance(final ? buf.length : keep);
        return false;
      }
      if (next === a && next !== b) {
        if (a + tag.length >= buf.length) {
          this.advance(final ? buf.length : a);
          return false;
        }
        const after = buf.charCodeAt(a + tag.length);
        if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10) {
          from = a + 1;
          continue;
        }
      }
      this.advance(next);
      this.mode = CONTENT;
      return true;
    }
  }

  private finish(): void {
    if (this.mode === DISCARD) return;
    if (this.stack.length > 0) {
      const open = this.stack.map((f) => `<${f.name}>`).join(' ');
      const error = this.fail('E_TRUNCATED', `the input ends before the open elements are closed: ${open}`, this.buf.length);
      if (!this.options.recover) throw error;
      if (!this.endReported) this.sink.add('error', error.code, `${error.reason}; kept what was complete`, { line: error.line, column: error.column });
      const depth = Math.min(this.options.resyncDepth, this.stack.length);
      this.stack.length = depth;
      this.scopes.length = depth;
      this.handler.onResync?.(depth);
      while (this.stack.length > 0) {
        const open = this.stack.pop() as RawElement;
        this.scopes.pop();
        this.handler.onEnd(open.name);
      }
      return;
    }
    if (!this.rootSeen) throw new WxrError('E_NOT_XML', 'no XML element found (the input is empty, text or binary)', this.junk ?? { line: 1, column: 1 });
  }
}
