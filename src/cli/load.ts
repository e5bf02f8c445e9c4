/**
 * All inputs of a run as one stream of entries: WXR files streamed one after the other (a WP-CLI
 * split export is several files of one site: authors and terms de-duplicated, items concatenated),
 * text and HTML pages parsed into archives, items filtered. Diagnostics go to `onDiagnostic` with
 * their file name; a fatal `WxrError` becomes an `InputFailure` naming the file.
 */
import type { Archive, Diagnostic, Item, WxrEntry } from '../model.js';
import type { RunOptions } from './args.js';
import { keepItem } from './filter.js';
import { openBytes, readText, type Input } from './inputs.js';
import { InputFailure, Interrupted } from './errors.js';
import { archiveEntries, emptySite, parseHtmlArchives, parseTextArchives, streamWxr, WxrError } from './lib.js';
import type { Progress } from './term.js';

export interface LoadContext {
  options: RunOptions;
  stdin: AsyncIterable<Uint8Array | string>;
  progress: Progress;
  onDiagnostic: (d: Diagnostic) => void;
  /** Salvage what can be read and report the rest as diagnostics (validate). Default false. */
  recover?: boolean;
  /** Pass on every diagnostic, not only the reader's first 1,000 (validate, which prints them as they come). Default false. */
  allDiagnostics?: boolean;
  /** Ctrl-C: checked before every entry, so that every command stops (`Interrupted`). */
  signal?: AbortSignal | undefined;
}

/** What was read, for the summary. */
export interface LoadStats {
  files: number;
  items: number;
  /** Items left out by the filters. */
  filtered: number;
  duplicateAuthors: number;
  duplicateTerms: number;
  /** Every post type and status read, before the filters (to tell a misspelt filter from an empty one). */
  types: Set<string>;
  statuses: Set<string>;
}

class Merger {
  private site: { url: string; file: string } | null = null;
  private readonly logins = new Set<string>();
  private readonly terms = new Set<string>();
  /**
   * With several inputs: each item id and the input it came first from (an index into `files`); the
   * reader reports duplicates inside one input. Null with one input, so streaming stays bounded.
   */
  private readonly ids: Map<number, number> | null;
  private readonly files: string[] = [];
  private file = '';
  readonly stats: LoadStats = { files: 0, items: 0, filtered: 0, duplicateAuthors: 0, duplicateTerms: 0, types: new Set(), statuses: new Set() };

  constructor(
    private readonly ctx: LoadContext,
    several: boolean,
  ) {
    this.ids = several ? new Map() : null;
  }

  /** The input whose entries come next (for the diagnostics about merging inputs). */
  startInput(name: string): void {
    this.file = name;
    this.files.push(name);
  }

  /** The entry to pass on, or null when it is a duplicate or filtered out. */
  accept(entry: WxrEntry): WxrEntry | null {
    switch (entry.kind) {
      case 'site': {
        const url = entry.site.baseBlogUrl || entry.site.link;
        if (this.site === null) {
          this.site = { url, file: this.file };
          return entry;
        }
        if (url !== '' && this.site.url !== '' && url.replace(/\/+$/, '') !== this.site.url.replace(/\/+$/, '')) {
          this.ctx.onDiagnostic({ severity: 'warning', code: 'W_INPUTS_OTHER_SITE', message: `this input is from ${url}, the first from ${this.site.url} (${this.site.file}); merged into one archive with the first one's site`, file: this.file });
        }
        return null;
      }
      case 'author':
        if (this.logins.has(entry.author.login)) {
          this.stats.duplicateAuthors += 1;
          return null;
        }
        this.logins.add(entry.author.login);
        return entry;
      case 'term': {
        const key = `${entry.term.taxonomy}\u0000${entry.term.slug}`;
        if (this.terms.has(key)) {
          this.stats.duplicateTerms += 1;
          return null;
        }
        this.terms.add(key);
        return entry;
      }
      case 'item': {
        this.ctx.progress.addItem();
        const { id, type, status } = entry.item;
        this.stats.types.add(type);
        this.stats.statuses.add(status);
        const earlier = this.ids?.get(id);
        const current = this.files.length - 1;
        if (earlier === undefined) this.ids?.set(id, current);
        else if (earlier !== current) {
          this.ctx.onDiagnostic({ severity: 'warning', code: 'W_DUPLICATE_ID', message: `item id ${id} is also in ${this.files[earlier] ?? ''}: two items with one id (their paths, redirects and links may clash)`, file: this.file, itemId: id });
        }
        if (!keepItem(entry.item, this.ctx.options.filter)) {
          this.stats.filtered += 1;
          return null;
        }
        this.stats.items += 1;
        return entry;
      }
      default:
        return entry;
    }
  }
}

