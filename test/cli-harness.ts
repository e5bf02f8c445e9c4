/** Runs the CLI's `main()` in-process with mocked streams and collects what it printed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { main } from '../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  /** Pretend stderr (and stdout) are terminals. */
  tty?: boolean;
  /** As bin.ts passes for Ctrl-C. */
  signal?: AbortSignal;
}

class Sink extends PassThrough {
  text = '';
  isTTY: boolean;
  columns = 100;
  constructor(tty: boolean) {
    super();
    this.isTTY = tty;
    this.on('data', (c: Buffer) => {
      this.text += c.toString('utf8');
    });
  }
}

/** `wxr-kit ...argv` with mocked streams. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdout = new Sink(options.tty === true);
  const stderr = new Sink(options.tty === true);
  const input = options.stdin ?? '';
  const stdin = Readable.from([typeof input === 'string' ? Buffer.from(input) : Buffer.from(input)]);
  const io = { argv, stdin, stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? process.cwd() };
  const code = await main(options.signal === undefined ? io : { ...io, signal: options.signal });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wxr-kit-cli-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
