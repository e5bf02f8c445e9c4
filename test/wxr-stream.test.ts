/** streamWxr gives the same model as parseWxr, whatever the chunking, and really streams. */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamWxr } from '../src/wxr/stream.js';
import { CORPUS, describeCorpus, listFiles } from './helpers/corpus.js';
import { chunked, fixture, item, parseWxr, plain, streamToArchive, thrown, wxr, WXR_FIXTURES } from './wxr-helpers.js';

/** parseWxr's result, or its error code. */
function parsed(bytes: Uint8Array): unknown {
  try {
    return plain(parseWxr(bytes));
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

async function streamed(bytes: Uint8Array | string, size: number): Promise<unknown> {
  try {
    return plain(await streamToArchive(chunked(bytes, size)));
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

/**
 * What the stream must give for a parseWxr result: the same, except the site's generator when the only
 * one came after the site entry (parseWxr still takes it, the stream had yielded the site; both report it).
 */
function asStreamed(whole: unknown): unknown {
  const archive = whole as { site?: { generator: string }; diagnostics?: { code: string; message: string }[] };
  const late = archive.diagnostics?.some((d) => d.code === 'W_CHANNEL_ELEMENT_LATE' && d.message.includes("parseWxr takes it as the site's generator"));
  if (late && archive.site) archive.site.generator = '';
  return whole;
}

describe('streamWxr == parseWxr on fixtures', () => {
  const files = readdirSync(WXR_FIXTURES).filter((f) => f.endsWith('.xml'));
  it.each(files)('%s in chunks of 1, 7 and 4096 bytes', async (file) => {
    const bytes = fixture(file);
    const whole = asStreamed(parsed(bytes));
    for (const size of [1, 7, 4096]) expect(await streamed(bytes, size)).toEqual(whole);
  });
  it('a late generator: parseWxr takes it, the stream reports it (the site entry had gone out)', async () => {
    const bytes = fixture('generator-late-no-comment.xml');
    expect(parseWxr(bytes).site.generator).toBe('https://wordpress.org/?v=6.5.4');
    const s = await streamToArchive(chunked(bytes, 64));
    expect(s.site.generator).toBe('');
    expect(s.diagnostics.map((d) => d.code)).toEqual(['W_CHANNEL_ELEMENT_LATE']);
  });
  it('string chunks too (surrogate pairs cut in half)', async () => {
    const text = wxr(item(1, '<content:encoded><![CDATA[😀 Grüße 😀]]></content:encoded>'));
    const whole = plain(parseWxr(text));
    for (const size of [1, 3, 64]) expect(await streamed(text, size)).toEqual(whole);
  });
});

describe('streamWxr: order, sources, errors', () => {
  const doc = wxr(
    `<wp:author><wp:author_login>a</wp:author_login></wp:author><wp:category><wp:category_nicename>c</wp:category_nicename></wp:category>${item(1)}${item(2)}`,
  );
  it('yields the site first, then authors, terms and items in document order', async () => {
    const a = await streamToArchive(chunked(doc, 16));
    expect(a.order).toEqual(['site', 'author', 'term', 'item', 'item']);
    expect(a.site.title).toBe('T');
  });
  it('reads a Node read stream', async () => {
    const file = join(WXR_FIXTURES, 'minimal-wxr12.xml');
    const a = await streamToArchive(createReadStream(file, { highWaterMark: 64 }));
    expect(plain(a)).toEqual(plain(parseWxr(readFileSync(file))));
  });
  it('yields entries before the source is exhausted (memory bounded by one item)', async () => {
    let pulled = 0;
    async function* many(): AsyncIterable<string> {
      yield wxr('').split('</channel>')[0] as string;
      for (let i = 1; i <= 5000; i++) {
        pulled++;
        yield item(i, '<content:encoded><![CDATA[' + 'x'.repeat(200) + ']]></content:encoded>');
      }
      yield '</channel></rss>';
    }
    let firstItemAt = -1;
    let items = 0;
    for await (const entry of streamWxr(many())) {
      if (entry.kind === 'item') {
        if (firstItemAt < 0) firstItemAt = pulled;
        items++;
      }
    }
    expect(items).toBe(5000);
    expect(firstItemAt).toBeLessThan(3);
  });
  it('a truncated stream throws E_TRUNCATED after yielding what was complete', async () => {
    const cut = doc.slice(0, doc.lastIndexOf('</channel>'));
    const seen: string[] = [];
    let error: unknown;
    try {
      for await (const entry of streamWxr(chunked(cut, 10))) seen.push(entry.kind);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'E_TRUNCATED' });
    expect(seen).toEqual(['site', 'author', 'term', 'item', 'item']);
  });
  it('diagnostics go to onDiagnostic, capped with one W_DIAGNOSTICS_TRUNCATED', async () => {
    const noisy = wxr(Array.from({ length: 30 }, (_, i) => item(i + 1, '<link>a&b</link>')).join(''));
    const got: string[] = [];
    for await (const _ of streamWxr(chunked(noisy, 100), { onDiagnostic: (d) => got.push(d.code), limits: { maxDiagnostics: 10 } })) void _;
    expect(got).toEqual([...Array(10).fill('W_AMP_UNESCAPED'), 'W_DIAGNOSTICS_TRUNCATED']);
    const a = parseWxr(noisy, { limits: { maxDiagnostics: 10 } });
    expect(a.diagnostics.at(-1)).toMatchObject({ code: 'W_DIAGNOSTICS_TRUNCATED', message: expect.stringContaining('20 more') });
  });
  it('rejects a source that is not async iterable, and mixed chunk types', async () => {
    const run = async (source: unknown) => {
      try {
        for await (const _ of streamWxr(source as AsyncIterable<string>)) void _;
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(await run('<rss/>')).toBe('E_USAGE');
    async function* mixed(): AsyncIterable<string | Uint8Array> {
      yield '<rss>';
      yield new TextEncoder().encode('<channel/></rss>');
    }
    expect(await run(mixed())).toBe('E_USAGE');
    expect(thrown(() => parseWxr(42 as unknown as string))?.code).toBe('E_USAGE');
  });
});

describeCorpus('streamWxr == parseWxr on every corpus file', () => {
  const files = listFiles(CORPUS, '.xml');
  it.each(files)('%s', async (file) => {
    const path = join(CORPUS, file);
    const bytes = readFileSync(path);
    const whole = asStreamed(parsed(bytes));
    const size = statSync(path).size;
    const sizes = size < 20_000 ? [1, 7, 4096] : size < 300_000 ? [7, 4096] : [4096];
    const wholeJson = JSON.stringify(whole);
    for (const n of sizes) {
      const got = await streamed(bytes, n);
      // Compare as JSON text (fast); fall back to a structural diff only when they differ.
      if (JSON.stringify(got) !== wholeJson) expect(got).toEqual(whole);
    }
  });
});