function withFile(d: Diagnostic, file: string): Diagnostic {
  return d.file === undefined ? { ...d, file } : d;
}

async function* wxrEntries(input: Input, ctx: LoadContext): AsyncGenerator<WxrEntry> {
  const bytes = openBytes(input, ctx.stdin, (n) => ctx.progress.addBytes(n));
  const options = {
    strict: ctx.options.strict,
    recover: ctx.recover === true,
    onDiagnostic: (d: Diagnostic) => ctx.onDiagnostic(withFile(d, input.name)),
    ...(ctx.allDiagnostics === true ? { limits: { maxDiagnostics: Number.MAX_SAFE_INTEGER } } : {}),
  };
  try {
    yield* streamWxr(bytes, options);
  } catch (e) {
    if (e instanceof WxrError) throw new InputFailure(input.name, e);
    throw e;
  }
}

async function pagesArchive(kind: 'text' | 'html', inputs: Input[], ctx: LoadContext): Promise<Archive> {
  const pages: { name: string; text: string }[] = [];
  for (const input of inputs) pages.push({ name: input.name, text: await readText(input, ctx.stdin, (n) => ctx.progress.addBytes(n)) });
  const shown = inputs.length === 1 ? (inputs[0]?.name ?? '') : `${inputs.length} ${kind} pages`;
  try {
    const archive = kind === 'text' ? parseTextPages(pages, ctx) : parseHtmlPages(pages, ctx);
    for (const d of archive.diagnostics) ctx.onDiagnostic(withFile(d, shown));
    return archive;
  } catch (e) {
    if (e instanceof WxrError) throw new InputFailure(shown, e);
    throw e;
  }
}

function parseTextPages(pages: { name: string; text: string }[], ctx: LoadContext): Archive {
  // Text pages thread their @Name replies by default (the library's default); --zone sets the page's zone.
  const { zone, postAuthor } = ctx.options;
  return parseTextArchives(pages, { ...(zone === null ? {} : { zone }), ...(postAuthor === null ? {} : { postAuthor }) });
}

function parseHtmlPages(pages: { name: string; text: string }[], ctx: LoadContext): Archive {
  const { zone, reference } = ctx.options;
  return parseHtmlArchives(pages.map((p) => ({ name: p.name, html: p.text })), { ...(zone === null ? {} : { zone }), ...(reference === null ? {} : { reference }) });
}

/**
 * Every input as one de-duplicated, filtered entry stream: site, authors and terms as they come,
 * items in input order. `stats` is filled as the stream is consumed.
 *
 * @example
 * for await (const entry of loadEntries(inputs, ctx, stats)) …
 */
export async function* loadEntries(inputs: readonly Input[], ctx: LoadContext, out: { stats?: LoadStats } = {}): AsyncGenerator<WxrEntry> {
  const merger = new Merger(ctx, inputs.length > 1);
  out.stats = merger.stats;
  const groups: Record<'text' | 'html', Input[]> = { text: [], html: [] };
  for (const input of inputs) {
    if (input.kind !== 'wxr') {
      groups[input.kind].push(input);
      continue;
    }
    merger.stats.files += 1;
    merger.startInput(input.name);
    for await (const entry of wxrEntries(input, ctx)) {
      if (ctx.signal?.aborted === true) throw new Interrupted();
      const kept = merger.accept(entry);
      if (kept !== null) yield kept;
    }
  }
  for (const kind of ['text', 'html'] as const) {
    if (groups[kind].length === 0) continue;
    merger.stats.files += groups[kind].length;
    merger.startInput(groups[kind].length === 1 ? (groups[kind][0]?.name ?? '') : `${groups[kind].length} ${kind} pages`);
    const archive = await pagesArchive(kind, groups[kind], ctx);
    for (const entry of archiveEntries(archive)) {
      if (ctx.signal?.aborted === true) throw new Interrupted();
      const kept = merger.accept(entry);
      if (kept !== null) yield kept;
    }
  }
}

/** Collects an entry stream into one archive (for the whole-archive formats json, wxr, markdown). */
export async function collectArchive(entries: AsyncIterable<WxrEntry>, diagnostics: Diagnostic[]): Promise<Archive> {
  const archive: Archive = {
    site: emptySite(),
    authors: [],
    terms: [],
    items: [] as Item[],
    diagnostics,
  };
  for await (const entry of entries) {
    if (entry.kind === 'site') archive.site = entry.site;
    else if (entry.kind === 'author') archive.authors.push(entry.author);
    else if (entry.kind === 'term') archive.terms.push(entry.term);
    else if (entry.kind === 'item') archive.items.push(entry.item);
  }
  return archive;
}
