/**
 * `wxr-kit convert`: inputs -> json | ndjson | markdown | wxr, to standard output, a file or a folder.
 * Output checks run before any input is read, so a refused `--out` fails at once.
 */
import type { Archive, Diagnostic, WxrEntry } from '../../model.js';
import type { CommentMode, Format } from '../flags.js';
import { DiagnosticTally, EntryTally, type RunContext } from '../context.js';
import { Interrupted, PartialOutput } from '../errors.js';
import { collectArchive, loadEntries, type LoadStats } from '../load.js';
import { authorNames, inferReplyParents, threadOptions, toJson, toNdjson, toWxr } from '../lib.js';
import { formatDiagnostic, printable } from '../report.js';
import { AtomicFile, OutputFolder, prepareOutputFile, writeInPlace } from '../safe-write.js';
import { writeSiteFiles } from '../site-pool.js';
import { formatCount, formatSize, writeOut } from '../term.js';

/** Where the output goes. */
type Sink =
  | { kind: 'stdout' }
  | { kind: 'file'; path: string; direct: boolean; display: string }
  | { kind: 'folder'; folder: OutputFolder };

/** The run's context plus where diagnostics go (the reader's and the renderer's alike). */
interface ConvertContext extends RunContext {
  onDiagnostic: (d: Diagnostic) => void;
  /** The diagnostics kept so far (at most MAX_KEPT_DIAGNOSTICS), for the whole-archive formats. */
  kept: Diagnostic[];
}

/** What was (or would be) written, for the summary. */
interface Written {
  bytes: number;
  files: string[];
}

async function openSink(ctx: RunContext): Promise<Sink> {
  const { options, io } = ctx;
  const policy = { force: options.force, dryRun: options.dryRun };
  if (options.out === null) return { kind: 'stdout' };
  if (options.format === 'markdown') return { kind: 'folder', folder: await OutputFolder.open(io.cwd, options.out, policy) };
  const target = await prepareOutputFile(io.cwd, options.out, policy);
  return { kind: 'file', path: target.path, direct: target.direct, display: options.out };
}

