/**
 * Theme and plugin profiles (docs/html-archives.md §2.3, §5.4) as data: which nodes of a comment hold the
 * author, the date and the text. A profile only chooses nodes; cleanup, dates and threading are shared.
 * Pages that match no profile use `GENERIC`, which is also the fallback for every field a profile misses.
 */

/** Selectors for one theme family or comment plugin (the small CSS subset of `select.ts`). */
export interface ThemeProfile {
  /** A stable name, reported in `Item.extra.theme`. */
  id: string;
  /** The page uses this profile when this selector matches anything. */
  match: string;
  author: string;
  date: string;
  content: string;
}

/** Most specific first; the first profile whose `match` hits is used. */
export const PROFILES: readonly ThemeProfile[] = [
  { id: 'wpdiscuz', match: '#wcThreadWrapper, .wc-comment', author: '.wc-comment-author', date: '.wc-comment-date', content: '.wc-comment-text' },
  { id: 'epoch', match: '.epoch-comment-body', author: '.epoch-author-link, .epoch-comment-author', date: '.epoch-comment-link time, .epoch-comment-link', content: '.epoch-comment-content' },
  { id: 'block', match: 'ol.wp-block-comment-template', author: '.wp-block-comment-author-name', date: '.wp-block-comment-date', content: '.wp-block-comment-content' },
  { id: 'thesis18', match: 'dl#comment_list', author: '.comment_author', date: '.comment_time', content: 'dd .format_text' },
  { id: 'genesis', match: 'article[id^=article-comment-]', author: '.comment-author-name', date: 'time.comment-time, .comment-time', content: '.comment-content' },
  { id: 'divi', match: 'section#comment-wrap', author: '.comment_postinfo .fn, .fn', date: '.comment_date', content: '.comment-content' },
  { id: 'twentytwelve', match: 'article.comment > header.comment-meta', author: 'b.fn, .fn', date: 'time', content: 'section.comment-content, .comment-content' },
  { id: 'core-html5', match: 'article.comment-body > footer.comment-meta', author: '.comment-author .fn, .fn', date: '.comment-metadata', content: '.comment-content' },
  { id: 'twentyten', match: 'li[id^=li-comment-] > div[id^=comment-] > div.comment-body', author: 'cite.fn, .fn', date: '.comment-meta', content: 'div.comment-body' },
  { id: 'a8c', match: 'ol.commentlist > li > cite.comment-author', author: 'cite.comment-author', date: 'small.commentmetadata', content: '.contenttext' },
  { id: 'kubrick', match: 'ol.commentlist > li > small.commentmetadata', author: 'cite', date: 'small.commentmetadata', content: 'p' },
  { id: 'wp1-classic', match: 'ol#commentlist > li > p > cite', author: 'cite a, cite', date: 'cite', content: 'p' },
];

/** The generic lists of §0.2, tried after a profile's own selector. */
export const GENERIC = {
  author:
    '.fn, .comment-author-name, .comment_author, .wc-comment-author, .epoch-author-link, .wp-block-comment-author-name, cite.comment-author, .comment-author, .comment-author-link, cite, .author',
  date:
    '.comment-metadata, .commentmetadata, .comment_date, .comment_time, .comment-time, .comment-date, .wc-comment-date, .wp-block-comment-date, .comment-meta, .date, time, a[href*="#comment-"]',
  content:
    '.comment-text, .wc-comment-text, .epoch-comment-content, .wp-block-comment-content, .contenttext, .format_text, .comment-content, .comment_content, .comment-entry, .comment-body',
} as const;

/** Elements never part of a comment's text (§2.6). */
export const COMMENT_NOISE =
  '.reply, .comment-reply, .comment-reply-link, .comment-edit-link, .comment-edit, .edit-link, .comment-awaiting-moderation, .comment-likes, .says, .avatar, .comment-avatar, .comment-author, .comment-meta, .commentmetadata, .comment-metadata, .comment-actions, .children, .wc-comment-footer, .wc-comment-header, .wpd-comment-footer, .wpd-comment-header, .wprm-comment-rating, .by-post-author, .post-author-badge, .sharedaddy, .pmcc-comments-report-link, .comment-like, .wpdiscuz-readmore, .cs-rating, .pd-rating, script, style, noscript, form, template, button, footer.comment-meta, header.comment-meta';

/**
 * Elements never part of the post body, by kind. Each entry is a container a plugin or theme prints into the
 * post's content area; real post text is never inside one of them.
 */
const BODY_NOISE_PARTS = [
  // Not content at all, and controls a reader cannot use on a static copy.
  'script, style, noscript, template, form, input, button, select, textarea',
  // Hidden from the reader: hidden elements and what scripts reveal on a click (share images, plugin versions).
  '[hidden], [style*="display:none"], [style*="display: none"]',
  // Share buttons: Jetpack, Shariff, Easy Social Share, Social Pug (Grow), AddThis, Hupso, Social Warfare,
  // Social Snap, Shareaholic, Simple Share, AddToAny, tweet and like buttons and their iframes.
  '.sharedaddy, .sd-sharing-enabled, .shariff, [class^=essb_], [class^=dpsp-], [id^=dpsp-], .addthis_toolbox, .addthis_inline_share_toolbox, .hupso-share-buttons, .swp_social_panel, .ss-inline-share-wrapper, .shareaholic-canvas, .social-sharing, .a2a_kit, #diaspora-button-container, .addtoany_share_save_container, .twitter-share-button, .tw_button, .fb-like, .social.sharing, iframe[src*="facebook.com/plugins"], iframe[src*="platform.twitter.com"]',
  // Related posts, reading time, print/PDF buttons, recipe-card controls.
  '#jp-relatedposts, .jp-relatedposts, .wtr-time-wrap, .rt-reading-time, .span-reading-time, .pdfprnt-buttons, .printfriendly, .wprm-recipe-icon, .wprm-recipe-link, .wprm-rating-star',
  // Ads: WordPress.com (WordAds), AdSense, ad widgets, donation and newsletter boxes.
  '.wpcnt, .wpa, [id^=atatags], .adsbygoogle, [id^=div-gpt-ad], [id^=Ads_], [class^=adwidget], [class*=donation], .blog-subscribe, .jetpack_subscription_widget, .wp-block-jetpack-subscriptions, .mc4wp-form',
  // The comments, when the body container holds them.
  '#comments, .comments-area, #respond',
];

/** Elements never part of the post body (the list above as one selector). */
export const BODY_NOISE = BODY_NOISE_PARTS.join(', ');

/** Says-words and labels around a commenter's name. */
export const SAYS_WORDS = /\s*[-–—,]?\s*(?:says|said|sagt|Sagt|schreibt|meint|dit|a dit|écrit)\s*:?\s*$/i;
