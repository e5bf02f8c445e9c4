/**
 * Every export listed in ../shared/corpus/SOURCES.md, checked against the table's
 * independent counts (items by post type, comments, threaded comments), parsed whole
 * and streamed in 4 KB and 1 KB reads (same model), and its JSON validated against
 * schema.json. The table is read at test time: nothing here hard-codes its numbers.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { schemaErrors, validateArchive, validateEntry } from './helpers/schema.js';
import { orderDiagnostic, toJson } from '../src/emit/json.js';
import { archiveEntries, toNdjson } from '../src/emit/ndjson.js';
import { WxrError } from '../src/errors.js';
import type { Archive, Diagnostic, WxrEntry } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { streamWxr } from '../src/wxr/stream.js';
import { CORPUS, describeCorpus, hasCorpus, listFiles } from './helpers/corpus.js';

/** One row of the "Files" table of SOURCES.md. */
interface SourceRow {
  file: string;
  wxr: string;
  byType: Map<string, number>;
  comments: number;
  threaded: number;
  wellFormed: boolean;
}

const count = (cell: string): number => Number(cell.replace(/[,\s]/g, ''));

/** The rows of the first table under `## Files` (columns named by its header, not by position). */
function readSources(markdown: string): SourceRow[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Files')) ?? '';
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const cells = (l: string): string[] => l.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(lines[0] ?? '');
  const col = (name: string): number => {
    const i = header.findIndex((h) => h.startsWith(name));
    if (i < 0) throw new Error(`SOURCES.md: no column "${name}" in ${header.join(' | ')}`);
    return i;
  };
  const at = { file: col('file'), wxr: col('WXR'), types: col('items by'), comments: col('comments'), threaded: col('threaded'), wf: col('well-formed') };
  return lines.slice(2).map((l) => {
    const c = cells(l);
    const cell = (i: number): string => c[i] ?? '';
    const byType = new Map<string, number>();
    for (const part of cell(at.types).split(',')) {
      const m = /^\s*(.+):(\d+)\s*$/.exec(part);
      if (m?.[1] !== undefined && m[2] !== undefined) byType.set(m[1], Number(m[2]));
    }
    return {
      file: cell(at.file).replace(/`/g, ''),
      wxr: cell(at.wxr),
      byType,
      comments: count(cell(at.comments)),
      threaded: count(cell(at.threaded)),
      wellFormed: cell(at.wf).startsWith('yes'),
    };
  });
}

const rows = hasCorpus ? readSources(readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8')) : [];
/** Every .xml of the corpus, the importer's test data included (its facts are checked in the wxr tests). */
const allXml = listFiles(CORPUS, '.xml');


type Outcome = { archive: Archive } | { error: unknown };
const parsed = new Map<string, Outcome>();
/** parseWxr of a corpus file with default options, once per file. */
function parse(file: string): Outcome {
  let o = parsed.get(file);
  if (o === undefined) {
    try {
      o = { archive: parseWxr(readFileSync(join(CORPUS, file))) };
    } catch (error) {
      o = { error };
    }
    parsed.set(file, o);
  }
  return o;
}

const byType = (a: Archive): Map<string, number> => {
  const m = new Map<string, number>();
  for (const i of a.items) m.set(i.type, (m.get(i.type) ?? 0) + 1);
  return m;
};
const sorted = (m: Map<string, number>): [string, number][] => [...m].sort(([a], [b]) => a.localeCompare(b));
const comments = (a: Archive): number => a.items.reduce((n, i) => n + i.comments.length, 0);
const threaded = (a: Archive): number =>
  a.items.reduce((n, i) => n + i.comments.filter((c) => c.parentId !== null && c.parentId !== 0).length, 0);

/** NDJSON of streamWxr over the file read `size` bytes at a time, with its diagnostics; or the error it threw. */
async function streamLines(file: string, size: number): Promise<{ lines: string[]; diagnostics: Diagnostic[] } | { error: unknown }> {
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const source = createReadStream(join(CORPUS, file), { highWaterMark: size });
  try {
    for await (const line of toNdjson(streamWxr(source, { onDiagnostic: (d) => diagnostics.push(d) }))) lines.push(line);
    return { lines, diagnostics };
  } catch (error) {
    return { error };
  } finally {
    source.destroy();
  }
}
/** Diagnostics as a sorted list of their JSON: the same findings, whatever order they were reported in. */
const diagnosticSet = (ds: readonly Diagnostic[]): string[] => ds.map((d) => JSON.stringify(orderDiagnostic(d))).sort();
const wholeLines = (a: Archive): Promise<string[]> => collect(toNdjson(archiveEntries(a)));
/** NDJSON lines grouped by their entry kind, each group in order. */
function byKind(lines: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const l of lines) {
    const kind = (JSON.parse(l) as WxrEntry).kind;
    const group = m.get(kind) ?? [];
    group.push(l);
    m.set(kind, group);
  }
  return m;
}
async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const s of it) out.push(s);
  return out;
}

/** Where two lines first differ, with a little context on each side. */
function difference(entry: string, stream: string, whole: string): Record<string, string | number> {
  let at = 0;
  while (at < stream.length && stream[at] === whole[at]) at++;
  const from = Math.max(0, at - 80);
  return { entry, at, before: stream.slice(from, at), stream: stream.slice(at, at + 120), parse: whole.slice(at, at + 120) };
}

describeCorpus('corpus: every WXR export of SOURCES.md', () => {
  it('the table lists every .xml outside the separately maintained folders', () => {
    expect(rows.length).toBeGreaterThan(0);
    const listed = new Set(rows.map((r) => r.file));
    const found = listFiles(CORPUS, '.xml').filter((f) => !f.startsWith('wordpress-importer/') && !f.startsWith('seed/'));
    expect(found.filter((f) => !listed.has(f))).toEqual([]);
    expect([...listed].filter((f) => !found.includes(f))).toEqual([]);
  });

  it.each(rows.map((r) => [r.file, r] as const))('%s: counts as in SOURCES.md', (file, row) => {
    const o = parse(file);
    if ('error' in o) {
      // Only a file the table calls ill-formed may fail, and then with a WxrError that has a line.
      expect(row.wellFormed, `well-formed file threw: ${String(o.error)}`).toBe(false);
      expect(o.error).toBeInstanceOf(WxrError);
      expect((o.error as WxrError).line).toBeGreaterThan(0);
      return;
    }
    const a = o.archive;
    expect(sorted(byType(a))).toEqual(sorted(row.byType));
    expect(comments(a)).toBe(row.comments);
    expect(threaded(a)).toBe(row.threaded);
    expect(a.site.wxrVersion).toBe(row.wxr);
    if (!row.wellFormed) {
      const repairs = a.diagnostics.filter((d) => d.severity === 'warning');
      expect(repairs.length, 'an ill-formed file converts only with repair warnings').toBeGreaterThan(0);
      expect(repairs.every((d) => typeof d.line === 'number' && d.line > 0)).toBe(true);
    }
  });

  it.each(allXml)('%s: JSON valid against schema.json', (file) => {
    const o = parse(file);
    if ('error' in o) return;
    for (const threads of [false, 'mentions'] as const) {
      const ok = validateArchive(JSON.parse(toJson(o.archive, { threads })));
      expect(ok, schemaErrors(validateArchive)).toBe(true);
    }
  });

  it.each(allXml.flatMap((f) => [[f, 4096], [f, 1024]] as const))('%s: streamWxr in %i-byte reads = parseWxr', async (file, size) => {
    const o = parse(file);
    const s = await streamLines(file, size);
    if ('error' in o) {
      expect('error' in s, 'parseWxr threw but streamWxr did not').toBe(true);
      if ('error' in s) {
        expect(s.error).toBeInstanceOf(WxrError);
        expect((s.error as WxrError).code).toBe((o.error as WxrError).code);
      }
      return;
    }
    if ('error' in s) throw s.error;
    for (const line of s.lines) expect(validateEntry?.(JSON.parse(line) as WxrEntry)).toBe(true);
    // Same entries of each kind in the same order (WXR 1.0 authors, derived from items,
    // may come later in a stream than in a whole archive).
    const stream = byKind(s.lines);
    // A <generator> after the site entry (where WordPress writes it) fills parseWxr's site only (README).
    const late = o.archive.diagnostics.some((d) => d.code === 'W_CHANNEL_ELEMENT_LATE' && d.message.includes("parseWxr takes it as the site's generator"));
    const whole = byKind(await wholeLines(late ? { ...o.archive, site: { ...o.archive.site, generator: '' } } : o.archive));
    for (const kind of ['site', 'author', 'term', 'item']) {
      const a = stream.get(kind) ?? [];
      const b = whole.get(kind) ?? [];
      expect(a.length, `${kind} entries`).toBe(b.length);
      // Compare entry by entry so that a difference names its entry rather than a 3 MB string.
      const firstDiff = a.findIndex((l, i) => l !== b[i]);
      expect(firstDiff === -1 ? null : difference(`${kind} ${firstDiff}`, a[firstDiff] ?? '', b[firstDiff] ?? '')).toBeNull();
    }
    expect(diagnosticSet(s.diagnostics)).toEqual(diagnosticSet(o.archive.diagnostics));
  });
});
