/**
 * `wxr-kit validate`: every diagnostic as `file:line:column: severity code message` on standard
 * output (or a JSON array with `--json`); exit 1 when any is an error. Parses with `recover: true`
 * so that one fault does not hide the others; a fault nothing can recover from is one more error.
 */
import type { Diagnostic } from '../../model.js';
import { DiagnosticTally, type RunContext } from '../context.js';
import { InputFailure } from '../errors.js';
import { loadEntries } from '../load.js';
import { orderDiagnostic } from '../../emit/json.js';
import { formatDiagnostic } from '../report.js';
import { formatCount, stylesFor, writeOut } from '../term.js';

/**
 * Runs `validate`. Returns 1 when any diagnostic is an error, else 0.
 *
 * @example
 * await validate(ctx) // prints "export.xml:12:3: warning W_AMP_UNESCAPED …", returns 0
 */
export async function validate(ctx: RunContext): Promise<number> {
  const diags = new DiagnosticTally();
  const s = stylesFor(ctx.io.stdout, ctx.io.env);
  const json = ctx.options.json;
  const emit = async (d: Diagnostic): Promise<void> => {
    diags.add(d);
    // --quiet: errors only.
    if (!json && (!ctx.options.quiet || d.severity === 'error')) await writeOut(ctx.io.stdout, `${formatDiagnostic(d, s)}\n`);
  };
  const queue: Diagnostic[] = [];
  let items = 0;
  try {
    // Each input on its own, so that a fatal fault in one still lets the others be checked.
    for (const input of ctx.inputs) {
      try {
        for await (const entry of loadEntries([input], { options: ctx.options, stdin: ctx.io.stdin, progress: ctx.progress, recover: true, allDiagnostics: !ctx.options.json, onDiagnostic: (d) => queue.push(d), signal: ctx.io.signal })) {
          if (entry.kind === 'item') items += 1;
          while (queue.length > 0) await emit(queue.shift() as Diagnostic);
        }
      } catch (e) {
        if (!(e instanceof InputFailure)) throw e;
        queue.push({ ...e.error.toDiagnostic(), file: e.file });
      }
      while (queue.length > 0) await emit(queue.shift() as Diagnostic);
    }
  } finally {
    ctx.progress.done();
  }
  const errors = diags.count('error');
  if (json) {
    await writeOut(ctx.io.stdout, `${JSON.stringify(diags.kept.map(orderDiagnostic), null, 2)}\n`);
  }
  if (!ctx.options.quiet) {
    const verdict = errors > 0 ? ctx.err.red('✘ not valid') : ctx.err.green('✔ valid');
    await writeOut(ctx.io.stderr, `${verdict}: ${formatCount(items)} items; ${errors} errors, ${diags.count('warning')} warnings, ${diags.count('info')} info\n`);
  }
  return errors > 0 ? 1 : 0;
}
