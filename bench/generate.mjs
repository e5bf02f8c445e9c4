#!/usr/bin/env node
// Synthetic WXR 1.2 exports for benchmarks: N posts with (threaded, @-reply) comments,
// German text with umlauts, shortcodes, `]]]]><![CDATA[>` CDATA splits, postmeta and
// commentmeta, and some text outside CDATA (escaped titles, excerpts, whole bodies).
// Deterministic for a given --seed; written in ~1 MB chunks, never held whole.
//
//   node bench/generate.mjs --mb 100 --out bench/data/synthetic-100mb.xml [--seed 42]
//   node bench/generate.mjs --posts 5000 --out bench/data/5000-posts.xml
//
// MB means 10^6 bytes; the file ends at the first whole item past the target, then </rss>.
// With --posts N it holds exactly N posts (about 10 KB each) whatever --mb says.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Small fast seeded PRNG (mulberry32): same seed, same file. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'über straße grüße fähre öl mädchen schön müde größe ärger bäume köln münchen düsseldorf zürich ' +
  'der die das und ist nicht mit für auf dem den ein eine wir sie heute gestern morgen kunden projekt ' +
  'datenbank abfrage leistung sicherung wiederherstellung tabelle index sehr gut schnell langsam ' +
  'erfahrung beitrag kommentar antwort frage lösung problem fehler änderung einführung überblick'
).split(' ');
const NAMES = ['Jürgen', 'Anna', 'Björn', 'Käthe', 'Özlem', 'Max Müller', 'Sören', 'Lena'];
const CATS = ['Allgemein', 'Datenbanken', 'Reisen & Fähren', 'Küche', 'Über uns'];

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const pad = (n) => String(n).padStart(2, '0');

function makeText(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (n) => {
    const w = [];
    for (let i = 0; i < n; i++) w.push(pick(WORDS));
    const s = w.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = () => {
    const s = [];
    const n = 2 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) s.push(sentence(5 + Math.floor(r() * 12)));
    return s.join(' ');
  };
  return { pick, sentence, paragraph };
}

/** One post body: paragraphs, shortcodes, sometimes a script whose `]]>` needs a CDATA split. */
function body(r, t, id) {
  const parts = [];
  const n = 3 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.08) parts.push(`[caption id="attachment_${id + 1}" align="alignleft" width="300"]<img src="https://example.org/wp-content/uploads/2012/05/bild-${id}.jpg" alt="Bäume" width="300" height="200" /> ${t.sentence(6)}[/caption]`);
    else if (x < 0.12) parts.push(`[gallery ids="${id + 1},${id + 2},${id + 3}" columns="3"]`);
    else if (x < 0.15) parts.push(`[embed]https://www.youtube.com/watch?v=abc${id}[/embed]`);
    else if (x < 0.2) parts.push(`[code lang="sql"]SELECT name, größe FROM tabelle WHERE a <> 'b' AND pfad = 'C:\\\\daten\\\\';[/code]`);
    else if (x < 0.23) parts.push(`<script type="text/javascript">// <![CDATA[\nvar a = [[1]]; if (a[0][0]>0) {}\n// ]]></script>`);
    else if (x < 0.26) parts.push('<!--more-->');
    else parts.push(`<p>${t.paragraph()}</p>`);
  }
  return parts.join('\n\n');
}

function date(r, base) {
  const d = new Date(base + Math.floor(r() * 86400e3 * 30));
  const local = new Date(d.getTime() + 2 * 3600e3); // site offset +02:00
  const fmt = (x) => `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`;
  return { local: fmt(local), gmt: fmt(d), rfc: d.toUTCString().replace('GMT', '+0000') };
}

function comments(r, t, postId, base) {
  const out = [];
  const n = Math.floor(r() * 11);
  for (let i = 0; i < n; i++) {
    const id = postId * 100 + i + 1;
    const author = t.pick(NAMES);
    const parent = i > 0 && r() < 0.35 ? postId * 100 + 1 + Math.floor(r() * i) : 0;
    const mention = parent === 0 && i > 0 && r() < 0.2 ? `@${t.pick(NAMES)}: ` : '';
    const pingback = r() < 0.05;
    const d = date(r, base);
    out.push(`\t\t<wp:comment>
\t\t\t<wp:comment_id>${id}</wp:comment_id>
\t\t\t<wp:comment_author>${cdata(pingback ? 'Ein Blog » Überblick' : author)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${cdata(`leser${i}@example.de`)}</wp:comment_author_email>
\t\t\t<wp:comment_author_url>https://example.de/?a=1&amp;b=${i}</wp:comment_author_url>
\t\t\t<wp:comment_author_IP>${cdata(`192.0.2.${i}`)}</wp:comment_author_IP>
\t\t\t<wp:comment_date>${cdata(d.local)}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${cdata(d.gmt)}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${cdata(`${mention}${t.paragraph()}`)}</wp:comment_content>
\t\t\t<wp:comment_approved>${cdata(r() < 0.9 ? '1' : 'spam')}</wp:comment_approved>
\t\t\t<wp:comment_type>${cdata(pingback ? 'pingback' : '')}</wp:comment_type>
\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t\t<wp:commentmeta>
\t\t\t\t<wp:meta_key>${cdata('akismet_result')}</wp:meta_key>
\t\t\t\t<wp:meta_value>${cdata('false')}</wp:meta_value>
\t\t\t</wp:commentmeta>
\t\t</wp:comment>
`);
  }
  return out.join('');
}

