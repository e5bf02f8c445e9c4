/**
 * Comment threads: the reply tree from `parentId`, and, on request, from `@Name`
 * replies in flat threads (blogs before WordPress 2.7 or with threading off).
 */
import type { Comment, CommentNode, Diagnostic, MentionResolution } from '../../model.js';
import { place, sortOrder } from './infer.js';
import { resolveThreadOptions, type ThreadOptions } from './options.js';
import { breakCycles, buildForest } from './tree.js';

export type { ThreadOptions } from './options.js';
export type { ReplyClue, ReplyScoringOptions, ReplyWeighing } from './score.js';
export { foldName } from './names.js';

/** The threads of one post and what went wrong while building them. */
export interface ThreadResult {
  threads: CommentNode[];
  diagnostics: Diagnostic[];
}

function run(comments: readonly Comment[], options: ThreadOptions | undefined) {
  const opts = resolveThreadOptions(options);
  const list = Array.isArray(comments) ? comments.filter((c): c is Comment => c !== null && typeof c === 'object') : [];
  const sorted = sortOrder(list).map((i) => list[i] as Comment);
  const diagnostics: Diagnostic[] = [];
  const placements = place(sorted, opts, diagnostics);
  breakCycles(sorted, placements, diagnostics, opts.postId);
  return { sorted, placements, diagnostics };
}

/**
 * Like {@link threadComments}, and also returns the diagnostics: a parent that is not
 * in the export (`W_COMMENT_PARENT_MISSING`), a cycle (`W_COMMENT_PARENT_CYCLE`), a
 * duplicate id (`W_COMMENT_DUPLICATE_ID`), a `#comment-N` link to no earlier comment
 * (`I_MENTION_LINK_MISSING`).
 *
 * @example
 * const { threads, diagnostics } = threadCommentsWithDiagnostics(item.comments, { mentions: true, postId: item.id });
 */
export function threadCommentsWithDiagnostics(comments: readonly Comment[], options?: ThreadOptions): ThreadResult {
  const { sorted, placements, diagnostics } = run(comments, options);
  return { threads: buildForest(sorted, placements), diagnostics };
}

/**
 * The reply tree of one post's comments, top-level comments and every reply list
 * ordered by date, then id. From `parentId`; with `mentions: true` also from a
 * leading `@Name` block of comments without a parent (see README "Comment threads"
 * for the cascade). Every comment appears exactly once; a missing parent or a cycle
 * puts the comment at the top level. Each node says how it was placed (`via`) and,
 * for `@` replies, whom it addressed (`mentions`). Never throws, never mutates.
 *
 * @example
 * threadComments(item.comments, { mentions: true, postAuthor: 'Jens' })
 * // [{ comment: {id: 101, …}, via: null, replies: [{ comment: {id: 103, …}, via: 'mention',
 * //    mentions: [{ name: 'Max', commentId: 101, rule: 'name' }], replies: [] }] }, …]
 */
export function threadComments(comments: readonly Comment[], options?: ThreadOptions): CommentNode[] {
  return threadCommentsWithDiagnostics(comments, options).threads;
}

/** One inferred reply edge. */
export interface InferredReply {
  commentId: number;
  parentId: number;
  mentions: MentionResolution[];
}

/** Comments with inferred parents filled in. */
export interface InferReplyParentsResult {
  /** The input comments in their input order; those with an inferred parent are copies with `parentId` set. */
  comments: Comment[];
  /** The edges that were inferred (`via: 'mention'`). */
  inferred: InferredReply[];
  diagnostics: Diagnostic[];
}

/**
 * Runs the `@Name` inference (always on) and returns the comments with `parentId`
 * set where a parent was inferred, for sources that store parents (text and HTML
 * archives, `toWxr`). Existing parents are kept; the input is not mutated. Unlike
 * `threadComments`, an ambiguous name takes that person's newest earlier comment
 * unless `ambiguous: 'skip'` is passed (the readers record every inferred link).
 *
 * @example
 * const { comments } = inferReplyParents(item.comments, { postAuthor: 'Jens' });
 */
export function inferReplyParents(comments: readonly Comment[], options?: ThreadOptions): InferReplyParentsResult {
  const { sorted, placements, diagnostics } = run(comments, { ambiguous: 'latest', ...options, mentions: true });
  const parents = new Map<Comment, InferredReply>();
  sorted.forEach((c, i) => {
    const p = placements[i];
    const parent = p && p.parent >= 0 && p.via === 'mention' ? sorted[p.parent] : undefined;
    if (parent) parents.set(c, { commentId: c.id, parentId: parent.id, mentions: p?.mentions ?? [] });
  });
  const list = Array.isArray(comments) ? comments : [];
  const out = list.map((c) => {
    const edge = parents.get(c);
    return edge ? { ...c, parentId: edge.parentId } : c;
  });
  return { comments: out, inferred: [...parents.values()], diagnostics };
}
