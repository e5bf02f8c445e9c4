// (a) Time to thread 100,000 comments on one post (generated in memory), against a
//     naive Map-based tree build over the same comments in the same run.
// (b) Accuracy of the @Name inference on real threads from ../shared/corpus:
//     - flattened: every reply of a threaded export gets `@<parent's author> ` prefixed,
//       its parentId hidden; the inference must find the hidden parent again;
//     - labelled: comments that really start with `@` and also carry comment_parent.
//     Printed for each `ambiguous` setting, with precision per rule of the cascade and
//     the replies each rule left unresolved, then a summary against the goal.
// (c) Held-out check of the `name-score` weights: for each of the five exports, the clue
//     weights and the margin are fitted on the other four (conditional logit on the clues
//     the library reports through `scoring.onWeigh`; margin: the smallest that keeps 96%
//     precision on those four) and the library then threads the fifth with them. The
//     weights fitted on all five are printed beside the library defaults, and the defaults
//     are checked on threaded exports that are not among the five (flattened the same way).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// WXR_KIT_DIST points at another build of dist/index.js (a private copy while others rebuild dist/).
const DIST = pathToFileURL(resolve(process.env.WXR_KIT_DIST ?? join(here, '..', 'dist', 'index.js'))).href;
const { parseWxr, threadComments } = await import(DIST);
const CORPUS = join(here, '..', '..', 'shared', 'corpus');

// ---------- (a) 100k comments ----------
function generate(n, seed = 42) {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const first = ['Max', 'Anna', 'Jürgen', 'Der Maskierte', 'Lisa', 'Tom', 'Eva', 'Paul', 'Rita', 'Ute'];
  const names = Array.from({ length: 2000 }, (_, i) => `${first[i % first.length]} ${i}`);
  const out = [];
  const t0 = Date.UTC(2012, 0, 1);
  for (let i = 0; i < n; i++) {
    const author = names[Math.floor(rnd() * names.length)];
    const r = rnd();
    const earlier = i > 0 ? Math.floor(rnd() * i) : -1;
    let parentId = null;
    let content = 'Toller Artikel, danke!';
    if (earlier >= 0 && r < 0.3) parentId = earlier + 1;
    else if (earlier >= 0 && r < 0.7) content = `@${out[earlier].author}: Sehe ich anders, weil …`;
    const at = new Date(t0 + i * 30_000).toISOString().replace('.000Z', 'Z'); // the model's form
    out.push({ id: i + 1, parentId, author, authorEmail: '', authorUrl: '', authorIp: '', userId: null, date: at, dateGmt: at, content, approved: '1', type: 'comment', meta: [] });
  }
  return out;
}

function naiveTree(comments) {
  const nodes = new Map(comments.map((c) => [c.id, { comment: c, replies: [], via: null }]));
  const roots = [];
  for (const c of comments) {
    const p = c.parentId ? nodes.get(c.parentId) : undefined;
    if (p) p.replies.push(nodes.get(c.id));
    else roots.push(nodes.get(c.id));
  }
  return roots;
}

