// Named re-exports only; test/index.test.ts pins this list.
export { WxrError, WXR_ERROR_CODES } from './errors.js';
export type { WxrErrorCode } from './errors.js';
export type {
  Archive,
  Author,
  Comment,
  CommentNode,
  Diagnostic,
  Extra,
  Item,
  ItemTerm,
  KnownCommentType,
  KnownPostStatus,
  KnownPostType,
  MentionResolution,
  Meta,
  OutputFile,
  ParsedDate,
  Provenance,
  Severity,
  Site,
  Term,
  WxrEntry,
} from './model.js';
export { parseGermanDate, findGermanDate } from './normalize/dates/index.js';
export type { GermanDateOptions, FoundGermanDate, DateLang } from './normalize/dates/index.js';
export { parseWxr } from './wxr/parse.js';
export { streamWxr } from './wxr/stream.js';
export type { ParseWxrOptions, WxrLimits } from './wxr/options.js';
export { htmlToMarkdown, convertHtmlToMarkdown } from './normalize/markdown/index.js';
export type {
  HtmlToMarkdownOptions,
  HtmlToMarkdownResult,
  AttachmentRef,
  AttachmentLookup,
  ElementHandler,
  ShortcodeHandler,
  Shortcode,
  ShortcodeContext,
  RenderContext,
  BlockInfo,
} from './normalize/markdown/index.js';
export { threadComments, threadCommentsWithDiagnostics, inferReplyParents } from './normalize/thread/index.js';
export type { ThreadOptions, ThreadResult, InferReplyParentsResult, InferredReply } from './normalize/thread/index.js';
export type { ReplyClue, ReplyScoringOptions, ReplyWeighing } from './normalize/thread/index.js';
export { parseTextArchive, parseTextArchives } from './text/text-archive/index.js';
export type { TextArchiveOptions, TextPage } from './text/text-archive/index.js';
export { toWxr } from './emit/wxr.js';
export { toJson } from './emit/json.js';
export type { ToJsonOptions } from './emit/json.js';
export { toNdjson, archiveEntries } from './emit/ndjson.js';
export type { ToNdjsonOptions } from './emit/ndjson.js';
export { toMarkdown, toMarkdownWithReport } from './emit/markdown.js';
export type { ToMarkdownOptions, ToMarkdownResult, CommentPlacement, MarkdownBodyOptions } from './emit/markdown.js';
export { renderMarkdownSite, renderMarkdownSiteWithReport, createSiteRenderer } from './emit/site.js';
export type { RenderSiteOptions, SiteRenderer, SiteReport } from './emit/site.js';
export type { SitePreset } from './emit/frontmatter.js';
export { safeSlug, isSafeRelativePath } from './emit/paths.js';
export type { SafeSlugOptions } from './emit/paths.js';
export { parseHtmlArchive, parseHtmlArchives } from './text/html/index.js';
export type { HtmlArchiveOptions, HtmlArchivesOptions, HtmlPage } from './text/html/index.js';
