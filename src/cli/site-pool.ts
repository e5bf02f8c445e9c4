/**
 * The site renderer with its Markdown step in worker threads, for the CLI: the calling thread
 * parses (the entries it is given), admits items and claims their paths, exactly as
 * `createSiteRenderer` does; workers turn the claimed items into Markdown and, given an output
 * folder, write the files themselves (so the parsing thread does not wait on the file system).
 * Files come out in the same order and with the same bytes as from `createSiteRenderer` (a test
 * checks it); only the diagnostics of the Markdown step arrive later than the path diagnostics.
 *
 * Workers load this module's own file (`import.meta.url`), where the guard at the bottom
 * starts the worker loop.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Author, Diagnostic, Item, OutputFile, WxrEntry } from '../model.js';
import { RENDER_META_KEYS, type ToMarkdownOptions } from '../emit/markdown.js';
import { addAuthor, addItem, emptyLookup } from '../emit/site/lookup.js';
import { createSiteRenderer, createSitePlanner, renderJob, type RenderJob, type RenderJobResult, type RenderSiteOptions } from '../emit/site/renderer.js';
import { CliError, ioError, type CliErrorCode } from './errors.js';
import { OutputFolder, type OutputFolderSpec } from './safe-write.js';

/** Options of {@link renderSiteFiles}: the site options plus the pool's. */
export interface SitePoolOptions extends RenderSiteOptions {
  /** Worker threads for the Markdown step; 0 renders on the calling thread. Default: one less than the CPUs, at most 3. */
  workers?: number;
  /** Items handed to the workers and not yet returned, at most (bounds memory). Default `64`. */
  maxInFlight?: number;
  /**
   * Characters of post and comment text handed to the workers and not yet returned, at most
   * (bounds memory when posts are large; one item may exceed it alone). Default `4_000_000`.
   */
  maxInFlightText?: number;
  /** The module the workers run (tests pass a bundled copy of this file). Default: this module. */
  workerUrl?: URL;
}

/** The marker in `workerData` that makes this module start the worker loop. */
const WORKER_FLAG = 'wxrKitSiteWorker';

/** What a worker is started with. */
interface WorkerSetup {
  [WORKER_FLAG]: true;
  options: ToMarkdownOptions;
  /** Where the worker writes the files it renders; null: it sends them back. */
  output: OutputFolderSpec | null;
  /** One Int32: set to 1 when the run ends early, so that a worker starts no further file. */
  stop: SharedArrayBuffer;
}

/** A file the pool wrote (or, in a dry run, checked): its path below the output folder and its size in UTF-8 bytes. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

/** One step for a worker, in stream order: a lookup change or a job. */
type WorkerStep = { kind: 'author'; author: Author } | { kind: 'attachment'; item: Item } | { kind: 'job'; seq: number; job: RenderJob };

/** A message to a worker: several steps at once (one message per post costs more than its copy), or the request to stop. */
type ToWorker = WorkerStep[] | 'stop';

/** What came of one job: its file (written by the worker when there is an output folder), its diagnostics, or why writing failed. */
interface PoolResult {
  file: OutputFile | WrittenFile | null;
  diagnostics: Diagnostic[];
  failure?: { code: CliErrorCode; message: string; file?: string };
}

/** A worker's answer to one message: the results of its jobs, in order; or that it has stopped. */
type FromWorker = { seq: number; result: PoolResult }[] | 'stopped';

/** Steps sent to a worker at once, at most (fewer when the calling thread waits before that). */
const BATCH = 8;

/** How long a stop waits for the workers to finish the file in hand before ending them. */
const STOP_WAIT_MS = 2000;

/**
 * The Markdown options a worker can receive: no functions (they cannot cross threads), and no
 * lookup (each worker keeps its own, fed in stream order). Null when the options hold a function
 * (custom handlers, an attachment lookup function): then everything renders on the calling thread.
 */
function workerOptions(options: RenderSiteOptions): ToMarkdownOptions | null {
  const { onDiagnostic: _ignored, types: _types, ...rest } = options;
  const cloneable = (value: unknown, depth: number): boolean => {
    if (typeof value === 'function' || typeof value === 'symbol' || depth > 8) return false;
    if (value === null || typeof value !== 'object') return true;
    if (value instanceof Map) return [...value.entries()].every(([k, v]) => cloneable(k, depth + 1) && cloneable(v, depth + 1));
    return Object.values(value).every((v) => cloneable(v, depth + 1));
  };
  return cloneable(rest.markdown, 0) ? { ...rest, preset: options.preset ?? 'plain' } : null;
}

/**
 * The item as the Markdown step reads it: post meta only {@link RENDER_META_KEYS} (featured image, footnotes),
 * comments without their meta, no `extra`. Real exports carry large post meta (page builder
 * JSON, edit locks) and comment meta (Akismet history) that would otherwise be copied to a
 * worker for nothing. The byte-for-byte test against `createSiteRenderer` guards this list.
 */
