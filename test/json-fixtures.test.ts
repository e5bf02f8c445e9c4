/**
 * The JSON (whole and NDJSON) of every small WXR fixture in the repo that parses is
 * valid against schema.json; fixtures that do not parse must fail with a WxrError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrors, validateArchive, validateEntry } from './helpers/schema.js';
import { toJson } from '../src/emit/json.js';
import { archiveEntries, entryLine } from '../src/emit/ndjson.js';
import { WxrError } from '../src/errors.js';
import type { Archive } from '../src/model.js';
import { parseHtmlArchive } from '../src/text/html/index.js';
import { parseTextArchive } from '../src/text/text-archive/index.js';
import { parseWxr } from '../src/wxr/parse.js';
import { FIXTURES, listFiles } from './helpers/corpus.js';

const fixtures = listFiles(FIXTURES, '.xml');

describe('schema.json against the fixtures', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s', (file) => {
    let archive;
    try {
      archive = parseWxr(readFileSync(join(FIXTURES, file)));
    } catch (e) {
      expect(e).toBeInstanceOf(WxrError);
      return;
    }
    for (const threads of [false, true, 'mentions'] as const) {
      expect(validateArchive(JSON.parse(toJson(archive, { threads }))), schemaErrors(validateArchive)).toBe(true);
    }
    for (const entry of archiveEntries(archive)) {
      expect(validateEntry?.(JSON.parse(entryLine(entry))), schemaErrors(validateEntry)).toBe(true);
    }
  });
});

describe('schema.json against text and HTML page archives', () => {
  const pages: [string, (text: string) => Archive][] = [
    ...listFiles(join(FIXTURES, 'text'), '.txt').map((f) => [`text/${f}`, parseTextArchive] as [string, (t: string) => Archive]),
    ...listFiles(join(FIXTURES, 'html'), '.html').map((f) => [`html/${f}`, parseHtmlArchive] as [string, (t: string) => Archive]),
  ];
  it.each(pages)('%s', (file, parse) => {
    const archive = parse(readFileSync(join(FIXTURES, file), 'utf8'));
    for (const threads of [false, 'mentions'] as const) {
      expect(validateArchive(JSON.parse(toJson(archive, { threads }))), schemaErrors(validateArchive)).toBe(true);
    }
  });
});
