/** Property tests: garbage in gives a WxrError or an archive, never another exception; chunking never changes the result. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WxrError } from '../src/errors.js';
import { chunked, item, parseWxr, plain, streamToArchive, wxr } from './wxr-helpers.js';

function outcome(input: string | Uint8Array, options = {}): unknown {
  try {
    return plain(parseWxr(input, options));
  } catch (error) {
    if (!(error instanceof WxrError)) throw error;
    return { error: error.code };
  }
}

const pieces = fc.constantFrom(
  '<', '>', '</', '/>', '&', '&amp;', '&#0;', '&#x1F600;', ']]>', '<![CDATA[', '<!--', '-->', '<?', '?>', '"', "'", '=', ' ', '\n', '\r', '\u0000', '\u00FC', '😀',
  '<item>', '</item>', '<wp:post_id>', '</wp:post_id>', '<title>', '</title>', '<channel>', '</channel>', '<rss>', '</rss>', '<!DOCTYPE', '[', 'xmlns:wp="http://wordpress.org/export/1.2/"',
  '<wp:wxr_version>1.2</wp:wxr_version>', '<__proto__>', 'constructor', 'x',
);
const soup = fc.array(pieces, { maxLength: 60 }).map((a) => a.join(''));

describe('parseWxr on arbitrary input', () => {
  it('arbitrary strings: only WxrError escapes, in every mode', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), soup), (s) => {
        for (const options of [{}, { strict: true }, { recover: true }]) outcome(s, options);
      }),
      { numRuns: 400 },
    );
  });
  it('arbitrary bytes: only WxrError escapes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void outcome(b)), { numRuns: 300 });
  });
  it('arbitrary text in a real document: kept exactly inside CDATA (split like WXR 1.2), decoded once outside', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), (text) => {
        const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g, '');
        const cdata = `<![CDATA[${clean.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
        const escaped = clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        const a = parseWxr(wxr(item(1, `<content:encoded>${cdata}</content:encoded><excerpt:encoded>${escaped}</excerpt:encoded>`)));
        expect(a.items[0]?.content).toBe(clean);
        expect(a.items[0]?.excerpt).toBe(clean);
        expect(a.diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('streamWxr on arbitrary chunkings', () => {
  it('any chunk size gives the same result (or error) as the whole input', async () => {
    const base = wxr(item(1, '<content:encoded><![CDATA[a]]]]><![CDATA[>b Grüße 😀]]></content:encoded><link>x&y</link>') + item(2, '<wp:comment><wp:comment_id>3</wp:comment_id></wp:comment>'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: base.length }), fc.integer({ min: 1, max: 50 }), async (cut, size) => {
        const bytes = new TextEncoder().encode(base.slice(0, cut) + base.slice(cut + 1));
        const whole = outcome(bytes);
        let streamed: unknown;
        try {
          streamed = plain(await streamToArchive(chunked(bytes, size)));
        } catch (error) {
          if (!(error instanceof WxrError)) throw error;
          streamed = { error: error.code };
        }
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});
