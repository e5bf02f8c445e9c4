import type { Diagnostic } from './model.js';

/** The closed set of error codes a `WxrError` carries. */
export const WXR_ERROR_CODES = [
  /** The input is not XML at all (empty, binary, HTML). */
  'E_NOT_XML',
  /** XML, but not a WXR export: no rss/channel, missing or invalid `wp:wxr_version`. */
  'E_NOT_WXR',
  /** Ill-formed XML: a syntax error at the given line and column. */
  'E_XML_SYNTAX',
  /** A closing tag that does not match the open element. */
  'E_TAG_MISMATCH',
  /** The document ends before its root element is closed. */
  'E_TRUNCATED',
  /** A DOCTYPE or entity declaration (never in WXR; refused to rule out entity bombs). */
  'E_DOCTYPE',
  /** A reference to an undefined entity. */
  'E_ENTITY',
  /** A character not allowed in XML 1.0, in strict mode. */
  'E_CHAR',
  /** The declared or detected encoding is not supported. */
  'E_ENCODING',
  /** Nesting deeper than `limits.maxDepth`. */
  'E_LIMIT_DEPTH',
  /** One text, CDATA or attribute value longer than `limits.maxTextLength`. */
  'E_LIMIT_TEXT',
  /** A name longer than `limits.maxNameLength`. */
  'E_LIMIT_NAME',
  /** More attributes on one element than `limits.maxAttributes`. */
  'E_LIMIT_ATTRS',
  /** Input larger than `limits.maxInputBytes` for the whole-document `parseWxr` (use `streamWxr`). */
  'E_LIMIT_INPUT',
  /** A repairable defect, turned into an error by `strict: true`. */
  'E_STRICT',
  /** Invalid arguments to a library function. */
  'E_USAGE',
] as const;

export type WxrErrorCode = (typeof WXR_ERROR_CODES)[number];

export interface WxrErrorOptions {
  line?: number | undefined;
  column?: number | undefined;
  file?: string | undefined;
  cause?: unknown;
}

/**
 * The one error class of wxr-kit. `code` is from a closed set; `line` and `column`
 * (1-based) are set where the input has a position, and the message ends with them.
 *
 * @example
 * try { parseWxr('<rss/>') } catch (e) { if (e instanceof WxrError) console.log(e.code) } // E_NOT_WXR
 */
export class WxrError extends Error {
  override readonly name = 'WxrError';
  readonly code: WxrErrorCode;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly file: string | undefined;
  /** The message without the position (diagnostics carry `line` and `column` as fields). */
  readonly reason: string;

  constructor(code: WxrErrorCode, message: string, options: WxrErrorOptions = {}) {
    const where = options.line === undefined ? '' : ` at ${options.line}:${options.column ?? 1}`;
    super(`${message}${where}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = message;
    this.code = code;
    this.line = options.line;
    this.column = options.column;
    this.file = options.file;
  }

  /** The error as a diagnostic, for `recover: true` and the CLI's `validate`. */
  toDiagnostic(): Diagnostic {
    const d: Diagnostic = { severity: 'error', code: this.code, message: this.reason };
    if (this.line !== undefined) d.line = this.line;
    if (this.column !== undefined) d.column = this.column;
    if (this.file !== undefined) d.file = this.file;
    return d;
  }
}
