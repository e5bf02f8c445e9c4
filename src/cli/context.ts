import type { Diagnostic, WxrEntry } from '../model.js';
import type { RunOptions } from './args.js';
import { printable } from './report.js';
import type { Input } from './inputs.js';
import { formatCount, Progress, stylesFor, type OutStream, type Styles } from './term.js';

/** What `main` is given: the process's streams and surroundings (mocks in tests). */
export interface CliIo {
  /** Command-line arguments after the program name (`process.argv.slice(2)`). */
  argv: readonly string[];
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: OutStream;
  stderr: OutStream;
  /** Environment variables (`NO_COLOR`, `TERM`). Default `{}` in tests. */
  env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are resolved against. */
  cwd: string;
  /** Aborted on Ctrl-C (bin.ts wires SIGINT): the run stops between two entries, cleans up and exits 130. Default: none. */
  signal?: AbortSignal;
}

/** Everything a command needs for one run. */
export interface RunContext {
  io: CliIo;
  inputs: Input[];
  options: RunOptions;
  /** Styles for standard error (colour only on a terminal without NO_COLOR). */
  err: Styles;
  progress: Progress;
}

/** At most this many diagnostics are kept in memory; the rest are only counted. */
export const MAX_KEPT_DIAGNOSTICS = 1000;

/** Diagnostics by severity and code, all of them counted, the first 1,000 kept. */
export class DiagnosticTally {
  readonly kept: Diagnostic[] = [];
  readonly bySeverity = new Map<string, number>();
  readonly byCode = new Map<string, number>();
  /** Codes of warnings and errors only (what the summary's warning count is made of). */
  readonly problemCodes = new Map<string, number>();
  total = 0;

  add = (d: Diagnostic): void => {
    this.total += 1;
    this.bySeverity.set(d.severity, (this.bySeverity.get(d.severity) ?? 0) + 1);
    this.byCode.set(d.code, (this.byCode.get(d.code) ?? 0) + 1);
    if (d.severity !== 'info') this.problemCodes.set(d.code, (this.problemCodes.get(d.code) ?? 0) + 1);
    if (this.kept.length < MAX_KEPT_DIAGNOSTICS) this.kept.push(d);
  };

  count(severity: string): number {
    return this.bySeverity.get(severity) ?? 0;
  }
}

/** Counts items by type and comments while passing entries through. */
export class EntryTally {
  readonly byType = new Map<string, number>();
  items = 0;
  comments = 0;

  async *pass(entries: AsyncIterable<WxrEntry>): AsyncGenerator<WxrEntry> {
    for await (const entry of entries) {
      if (entry.kind === 'item') {
        this.items += 1;
        this.comments += entry.item.comments.length;
        this.byType.set(entry.item.type, (this.byType.get(entry.item.type) ?? 0) + 1);
      }
      yield entry;
    }
  }

  /** `58 post, 21 page, …`, largest first. */
  describe(): string {
    return [...this.byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${formatCount(n)} ${t === '' ? 'without a type' : printable(t)}`).join(', ');
  }
}

export function newProgress(io: CliIo, options: RunOptions, inputs: readonly Input[]): Progress {
  const sizes = inputs.map((i) => i.size);
  const total = sizes.every((s): s is number => s !== null) ? sizes.reduce((a, b) => a + b, 0) : null;
  return new Progress(io.stderr, io.stderr.isTTY === true && !options.quiet, total);
}

export function errStyles(io: CliIo): Styles {
  return stylesFor(io.stderr, io.env);
}