/** Writes a stream of text chunks to the sink (atomically for a file; nothing in a dry run). */
async function writeChunks(ctx: RunContext, sink: Sink, chunks: AsyncIterable<string>, written: Written): Promise<void> {
  const dry = ctx.options.dryRun;
  if (sink.kind === 'file' && sink.direct && !dry) {
    await writeInPlace(sink.path, sink.display, chunks, (n) => (written.bytes += n));
    written.files.push(sink.display);
    return;
  }
  if (sink.kind === 'file' && !dry) {
    const file = await AtomicFile.create(sink.path);
    try {
      for await (const chunk of chunks) {
        written.bytes += Buffer.byteLength(chunk);
        await file.write(chunk);
      }
    } catch (e) {
      await file.abort();
      throw e;
    }
    await file.commit();
    written.files.push(sink.display);
    return;
  }
  for await (const chunk of chunks) {
    written.bytes += Buffer.byteLength(chunk);
    if (!dry && sink.kind === 'stdout') await writeOut(ctx.io.stdout, chunk);
  }
  if (sink.kind === 'file') written.files.push(sink.display);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const COMMENT_PLACEMENT: Readonly<Record<CommentMode, 'body' | 'none' | 'frontmatter'>> = { nested: 'body', none: 'none', frontmatter: 'frontmatter' };

const threads = (ctx: RunContext): 'mentions' | false => (ctx.options.inferReplies ? 'mentions' : false);

/**
 * With `--infer-replies`, the `@Name` parents that the Markdown output nests, stored as each comment's
 * `parentId` (WXR's `comment_parent`): the same inference over the same comments as Markdown (approved,
 * not pings) with the post-author names JSON uses. Existing parents are kept.
 */
function withInferredParents(archive: Archive): Archive {
  const authors = authorNames(archive.authors);
  const items = archive.items.map((item) => {
    const flat = item.comments.filter((c) => c.approved === '1' && c.type !== 'pingback' && c.type !== 'trackback');
    if (flat.length < 2) return item;
    const { inferred } = inferReplyParents(flat, { ...threadOptions(item, { authors, mode: { mentions: true } }), ambiguous: 'skip' });
    if (inferred.length === 0) return item;
    const parents = new Map(inferred.map((e) => [e.commentId, e.parentId]));
    return { ...item, comments: item.comments.map((c) => (parents.has(c.id) && c.parentId === null ? { ...c, parentId: parents.get(c.id) ?? null } : c)) };
  });
  return { ...archive, items };
}

async function wholeArchive(entries: AsyncIterable<WxrEntry>, ctx: ConvertContext): Promise<Archive> {
  return collectArchive(entries, ctx.kept);
}

/** Below this many input bytes Markdown is rendered on the main thread: a worker would start after the work is done. */
const WORKER_MIN_BYTES = 4_000_000;

/** Whether every input is a file smaller than {@link WORKER_MIN_BYTES} (standard input's size is unknown). */
const smallInput = (ctx: RunContext): boolean => ctx.inputs.reduce((sum, i) => sum + (i.size ?? Infinity), 0) < WORKER_MIN_BYTES;

const EMITTERS: Readonly<Record<Format, (entries: AsyncIterable<WxrEntry>, ctx: ConvertContext, sink: Sink, w: Written) => Promise<void>>> = {
  async json(entries, ctx, sink, w) {
    const archive = await wholeArchive(entries, ctx);
    await writeChunks(ctx, sink, once(`${toJson(archive, { pretty: ctx.options.pretty, threads: threads(ctx) })}\n`), w);
  },
  async ndjson(entries, ctx, sink, w) {
    await writeChunks(ctx, sink, toNdjson(entries, { threads: threads(ctx) }), w);
  },
  async wxr(entries, ctx, sink, w) {
    const archive = await wholeArchive(entries, ctx);
    await writeChunks(ctx, sink, once(toWxr(ctx.options.inferReplies ? withInferredParents(archive) : archive)), w);
  },
  async markdown(entries, ctx, sink, w) {
    if (sink.kind !== 'folder') throw new Error('markdown needs an output folder');
    // Markdown is rendered and written by worker threads (same files and bytes as createSiteRenderer);
    // posts as they stream in; pages (which need their hierarchy) and the redirect map at the end.
    const files = writeSiteFiles(entries, sink.folder, {
      preset: ctx.options.preset,
      comments: COMMENT_PLACEMENT[ctx.options.comments],
      inferReplies: ctx.options.inferReplies,
      includePrivate: ctx.options.includePrivate,
      onDiagnostic: ctx.onDiagnostic,
      ...(smallInput(ctx) ? { workers: 0 } : {}),
    });
    for await (const file of files) {
      // Ctrl-C also after the last entry (pages and redirect maps): the pool stops its workers cleanly.
      if (ctx.io.signal?.aborted === true) throw new Interrupted();
      w.bytes += file.bytes;
      w.files.push(file.path);
    }
  },
};

const NEXT_STEP: Readonly<Record<string, string>> = {
  hugo: 'hugo server --source OUT (add a theme, and markup.goldmark.renderer.unsafe = true for the HTML posts keep: embeds, anchors)',
  jekyll: 'cd OUT && jekyll serve',
  eleventy: 'npx @11ty/eleventy --input=OUT --serve',
  astro: 'copy OUT/src/content into your Astro project',
  plain: 'open OUT in your editor or point your site generator at it',
};

/** A `--types` or `--status` value that no item has (a typo keeps nothing, silently otherwise). */
function unmatchedFilters(filter: RunContext['options']['filter'], stats: LoadStats): string[] {
  const out: string[] = [];
  const check = (flag: string, wanted: ReadonlySet<string> | undefined, seen: ReadonlySet<string>): void => {
    const missing = [...(wanted ?? [])].filter((v) => !seen.has(v));
    if (missing.length === 0) return;
    const have = [...seen].sort().map((v) => printable(v === '' ? '(none)' : v)).join(', ');
    out.push(`--${flag}: no item has ${missing.map((v) => `'${printable(v)}'`).join(', ')} (the input has: ${have || 'no items'})`);
  };
  check('types', filter.types, stats.types);
  check('status', filter.statuses, stats.statuses);
  return out;
}

function summary(ctx: RunContext, tally: EntryTally, diags: DiagnosticTally, stats: LoadStats | undefined, w: Written, ms: number): string[] {
  const { options } = ctx;
  const s = ctx.err;
  const verb = options.dryRun ? 'would write' : 'wrote';
  const target = options.out === null ? 'standard output' : options.format === 'markdown' ? `${options.out}/ (${formatCount(w.files.length)} files, preset ${options.preset})` : options.out;
  const lines = [
    `${s.green('✔')} ${verb} ${formatCount(tally.items)} items${tally.items > 0 ? ` (${tally.describe()})` : ''} and ${formatCount(tally.comments)} comments as ${options.format} to ${target}: ${formatSize(w.bytes)} in ${(ms / 1000).toFixed(1)} s`,
  ];
  if (stats !== undefined) {
    const extras: string[] = [];
    if (stats.files > 1) extras.push(`${stats.files} input files merged`);
    if (stats.duplicateAuthors + stats.duplicateTerms > 0) extras.push(`${stats.duplicateAuthors} duplicate authors and ${stats.duplicateTerms} duplicate terms dropped`);
    if (stats.filtered > 0) extras.push(`${formatCount(stats.filtered)} items left out by the filters`);
    if (extras.length > 0) lines.push(`  ${extras.join('; ')}`);
    for (const line of unmatchedFilters(options.filter, stats)) lines.push(`  ${s.yellow(line)}`);
  }
  const withheld = diags.byCode.get('I_SKIPPED_PRIVATE') ?? 0;
  if (withheld > 0) lines.push(`  ${formatCount(withheld)} private or password-protected items left out; --include-private writes them`);
  const warnings = diags.count('warning');
  const errors = diags.count('error');
  if (warnings + errors > 0) {
    const codes = [...diags.problemCodes].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, n]) => `${c} ×${n}`).join(', ');
    const listAll = options.dryRun ? '' : '; run again with --dry-run to list them all';
    lines.push(`  ${s.yellow(`${warnings} warnings`)}${errors > 0 ? `, ${s.red(`${errors} errors`)}` : ''} (${codes})${listAll}`);
  }
  if (options.dryRun) lines.push('  dry run: nothing was written; run again without --dry-run to write');
  else if (options.format === 'markdown' && options.out !== null) lines.push(`  next: ${(NEXT_STEP[options.preset] ?? '').replace('OUT', options.out)}`);
  return lines;
}

