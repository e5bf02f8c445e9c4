/** Options of `parseHtmlArchive` / `parseHtmlArchives`, resolved once per call. */

/** Options for reading one saved post page. */
export interface HtmlArchiveOptions {
  /** The page's original address, when the caller knows it. Default: read from the page (Wayback or saver marker, canonical link, `og:url`). */
  url?: string;
  /**
   * IANA zone (or `UTC+2`) for printed dates that carry no offset. Default: `Europe/Berlin` for German pages,
   * else the offset of the page's own machine-readable dates, else `UTC` (with an info diagnostic).
   */
  zone?: string;
  /**
   * Reference instant (ISO 8601) for relative comment dates (`2 weeks ago`, `50 Minuten her`) and year-less
   * dates. Default: the Wayback capture time when the page is a capture, else none (such dates stay null).
   */
  reference?: string;
  /** Page language (`de`, `en-US`, …) for reading printed dates. Default: `<html lang>`. */
  lang?: string;
}

/** Options for a folder of pages (a mirrored site): the same as for one page, applied to each. */
export type HtmlArchivesOptions = Omit<HtmlArchiveOptions, 'url'>;
