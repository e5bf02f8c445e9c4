/**
 * Writing output files safely (docs/hardening.md §3.3, §4.4):
 * - nothing outside the output root: relative paths are checked segment by segment;
 * - never through a symbolic link: every folder on the way is `lstat`ed, files are created
 *   with `O_CREAT|O_EXCL|O_NOFOLLOW` under a temporary name;
 * - atomic: temp file in the same folder, then `rename`, so a reader (or an interrupted run)
 *   never sees half a file;
 * - no overwrite without `--force`.
 * Node has no `openat`, so a folder swapped for a link between the check and the write is not
 * caught: `--out` must not be shared with untrusted writers while the command runs.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isSafeRelativePath } from '../emit/paths.js';
import { CliError, errnoCode, ioError } from './errors.js';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const CREATE_FLAGS = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | NOFOLLOW;

/** `lstat` without following, null when missing (synchronous: one site writes thousands of small files, and a thread-pool hop per call costs more than the call). */
function lstatSyncOrNull(path: string): Stats | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (e) {
    throw ioError(e, path, 'inspect');
  }
}

/** Writes a small file atomically: temp file (`O_EXCL|O_NOFOLLOW`) in the same folder, then `rename`. Returns the bytes written. */
export function writeFileAtomicSync(path: string, contents: string, shown: string): number {
  const tmp = tempName(path);
  let fd: number;
  try {
    fd = openSync(tmp, CREATE_FLAGS, 0o666);
  } catch (e) {
    throw ioError(e, shown, 'create a file');
  }
  try {
    // A regular file can take less than asked (a disk filling up): write the rest until done or an error.
    const data = Buffer.from(contents);
    for (let done = 0; done < data.length; ) {
      const n = writeSync(fd, data, done, data.length - done);
      if (n <= 0) throw new Error('the file system took no bytes');
      done += n;
    }
    // Closed once, even when close fails (the descriptor is gone then too).
    const open = fd;
    fd = -1;
    closeSync(open);
    renameSync(tmp, path);
    return data.length;
  } catch (e) {
    if (fd !== -1) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw ioError(e, shown, 'write');
  }
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw ioError(e, path, 'inspect');
  }
}

/**
 * Checks a relative output path with the renderer's own rule ({@link isSafeRelativePath}: `/`-separated,
 * no empty, `.` or `..` segment, no backslash, drive letter, control character, reserved device name
 * or over-long segment). Returns its segments. Every path the site renderer plans passes; this is the
 * last check before the file system.
 */
export function checkRelativePath(rel: string): string[] {
  if (!isSafeRelativePath(rel)) throw new CliError('E_IO', `refusing an output path that could leave the output folder or is not a portable file name: ${JSON.stringify(rel)}`);
  return rel.split('/');
}

/** The temporary files this module writes (`.<name>.<pid>.<8 hex>.tmp`), left behind only by a killed run. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files a killed run left below `dir` (never following links) and
 * returns how many other entries there are.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  let others = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && TEMP_FILE.test(entry.name)) await unlink(path);
    else {
      others += 1;
      if (entry.isDirectory()) await removeStaleTemps(path);
    }
  }
  return others;
}

/** One random tag per run, plus a counter: unique temp names without a random draw per file. */
const RUN_TAG = randomBytes(3).toString('hex');
let tempCounter = 0;

/** A temporary name next to `final`: `.<name>.<pid>.<8 hex>.tmp` (an existing one is never reused: `O_EXCL`). */
function tempName(final: string): string {
  tempCounter = (tempCounter + 1) & 0xff;
  return join(dirname(final), `.${basename(final)}.${process.pid}.${RUN_TAG}${tempCounter.toString(16).padStart(2, '0')}.tmp`);
}

/** A file being written under a temporary name; `commit` renames it into place. */
export class AtomicFile {
  private pending = '';
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly tmp: string,
    readonly path: string,
  ) {}

  /** Creates the temporary file next to `path` (never following a link, never reusing a file). */
  static async create(path: string): Promise<AtomicFile> {
    const tmp = tempName(path);
    try {
      return new AtomicFile(await open(tmp, CREATE_FLAGS, 0o666), tmp, path);
    } catch (e) {
      throw ioError(e, path, 'create a file');
    }
  }

  /** Appends text; written in blocks of about 1 MB. */
  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending === '') return;
    const chunk = this.pending;
    this.pending = '';
    try {
      await this.handle.write(chunk);
    } catch (e) {
      throw ioError(e, this.path, 'write');
    }
  }

  /** Flushes, closes and renames onto the final name (which `rename` replaces, link or not, never following it). */
  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.handle.close();
      this.closed = true;
      await rename(this.tmp, this.path);
    } catch (e) {
      await this.abort();
      throw ioError(e, this.path, 'write');
    }
  }

  /** Closes and removes the temporary file; the final name is untouched. */
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    await unlink(this.tmp).catch(() => undefined);
  }
}