/**
 * Runs `convert`. Returns the exit code; failures are thrown and printed by `main`.
 *
 * @example
 * await convert(ctx) // 0
 */
export async function convert(ctx: RunContext): Promise<number> {
  const started = Date.now();
  const sink = await openSink(ctx);
  const diags = new DiagnosticTally();
  const tally = new EntryTally();
  const holder: { stats?: LoadStats } = {};
  const onDiagnostic = diags.add;
  const run: ConvertContext = { ...ctx, onDiagnostic, kept: diags.kept };
  const entries = tally.pass(loadEntries(ctx.inputs, { options: ctx.options, stdin: ctx.io.stdin, progress: ctx.progress, onDiagnostic, signal: ctx.io.signal }, holder));
  const written: Written = { bytes: 0, files: [] };
  try {
    await EMITTERS[ctx.options.format](entries, run, sink, written);
  } catch (e) {
    // A site cut short by bad input: say how much of it is there (Ctrl-C says so itself).
    if (sink.kind === 'folder' && !ctx.options.dryRun && written.files.length > 0 && !(e instanceof Interrupted)) {
      throw new PartialOutput(e, written.files.length, ctx.options.out ?? '');
    }
    throw e;
  } finally {
    ctx.progress.done();
  }
  const err = ctx.io.stderr;
  if (ctx.options.dryRun) {
    for (const f of written.files) await writeOut(ctx.io.stdout, `${f}\n`);
    for (const d of diags.kept) if (!ctx.options.quiet || d.severity === 'error') await writeOut(err, `${formatDiagnostic(d, ctx.err)}\n`);
  } else if (!ctx.options.quiet) {
    const shown = diags.kept.filter((d) => d.severity !== 'info').slice(0, 5);
    for (const d of shown) await writeOut(err, `${formatDiagnostic(d, ctx.err)}\n`);
  }
  if (!ctx.options.quiet) {
    for (const line of summary(ctx, tally, diags, holder.stats, written, Date.now() - started)) await writeOut(err, `${line}\n`);
  }
  return 0;
}