/** Median wall and CPU milliseconds (CPU = user + system of this process, which stays honest on a loaded machine). */
function time(fn, runs = 5) {
  fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

const big = generate(100_000);
const cases = [
  ['baseline: naive Map tree from parentId', () => naiveTree(big)],
  ['threadComments, parentId only', () => threadComments(big)],
  ['threadComments, mentions: true', () => threadComments(big, { mentions: true })],
  ["threadComments, mentions: true, ambiguous: 'latest'", () => threadComments(big, { mentions: true, ambiguous: 'latest' })],
  // Not part of the goal: this post holds more comment text than name-score's default maxText
  // (1 M characters; printed below), so the defaults above skip that rule; here it is forced on.
  ['(not the default) mentions: true, scoring: { maxText: Infinity }', () => threadComments(big, { mentions: true, scoring: { maxText: Infinity } })],
];
const timed = cases.map(([name, fn]) => ({ case: name, ...time(fn) }));
const chars = big.reduce((n, c) => n + Math.min(c.content.length, 4000), 0);
console.log(`(a) 100,000 comments on one post (30% parentId, 40% "@Name:" replies, 2,000 authors; ${(chars / 1e6).toFixed(1)} M characters of comment text, over name-score's default maxText of 1 M)`);
console.table(timed.map((r) => ({ case: r.case, 'median wall ms': r.wall.toFixed(1), 'median CPU ms': r.cpu.toFixed(1), 'x baseline (CPU)': (r.cpu / timed[0].cpu).toFixed(1) })));
const worst = timed.slice(1, -1).reduce((a, b) => (b.cpu > a.cpu ? b : a));
console.log(`goal: under 1000 ms (slowest case, ${worst.case}): CPU ${worst.cpu < 1000 ? 'met' : 'NOT met'} (${worst.cpu.toFixed(0)} ms), wall ${worst.wall < 1000 ? 'met' : 'NOT met'} (${worst.wall.toFixed(0)} ms; wall time counts waiting for a core on a shared machine)\n`);

// ---------- (b) accuracy ----------
const EXPORTS = ['threaded-clarkok-clog', 'fr-nithou', 'pt-paralisiafacial', 'fr-bitcoinfrance', 'large-citizen-statistician'];
// Every other export of ../shared/corpus with comment_parent replies, except WordPress's own
// theme/importer test data (made-up threads): used only to check the fitted rule.
const OTHER_EXPORTS = ['wxr11-ctrlchars-huaienyao', 'wxr11-kaidee', 'wxr11-mariusv', 'large-dmacvicar-wpcom', 'wxr10-wp292-dtsn', 'wxr11-raw-cdata-end-scharan', 'de-meyer-consulting-sqlblog', 'cdata-split-aff12blog', 'nb-napp-cpt-species', 'odd-php-warning-avantar', 'odd-reformatted-sqlrockstar', 'pelican-tests', 'wxr10-jamesgecko'];
// (c): precision the margin must keep on the exports it is fitted on; margins tried; clue names (from the first weighing).
const TARGET = 0.96;
const MARGINS = Array.from({ length: 61 }, (_, k) => k * 0.05);
let CLUES = [];
const STARTS_WITH_AT = /^(?:\s|&nbsp;|<\/?(?:p|div|br|strong|b|em|i|span)\b[^>]*>)*(?:@|<a\b[^>]*>\s*@)/i;

function parentsOf(tree) {
  const out = new Map();
  const stack = tree.map((n) => [n, null]);
  while (stack.length) {
    const [n, p] = stack.pop();
    out.set(n.comment, { parent: p, node: n });
    for (const r of n.replies) stack.push([r, n.comment]);
  }
  return out;
}

const fold = (n) => n.normalize('NFKC').toLowerCase().replace(/[\s.:,!]+$/, '').trim();

function postAuthorOptions(item, authors) {
  const a = authors.find((x) => x.login === item.author);
  const aliases = a ? [a.displayName, a.firstName, `${a.firstName} ${a.lastName}`.trim()].filter((x) => x) : [];
  return item.author ? { postAuthor: item.author, postAuthorAliases: aliases } : { postAuthorAliases: aliases };
}

/** `perPost(item, truthOf)`, if given, is called before each post is threaded and may return a function called after. */
function study(items, authors, mode, extra, perPost) {
  const s = { total: 0, resolved: 0, correct: 0, rightPerson: 0, byRule: new Map(), skipped: 0, misses: { unresolved: 0, sameAuthorOtherComment: 0, otherPerson: 0 }, examples: [] };
  for (const item of items) {
    const comments = item.comments;
    if (comments.length < 2) continue;
    const byId = new Map(comments.map((c) => [c.id, c]));
    const hidden = new Map();
    const input = comments.map((c) => {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      if (!parent) return c;
      if (mode === 'flattened') {
        if (parent.author.trim() === '') {
          s.skipped++;
          return c;
        }
        const copy = { ...c, parentId: null, content: `@${parent.author} ${c.content}` };
        hidden.set(copy, parent);
        return copy;
      }
      if (!STARTS_WITH_AT.test(c.content)) return c;
      const copy = { ...c, parentId: null };
      hidden.set(copy, parent);
      return copy;
    });
    if (hidden.size === 0) continue;
    const after = perPost?.(item, new Map([...hidden].map(([c, p]) => [c.id, p.id])));
    const placed = parentsOf(threadComments(input, { mentions: true, ...postAuthorOptions(item, authors), ...extra }));
    after?.();
    for (const [c, truth] of hidden) {
      s.total++;
      const got = placed.get(c);
      const inferred = got?.node.via === 'mention' ? got.parent : null;
      if (inferred === null) {
        s.misses.unresolved++;
        const why = got?.node.mentions?.[0]?.rule ?? 'no address';
        const u = s.byRule.get(why) ?? { resolved: 0, correct: 0, unresolved: 0 };
        u.unresolved++;
        s.byRule.set(why, u);
        if (s.examples.length < 6) s.examples.push(`unresolved: comment ${c.id} "${c.content.slice(0, 50).replace(/\s+/g, ' ')}" (parent ${truth.id} by "${truth.author}")`);
        continue;
      }
      s.resolved++;
      const rule = got.node.mentions?.find((m) => m.commentId !== null)?.rule ?? '?';
      const r = s.byRule.get(rule) ?? { resolved: 0, correct: 0, unresolved: 0 };
      r.resolved++;
      if (inferred.id === truth.id) r.correct++;
      s.byRule.set(rule, r);
      if (fold(inferred.author) === fold(truth.author)) s.rightPerson++;
      if (inferred.id === truth.id) s.correct++;
      else if (fold(inferred.author) === fold(truth.author)) s.misses.sameAuthorOtherComment++;
      else {
        s.misses.otherPerson++;
        if (s.examples.length < 12) s.examples.push(`wrong person: comment ${c.id} "${c.content.slice(0, 50).replace(/\s+/g, ' ')}" -> ${inferred.id} by "${inferred.author}", truth ${truth.id} by "${truth.author}"`);
      }
    }
  }
  return s;
}

if (!existsSync(CORPUS)) {
  console.log(`(b) skipped: ${CORPUS} is absent`);
} else {
  const pct = (a, b) => (b === 0 ? '–' : `${((a / b) * 100).toFixed(1)}%`);
  const load = (names) => {
    const out = [];
    for (const name of names) {
      const dir = join(CORPUS, name);
      if (!existsSync(dir)) continue;
      const file = readdirSync(dir).find((f) => f.endsWith('.xml'));
      out.push([name, parseWxr(readFileSync(join(dir, file)), { recover: true })]);
    }
    return out;
  };
  const archives = load(EXPORTS);
    const SETTINGS = [
    ["ambiguous: 'skip' (default: a guess is left unresolved)", {}],
    ["ambiguous: 'latest' (a guess takes the newest comment of the name)", { ambiguous: 'latest' }],
    ["ambiguous: 'latest', reciprocity: true (a guess prefers the comment that answered the writer)", { ambiguous: 'latest', reciprocity: true }],
  ];
  const summary = [];
  for (const [label, extra] of SETTINGS) {
    const table = [];
    const sums = { flattened: { total: 0, resolved: 0, correct: 0, rightPerson: 0 }, labelled: { total: 0, resolved: 0, correct: 0, rightPerson: 0 } };
    const rules = new Map();
    const notes = [];
    for (const [name, archive] of archives) {
      for (const mode of ['flattened', 'labelled']) {
        const s = study(archive.items, archive.authors, mode, extra);
        for (const k of ['total', 'resolved', 'correct', 'rightPerson']) sums[mode][k] += s[k];
        for (const [rule, r] of s.byRule) {
          const key = `${mode}: ${rule}`;
          const t = rules.get(key) ?? { resolved: 0, correct: 0, unresolved: 0 };
          t.resolved += r.resolved;
          t.correct += r.correct;
          t.unresolved += r.unresolved;
          rules.set(key, t);
        }
        table.push({ export: name, set: mode, replies: s.total, resolved: s.resolved, correct: s.correct, precision: pct(s.correct, s.resolved), recall: pct(s.correct, s.total), 'unresolved': s.misses.unresolved, 'same person, other comment': s.misses.sameAuthorOtherComment, 'other person': s.misses.otherPerson, 'skipped (parent has no name)': s.skipped });
        for (const e of s.examples) notes.push(`  ${name}/${mode}: ${e}`);
      }
    }
    for (const mode of ['flattened', 'labelled']) {
      const t = sums[mode];
      summary.push({ setting: label.replace(/ \(.*/, ''), set: mode, replies: t.total, resolved: t.resolved, correct: t.correct, precision: pct(t.correct, t.resolved), recall: pct(t.correct, t.total), goal: t.resolved > 0 && t.correct / t.resolved >= 0.95 && t.correct / t.total >= 0.85 ? 'met' : `not met (${t.correct / t.resolved >= 0.95 ? '' : 'precision < 95%'}${t.correct / t.resolved < 0.95 && t.correct / t.total < 0.85 ? ', ' : ''}${t.correct / t.total >= 0.85 ? '' : 'recall < 85%'})` });
      table.push({ export: 'ALL', set: mode, replies: t.total, resolved: t.resolved, correct: t.correct, precision: pct(t.correct, t.resolved), recall: pct(t.correct, t.total), 'same person, other comment': `right person: ${pct(t.rightPerson, t.resolved)}` });
    }
    console.log(`(b) @Name inference accuracy, ${label}; precision = correct / resolved, recall = correct / replies`);
    console.table(table);
    console.log('precision by the rule that placed the reply, and replies left unresolved by rule (all exports):');
    console.table([...rules].sort().map(([rule, r]) => ({ rule, resolved: r.resolved, correct: r.correct, precision: pct(r.correct, r.resolved), 'left unresolved': r.unresolved })));
    if (process.env.THREAD_BENCH_MISSES) console.log('sample misses:\n' + notes.slice(0, 40).join('\n'));
  }  console.log('(b) summary: goal precision >= 95% on what it resolves, recall >= 85%');
  console.table(summary);

  heldOut(archives, load(OTHER_EXPORTS), pct);
  misses(archives);
}

// ---------- (c) name-score weights: fitted on four exports, checked on the fifth ----------

/** Flattened replies of one archive: the base result (scoring off) and every weighing with its truth. */
function weighings(archive) {
  const cases = [];
  let collect = null;
  const base = study(archive.items, archive.authors, 'flattened', { scoring: { margin: Infinity, onWeigh: (w) => collect?.push(w) } }, (item, truthOf) => {
    collect = [];
    return () => {
      for (const w of collect) {
        if (CLUES.length === 0) CLUES = Object.keys(w.candidates[0]?.clues ?? {});
        const t = w.candidates.findIndex((c) => c.commentId === truthOf.get(w.commentId));
        cases.push({ X: w.candidates.map((c) => CLUES.map((k) => c.clues[k])), t });
      }
    };
  });
  return { base, cases };
}

/** Conditional logit over the candidates of each weighing (those whose truth is a candidate). */
function fit(cases, { l2 = 0.02, iters = 800, rate = 0.5 } = {}) {
  const usable = cases.filter((c) => c.t >= 0);
  const w = new Array(CLUES.length).fill(0);
  for (let it = 0; it < iters; it++) {
    const g = new Array(CLUES.length).fill(0);
    for (const c of usable) {
      const s = c.X.map((v) => v.reduce((a, x, d) => a + x * w[d], 0));
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, b) => a + b, 0);
      c.X.forEach((v, k) => v.forEach((x, d) => (g[d] += (e[k] / z - (k === c.t ? 1 : 0)) * x)));
    }
    for (let d = 0; d < w.length; d++) w[d] -= rate * (g[d] / usable.length + l2 * w[d]);
  }
  return w;
}

