/**
 * The per-item site renderer: feed it stream entries (or whole archives) one at a time,
 * get files back as soon as they can be written, and the pages plus redirect map at
 * `finish()`. Memory holds the author and attachment lookups, the set of claimed paths
 * and the pages (which need their whole hierarchy), never the posts.
 */
import type { Diagnostic, Item, OutputFile, WxrEntry } from '../../model.js';
import { isDraftStatus, type SitePreset } from '../frontmatter.js';
import { protectionOf, renderItemMarkdown, type ItemTarget, type ToMarkdownOptions } from '../markdown.js';
import { PathAllocator, safePercentDecode, safeSlug, utf8Bytes } from '../paths.js';
import { customPath, pagePath, postPath, RESERVED_PAGE_SLUGS, redirectsFilePath, type PlannedPath } from './layout.js';
import { addAuthor, addItem, emptyLookup, type ArchiveLookup } from './lookup.js';
import { own } from './own.js';
import { oldPermalinkPath, oldQueryPath } from './permalink.js';
import { redirectFiles, redirectKey, sameUrl, type Redirect } from './redirects.js';

/** The most bytes the folders of a page's parent pages may take in its path (a cap for runaway hierarchies). */
const MAX_PAGE_FOLDER_BYTES = 600;

/** Options of `renderMarkdownSite` and {@link createSiteRenderer}. */
export interface RenderSiteOptions extends Omit<ToMarkdownOptions, 'archive' | 'lookup' | 'slug' | 'url' | 'aliases' | 'preset'> {
  /** Layout and front matter conventions. Default `plain`. */
  preset?: SitePreset;
  /** Post types that become files, besides `post` and `page`. Default: every type not in {@link NON_CONTENT_TYPES}. */
  types?: readonly string[];
  /** Write drafts and pending posts (marked `draft`, keeping their dates). Default `true`. */
  includeDrafts?: boolean;
  /** Hugo only: posts as bundles (`content/posts/<slug>/index.md`). Default `false`. */
  pageBundles?: boolean;
  /** Write `redirects.json` and a `_redirects` file. Default `true`. */
  redirects?: boolean;
  /** Maximum UTF-8 bytes of a slug before the hash suffix. Default `100`. */
  maxSlugBytes?: number;
  /** Called with every diagnostic as it happens (they are also returned by the report). Default: none. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/** Post types that are never pages of a site. */
export const NON_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'attachment', 'revision', 'nav_menu_item', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request',
  'wp_block', 'wp_global_styles', 'wp_navigation', 'wp_template', 'wp_template_part', 'wp_font_family', 'wp_font_face',
  'wpcf7_contact_form', 'acf-field', 'acf-field-group', 'shop_order', 'shop_coupon', 'scheduled-action',
]);

/** Statuses that never become files. */
const SKIPPED_STATUSES = new Set(['trash', 'auto-draft', 'inherit']);

