/** `wxr-kit info`: what is in an export, for a person (aligned text) or a machine (`--json`). */
import type { Item } from '../../model.js';
import { DiagnosticTally, type RunContext } from '../context.js';
import { KNOWN_SHORTCODES, threadComments } from '../lib.js';
import { loadEntries } from '../load.js';
import { printable } from '../report.js';
import { ArchiveStats, ranked, toRecord } from '../stats.js';
import { formatCount, stylesFor, writeOut } from '../term.js';

function reportJson(stats: ArchiveStats, diags: DiagnosticTally, ctx: RunContext): unknown {
  const byStatus = Object.create(null) as Record<string, Record<string, number>>;
  for (const [type, m] of ranked(stats.byType)) byStatus[type] = toRecord(stats.byTypeStatus.get(type) ?? new Map());
  return {
    inputs: ctx.inputs.map((i) => i.name),
    site: stats.site === null ? null : {
      title: stats.site.title, link: stats.site.link, language: stats.site.language,
      wxrVersion: stats.site.wxrVersion, generator: stats.site.generator, exportedAt: stats.site.exportedAt,
    },
    items: { total: stats.items, byType: toRecord(stats.byType), byStatus },
    dates: { earliest: stats.earliest?.iso ?? null, latest: stats.latest?.iso ?? null },
    authors: ranked(stats.itemsByAuthor).map(([login, items]) => ({ login, displayName: stats.authors.get(login) ?? null, items }))
      .concat([...stats.authors.keys()].filter((l) => !stats.itemsByAuthor.has(l)).map((login) => ({ login, displayName: stats.authors.get(login) ?? null, items: 0 }))),
    terms: toRecord(stats.terms),
    comments: {
      total: stats.comments,
      byType: toRecord(stats.commentTypes),
      onItems: stats.postsWithComments,
      threaded: stats.threaded,
      inferredReplies: stats.inferred,
      deepest: stats.deepest,
      topCommenters: ranked(stats.commenters, 10).map(([name, comments]) => ({ name, comments })),
    },
    shortcodes: toRecord(stats.shortcodes),
    unknownShortcodes: toRecord(unknownShortcodes(stats)),
    diagnostics: { total: diags.total, bySeverity: toRecord(diags.bySeverity), byCode: toRecord(diags.byCode) },
  };
}

const KNOWN = new Set(KNOWN_SHORTCODES.map((n) => n.toLowerCase()));

/** Shortcodes the Markdown converter has no handler for (kept verbatim there). */
function unknownShortcodes(stats: ArchiveStats): Map<string, number> {
  return new Map([...stats.shortcodes].filter(([name]) => !KNOWN.has(name)));
}

const list = (pairs: [string, number][], sep = ', '): string => pairs.map(([k, n]) => `${formatCount(n)} ${printable(k)}`).join(sep);

