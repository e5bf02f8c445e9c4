/**
 * Where the parser's findings go: a capped store plus an optional callback. Repairs
 * become warnings, or errors when `strict` is set (`repair`).
 */
import { WxrError, type WxrErrorCode } from '../errors.js';
import type { Diagnostic, Severity } from '../model.js';

/** The error code a repair turns into under `strict: true`. */
const STRICT_CODES: ReadonlyMap<string, WxrErrorCode> = new Map<string, WxrErrorCode>([
  ['W_CHAR_REMOVED', 'E_CHAR'],
  ['W_CHAR_REF_INVALID', 'E_CHAR'],
  ['W_ENTITY_UNDEFINED', 'E_ENTITY'],
  ['W_INVALID_UTF8', 'E_ENCODING'],
  ['W_ENCODING_MISMATCH', 'E_ENCODING'],
  ['W_UTF16', 'E_ENCODING'],
  ['W_DOCTYPE_IGNORED', 'E_DOCTYPE'],
  ['W_AMP_UNESCAPED', 'E_XML_SYNTAX'],
  ['W_DUPLICATE_ATTRIBUTE', 'E_XML_SYNTAX'],
  ['W_TEXT_OUTSIDE_ROOT', 'E_XML_SYNTAX'],
  ['W_CDATA_END_REPAIRED', 'E_XML_SYNTAX'],
  ['W_COMMENT_DASHES', 'E_XML_SYNTAX'],
]);

/** A positioned finding before it becomes a `Diagnostic`. */
export interface Finding {
  line?: number | undefined;
  column?: number | undefined;
  itemId?: number | undefined;
}

/**
 * Collects diagnostics up to a cap and forwards each kept one to `onDiagnostic`.
 *
 * @example
 * const sink = new DiagnosticSink(1000, false, undefined, true);
 * sink.repair('W_AMP_UNESCAPED', 'kept "&"', { line: 3, column: 9 }); // sink.kept[0].severity === 'warning'
 */
export class DiagnosticSink {
  readonly kept: Diagnostic[] = [];
  private dropped = 0;
  private count = 0;

  constructor(
    private readonly max: number,
    private readonly strict: boolean,
    private readonly onDiagnostic: ((d: Diagnostic) => void) | undefined,
    private readonly store: boolean,
  ) {}

  /** Records a diagnostic (or counts it once the cap is reached). */
  add(severity: Severity, code: string, message: string, at: Finding = {}): void {
    if (this.count >= this.max) {
      this.dropped++;
      return;
    }
    const d: Diagnostic = { severity, code, message };
    if (at.line !== undefined) d.line = at.line;
    if (at.column !== undefined) d.column = at.column;
    if (at.itemId !== undefined) d.itemId = at.itemId;
    this.count++;
    if (this.store) this.kept.push(d);
    this.onDiagnostic?.(d);
  }

  /** A repaired defect: a warning, or under `strict` a thrown `WxrError`. */
  repair(code: string, message: string, at: Finding = {}): void {
    if (this.strict) {
      throw new WxrError(STRICT_CODES.get(code) ?? 'E_STRICT', `${message} (${code}; strict mode)`, { line: at.line, column: at.column });
    }
    this.add('warning', code, message, at);
  }

  /** Adds the `W_DIAGNOSTICS_TRUNCATED` note when diagnostics were dropped. Call once at the end. */
  finish(): void {
    if (this.dropped === 0) return;
    const d: Diagnostic = {
      severity: 'warning',
      code: 'W_DIAGNOSTICS_TRUNCATED',
      message: `${this.dropped} more diagnostics were not kept (limits.maxDiagnostics = ${this.max})`,
    };
    this.dropped = 0;
    if (this.store) this.kept.push(d);
    this.onDiagnostic?.(d);
  }
}
