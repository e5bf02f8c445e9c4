/** Plain-text renderings of blog post pages into the archive model. */
export { parseTextArchive } from './page.js';
export { parseTextArchives, splitPages, PAGE_SEPARATOR } from './pages.js';
export type { TextPage } from './pages.js';
export type { TextArchiveOptions } from './options.js';