function reportText(stats: ArchiveStats, diags: DiagnosticTally, ctx: RunContext): string[] {
  const s = ctx.err;
  const rows: [string, string][] = [];
  const site = stats.site;
  if (site !== null) {
    // Pages are no export: their site has the readers' defaults, so say what was read instead of a WXR version.
    const pages = ctx.inputs.length > 0 && ctx.inputs.every((i) => i.kind !== 'wxr');
    const source = pages ? ` · from ${formatCount(ctx.inputs.length)} ${ctx.inputs.every((i) => i.kind === 'html') ? 'saved HTML' : 'text'} page${ctx.inputs.length === 1 ? '' : 's'}` : site.wxrVersion ? ` · WXR ${printable(site.wxrVersion)}` : '';
    const title = site.title || (pages ? '(no site title on the pages)' : '(untitled)');
    rows.push(['site', `${printable(title)} ${site.link ? `<${printable(site.link)}> ` : ''}· ${site.language || 'no language'}${source}`]);
  }
  rows.push(['items', `${formatCount(stats.items)}${stats.items > 0 ? `: ${list(ranked(stats.byType))}` : ''}`]);
  for (const [type] of ranked(stats.byType, 6)) {
    const statuses = ranked(stats.byTypeStatus.get(type) ?? new Map());
    rows.push([`  ${printable(type)}`, list(statuses)]);
  }
  if (stats.earliest !== null && stats.latest !== null) rows.push(['dates', `${stats.earliest.iso} … ${stats.latest.iso}`]);
  const authors = ranked(stats.itemsByAuthor, 8).map(([login, n]) => {
    const name = stats.authors.get(login);
    return `${login === '' ? '(no author)' : printable(login)}${name && name !== login ? ` (${printable(name)})` : ''} ${formatCount(n)}`;
  });
  rows.push(['authors', `${formatCount(Math.max(stats.authors.size, stats.itemsByAuthor.size))}${authors.length > 0 ? `: ${authors.join(', ')}` : ''}`]);
  if (stats.terms.size > 0) rows.push(['terms', list(ranked(stats.terms))]);
  rows.push(['comments', stats.comments === 0 ? '0' : `${formatCount(stats.comments)} on ${formatCount(stats.postsWithComments)} item${stats.postsWithComments === 1 ? '' : 's'} (${list(ranked(stats.commentTypes))})`]);
  if (stats.comments > 0) {
    const inferred = ctx.options.inferReplies ? `, ${formatCount(stats.inferred)} @Name replies inferred` : '';
    rows.push(['threads', `${formatCount(stats.threaded)} ${stats.threaded === 1 ? 'reply' : 'replies'} with a parent${inferred}, deepest thread ${stats.deepest} level${stats.deepest === 1 ? '' : 's'}`]);
    const top = ranked(stats.commenters, 5);
    if (top.length > 0) rows.push(['commenters', top.map(([n, c]) => `${printable(n)} ${formatCount(c)}`).join(', ')]);
  }
  const unknown = unknownShortcodes(stats);
  const known = new Map([...stats.shortcodes].filter(([k]) => !unknown.has(k)));
  const codes12 = (m: ReadonlyMap<string, number>): string => list(ranked(m, 12).map(([k, n]) => [`[${k}]`, n]));
  rows.push(['shortcodes', known.size === 0 ? 'none' : codes12(known)]);
  if (unknown.size > 0) rows.push(['  unknown', `${codes12(unknown)} (kept verbatim in Markdown)`]);
  const warn = diags.count('warning');
  const errors = diags.count('error');
  const codes = ranked(diags.byCode, 6).map(([c, n]) => `${c} ×${n}`).join(', ');
  rows.push(['diagnostics', diags.total === 0 ? 'none' : `${errors > 0 ? s.red(`${errors} errors`) + ', ' : ''}${warn} warnings, ${diags.count('info')} info (${codes})`]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return [ctx.inputs.map((i) => i.name).join(', '), ...rows.map(([k, v]) => `  ${k.padEnd(width)}${v}`)];
}

/**
 * Runs `info`: reads every input once (streamed) and prints the counts.
 *
 * @example
 * await info(ctx) // prints "items 186: 70 nav_menu_item, 58 post, …" and returns 0
 */
export async function info(ctx: RunContext): Promise<number> {
  const diags = new DiagnosticTally();
  const mentions = ctx.options.inferReplies;
  const stats: ArchiveStats = new ArchiveStats((item: Item) => {
    const postAuthor = item.author === null ? undefined : (stats.authors.get(item.author) || item.author);
    return threadComments(item.comments, postAuthor === undefined ? { mentions } : { mentions, postAuthor });
  });
  try {
    for await (const entry of loadEntries(ctx.inputs, { options: ctx.options, stdin: ctx.io.stdin, progress: ctx.progress, onDiagnostic: diags.add, signal: ctx.io.signal })) {
      stats.add(entry);
    }
  } finally {
    ctx.progress.done();
  }
  const out = ctx.options.json
    ? [JSON.stringify(reportJson(stats, diags, ctx), null, 2)]
    : reportText(stats, diags, { ...ctx, err: stylesFor(ctx.io.stdout, ctx.io.env) });
  for (const line of out) await writeOut(ctx.io.stdout, `${line}\n`);
  return 0;
}
