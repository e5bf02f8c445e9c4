/** Saved HTML pages (browser saves, wget/HTTrack mirrors, Wayback captures) -> the wxr-kit model. */
export { parseHtmlArchive } from './archive.js';
export { parseHtmlArchives, type HtmlPage } from './merge.js';
export type { HtmlArchiveOptions, HtmlArchivesOptions } from './options.js';
