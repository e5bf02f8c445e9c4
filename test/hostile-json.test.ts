/**
 * Hostile exports through parse -> JSON: element names that are Object.prototype keys,
 * reply chains thousands deep, text that looks like our own placeholders. The output
 * must be valid JSON against schema.json and nothing may leak into other objects.
 */
import { describe, expect, it } from 'vitest';
import { schemaErrors, validateArchive, validateEntry } from './helpers/schema.js';
import { toJson } from '../src/emit/json.js';
import { archiveEntries, toNdjson } from '../src/emit/ndjson.js';
import type { Item } from '../src/model.js';
import { parseWxr } from '../src/wxr/parse.js';
import { streamWxr } from '../src/wxr/stream.js';

const validate = validateArchive;

const wxr = (items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:x="urn:x">
<channel><title>t</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://e.de</wp:base_site_url>
${items}
</channel></rss>`;
const comment = (id: number, parent: number, content = 'c'): string =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>a${id}</wp:comment_author><wp:comment_content><![CDATA[${content}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
const item = (id: number, inner: string): string =>
  `<item><title>p${id}</title><dc:creator>admin</dc:creator><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>${inner}</item>`;

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('hostile exports through JSON', () => {
  const names = ['__proto__', 'constructor', 'toJSON', 'x:__proto__', 'x:constructor', 'x:prototype', 'x:toJSON', 'x:hasOwnProperty', 'x:valueOf'];
  const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

  it('elements named like Object.prototype keys land in extra, as data', async () => {
    const xml = wxr(item(1, names.map((n) => `<${n}>v-${n}</${n}>`).join('')));
    const a = parseWxr(xml);
    const json = toJson(a);
    expect(validate(JSON.parse(json)), schemaErrors(validate)).toBe(true);
    const extra = (JSON.parse(json) as { items: { extra?: Record<string, string[]> }[] }).items[0]?.extra ?? {};
    for (const n of names) expect(Object.hasOwn(extra, n) ? extra[n] : undefined, n).toEqual([`v-${n}`]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
    expect(({} as Record<string, unknown>).toJSON).toBeUndefined();
    for await (const line of toNdjson(streamWxr(chunks(xml, 7)))) expect(validateEntry?.(JSON.parse(line))).toBe(true);
  });

  it('a reply chain 3,000 deep converts with threads, whole and streamed', async () => {
    const depth = 3000;
    const cs = Array.from({ length: depth }, (_, i) => comment(i + 1, i)).join('');
    const a = parseWxr(wxr(item(1, cs)));
    expect(a.items[0]?.comments).toHaveLength(depth);
    const json = toJson(a, { threads: true });
    // (ajv itself recurses per level, so the schema check runs on the flat JSON only)
    expect(validate(JSON.parse(toJson(a)))).toBe(true);
    let node = (JSON.parse(json) as { items: { threads: { replies: unknown[] }[] }[] }).items[0]?.threads[0];
    let seen = 0;
    while (node !== undefined) {
      seen++;
      node = node.replies[0] as typeof node | undefined;
    }
    expect(seen).toBe(depth);
    const lines: string[] = [];
    for await (const l of toNdjson(archiveEntries(a), { threads: 'mentions' })) lines.push(l);
    expect(lines.at(-1)?.length).toBeGreaterThan(depth * 10);
  });

  it('text that looks like a threads placeholder stays text', () => {
    const fake = '"wxr-kit:threads:abc:0"';
    const a = parseWxr(wxr(item(1, `<content:encoded><![CDATA[${fake}]]></content:encoded>${comment(1, 0, fake)}`)));
    const out = JSON.parse(toJson(a, { threads: true })) as { items: (Item & { threads: unknown[] })[] };
    expect(out.items[0]?.content).toBe(fake);
    expect(out.items[0]?.comments[0]?.content).toBe(fake);
    expect(out.items[0]?.threads).toHaveLength(1);
  });

  it('line separators and control escapes never break an NDJSON line', async () => {
    const text = 'a\u2028b\u2029c\nd\te\u0085';
    const a = parseWxr(wxr(item(1, `<content:encoded><![CDATA[${text}]]></content:encoded>`)));
    const lines: string[] = [];
    for await (const l of toNdjson(archiveEntries(a))) lines.push(l);
    const itemLine = lines.at(-1) ?? '';
    expect(itemLine.indexOf('\n')).toBe(itemLine.length - 1);
    expect((JSON.parse(itemLine) as { item: Item }).item.content).toBe(text);
  });
});