function renderPart(item: Item): Item {
  const { extra: _extra, ...rest } = item;
  return {
    ...rest,
    meta: item.meta.filter((m) => RENDER_META_KEYS.includes(m.key)),
    comments: item.comments.map(({ extra: _e, ...c }) => ({ ...c, meta: [] })),
  };
}

/** The text a job carries (post, excerpt and comments), which is what its messages and its Markdown weigh. */
function textSize(item: Item): number {
  let n = item.content.length + item.excerpt.length;
  for (const c of item.comments) n += c.content.length;
  return n;
}

/** The fields of an attachment that the lookup reads (`addItem`), so that workers get small messages. */
function attachmentPart(item: Item): Item {
  const { extra: _extra, ...rest } = item;
  return { ...rest, content: '', comments: [], terms: [], meta: item.meta.filter((m) => m.key === '_wp_attachment_image_alt') };
}

/**
 * Renders a site from a stream of entries, Markdown in worker threads, yielding each file as
 * soon as it and every file before it are ready (posts while streaming; pages and the redirect
 * map at the end). Same files, same order, same bytes as `createSiteRenderer`.
 *
 * @example
 * for await (const file of renderSiteFiles(streamWxr(createReadStream('export.xml')), { preset: 'hugo' })) await write(file);
 */
export function renderSiteFiles(entries: AsyncIterable<WxrEntry>, options: SitePoolOptions = {}): AsyncGenerator<OutputFile> {
  return siteFiles(entries, options, null) as AsyncGenerator<OutputFile>;
}

/**
 * {@link renderSiteFiles} writing every file into `folder` (the workers write the files they
 * render), yielding each file's path and size in the same order. A failed write ends the run
 * with its `CliError` once every file before it is yielded (workers may have written a few files
 * after it by then); files are never half-written (see `OutputFolder.writeSync`).
 *
 * @example
 * for await (const file of writeSiteFiles(entries, await OutputFolder.open(cwd, 'site', policy), { preset: 'hugo' })) count += file.bytes;
 */
export function writeSiteFiles(entries: AsyncIterable<WxrEntry>, folder: OutputFolder, options: SitePoolOptions = {}): AsyncGenerator<WrittenFile> {
  return siteFiles(entries, options, folder) as AsyncGenerator<WrittenFile>;
}

/** A file rendered on this thread: written into `folder` when there is one, else passed on. */
function settle(file: OutputFile, folder: OutputFolder | null): OutputFile | WrittenFile {
  return folder === null ? file : writeFile(file, folder);
}

/** Writes one file into the folder (every check of `OutputFolder.writeSync`); a failure is a `CliError` naming the file. */
function writeFile(file: OutputFile, folder: OutputFolder): WrittenFile {
  try {
    return { path: file.path, bytes: folder.writeSync(file.path, file.contents) };
  } catch (e) {
    throw ioError(e, file.path, 'write');
  }
}