function item(r, t, id) {
  const base = Date.UTC(2008, 0, 1) + id * 3600e3 * 7;
  const d = date(r, base);
  const title = `${t.sentence(3 + Math.floor(r() * 5)).slice(0, -1)} & „Grüße“ <${id}>`;
  const slug = `beitrag-${id}`;
  const cat = t.pick(CATS);
  const html = body(r, t, id);
  // About one item in ten carries its body as escaped text outside CDATA (as re-serialized exports do).
  const content = r() < 0.1 ? xmlEscape(html) : cdata(html);
  const excerpt = r() < 0.3 ? xmlEscape(`Kurz & bündig: <b>${t.sentence(6)}</b>`) : cdata('');
  return `\t<item>
\t\t<title>${xmlEscape(title)}</title>
\t\t<link>https://example.de/${slug}/</link>
\t\t<pubDate>${d.rfc}</pubDate>
\t\t<dc:creator>${cdata('admin')}</dc:creator>
\t\t<guid isPermaLink="false">https://example.de/?p=${id}</guid>
\t\t<description></description>
\t\t<content:encoded>${content}</content:encoded>
\t\t<excerpt:encoded>${excerpt}</excerpt:encoded>
\t\t<wp:post_id>${id}</wp:post_id>
\t\t<wp:post_date>${cdata(d.local)}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(d.gmt)}</wp:post_date_gmt>
\t\t<wp:post_modified>${cdata(d.local)}</wp:post_modified>
\t\t<wp:post_modified_gmt>${cdata(d.gmt)}</wp:post_modified_gmt>
\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>
\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>
\t\t<wp:post_name>${cdata(slug)}</wp:post_name>
\t\t<wp:status>${cdata(r() < 0.95 ? 'publish' : 'draft')}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<wp:post_password>${cdata('')}</wp:post_password>
\t\t<wp:is_sticky>${r() < 0.02 ? 1 : 0}</wp:is_sticky>
\t\t<category domain="category" nicename="${CATS.indexOf(cat)}-kat">${cdata(cat)}</category>
\t\t<category domain="post_tag" nicename="tag-${id % 50}">${cdata(`Schlagwort ${id % 50}`)}</category>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key>${cdata('_edit_last')}</wp:meta_key>
\t\t\t<wp:meta_value>${cdata('1')}</wp:meta_value>
\t\t</wp:postmeta>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key>${cdata('_yoast_wpseo_metadesc')}</wp:meta_key>
\t\t\t<wp:meta_value>${cdata(t.sentence(12))}</wp:meta_value>
\t\t</wp:postmeta>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key>${cdata('_settings')}</wp:meta_key>
\t\t\t<wp:meta_value>${cdata(`a:2:{s:4:"pfad";s:12:"C:\\\\daten\\\\x";s:5:"größe";i:${id};}`)}</wp:meta_value>
\t\t</wp:postmeta>
${comments(r, t, id, base)}\t</item>
`;
}

function header() {
  const cats = CATS.map(
    (c, i) => `\t<wp:category>
\t\t<wp:term_id>${i + 1}</wp:term_id>
\t\t<wp:category_nicename>${cdata(`${i}-kat`)}</wp:category_nicename>
\t\t<wp:category_parent>${cdata('')}</wp:category_parent>
\t\t<wp:cat_name>${cdata(c)}</wp:cat_name>
\t</wp:category>
`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.4.3" created="2024-03-01 10:00" -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>Synthetisches Blog – Grüße aus Köln</title>
\t<link>https://example.de</link>
\t<description>Ein Blog über Datenbanken &amp; Fähren</description>
\t<pubDate>Fri, 01 Mar 2024 10:00:00 +0000</pubDate>
\t<language>de-DE</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>https://example.de</wp:base_site_url>
\t<wp:base_blog_url>https://example.de</wp:base_blog_url>
\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('admin')}</wp:author_login><wp:author_email>${cdata('admin@example.de')}</wp:author_email><wp:author_display_name>${cdata('Jürgen Müller')}</wp:author_display_name><wp:author_first_name>${cdata('Jürgen')}</wp:author_first_name><wp:author_last_name>${cdata('Müller')}</wp:author_last_name></wp:author>
${cats}\t<generator>https://wordpress.org/?v=6.4.3</generator>
`;
}

/**
 * Writes a synthetic export of about `mb` × 10^6 bytes (or of exactly `posts` posts) to
 * `out`; resolves to `{ bytes, items }`.
 */
export async function generate({ mb = 100, posts = Infinity, out, seed = 42 }) {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const ws = createWriteStream(out);
  const r = rng(seed);
  const t = makeText(r);
  const target = mb * 1e6;
  let bytes = 0;
  let items = 0;
  let buf = '';
  const add = (s) => {
    bytes += Buffer.byteLength(s);
    buf += s;
  };
  const flush = async () => {
    if (!ws.write(buf)) await once(ws, 'drain');
    buf = '';
  };
  add(header());
  while (Number.isFinite(posts) ? items < posts : bytes < target) {
    items++;
    add(item(r, t, items * 10));
    if (buf.length > 1 << 20) await flush();
  }
  add('</channel>\n</rss>\n');
  await flush();
  ws.end();
  await once(ws, 'finish');
  return { bytes, items };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mb = Number(arg('mb', '100'));
  const posts = Number(arg('posts', 'Infinity'));
  const out = arg('out', Number.isFinite(posts) ? `bench/data/synthetic-${posts}-posts.xml` : `bench/data/synthetic-${mb}mb.xml`);
  const seed = Number(arg('seed', '42'));
  if (!(mb > 0) || !(posts > 0) || !Number.isFinite(seed)) {
    console.error('usage: node bench/generate.mjs [--mb 100 | --posts N] [--out FILE] [--seed 42]');
    process.exit(2);
  }
  const t0 = performance.now();
  const { bytes, items } = await generate({ mb, posts, out, seed });
  console.error(`generate: ${out}: ${bytes} bytes, ${items} items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
