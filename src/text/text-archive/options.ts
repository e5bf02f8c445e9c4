/** The zone of dates on pages when none is given (or the one given is unknown). */
export const DEFAULT_ZONE = 'Europe/Berlin';

/** Options of `parseTextArchive` and `parseTextArchives`. Every field is optional; defaults are documented per field. */
export interface TextArchiveOptions {
  /**
   * The blogger's name (login and display name of the post author). Items get it as their author, and
   * comments that show no author but answer someone with `@Name` are attributed to it.
   * Default: the `von <Name>` / `by <Name>` of the meta line, else none (item author `null`).
   */
  postAuthor?: string;
  /** IANA time zone for dates on the page, which carry no offset. Default `'Europe/Berlin'`. */
  zone?: string;
  /**
   * Fill `Comment.parentId` from `@Name` replies (each inferred link is an info diagnostic), so that the
   * model carries the thread and `toWxr` writes it as `comment_parent`. Default `true`.
   */
  inferReplies?: boolean;
  /** The blog's name for `site.title`. Default `''`. */
  siteTitle?: string;
  /** The post's URL (item `link` and `guid`); its origin becomes the site link. Default `''`. */
  link?: string;
  /**
   * What undated comments get (most pages show no comment dates). `'none'`: `date` and `dateGmt` stay
   * null (WordPress shows such comments as 30 Nov -0001 after an import). `'post'`: the post's date
   * plus one minute per position on the page, which keeps their order; an info diagnostic lists them.
   * Default `'none'`.
   */
  commentDates?: 'none' | 'post';
  /** Item id of the (first) post. Default `1`. */
  firstItemId?: number;
}

/** Options after defaults were applied; never mutated. */
export interface ResolvedTextOptions {
  readonly postAuthor: string | null;
  readonly zone: string;
  readonly inferReplies: boolean;
  readonly siteTitle: string;
  readonly link: string;
  readonly firstItemId: number;
  readonly commentDates: 'none' | 'post';
}

/**
 * Applies the documented defaults once.
 *
 * @example
 * resolveTextOptions({ postAuthor: ' Jens ' }).postAuthor // 'Jens'
 */
export function resolveTextOptions(options: TextArchiveOptions = {}): ResolvedTextOptions {
  const author = options.postAuthor?.trim();
  return Object.freeze({
    postAuthor: author ? author : null,
    zone: options.zone ?? DEFAULT_ZONE,
    inferReplies: options.inferReplies ?? true,
    siteTitle: options.siteTitle ?? '',
    link: options.link ?? '',
    commentDates: options.commentDates === 'post' ? 'post' : 'none',
    firstItemId: Number.isSafeInteger(options.firstItemId) && (options.firstItemId ?? 0) > 0 ? (options.firstItemId as number) : 1,
  });
}