/** What to do about existing outputs. */
export interface OutputPolicy {
  /** Replace existing files and write into a non-empty folder. Default false. */
  force: boolean;
  /** Check everything, write nothing. Default false. */
  dryRun: boolean;
}

/** Where a single output file goes: a path written atomically, or a pipe or terminal written directly. */
export interface OutputFileTarget {
  path: string;
  /**
   * True for a FIFO or a character device (`/dev/stdout`, `/dev/null`, a named pipe, also through a
   * link): written in place, never replaced by a temp file and `rename`, and no `--force` needed.
   */
  direct: boolean;
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * A single output file (`--out blog.json`): refused when it exists (without `--force`) or is a
 * symbolic link; its folder is created when missing. A pipe or a character device (also behind a
 * link) is written in place; a block device or a socket is refused.
 */
export async function prepareOutputFile(cwd: string, out: string, policy: OutputPolicy): Promise<OutputFileTarget> {
  const path = resolve(cwd, out);
  const st = await lstatOrNull(path);
  const target = st === null ? null : st.isSymbolicLink() ? await statOrNull(path) : st;
  if (target !== null && (target.isFIFO() || target.isCharacterDevice())) return { path, direct: true };
  if (target !== null && (target.isBlockDevice() || target.isSocket())) {
    throw new CliError('E_OUTPUT_EXISTS', 'the output is a device or a socket, not a file; not writing to it', out);
  }
  if (st?.isSymbolicLink()) {
    if (!policy.force) throw new CliError('E_OUTPUT_SYMLINK', 'the output file is a symbolic link; not writing through it (--force replaces the link itself)', out);
    // A system link (/dev/stdout -> /proc/self/fd/1, /dev/fd/…) is never replaced, --force or not.
    if (/^\/(?:dev|proc)\//.test(path)) throw new CliError('E_OUTPUT_SYMLINK', 'a link of the system; not replacing it (use --out - for standard output)', out);
  } else if (st?.isDirectory()) {
    throw new CliError('E_OUTPUT_EXISTS', 'the output is a folder; markdown writes folders, other formats need a file name', out);
  } else if (st !== null && !policy.force) {
    throw new CliError('E_OUTPUT_EXISTS', 'the output file exists; use --force to replace it', out);
  }
  if (!policy.dryRun) {
    try {
      await mkdir(dirname(path), { recursive: true });
      // Temp files of this output that a killed run left behind.
      const prefix = `.${basename(path)}.`;
      for (const name of await readdir(dirname(path))) {
        if (name.startsWith(prefix) && TEMP_FILE.test(name)) await unlink(join(dirname(path), name));
      }
    } catch (e) {
      throw ioError(e, dirname(out), 'create the folder');
    }
  }
  return { path, direct: false };
}

/**
 * Writes text chunks into a pipe or a character device in place ({@link OutputFileTarget.direct}),
 * opened without create or truncate; `onBytes` gets each chunk's UTF-8 size.
 */
export async function writeInPlace(path: string, shown: string, chunks: AsyncIterable<string>, onBytes: (n: number) => void): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY);
  } catch (e) {
    throw ioError(e, shown, 'open the output');
  }
  try {
    for await (const chunk of chunks) {
      onBytes(Buffer.byteLength(chunk));
      try {
        await handle.write(chunk);
      } catch (e) {
        throw ioError(e, shown, 'write');
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** What a worker thread needs to write into an output folder that the main thread opened (plain data). */
export interface OutputFolderSpec {
  root: string;
  display: string;
  policy: OutputPolicy;
}

/**
 * The `--out` folder of a markdown site. `open` refuses a non-empty folder without `--force`
 * and a path that is a file; `write` puts one file at a relative path below it.
 */
export class OutputFolder {
  private readonly made = new Set<string>();

  private constructor(
    /** The real path of the folder (after `realpath`), or its resolved path in a dry run before it exists. */
    readonly root: string,
    /** As the user wrote it, for messages. */
    readonly display: string,
    private readonly policy: OutputPolicy,
  ) {}

  /**
   * The same folder in another thread, from {@link OutputFolder.spec}: no checks are repeated (the
   * folder was opened with them); each file write checks its own path as always.
   */
  static reopen(spec: OutputFolderSpec): OutputFolder {
    return new OutputFolder(spec.root, spec.display, spec.policy);
  }

  /** The folder as plain data, for {@link OutputFolder.reopen} in a worker thread. */
  spec(): OutputFolderSpec {
    return { root: this.root, display: this.display, policy: this.policy };
  }

  static async open(cwd: string, out: string, policy: OutputPolicy): Promise<OutputFolder> {
    const path = resolve(cwd, out);
    const st = await lstatOrNull(path);
    if (st !== null) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (e) {
        throw ioError(e, out, 'open the output folder');
      }
      const target = await lstatOrNull(real);
      if (!target?.isDirectory()) throw new CliError('E_OUTPUT_EXISTS', 'the output path exists and is not a folder', out);
      // Leftover temp files of a killed run are ours to remove; anything else needs --force.
      const others = await (policy.dryRun ? readdir(real).then((e) => e.filter((n) => !TEMP_FILE.test(n)).length) : removeStaleTemps(real)).catch((e: unknown) => {
        throw ioError(e, out, 'list the output folder');
      });
      if (others > 0 && !policy.force) {
        throw new CliError('E_OUTPUT_EXISTS', `the output folder is not empty (${others} entries); use --force to write into it`, out);
      }
      return new OutputFolder(real, out, policy);
    }
    if (policy.dryRun) return new OutputFolder(path, out, policy);
    try {
      await mkdir(path, { recursive: true });
      return new OutputFolder(await realpath(path), out, policy);
    } catch (e) {
      throw ioError(e, out, 'create the output folder');
    }
  }

  /** Makes (or checks) each folder on the way, refusing links and files in the way. */
  private ensureFolders(segments: readonly string[]): string {
    let current = this.root;
    for (const segment of segments) {
      current = join(current, segment);
      if (this.made.has(current)) continue;
      let st = lstatSyncOrNull(current);
      if (st === null && !this.policy.dryRun) {
        try {
          mkdirSync(current);
        } catch (e) {
          if (errnoCode(e) !== 'EEXIST') throw ioError(e, this.shown(current), 'create the folder');
        }
        st = lstatSyncOrNull(current);
      }
      if (st?.isSymbolicLink()) throw new CliError('E_OUTPUT_SYMLINK', 'a symbolic link in the output folder; not writing through it', this.shown(current));
      if (st !== null && !st.isDirectory()) throw new CliError('E_OUTPUT_EXISTS', 'a file is in the way of a folder', this.shown(current));
      this.made.add(current);
    }
    return current;
  }

  private shown(abs: string): string {
    return join(this.display, abs.slice(this.root.length + 1)).split(sep).join('/');
  }

  /**
   * Writes `contents` to `rel` (a relative `/` path) atomically. An existing file is replaced only
   * with `--force`; a link there is replaced by a regular file (never followed) with `--force`.
   * In a dry run, only the checks run. Returns the UTF-8 size of `contents`. Synchronous: a site is
   * thousands of small files, and a thread-pool hop per file costs more than the write.
   */
  writeSync(rel: string, contents: string): number {
    const segments = checkRelativePath(rel);
    const folder = this.ensureFolders(segments.slice(0, -1));
    const path = join(folder, segments[segments.length - 1] ?? '');
    const st = lstatSyncOrNull(path);
    if (st !== null) {
      if (st.isDirectory()) throw new CliError('E_OUTPUT_EXISTS', 'a folder is in the way of a file', this.shown(path));
      if (!this.policy.force) {
        const code = st.isSymbolicLink() ? 'E_OUTPUT_SYMLINK' : 'E_OUTPUT_EXISTS';
        throw new CliError(code, st.isSymbolicLink() ? 'a symbolic link is where a file would go; not writing through it' : 'the file exists; use --force to replace it', this.shown(path));
      }
    }
    if (!this.policy.dryRun) return writeFileAtomicSync(path, contents, this.shown(path));
    return Buffer.byteLength(contents);
  }
}
