/**
 * Placements -> the reply tree. Cycles (a -> b -> a through `parentId`) are cut at
 * their earliest comment, which goes to the top level with a diagnostic. Iterative
 * throughout, so a 100,000-deep reply chain neither overflows the stack nor slows down.
 */
import type { Comment, CommentNode, Diagnostic } from '../../model.js';
import type { Placement } from './infer.js';

/** Cuts every cycle in the parent pointers (sorted positions) at its earliest member. */
export function breakCycles(sorted: readonly Comment[], placements: Placement[], diagnostics: Diagnostic[], itemId: number | undefined): void {
  const state = new Uint8Array(placements.length); // 0 new, 1 on the current path, 2 done
  const path: number[] = [];
  for (let start = 0; start < placements.length; start++) {
    if (state[start] !== 0) continue;
    path.length = 0;
    let i = start;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = placements[i]?.parent ?? -1;
    }
    if (i >= 0 && state[i] === 1) {
      const members = path.slice(path.indexOf(i));
      const cut = members.reduce((a, b) => (b < a ? b : a));
      const p = placements[cut];
      if (p) {
        p.parent = -1;
        p.via = null;
      }
      const ids = members.map((m) => sorted[m]?.id).join(' -> ');
      const d: Diagnostic = { severity: 'warning', code: 'W_COMMENT_PARENT_CYCLE', message: `comments ${ids} answer each other in a cycle; comment ${sorted[cut]?.id} placed at the top level` };
      if (itemId !== undefined) d.itemId = itemId;
      diagnostics.push(d);
    }
    for (const m of path) state[m] = 2;
  }
}

/** The forest, children in sorted (date, id) order. */
export function buildForest(sorted: readonly Comment[], placements: readonly Placement[]): CommentNode[] {
  const nodes: CommentNode[] = sorted.map((comment, i) => {
    const p = placements[i];
    const node: CommentNode = { comment, replies: [], via: p && p.parent >= 0 ? p.via : null };
    if (p?.mentions) node.mentions = p.mentions;
    return node;
  });
  const roots: CommentNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const parent = placements[i]?.parent ?? -1;
    const node = nodes[i] as CommentNode;
    const target = parent >= 0 ? nodes[parent] : undefined;
    if (target) target.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
