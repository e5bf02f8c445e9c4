/** Output streams, colour and the progress line. Progress and colour only ever go to a terminal. */

/** The part of a Node writable stream the CLI uses (a `PassThrough` in tests). */
export interface OutStream {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Writes and waits for `drain` when the stream asks for it, so big outputs stay flat in memory. */
export async function writeOut(stream: OutStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

export interface Styles {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: Styles = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };
const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const ansi: Styles = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };

/** Colour on a terminal unless `NO_COLOR` is set to anything non-empty (no-color.org). */
export function stylesFor(stream: OutStream, env: Readonly<Record<string, string | undefined>>): Styles {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColor && env.TERM !== 'dumb' ? ansi : plain;
}

export function formatMB(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Bytes for the summary: `812 KB`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.ceil(bytes / 1000)} KB` : formatMB(bytes);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A one-line `\r` status on standard error: items, MB read (of the total when known) and the rate.
 * Throttled to one redraw per `intervalMs`; a no-op when stderr is not a terminal or `--quiet` is set.
 */
export class Progress {
  private items = 0;
  private bytes = 0;
  private last: number;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly stream: OutStream,
    private readonly enabled: boolean,
    private readonly totalBytes: number | null,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 200,
  ) {
    this.started = now();
    // The first redraw waits one interval plus a little, so that short runs never flash a status line.
    this.last = this.started + 300;
  }

  addBytes(n: number): void {
    this.bytes += n;
    this.tick();
  }

  addItem(): void {
    this.items += 1;
    this.tick();
  }

  /** The current status text (also used by tests). */
  line(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const rate = `${(this.bytes / 1_048_576 / seconds).toFixed(1)} MB/s`;
    const of = this.totalBytes !== null && this.totalBytes > 0
      ? ` of ${formatMB(this.totalBytes)} (${Math.min(100, Math.floor((this.bytes / this.totalBytes) * 100))}%)`
      : '';
    return `${formatCount(this.items)} items · ${formatMB(this.bytes)}${of} · ${rate}`;
  }

  private tick(): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.last < this.intervalMs) return;
    this.last = t;
    const width = this.stream.columns || 80;
    this.stream.write(`\r\x1b[K${this.line().slice(0, width - 1)}`);
    this.shown = true;
  }

  /** Clears the line so the summary starts on a clean one. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