async function* siteFiles(entries: AsyncIterable<WxrEntry>, options: SitePoolOptions, folder: OutputFolder | null): AsyncGenerator<OutputFile | WrittenFile> {
  const shared = workerOptions(options);
  const url = options.workerUrl ?? new URL(import.meta.url);
  // A worker needs JavaScript: run from the TypeScript sources (vitest), this module cannot be one.
  const runnable = /\.[cm]?js$/.test(url.pathname);
  const count = runnable ? Math.max(0, Math.floor(options.workers ?? Math.min(3, availableParallelism() - 1))) : 0;
  if (shared === null || count === 0) {
    const site = createSiteRenderer(options);
    for await (const entry of entries) for (const file of site.add(entry)) yield settle(file, folder);
    for (const file of site.finish()) yield settle(file, folder);
    return;
  }
  const stop = new SharedArrayBuffer(4);
  const setup: WorkerSetup = { [WORKER_FLAG]: true, options: shared, output: folder?.spec() ?? null, stop };
  const workers = Array.from({ length: count }, () => new Worker(url, { workerData: setup }));
  const limit = Math.max(1, options.maxInFlight ?? 64);
  const textLimit = Math.max(0, options.maxInFlightText ?? 4_000_000);
  /** Text size of each job not yet returned, and their sum. */
  const sizes = new Map<number, number>();
  let inFlightText = 0;
  /** Results by sequence number, until every earlier one is there. */
  const done = new Map<number, PoolResult>();
  let failure: Error | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  /** Per worker: resolved once it has stopped (answered 'stop', or exited). */
  const stopped = workers.map((w) => {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    w.on('message', (m: FromWorker) => {
      if (m === 'stopped') return resolve();
      for (const { seq, result } of m) done.set(seq, result);
      signal();
    });
    w.on('error', (error: Error) => {
      failure = error;
      signal();
    });
    w.on('exit', (code) => {
      if (!closing) failure ??= new Error(`a Markdown worker stopped (exit code ${code})`);
      resolve();
      signal();
    });
    return promise;
  });
  let sent = 0;
  let next = 0;
  /** Steps not yet sent, per worker. */
  const queues: WorkerStep[][] = workers.map(() => []);
  const flush = (k: number): void => {
    const queue = queues[k] as WorkerStep[];
    if (queue.length === 0) return;
    (workers[k] as Worker).postMessage(queue satisfies ToWorker);
    queues[k] = [];
  };
  const flushAll = (): void => {
    for (let k = 0; k < workers.length; k++) flush(k);
  };
  let flushScheduled = false;
  const push = (k: number, step: WorkerStep): void => {
    const queue = queues[k] as WorkerStep[];
    queue.push(step);
    if (queue.length >= BATCH) flush(k);
    else if (!flushScheduled) {
      // Whatever is queued goes out as soon as this thread waits (for input, or for the writes).
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        flushAll();
      });
    }
  };
  const planner = createSitePlanner(options, null, (job) => {
    const size = textSize(job.item);
    sizes.set(sent, size);
    inFlightText += size;
    push(sent % workers.length, { kind: 'job', seq: sent, job: { ...job, item: renderPart(job.item) } });
    sent++;
    return [];
  });
  const broadcast = (step: WorkerStep): void => {
    for (let k = 0; k < workers.length; k++) push(k, step);
  };
  /** The files of every finished job in sequence, waiting for the oldest while more than `keep` are out. */
  async function* ready(keep: number): AsyncGenerator<OutputFile | WrittenFile> {
    for (;;) {
      if (failure !== null) throw failure;
      const result = done.get(next);
      if (result !== undefined) {
        done.delete(next);
        inFlightText -= sizes.get(next) ?? 0;
        sizes.delete(next);
        next++;
        for (const d of result.diagnostics) planner.report(d);
        if (result.failure !== undefined) throw new CliError(result.failure.code, result.failure.message, result.failure.file);
        if (result.file !== null) yield result.file;
        continue;
      }
      if (sent - next <= keep && (inFlightText <= textLimit || sent - next <= 1)) return;
      flushAll();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  try {
    for await (const entry of entries) {
      if (entry.kind === 'author') broadcast({ kind: 'author', author: entry.author });
      else if (entry.kind === 'item' && entry.item.type === 'attachment') broadcast({ kind: 'attachment', item: attachmentPart(entry.item) });
      planner.add(entry);
      yield* ready(limit);
    }
    const tail = planner.finish();
    yield* ready(0);
    for (const file of tail) yield settle(file, folder);
  } finally {
    // A worker finishes the file it is writing, starts no other, and says so; then it is ended. A
    // worker still busy after STOP_WAIT_MS (one huge post) is ended anyway: a temp file it leaves is
    // removed by the next run into the folder (`OutputFolder.open`).
    closing = true;
    Atomics.store(new Int32Array(stop), 0, 1);
    for (const w of workers) w.postMessage('stop' satisfies ToWorker);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(stopped), new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A rendered job's file written into the output folder (when the worker has one), a failed write as the result's failure. */
function written(result: RenderJobResult, folder: OutputFolder | null): PoolResult {
  const { file, diagnostics } = result;
  if (folder === null || file === null) return result;
  try {
    return { file: writeFile(file, folder), diagnostics };
  } catch (e) {
    const error = e as CliError;
    return { file: null, diagnostics, failure: { code: error.code, message: error.message, ...(error.file === undefined ? {} : { file: error.file }) } };
  }
}

/** The worker side: keeps its own lookup in stream order, renders the jobs it is sent and writes their files. */
function runWorker(setup: WorkerSetup): void {
  const lookup = emptyLookup();
  const mdOptions: ToMarkdownOptions = { ...setup.options, lookup };
  const folder = setup.output === null ? null : OutputFolder.reopen(setup.output);
  const stop = new Int32Array(setup.stop);
  parentPort?.on('message', (message: ToWorker) => {
    if (message === 'stop') return parentPort?.postMessage('stopped' satisfies FromWorker);
    const results: { seq: number; result: PoolResult }[] = [];
    for (const step of message) {
      if (Atomics.load(stop, 0) !== 0) return;
      if (step.kind === 'author') addAuthor(lookup, step.author);
      else if (step.kind === 'attachment') addItem(lookup, step.item);
      else results.push({ seq: step.seq, result: written(renderJob(step.job, mdOptions), folder) });
    }
    if (results.length > 0) parentPort?.postMessage(results satisfies FromWorker);
  });
}

const data = workerData as Partial<WorkerSetup> | null;
if (!isMainThread && data?.[WORKER_FLAG] === true) runWorker(data as WorkerSetup);
