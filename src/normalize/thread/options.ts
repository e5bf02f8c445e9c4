/**
 * Options of `threadComments` and `inferReplyParents`, resolved once.
 */
import { foldName } from './names.js';
import { resolveScoring, type ReplyScoringOptions, type ResolvedScoring } from './score.js';

/** Options for {@link threadComments}, {@link threadCommentsWithDiagnostics} and {@link inferReplyParents}. Never mutated. */
export interface ThreadOptions {
  /** Infer parents of comments without `parentId` from a leading `@Name` address block. Default `false`. */
  mentions?: boolean;
  /** The post author's name (login or display name); `@` that name addresses the post author. Default: none. */
  postAuthor?: string;
  /** More names of the post author (display name, login, first name, `Admin`, the blog's name). Default `[]`. */
  postAuthorAliases?: readonly string[];
  /**
   * When a name has several earlier comments, prefer the newest one that itself answered
   * the writer (a dialogue) over simply the newest. Default `false`.
   */
  reciprocity?: boolean;
  /**
   * What to do when a name has several earlier comments and no rule tells which one is
   * answered (see README "Comment threads"): `'skip'` leaves that addressee unresolved
   * (rule `ambiguous`, the candidates in an `I_MENTION_AMBIGUOUS` info diagnostic);
   * `'latest'` takes the newest of them (rule `name-latest`; right in about 1 of 3 such
   * replies once the other rules have taken theirs). Default `'skip'` (precision first);
   * `inferReplyParents` defaults to `'latest'`, as the text and HTML readers expect.
   */
  ambiguous?: 'skip' | 'latest';
  /**
   * The `name-score` rule for a name with several earlier comments: clue weights, the
   * margin the best candidate needs, a callback that sees each weighing. Default: the
   * fitted weights and margin 0.55 (README "Comment threads").
   */
  scoring?: ReplyScoringOptions;
  /** The post's id, copied into every diagnostic's `itemId`. Default: none. */
  postId?: number;
}

export interface ResolvedThreadOptions {
  mentions: boolean;
  reciprocity: boolean;
  ambiguous: 'skip' | 'latest';
  scoring: ResolvedScoring;
  /** Folded post-author names. */
  aliases: ReadonlySet<string>;
  postId: number | undefined;
}

export function resolveThreadOptions(options: ThreadOptions | undefined): ResolvedThreadOptions {
  const o = options !== null && typeof options === 'object' ? options : {};
  const names = [o.postAuthor, ...(Array.isArray(o.postAuthorAliases) ? o.postAuthorAliases : [])];
  const aliases = new Set<string>();
  for (const n of names) if (typeof n === 'string' && foldName(n) !== '') aliases.add(foldName(n));
  return { mentions: o.mentions === true, reciprocity: o.reciprocity === true, ambiguous: o.ambiguous === 'latest' ? 'latest' : 'skip', scoring: resolveScoring(o.scoring), aliases, postId: typeof o.postId === 'number' ? o.postId : undefined };
}
