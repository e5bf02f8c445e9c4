import type { WxrError } from '../errors.js';
import type { Verb } from './flags.js';

/** Error codes of the CLI itself (input errors keep the library's `WxrError` codes). */
export type CliErrorCode =
  /** An output path exists: a non-empty `--out` folder or an existing file, without `--force`. */
  | 'E_OUTPUT_EXISTS'
  /** A symbolic link where the CLI would write (the output folder tree or the file itself). */
  | 'E_OUTPUT_SYMLINK'
  /** Reading or writing a file failed (missing input, permissions, full disk, corrupt gzip). */
  | 'E_IO';

/** A failure the CLI reports as one line and exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    /** The file the message is about, shown first in the one-line report. */
    readonly file?: string,
  ) {
    super(message);
  }
}

/** A bad command line: reported with the usage of the verb and exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly verb: Verb | null,
  ) {
    super(message);
  }
}

/** The `code` of a Node system error (`ENOENT`, `EACCES`, …), if it is one. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  EROFS: 'read-only file system',
  ELOOP: 'is a symbolic link',
  Z_DATA_ERROR: 'not a valid gzip file',
  Z_BUF_ERROR: 'gzip data ends too early (truncated download?)',
};

/** Wraps a file-system error into `E_IO` with a plain-words reason and the path. */
export function ioError(e: unknown, file: string, doing: string): CliError {
  if (e instanceof CliError) return e;
  const code = errnoCode(e);
  const reason = (code !== undefined ? ERRNO_TEXT[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
  return new CliError('E_IO', `cannot ${doing}: ${reason}`, file);
}

/** A fatal problem with one input file: the library's error and the file it is about. */
export class InputFailure extends Error {
  override readonly name = 'InputFailure';
  constructor(
    readonly file: string,
    readonly error: WxrError,
  ) {
    super(error.message);
  }
}



/** A failure after some files of a Markdown site were written: the cause, and how many were. */
export class PartialOutput extends Error {
  override readonly name = 'PartialOutput';
  constructor(
    readonly failure: unknown,
    readonly files: number,
    readonly out: string,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** The run was stopped by Ctrl-C (SIGINT): exit code 130, after the current file is finished or removed. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor() {
    super('interrupted');
  }
}
