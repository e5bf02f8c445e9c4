/**
 * The public data model of wxr-kit (see SPEC.md "Data model").
 * Types only: every archive source (WXR, text pages, HTML pages) produces these,
 * every emitter (JSON, Markdown, WXR) consumes them.
 */

/** Unknown elements kept by their qualified name (`prefix:local`), each occurrence's raw text or XML. Null-prototype object. */
export type Extra = Record<string, string[]>;

/** Where an archive came from. Never used as a post date. */
export interface Provenance {
  /** `wxr`, `text` (a page saved as text) or `html` (a saved page). */
  kind: 'wxr' | 'text' | 'html';
  /** The page's original URL, when the source names it (a Wayback capture, a saved page's canonical link). */
  url?: string;
  /** When an archive service captured the page (ISO 8601), for Wayback captures. */
  capturedAt?: string;
  /** The archive service or saver that produced the page (`wayback`, `httrack`, `wget`, `browser`). */
  savedBy?: string;
}

export interface Archive {
  site: Site;
  authors: Author[];
  terms: Term[];
  items: Item[];
  diagnostics: Diagnostic[];
  /** Where the archive came from; absent for plain WXR parses. */
  provenance?: Provenance;
}

export interface Site {
  title: string;
  link: string;
  description: string;
  language: string;
  /** `wp:wxr_version` as written (`1.0`, `1.1`, `1.2`). */
  wxrVersion: string;
  baseSiteUrl: string;
  /** Falls back to `baseSiteUrl` when the export has none. */
  baseBlogUrl: string;
  generator: string;
  /** The channel's `pubDate` as ISO 8601 in UTC, or null. */
  exportedAt: string | null;
  extra?: Extra;
}

export interface Author {
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  extra?: Extra;
}

export interface Meta {
  key: string;
  /** The raw string of the export (PHP-serialized values stay serialized). */
  value: string;
}

export interface Term {
  id: number | null;
  /** `category`, `post_tag` (WXR 1.0's `tag` normalized), `nav_menu`, custom taxonomies. */
  taxonomy: string;
  slug: string;
  name: string;
  parentSlug: string | null;
  description: string;
  meta: Meta[];
  extra?: Extra;
}

export interface ItemTerm {
  taxonomy: string;
  slug: string;
  name: string;
}

/** WordPress's built-in post types; custom types keep their own string. */
export type KnownPostType = 'post' | 'page' | 'attachment' | 'nav_menu_item' | 'revision' | 'wp_block' | 'wp_navigation';
/** WordPress's post statuses; others keep their own string. */
export type KnownPostStatus = 'publish' | 'draft' | 'pending' | 'private' | 'future' | 'trash' | 'inherit' | 'auto-draft';

export interface Item {
  id: number;
  type: KnownPostType | (string & {});
  status: KnownPostStatus | (string & {});
  title: string;
  slug: string;
  link: string;
  guid: string;
  /** The author's login (`dc:creator`); the display name in WXR 1.0. */
  author: string | null;
  /** ISO 8601 with the site's UTC offset, or null for a zero date. */
  date: string | null;
  /** ISO 8601 in UTC (`Z`), or null for a zero date. */
  dateGmt: string | null;
  modified: string | null;
  modifiedGmt: string | null;
  /** `content:encoded`, byte-for-byte. */
  content: string;
  /** `excerpt:encoded`, byte-for-byte. */
  excerpt: string;
  parentId: number | null;
  menuOrder: number;
  commentStatus: string;
  pingStatus: string;
  password: string;
  sticky: boolean;
  attachmentUrl: string | null;
  terms: ItemTerm[];
  meta: Meta[];
  comments: Comment[];
  extra?: Extra;
}

export type KnownCommentType = 'comment' | 'pingback' | 'trackback';

export interface Comment {
  id: number;
  parentId: number | null;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  userId: number | null;
  date: string | null;
  dateGmt: string | null;
  content: string;
  /** `1`, `0`, `spam`, `trash`, `post-trashed` as in the export. */
  approved: string;
  /** An empty WXR comment type is `comment`. */
  type: KnownCommentType | (string & {});
  meta: Meta[];
  extra?: Extra;
}

/** How a comment came to hang where it does in a thread. */
export interface MentionResolution {
  /** The name as written after `@`. */
  name: string;
  /** The comment it resolved to, or null when unresolved. */
  commentId: number | null;
  /** Which rule of the cascade resolved it (`link`, `name`, `post-author`, …), or `unresolved`. */
  rule: string;
}

export interface CommentNode {
  comment: Comment;
  replies: CommentNode[];
  /** `parent` from `comment_parent`, `mention` from an `@Name` reply, null at the top level. */
  via: 'parent' | 'mention' | null;
  /** For `@Name` replies: every addressee and what it resolved to (the first resolved one is the parent). */
  mentions?: MentionResolution[];
}

export type WxrEntry =
  | { kind: 'site'; site: Site }
  | { kind: 'author'; author: Author }
  | { kind: 'term'; term: Term }
  | { kind: 'item'; item: Item };

export interface ParsedDate {
  /** ISO 8601: a date (`2012-05-03`) for day precision, else a date-time with offset. */
  iso: string;
  precision: 'day' | 'minute' | 'second';
  warnings?: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** A stable code such as `W_AMP_UNESCAPED` (see README, "Diagnostics"). */
  code: string;
  message: string;
  /** 1-based line in the input, where the input has positions. */
  line?: number;
  /** 1-based column in the input. */
  column?: number;
  itemId?: number;
  /** The input file, set by the CLI or by functions that read several files. */
  file?: string;
}

export interface OutputFile {
  /** Relative, `/`-separated, never absolute, never containing `..`. */
  path: string;
  contents: string;
}
