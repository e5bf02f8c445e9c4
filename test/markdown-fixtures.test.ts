/**
 * One folder per quirk under fixtures/markdown/<name>/: input.html, expected.md and
 * an optional options.json (`attachments` as an object keyed by id). Run with
 * UPDATE_FIXTURES=1 to rewrite expected.md (then review the diff by eye).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertHtmlToMarkdown, type AttachmentRef, type HtmlToMarkdownOptions } from '../src/normalize/markdown/index.js';
import { FIXTURES } from './helpers/corpus.js';

const DIR = join(FIXTURES, 'markdown');
const update = process.env['UPDATE_FIXTURES'] === '1';

function optionsOf(dir: string): HtmlToMarkdownOptions {
  const p = join(dir, 'options.json');
  if (!existsSync(p)) return {};
  const raw = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  const { attachments, ...rest } = raw;
  const opts = { ...rest } as HtmlToMarkdownOptions;
  if (attachments && typeof attachments === 'object') {
    const map = new Map<number, AttachmentRef>();
    for (const [k, v] of Object.entries(attachments as Record<string, AttachmentRef>)) map.set(Number(k), v);
    return { ...opts, attachments: map };
  }
  return opts;
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('markdown fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(40));
  it.each(cases)('%s', (name) => {
    const dir = join(DIR, name);
    const input = readFileSync(join(dir, 'input.html'), 'utf8');
    const { markdown } = convertHtmlToMarkdown(input, optionsOf(dir));
    const expectedPath = join(dir, 'expected.md');
    if (update) writeFileSync(expectedPath, `${markdown}\n`);
    expect(existsSync(expectedPath), `${name}/expected.md is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(`${markdown}\n`).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