/** The decision of the rule on one weighing: correct, wrong or declined. */
function decide(c, w, margin) {
  const s = c.X.map((v) => v.reduce((a, x, d) => a + x * w[d], 0));
  let best = 0;
  s.forEach((x, k) => { if (x > s[best]) best = k; });
  const second = Math.max(...s.filter((_, k) => k !== best));
  return s[best] - second >= margin ? (best === c.t ? 'correct' : 'wrong') : 'declined';
}

/** The smallest margin that keeps TARGET precision on the given exports (the rule's guesses added to the rest of the cascade). */
function chooseMargin(parts, w, target = TARGET) {
  for (const m of MARGINS) {
    let correct = 0;
    let resolved = 0;
    for (const p of parts) {
      correct += p.base.correct;
      resolved += p.base.resolved;
      for (const c of p.cases) {
        const d = decide(c, w, m);
        if (d !== 'declined') resolved++;
        if (d === 'correct') correct++;
      }
    }
    if (correct / resolved >= target) return m;
  }
  return Infinity;
}

function heldOut(archives, others, pct) {
  const parts = archives.map(([name, archive]) => ({ name, archive, ...weighings(archive) }));
  const rows = [];
  const sum = { total: 0, resolved: 0, correct: 0 };
  const row = (label, s, extra) => ({ 'checked on': label, replies: s.total, resolved: s.resolved, correct: s.correct, precision: pct(s.correct, s.resolved), recall: pct(s.correct, s.total), ...extra });
  const fitted = new Map();
  for (const p of parts) {
    const train = parts.filter((q) => q !== p);
    const w = fit(train.flatMap((q) => q.cases));
    fitted.set(p, w);
    const margin = chooseMargin(train, w);
    const weights = Object.fromEntries(CLUES.map((k, d) => [k, w[d]]));
    const s = study(p.archive.items, p.archive.authors, 'flattened', { scoring: { weights, margin } });
    for (const k of Object.keys(sum)) sum[k] += s[k];
    rows.push(row(p.name, s, { 'fitted on': 'the other four', margin: margin.toFixed(2), 'name-score': ruleText(s) }));
  }
  rows.push(row('ALL five, each held out', sum, { 'fitted on': 'the other four', margin: '', 'name-score': '' }));
  const wAll = fit(parts.flatMap((q) => q.cases));
  const mAll = chooseMargin(parts, wAll);
  const other = { total: 0, resolved: 0, correct: 0, byRule: new Map() };
  for (const [, archive] of others) {
    const s = study(archive.items, archive.authors, 'flattened', {});
    for (const k of ['total', 'resolved', 'correct']) other[k] += s[k];
    for (const [r, v] of s.byRule) {
      const t = other.byRule.get(r) ?? { resolved: 0, correct: 0, unresolved: 0 };
      for (const k of Object.keys(t)) t[k] += v[k];
      other.byRule.set(r, t);
    }
  }
  rows.push(row(`${others.length} other threaded exports`, other, { 'fitted on': 'library defaults', margin: '', 'name-score': ruleText(other) }));
  console.log(`(c) name-score fitted on four exports and checked on the fifth (flattened, ambiguous: 'skip'); margin = smallest keeping ${TARGET * 100}% precision on the four`);
  console.table(rows);
  console.log(`other exports: ${others.map(([n]) => n).join(', ')}`);
  const largest = [...archives, ...others].flatMap(([, a]) => a.items).reduce((m, item) => Math.max(m, item.comments.reduce((n, c) => n + Math.min(c.content.length, 4000), 0)), 0);
  console.log(`largest post of these ${archives.length + others.length} exports: ${largest.toLocaleString('en')} characters of comment text (name-score runs on posts up to its maxText, default 1,000,000)`);
  // How much the held-out result depends on the one free choice, the precision the margin keeps on the four.
  const band = [0.95, 0.955, 0.96, 0.965, 0.97].map((target) => {
    const t = { total: 0, resolved: 0, correct: 0 };
    for (const p of parts) {
      const w = fitted.get(p);
      const margin = chooseMargin(parts.filter((q) => q !== p), w, target);
      const s = study(p.archive.items, p.archive.authors, 'flattened', { scoring: { weights: Object.fromEntries(CLUES.map((k, d) => [k, w[d]])), margin } });
      for (const k of Object.keys(t)) t[k] += s[k];
    }
    const met = t.correct / t.resolved >= 0.95 && t.correct / t.total >= 0.85;
    return { 'margin keeps on the four': `${(target * 100).toFixed(1)}%`, resolved: t.resolved, correct: t.correct, 'held-out precision': pct(t.correct, t.resolved), 'held-out recall': pct(t.correct, t.total), goal: met ? 'met' : 'not met' };
  });
  console.log('held-out result (all five, each held out) for other choices of the precision the margin keeps on the four:');
  console.table(band);
  const inSample = study(parts.flatMap((p) => p.archive.items), parts.flatMap((p) => p.archive.authors), 'flattened', { scoring: { weights: Object.fromEntries(CLUES.map((k, d) => [k, Number(wAll[d].toFixed(2))])), margin: mAll } });
  console.log(`weights fitted on all five (rounded; margin ${mAll.toFixed(2)}), in-sample: ${pct(inSample.correct, inSample.resolved)} precision, ${pct(inSample.correct, inSample.total)} recall, name-score ${ruleText(inSample)} (the library defaults are these; compare the 'skip' row of (b))`);
  console.log(CLUES.map((k, d) => `${k} ${wAll[d].toFixed(2)}`).join(', '));
}

