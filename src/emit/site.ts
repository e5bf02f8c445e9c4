/**
 * A whole archive as the files of a static site: Markdown documents laid out for a
 * generator preset, plus a redirect map. Strings only; the CLI writes the files.
 */
import type { Archive, Diagnostic, OutputFile } from '../model.js';
import { createSiteRenderer, type RenderSiteOptions } from './site/renderer.js';
import { lookupFromArchive } from './site/lookup.js';

export { createSiteRenderer } from './site/renderer.js';
export type { RenderSiteOptions, SiteRenderer } from './site/renderer.js';

/** The files of a site and what was skipped, renamed or sanitised on the way. */
export interface SiteReport {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

/**
 * {@link renderMarkdownSite} with its diagnostics: private and password-protected items
 * left out (`I_SKIPPED_PRIVATE`), non-content types counted (`I_SKIPPED_ITEMS`), renamed
 * slugs (`W_SLUG_COLLISION`, `W_SLUG_SANITIZED`), an old address of two items (`W_REDIRECT_DUPLICATE`).
 *
 * @example
 * const { files, diagnostics } = renderMarkdownSiteWithReport(archive, { preset: 'jekyll' });
 */
export function renderMarkdownSiteWithReport(archive: Archive, options: RenderSiteOptions = {}): SiteReport {
  const renderer = createSiteRenderer(options, lookupFromArchive(archive));
  renderer.add({ kind: 'site', site: archive.site });
  const files: OutputFile[] = [];
  for (const item of archive.items) files.push(...renderer.render(item));
  files.push(...renderer.finish());
  return { files, diagnostics: [...renderer.diagnostics] };
}

/**
 * Every post, page and public custom-type item of an archive as `{ path, contents }` for
 * a preset layout: `hugo` (`content/posts/<slug>.md`, pages as bundles with their
 * hierarchy), `jekyll` (`_posts/YYYY-MM-DD-slug.md`, `_drafts/`, pages at the root with
 * `permalink`), `astro` (`src/content/posts|pages/`), `eleventy` (`posts/`, `pages/`),
 * `plain` (`posts/`, `pages/`), plus `redirects.json` and a `_redirects` file. Paths are
 * relative, unique (case-insensitively) and never leave the output folder.
 *
 * @example
 * for (const file of renderMarkdownSite(parseWxr(xml), { preset: 'hugo' })) console.log(file.path);
 * // content/posts/hello-world.md, content/about/index.md, static/_redirects, redirects.json
 */
export function renderMarkdownSite(archive: Archive, options: RenderSiteOptions = {}): OutputFile[] {
  return renderMarkdownSiteWithReport(archive, options).files;
}