/** A renderer for one site. */
export interface SiteRenderer {
  /** Takes one stream entry; returns the files that are ready (posts, custom types). */
  add(entry: WxrEntry): OutputFile[];
  /** Takes one item; returns its file(s) now, or nothing when it is a page (rendered at `finish`) or skipped. */
  render(item: Item): OutputFile[];
  /** The buffered pages and the redirect map. Call once, after the last entry. */
  finish(): OutputFile[];
  /** Everything skipped, renamed or sanitised so far. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A streaming site renderer. Authors and attachments seen so far are used for display
 * names and featured images, so feed entries in document order (authors come first in WXR).
 *
 * @example
 * const site = createSiteRenderer({ preset: 'hugo' });
 * for await (const entry of streamWxr(createReadStream('export.xml'))) for (const f of site.add(entry)) await write(f);
 * for (const f of site.finish()) await write(f);
 */
export function createSiteRenderer(options: RenderSiteOptions = {}, lookup: ArchiveLookup = emptyLookup()): SiteRenderer {
  const mdOptions: ToMarkdownOptions = { ...options, preset: options.preset ?? 'plain', lookup };
  return createSitePlanner(options, lookup, (job, report) => {
    const result = renderJob(job, mdOptions);
    for (const d of result.diagnostics) report(d);
    return result.file === null ? [] : [result.file];
  });
}

/** One item whose path is claimed, ready to be turned into Markdown (here or in a worker). */
export interface RenderJob {
  item: Item;
  path: string;
  target: ItemTarget;
}

/** What rendering a job gave: its file (null when rendering failed) and the diagnostics, in order. */
export interface RenderJobResult {
  file: OutputFile | null;
  diagnostics: Diagnostic[];
}

/**
 * Renders one job with the shared Markdown options; a failure becomes an `E_RENDER_FAILED`
 * diagnostic instead of an exception (the same on the main thread and in a worker).
 *
 * @example
 * renderJob({ item, path: 'posts/hello.md', target: { slug: 'hello' } }, { preset: 'plain' }).file?.contents
 */
export function renderJob(job: RenderJob, mdOptions: ToMarkdownOptions): RenderJobResult {
  const { item } = job;
  try {
    const { markdown, diagnostics } = renderItemMarkdown(item, mdOptions, job.target);
    return { file: { path: job.path, contents: markdown }, diagnostics };
  } catch (error) {
    const message = `Item ${item.id} could not be rendered: ${error instanceof Error ? error.message : String(error)}`;
    return { file: null, diagnostics: [{ severity: 'error', code: 'E_RENDER_FAILED', itemId: item.id, message }] };
  }
}

/**
 * The site renderer without its Markdown step: admits items, claims unique paths, keeps the
 * pages for `finish()` and the redirect map, and hands every claimed item to `run`, which
 * renders it at once (the files it returns are passed on) or later (a worker pool returns []).
 * `lookup` is filled with the authors and attachments seen, for a `run` on this thread; a pool
 * whose workers keep their own passes `null`.
 *
 * @example
 * const site = createSitePlanner({ preset: 'hugo' }, null, (job) => { queue.push(job); return []; });
 */
export function createSitePlanner(
  options: RenderSiteOptions,
  lookup: ArchiveLookup | null,
  run: (job: RenderJob, report: (d: Diagnostic) => void) => OutputFile[],
): SiteRenderer & { report: (d: Diagnostic) => void } {
  const preset = options.preset ?? 'plain';
  const paths = new PathAllocator();
  const diagnostics: Diagnostic[] = [];
  const redirects: Redirect[] = [];
  const pages: Item[] = [];
  const skipped = new Map<string, number>();
  const slugBytes = options.maxSlugBytes ?? 100;
  for (const r of RESERVED_PAGE_SLUGS[preset]) paths.reserve(pagePath(preset, [], false).prefix + r);
  paths.reserve(redirectsFilePath(preset));
  paths.reserve('redirects.json');

  const report = (d: Diagnostic): void => {
    d.message = own(d.message);
    diagnostics.push(d);
    options.onDiagnostic?.(d);
  };
  const countSkip = (why: string): void => {
    skipped.set(why, (skipped.get(why) ?? 0) + 1);
  };

  const wanted = (item: Item): boolean => {
    if (item.type === 'post' || item.type === 'page') return true;
    return options.types ? options.types.includes(item.type) : !NON_CONTENT_TYPES.has(item.type);
  };

  const admit = (item: Item): boolean => {
    if (!wanted(item)) return countSkip(own(`type ${item.type}`)), false;
    if (SKIPPED_STATUSES.has(item.status)) return countSkip(own(`status ${item.status}`)), false;
    if (options.includeDrafts === false && isDraftStatus(item.status)) return countSkip('draft'), false;
    const protection = protectionOf(item);
    if (protection !== null && options.includePrivate !== true) {
      report({ severity: 'info', code: 'I_SKIPPED_PRIVATE', itemId: item.id, message: `Item ${item.id} "${item.title}" is ${protection === 'private' ? 'private' : 'password-protected'}; left out (includePrivate: true writes it)` });
      return false;
    }
    return true;
  };

  /** Old addresses already redirected, by {@link redirectKey}: the first item keeps one; the others get a diagnostic. */
  const redirectOwners = new Map<string, number>();
  const addRedirect = (item: Item, from: string, to: string): boolean => {
    const key = redirectKey(from);
    const owner = redirectOwners.get(key);
    if (owner !== undefined) {
      report({ severity: 'warning', code: 'W_REDIRECT_DUPLICATE', itemId: item.id, message: `Item ${item.id}: the old address ${JSON.stringify(from)} already redirects to item ${owner}; not redirected here` });
      return false;
    }
    redirectOwners.set(own(key), item.id);
    redirects.push({ from: own(from), to: own(to), id: item.id });
    return true;
  };

  /** The site's language for the comment labels: the option, else the site entry's (a worker gets it with each job). */
  let language = options.language;

  const slugSource = (item: Item): string => (item.slug.trim() !== '' ? item.slug : item.title);

  const baseSlug = (item: Item): string => {
    const source = slugSource(item);
    const slug = safeSlug(source, { maxBytes: slugBytes, fallbackId: item.id });
    const decoded = safePercentDecode(source);
    if (/[/\\\u0000-\u001f]|^\.{1,2}$|\.\./.test(decoded)) {
      report({ severity: 'warning', code: 'W_SLUG_SANITIZED', itemId: item.id, message: `Item ${item.id}: slug ${JSON.stringify(source)} is not a safe file name; written as "${slug}"` });
    }
    return slug;
  };

  const emit = (item: Item, plan: PlannedPath, slug: string): { files: OutputFile[]; slug: string } => {
    const claimed = paths.claimSlug(plan.prefix, slug, plan.suffix);
    if (claimed.slug !== slug) {
      report({ severity: 'warning', code: 'W_SLUG_COLLISION', itemId: item.id, message: `Item ${item.id}: "${plan.prefix}${slug}" is taken; written as "${claimed.path}"` });
    }
    const url = plan.url(claimed.slug);
    const old = oldPermalinkPath(item.link);
    let aliases = old !== null && !sameUrl(old, url) ? [old] : [];
    // A draft had no public address and gets no page: nothing to redirect from, nothing to redirect to.
    if (!isDraftStatus(item.status)) {
      aliases = aliases.filter((from) => addRedirect(item, from, url));
      const query = oldQueryPath(item);
      if (query !== null) addRedirect(item, query, url);
    }
    const target: ItemTarget = { slug: claimed.slug, aliases };
    if (language !== undefined) target.language = language;
    if (preset === 'jekyll' || preset === 'eleventy') target.url = url;
    return { files: run({ item, path: claimed.path, target }, report), slug: claimed.slug };
  };

  const renderFlat = (item: Item): OutputFile[] => {
    const slug = baseSlug(item);
    if (item.type !== 'post') {
      const plan = customPath(preset, safeSlug(item.type, { fallbackId: 'type' }));
      paths.reserve(plan.prefix.slice(0, -1));
      return emit(item, plan, slug).files;
    }
    const dayMatch = /^(\d{4}-\d{2}-\d{2})/.exec(item.date ?? item.dateGmt ?? '');
    const day = dayMatch ? (dayMatch[1] as string) : null;
    const draft = isDraftStatus(item.status);
    if (preset === 'jekyll' && day === null && !draft) {
      report({ severity: 'warning', code: 'W_NO_DATE', itemId: item.id, message: `Post ${item.id} has no date; written to _drafts/` });
    }
    return emit(item, postPath(preset, { day, draft, bundle: options.pageBundles === true }), slug).files;
  };

  const renderPages = (): OutputFile[] => {
    const byId = new Map<number, Item>();
    for (const p of pages) byId.set(p.id, p);
    const declared = (p: Item): Item | undefined => (p.parentId !== null && p.parentId !== p.id ? byId.get(p.parentId) : undefined);
    // A loop of parents is cut once, at its page with the lowest id, which then has no parent.
    const cut = new Set<number>();
    const done = new Set<number>();
    for (const p of pages) {
      const path: Item[] = [];
      const onPath = new Set<number>();
      for (let q: Item | undefined = p; q && !done.has(q.id); q = declared(q)) {
        if (onPath.has(q.id)) {
          const loop = path.slice(path.findIndex((x) => x.id === q?.id));
          const lowest = loop.reduce((a, b) => (b.id < a.id ? b : a));
          cut.add(lowest.id);
          report({ severity: 'warning', code: 'W_PAGE_PARENT_CYCLE', itemId: lowest.id, message: `Page ${lowest.id}: its parent chain loops back to itself; the loop is cut here and the page written at the top level` });
          break;
        }
        onPath.add(q.id);
        path.push(q);
      }
      for (const q of path) done.add(q.id);
    }
    const parentOf = (p: Item): Item | undefined => (cut.has(p.id) ? undefined : declared(p));
    const hasChildren = new Set<number>();
    const depth = new Map<number, number>();
    // Depths, each page's walked once (the parents' depths are remembered on the way back down).
    const depthOf = (p: Item): number => {
      const up: Item[] = [];
      let q: Item | undefined = p;
      while (q && !depth.has(q.id)) {
        up.push(q);
        q = parentOf(q);
      }
      let d = q ? (depth.get(q.id) ?? 0) : -1;
      for (let k = up.length - 1; k >= 0; k--) depth.set((up[k] as Item).id, ++d);
      return d;
    };
    for (const p of pages) {
      const parent = parentOf(p);
      if (parent) hasChildren.add(parent.id);
      depthOf(p);
    }
    const ordered = [...pages].sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) || a.id - b.id);
    const chains = new Map<number, string[]>();
    const out: OutputFile[] = [];
    for (const page of ordered) {
      const parent = parentOf(page);
      let ancestors = parent ? (chains.get(parent.id) ?? []) : [];
      // A hostile or runaway hierarchy must not make paths longer than file systems take (about 4 KB on
      // Linux, 1 KB on macOS): below MAX_PAGE_FOLDER_BYTES of folders, a page starts again at the top.
      if (utf8Bytes(ancestors.join('/')) > MAX_PAGE_FOLDER_BYTES) {
        report({ severity: 'warning', code: 'W_PAGE_TOO_DEEP', itemId: page.id, message: `Page ${page.id}: its parent pages' folders would make the path longer than ${MAX_PAGE_FOLDER_BYTES} bytes; written at the top level (its old address redirects there)` });
        ancestors = [];
      }
      const { files, slug } = emit(page, pagePath(preset, ancestors, hasChildren.has(page.id)), baseSlug(page));
      chains.set(page.id, [...ancestors, slug]);
      out.push(...files);
    }
    return out;
  };

  const render = (item: Item): OutputFile[] => {
    if (lookup !== null) addItem(lookup, item);
    if (!admit(item)) return [];
    if (item.type === 'page') {
      pages.push(item);
      return [];
    }
    return renderFlat(item);
  };

  let finished = false;
  return {
    diagnostics,
    report,
    render,
    add(entry: WxrEntry): OutputFile[] {
      if (entry.kind === 'author' && lookup !== null) addAuthor(lookup, entry.author);
      if (entry.kind === 'site' && options.language === undefined && entry.site.language !== '') language = own(entry.site.language);
      return entry.kind === 'item' ? render(entry.item) : [];
    },
    finish(): OutputFile[] {
      if (finished) return [];
      finished = true;
      const out = renderPages();
      for (const [why, count] of skipped) {
        report({ severity: 'info', code: 'I_SKIPPED_ITEMS', message: `${count} item(s) not written as pages (${why})` });
      }
      if (options.redirects !== false) out.push(...redirectFiles(redirects, redirectsFilePath(preset)));
      return out;
    },
  };
}