function ruleText(s) {
  const r = s.byRule.get('name-score');
  return r ? `${r.correct}/${r.resolved}` : '0/0';
}

/** What the default run gets wrong or leaves open, from the weighings of `name-score` (flattened, all five exports). */
function misses(archives) {
  const m = { decided: 0, correct: 0, wrong: 0, wrongNear: 0, decidedNear: 0, correctNear: 0, open: 0, openTruthWeighed: 0, openNewestRight: 0 };
  const NEAR = 30 * 60_000;
  for (const [, archive] of archives) {
    let weighed = [];
    let truth = null;
    study(archive.items, archive.authors, 'flattened', { scoring: { onWeigh: (w) => weighed.push(w) } }, (item, truthOf) => {
      weighed = [];
      truth = truthOf;
      const at = new Map(item.comments.map((c) => [c.id, Date.parse(c.dateGmt ?? c.date)]));
      return () => {
        const seen = new Set();
        for (const w of weighed) {
          const t = truth.get(w.commentId);
          // Only the first addressee places a reply (a reply that also names someone else is weighed again).
          if (t === undefined || seen.has(w.commentId)) continue;
          seen.add(w.commentId);
          const ids = w.candidates.map((c) => c.commentId);
          if (w.chosen === null) {
            m.open++;
            if (ids.includes(t)) m.openTruthWeighed++;
            if (ids.at(-1) === t) m.openNewestRight++;
            continue;
          }
          const [first, second] = [...w.candidates].sort((a, b) => b.score - a.score);
          const near = Math.abs(at.get(first.commentId) - at.get(second.commentId)) < NEAR;
          m.decided++;
          if (near) m.decidedNear++;
          if (w.chosen === t) {
            m.correct++;
            if (near) m.correctNear++;
          } else {
            m.wrong++;
            if (near) m.wrongNear++;
          }
        }
      };
    });
  }
  console.log('(d) the misses of the default run (flattened, five exports; weighings of name-score):');
  console.table([
    { what: 'name-score placed', replies: m.decided, correct: m.correct, wrong: m.wrong },
    { what: '  of which its two best candidates were written < 30 min apart', replies: m.decidedNear, correct: m.correctNear, wrong: m.wrongNear },
    { what: 'left open (ambiguous)', replies: m.open, correct: '', wrong: `right comment among the ten weighed: ${m.openTruthWeighed}; the newest is right: ${m.openNewestRight}` },
  ]);
}
