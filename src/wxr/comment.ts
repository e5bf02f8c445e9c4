/** `wp:comment` -> `Comment`. */
import { textOf } from '../xml/raw.js';
import type { RawElement } from '../xml/types.js';
import type { Comment } from '../model.js';
import { datePair, type RawDatePair } from './dates.js';
import { applyFields, fieldTable, htmlText, intOf, trimmed, type ConvertContext } from './fields.js';
import { metaOf } from './meta.js';

interface CommentDraft {
  comment: Comment;
  dates: RawDatePair;
}

const COMMENT_FIELDS = fieldTable<CommentDraft>({
  'wp:comment_id': (d, el, ctx) => void (d.comment.id = intOf(el, ctx, 0) ?? 0),
  // Stored entity-escaped by WordPress (a pingback's author is the linking page's title): decoded like titles.
  'wp:comment_author': (d, el) => void (d.comment.author = htmlText(el).trim()),
  'wp:comment_author_email': (d, el) => void (d.comment.authorEmail = trimmed(el)),
  'wp:comment_author_url': (d, el) => void (d.comment.authorUrl = trimmed(el)),
  'wp:comment_author_IP': (d, el) => void (d.comment.authorIp = trimmed(el)),
  'wp:comment_date': (d, el) => void ((d.dates.local = textOf(el)), (d.dates.at ??= el)),
  'wp:comment_date_gmt': (d, el) => void ((d.dates.gmt = textOf(el)), (d.dates.at ??= el)),
  'wp:comment_content': (d, el) => void (d.comment.content = textOf(el)),
  'wp:comment_approved': (d, el) => void (d.comment.approved = trimmed(el)),
  'wp:comment_type': (d, el) => void (d.comment.type = trimmed(el) || 'comment'),
  'wp:comment_parent': (d, el, ctx) => void (d.comment.parentId = intOf(el, ctx, null) || null),
  'wp:comment_user_id': (d, el, ctx) => void (d.comment.userId = intOf(el, ctx, null) || null),
  'wp:commentmeta': (d, el) => void d.comment.meta.push(metaOf(el)),
});

/**
 * Converts one comment: an empty type is `comment`, parent and user 0 are null, a missing
 * `comment_approved` is WordPress's default `1`, the author is decoded like a title.
 *
 * @example
 * commentOf(el, ctx).type // 'comment'
 */
export function commentOf(el: RawElement, ctx: ConvertContext): Comment {
  const comment: Comment = {
    id: 0,
    parentId: null,
    author: '',
    authorEmail: '',
    authorUrl: '',
    authorIp: '',
    userId: null,
    date: null,
    dateGmt: null,
    content: '',
    approved: '1',
    type: 'comment',
    meta: [],
  };
  const draft: CommentDraft = { comment, dates: {} };
  applyFields(COMMENT_FIELDS, draft, el, ctx, comment);
  const { date, dateGmt } = datePair(draft.dates, ctx, `comment ${comment.id} date`);
  comment.date = date;
  comment.dateGmt = dateGmt;
  return comment;
}
