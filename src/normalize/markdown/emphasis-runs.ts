/**
 * CommonMark's emphasis matching ("process emphasis"), run on the `*` delimiter runs a
 * paragraph will have, to find pairs that a Markdown renderer would match differently
 * than intended: adjacent markers form one run (`*a***b**`), a run that can both open
 * and close may close an earlier one, and the rule of 3 (`**(*:****,*`) forbids some
 * matches. Such pairs are then written as HTML (see `delimiters.ts`).
 */

/** One delimiter run: the marker position that each of its `*` characters belongs to, in order. */
export interface StarRun {
  chars: number[];
  canOpen: boolean;
  canClose: boolean;
}

interface State extends StarRun {
  orig: number;
  start: number;
  end: number;
  removed: boolean;
}

/** A run of one marker's characters that can only open or only close. */
function plain(r: StarRun): boolean {
  if (r.canOpen && r.canClose) return false;
  const first = r.chars[0];
  for (let k = 1; k < r.chars.length; k++) if (r.chars[k] !== first) return false;
  return true;
}

const ruleOf3 = (o: State, c: State): boolean =>
  (o.canClose || c.canOpen) && (o.orig + c.orig) % 3 === 0 && !(o.orig % 3 === 0 && c.orig % 3 === 0);

/** The nearest run before `ci` that can open for closer `c`, or -1. */
function opener(runs: readonly State[], ci: number, c: State): number {
  for (let k = ci - 1; k >= 0; k--) {
    const o = runs[k];
    if (o && !o.removed && o.canOpen && o.end > o.start && !ruleOf3(o, c)) return k;
  }
  return -1;
}

/**
 * Marker positions whose pair a CommonMark renderer would not match as intended
 * (`partner` gives each marker's intended partner); empty when all match.
 */
export function wrongPairs(input: readonly StarRun[], partner: ReadonlyMap<number, number>): number[] {
  // The common case needs no simulation: when every run is one marker's and none can both open and
  // close, a renderer pairs each closer with the nearest opener, which the nesting makes its partner.
  if (input.every(plain)) return [];
  const runs: State[] = input.map((r) => ({ ...r, orig: r.chars.length, start: 0, end: r.chars.length, removed: false }));
  const wrong: number[] = [];
  runs.forEach((c, ci) => {
    if (!c.canClose) return;
    while (c.end > c.start) {
      const oi = opener(runs, ci, c);
      const o = runs[oi];
      if (!o) break;
      const use = o.end - o.start >= 2 && c.end - c.start >= 2 ? 2 : 1;
      for (let k = 0; k < use; k++) {
        const om = o.chars[--o.end] ?? -1;
        const cm = c.chars[c.start++] ?? -1;
        if (partner.get(om) !== cm) wrong.push(om, cm);
      }
      for (let k = oi + 1; k < ci; k++) (runs[k] as State).removed = true;
    }
    if (!c.canOpen) c.removed = true;
  });
  // characters left over are shown as literal asterisks
  for (const r of runs) for (let k = r.start; k < r.end; k++) wrong.push(r.chars[k] ?? -1);
  return wrong;
}
