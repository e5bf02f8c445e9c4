/** How diagnostics and failures are printed: one line each, position first, never a stack trace. */
import type { Diagnostic } from '../model.js';
import { CliError, InputFailure, Interrupted, UsageError } from './errors.js';
import type { Styles } from './term.js';

/** `file:line:column` (parts that are unknown are left out). */
export function position(file: string | undefined, line?: number, column?: number): string {
  let where = file ?? '';
  if (line !== undefined) where += `${where === '' ? '' : ':'}${line}:${column ?? 1}`;
  return where;
}

/** Control characters in messages (from hostile input) shown escaped, so they cannot drive the terminal. */
export function printable(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, ' ');
}

/**
 * One diagnostic as `file:line:column: severity code message`.
 *
 * @example
 * formatDiagnostic({ severity: 'warning', code: 'W_AMP_UNESCAPED', message: 'bare &', line: 12, column: 3, file: 'a.xml' }, plain)
 * // 'a.xml:12:3: warning W_AMP_UNESCAPED bare &'
 */
export function formatDiagnostic(d: Diagnostic, s: Styles): string {
  const where = position(d.file, d.line, d.column);
  const sev = d.severity === 'error' ? s.red('error') : d.severity === 'warning' ? s.yellow('warning') : s.dim('info');
  const item = d.itemId === undefined ? '' : ` (item ${d.itemId})`;
  return `${where === '' ? '' : `${where}: `}${sev} ${d.code} ${printable(d.message)}${item}`;
}

/** The one line printed for a failed run, and its exit code. */
export function describeFailure(e: unknown, s: Styles): { line: string; exit: number } {
  if (e instanceof UsageError) return { line: `wxr-kit: ${printable(e.message)}`, exit: 2 };
  if (e instanceof Interrupted) return { line: 'wxr-kit: interrupted; the output is incomplete, but every file written is whole (no half-written file is left)', exit: 130 };
  if (e instanceof InputFailure) {
    const where = position(e.file, e.error.line, e.error.column);
    return { line: `wxr-kit: ${where}: ${s.red(e.error.code)} ${printable(e.error.reason)}`, exit: 1 };
  }
  if (e instanceof CliError) {
    return { line: `wxr-kit: ${e.file === undefined ? '' : `${printable(e.file)}: `}${s.red(e.code)} ${printable(e.message)}`, exit: 1 };
  }
  if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^E_/.test(e.code)) {
    const err = e as Error & { code: string; line?: number; column?: number; file?: string };
    const where = position(err.file, err.line, err.column);
    return { line: `wxr-kit: ${where === '' ? '' : `${where}: `}${s.red(err.code)} ${printable(err.message)}`, exit: 1 };
  }
  // A bug of ours, not of the input: still one line, with a pointer to report it.
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { line: `wxr-kit: internal error: ${printable(message)} (please report this with the command you ran)`, exit: 1 };
}
