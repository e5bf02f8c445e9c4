/**
 * The archive model back to a WXR 1.2 document that WordPress's importer accepts: the inverse of
 * `parseWxr`, written the way WordPress's own exporter writes (CDATA split on `]]>`, parents before
 * children, `comment_parent` for threads), so that `parseWxr(toWxr(a))` gives back `a`.
 */
import type { Archive, Author, Comment, Extra, Item, ItemTerm, Meta, Term } from '../model.js';

const WP = 'http://wordpress.org/export/1.2/';

/** Namespace URIs of the prefixes WXR files use; extra elements with other prefixes get a `urn:` placeholder. */
const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['excerpt', `${WP}excerpt/`],
  ['content', 'http://purl.org/rss/1.0/modules/content/'],
  ['wfw', 'http://wellformedweb.org/CommentAPI/'],
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['wp', WP],
  ['atom', 'http://www.w3.org/2005/Atom'],
  ['sy', 'http://purl.org/rss/1.0/modules/syndication/'],
  ['slash', 'http://purl.org/rss/1.0/modules/slash/'],
  ['georss', 'http://www.georss.org/georss'],
  ['geo', 'http://www.w3.org/2003/01/geo/wgs84_pos#'],
  ['media', 'http://search.yahoo.com/mrss/'],
  ['itunes', 'http://www.itunes.com/dtds/podcast-1.0.dtd'],
]);
const ROOT_PREFIXES = ['excerpt', 'content', 'wfw', 'dc', 'wp'] as const;

/** Taxonomies WordPress never declares at channel level (their terms live on items only). */
const UNDECLARED_TAXONOMIES: ReadonlySet<string> = new Set(['post_format', 'wp_theme', 'wp_template_part_area', 'link_category']);

// ---------- text ----------

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const ILLEGAL = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
/** A cheap first test (code units): controls, U+FFFE/U+FFFF, or any surrogate (then the exact test decides). */
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * The text without characters that XML 1.0 cannot carry.
 *
 * @example
 * stripIllegalXmlChars('a\u0000b\u0010c') // 'abc'
 */
export function stripIllegalXmlChars(text: string): string {
  return MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL, '') : text;
}

/** Escaped character data (`&`, `<`, `>`; `"` too for attributes); `\r` as `&#13;` so it survives. */
function esc(text: string): string {
  return stripIllegalXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

/**
 * A CDATA section as WordPress 1.2 writes it: `]]>` split as `]]]]><![CDATA[>`. A `\r` cannot survive
 * inside CDATA (XML parsers turn it into `\n`), so a value with one is written as escaped character
 * data instead, `\r` as `&#13;`.
 */
function cdata(text: string): string {
  if (text.includes('\r')) return esc(text);
  return `<![CDATA[${stripIllegalXmlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * CDATA for fields that readers decode once more as HTML (titles and term names: WordPress before
 * 5.7 wrote them entity-escaped): `&` is written as `&amp;`, so the decoded text is the model's.
 */
function htmlCdata(text: string): string {
  return cdata(text.replace(/&/g, '&amp;'));
}

/** `cdata`, `html` (CDATA, `&` escaped), `text` (escaped character data) or `int`. */
type Kind = 'cdata' | 'html' | 'text' | 'int';

function el(name: string, value: string, kind: Kind = 'cdata'): string {
  const inner = kind === 'cdata' ? cdata(value) : kind === 'html' ? htmlCdata(value) : esc(value);
  return `<${name}>${inner}</${name}>`;
}

// ---------- dates ----------

const ISO = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ZERO_DATE = '0000-00-00 00:00:00';
/** A version label the importer accepts; others are written as `1.2`. */
const WXR_VERSION = /^\d{1,3}\.\d{1,3}$/;

/**
 * The wall-clock part of an ISO 8601 value as a WXR date (`YYYY-MM-DD HH:MM:SS`): the local time for
 * `date` (its offset is what `parseWxr` derives from the local/GMT pair), UTC for `dateGmt`.
 *
 * @example
 * wxrDate('2012-05-03T21:15:00+02:00') // '2012-05-03 21:15:00'
 */
export function wxrDate(iso: string | null): string {
  if (iso === null) return ZERO_DATE;
  const m = ISO.exec(iso.trim());
  if (!m) return ZERO_DATE;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 (`Thu, 03 May 2012 19:15:00 +0000`) for `pubDate`, or null. */
function rfc822(iso: string | null): string | null {
  if (iso === null) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

// ---------- extra elements ----------

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/u;
const USED_PREFIX = /<\/?([A-Za-z_][\w.-]*):|\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=/gu;
const DECLARED_PREFIX = /\sxmlns:([A-Za-z_][\w.-]*)\s*=/gu;
/** A tag exactly as `parseWxr` serializes child elements of an extra element (double quotes, `/>` without space). */
const CANONICAL_TAG = /<[A-Za-z_][\w.:-]*(?: [A-Za-z_][\w.:-]*="(?:[^"<>&]|&(?:amp|lt|gt|quot);)*")*\/?>|<\/[A-Za-z_][\w.:-]*>/gu;
/** Unprefixed names the reader knows; an extra element of that name came from another namespace. */
const RSS_NAMES: ReadonlySet<string> = new Set(['title', 'link', 'description', 'pubDate', 'language', 'generator', 'guid', 'category', 'item', 'channel']);

/**
 * Whether an extra value is XML (the content of an element with child elements, as `parseWxr` keeps
 * it) rather than plain text: it has a tag, every tag and reference is in the form the reader writes,
 * and it is well-formed. Plain text that merely looks like markup (`&#8230; <a href='…'>`) stays text.
 */
function isXmlContent(value: string): boolean {
  if (!/<[A-Za-z_]/u.test(value)) return false;
  const text = value.replace(CANONICAL_TAG, '');
  if (/[<>]|&(?!(?:amp|lt|gt);)/u.test(text)) return false;
  return tagsBalanced(value);
}

/** Whether the canonical tags of `value` nest properly (every start tag closed by its own end tag, in order). */
function tagsBalanced(value: string): boolean {
  const open: string[] = [];
  for (const m of value.matchAll(CANONICAL_TAG)) {
    const tag = m[0];
    if (tag.endsWith('/>')) continue;
    const name = /^<\/?([^\s/>]+)/u.exec(tag)?.[1] ?? '';
    if (!tag.startsWith('</')) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

/**
 * Namespace declarations for an extra element. The model keeps only its qualified name, so its own
 * prefix is bound to the well-known URI (`atom`, `media`, …) or to a placeholder `urn:wxr-kit:extra:p`.
 * WXR's own prefixes (`wp`, `dc`, …) get the placeholder too: an element of those prefixes is only
 * extra because it was in another namespace (`<wp:postmeta xmlns:wp="http://example.com/">`), and
 * writing it in the real one would turn it into data. Prefixes of children are declared likewise.
 */
function declarations(qname: string, xml: string): string {
  const own = qname.includes(':') ? (qname.split(':')[0] as string) : null;
  const used = new Set<string>();
  if (own !== null) used.add(own);
  for (const m of xml.matchAll(USED_PREFIX)) used.add((m[1] ?? m[2]) as string);
  for (const m of xml.matchAll(DECLARED_PREFIX)) used.delete(m[1] as string);
  let out = own === null && RSS_NAMES.has(qname) ? ' xmlns="urn:wxr-kit:extra"' : '';
  for (const p of used) {
    if (p === 'xmlns' || p === 'xml') continue;
    const isRoot = (ROOT_PREFIXES as readonly string[]).includes(p);
    if (isRoot && p !== own) continue;
    out += ` xmlns:${p}="${esc(isRoot ? `urn:wxr-kit:extra:${p}` : (KNOWN_NAMESPACES.get(p) ?? `urn:wxr-kit:extra:${p}`))}"`;
  }
  return out;
}

/** Whether `value` is one element named `name` with attributes, from its start tag to its own end (how the reader keeps such an element). */
function isWholeElement(name: string, value: string): boolean {
  if (!value.startsWith(`<${name} `)) return false;
  let depth = 0;
  for (const m of value.matchAll(CANONICAL_TAG)) {
    const tag = m[0];
    if (!tag.startsWith('</') && !tag.endsWith('/>')) depth++;
    else if (tag.startsWith('</')) depth--;
    // The root ends here: it is the whole value only if nothing follows.
    if (depth === 0) return m.index + tag.length === value.length;
  }
  return false;
}

/** Extra elements written back: XML content as it is, plain text escaped; names that are not XML names skipped. */
function extras(extra: Extra | undefined, indent: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (extra === undefined) return [];
  const out: string[] = [];
  for (const name of Object.keys(extra)) {
    if (!NAME.test(name) || skip.has(name) || name.startsWith('xmlns')) continue;
    for (const raw of extra[name] ?? []) {
      const value = stripIllegalXmlChars(raw);
      const xml = isXmlContent(value);
      // An element the reader kept whole (it had attributes: `<enclosure url=… />`) is written as it is.
      if (xml && isWholeElement(name, value)) out.push(`${indent}<${name}${declarations(name, value)}${value.slice(name.length + 1)}`);
      else out.push(`${indent}<${name}${declarations(name, xml ? value : '')}>${xml ? value : esc(value)}</${name}>`);
    }
  }
  return out;
}

// ---------- blocks ----------

function metaBlock(tag: string, meta: readonly Meta[], indent: string): string[] {
  return meta.map((m) => `${indent}<${tag}>\n${indent}\t${el('wp:meta_key', m.key)}\n${indent}\t${el('wp:meta_value', m.value)}\n${indent}</${tag}>`);
}

function authorBlock(a: Author): string {
  const lines = [
    ...(a.id === null ? [] : [el('wp:author_id', String(a.id), 'int')]),
    el('wp:author_login', a.login),
    el('wp:author_email', a.email),
    el('wp:author_display_name', a.displayName),
    el('wp:author_first_name', a.firstName),
    el('wp:author_last_name', a.lastName),
  ].map((l) => `\t\t${l}`);
  return ['\t<wp:author>', ...lines, ...extras(a.extra, '\t\t'), '\t</wp:author>'].join('\n');
}

function termBlock(t: Term): string {
  const id = t.id === null ? [] : [el('wp:term_id', String(t.id), 'int')];
  let tag: string;
  let fields: string[];
  if (t.taxonomy === 'category') {
    tag = 'wp:category';
    fields = [...id, el('wp:category_nicename', t.slug), el('wp:category_parent', t.parentSlug ?? ''), el('wp:cat_name', t.name, 'html'), ...(t.description === '' ? [] : [el('wp:category_description', t.description)])];
  } else if (t.taxonomy === 'post_tag') {
    tag = 'wp:tag';
    fields = [...id, el('wp:tag_slug', t.slug), el('wp:tag_name', t.name, 'html'), ...(t.description === '' ? [] : [el('wp:tag_description', t.description)])];
  } else {
    tag = 'wp:term';
    fields = [...id, el('wp:term_taxonomy', t.taxonomy), el('wp:term_slug', t.slug), ...(t.parentSlug === null ? [] : [el('wp:term_parent', t.parentSlug)]), el('wp:term_name', t.name, 'html'), ...(t.description === '' ? [] : [el('wp:term_description', t.description)])];
  }
  return [`\t<${tag}>`, ...fields.map((f) => `\t\t${f}`), ...metaBlock('wp:termmeta', t.meta, '\t\t'), ...extras(t.extra, '\t\t'), `\t</${tag}>`].join('\n');
}

/** The comment fields in WordPress's order: element, kind, value. */
const COMMENT_FIELDS: ReadonlyArray<readonly [string, Kind, (c: Comment) => string]> = [
  ['wp:comment_id', 'int', (c) => String(c.id)],
  ['wp:comment_author', 'cdata', (c) => c.author],
  ['wp:comment_author_email', 'cdata', (c) => c.authorEmail],
  ['wp:comment_author_url', 'text', (c) => c.authorUrl],
  ['wp:comment_author_IP', 'cdata', (c) => c.authorIp],
  ['wp:comment_date', 'cdata', (c) => wxrDate(c.date)],
  ['wp:comment_date_gmt', 'cdata', (c) => wxrDate(c.dateGmt)],
  ['wp:comment_content', 'cdata', (c) => c.content],
  ['wp:comment_approved', 'cdata', (c) => c.approved],
  ['wp:comment_type', 'cdata', (c) => c.type],
  ['wp:comment_parent', 'int', (c) => String(c.parentId ?? 0)],
  ['wp:comment_user_id', 'int', (c) => String(c.userId ?? 0)],
];

function commentBlock(c: Comment): string {
  const fields = COMMENT_FIELDS.map(([name, kind, get]) => `\t\t\t${el(name, get(c), kind)}`);
  return ['\t\t<wp:comment>', ...fields, ...metaBlock('wp:commentmeta', c.meta, '\t\t\t'), ...extras(c.extra, '\t\t\t'), '\t\t</wp:comment>'].join('\n');
}

/** The item fields in WordPress's order; null values are left out. */
const ITEM_FIELDS: ReadonlyArray<readonly [string, Kind, (i: Item) => string | null]> = [
  ['title', 'html', (i) => i.title],
  ['link', 'text', (i) => i.link],
  ['pubDate', 'text', (i) => rfc822(i.dateGmt)],
  ['dc:creator', 'cdata', (i) => i.author],
  ['guid', 'text', (i) => i.guid],
  ['description', 'text', (i) => (i.extra?.['description'] ? null : '')],
  ['content:encoded', 'cdata', (i) => i.content],
  ['excerpt:encoded', 'cdata', (i) => i.excerpt],
  ['wp:post_id', 'int', (i) => String(i.id)],
  ['wp:post_date', 'cdata', (i) => wxrDate(i.date)],
  ['wp:post_date_gmt', 'cdata', (i) => wxrDate(i.dateGmt)],
  ['wp:post_modified', 'cdata', (i) => (i.modified === null && i.modifiedGmt === null ? null : wxrDate(i.modified))],
  ['wp:post_modified_gmt', 'cdata', (i) => (i.modified === null && i.modifiedGmt === null ? null : wxrDate(i.modifiedGmt))],
  ['wp:comment_status', 'cdata', (i) => i.commentStatus],
  ['wp:ping_status', 'cdata', (i) => i.pingStatus],
  ['wp:post_name', 'cdata', (i) => i.slug],
  ['wp:status', 'cdata', (i) => i.status],
  ['wp:post_parent', 'int', (i) => String(i.parentId ?? 0)],
  ['wp:menu_order', 'int', (i) => String(i.menuOrder)],
  ['wp:post_type', 'cdata', (i) => i.type],
  ['wp:post_password', 'cdata', (i) => i.password],
  ['wp:is_sticky', 'int', (i) => (i.sticky ? '1' : '0')],
  ['wp:attachment_url', 'cdata', (i) => i.attachmentUrl],
];

function itemTerm(t: ItemTerm): string {
  return `\t\t<category domain="${esc(t.taxonomy)}" nicename="${esc(t.slug)}">${htmlCdata(t.name)}</category>`;
}

function itemBlock(item: Item): string {
  const fields: string[] = [];
  for (const [name, kind, get] of ITEM_FIELDS) {
    const value = get(item);
    if (value === null) continue;
    fields.push(name === 'guid' ? `\t\t<guid isPermaLink="false">${esc(value)}</guid>` : `\t\t${el(name, value, kind)}`);
  }
  return [
    '\t<item>',
    ...fields,
    ...extras(item.extra, '\t\t'),
    ...item.terms.map(itemTerm),
    ...metaBlock('wp:postmeta', item.meta, '\t\t'),
    ...item.comments.map(commentBlock),
    '\t</item>',
  ].join('\n');
}

// ---------- completion: authors and terms the items use ----------

/**
 * Whether the archive was rescued from pages (text, HTML) rather than read from a WXR export. Only then
 * does `toWxr` add declarations for item authors and terms the archive lacks: an export's own lists are
 * written as they are, so that `parseWxr(toWxr(a))` gives them back unchanged (WordPress's importer
 * creates undeclared item terms itself).
 */
function isRescued(archive: Archive): boolean {
  return archive.provenance !== undefined && archive.provenance.kind !== 'wxr';
}

/**
 * The archive's authors, plus (for archives from pages) one for every item author the list lacks, so WordPress can map them.
 *
 * @example
 * authorsToWrite(htmlArchive).map((a) => a.login) // the archive's authors, then item authors it lacks
 */
function authorsToWrite(archive: Archive): Author[] {
  const out = [...archive.authors];
  if (!isRescued(archive)) return out;
  const logins = new Set(out.map((a) => a.login));
  for (const item of archive.items) {
    if (item.author === null || item.author === '' || logins.has(item.author)) continue;
    logins.add(item.author);
    out.push({ id: null, login: item.author, email: '', displayName: item.author, firstName: '', lastName: '' });
  }
  return out;
}

/**
 * The archive's terms, plus (for archives from pages) a declaration for every item term that has none (except built-in undeclared taxonomies).
 *
 * @example
 * termsToWrite(textArchive).map((t) => t.slug) // the archive's terms, then item terms it lacks
 */
function termsToWrite(archive: Archive): Term[] {
  const out = [...archive.terms];
  if (!isRescued(archive)) return out;
  const key = (taxonomy: string, slug: string): string => `${taxonomy}\u0000${slug}`;
  const known = new Set(out.map((t) => key(t.taxonomy, t.slug)));
  for (const item of archive.items) {
    for (const t of item.terms) {
      if (UNDECLARED_TAXONOMIES.has(t.taxonomy) || t.taxonomy === 'nav_menu' || known.has(key(t.taxonomy, t.slug))) continue;
      known.add(key(t.taxonomy, t.slug));
      out.push({ id: null, taxonomy: t.taxonomy, slug: t.slug, name: t.name, parentSlug: null, description: '', meta: [] });
    }
  }
  return out;
}

// ---------- document ----------

/**
 * A WXR 1.2 document of the archive that WordPress's importer (Tools → Import → WordPress) accepts:
 * the channel, `wp:author` blocks, `wp:category` / `wp:tag` / `wp:term` blocks, items with all fields,
 * post meta, comments with comment meta and `comment_parent`, and `extra` elements written back.
 * Dates are written as WXR local/GMT pairs from the ISO values, CDATA is split on `]]>`, characters
 * XML 1.0 cannot carry are removed. `wp:wxr_version` is the archive's own (`1.2` for archives from
 * pages); archives from pages also get declarations for every item author and term they lack.
 * `parseWxr(toWxr(a))` gives back `a` without its diagnostics and provenance; the one exception is
 * text with characters that XML 1.0 cannot carry (C0 controls, U+FFFE/U+FFFF, lone surrogates).
 *
 * @example
 * const xml = toWxr(parseTextArchive(pageText, { postAuthor: 'Jens' }));
 * parseWxr(xml).items[0].comments.length; // as many as on the page
 */
export function toWxr(archive: Archive): string {
  const s = archive.site;
  const ns = ROOT_PREFIXES.map((p) => `\txmlns:${p}="${KNOWN_NAMESPACES.get(p) ?? ''}"`).join('\n');
  const pub = rfc822(s.exportedAt);
  const skipChannel = new Set(['title', 'link', 'description', 'pubDate', 'language', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url']);
  // the header (site fields, generator, unknown channel elements) comes before the first author, term or item
  const channel = [
    `\t${el('title', s.title, 'html')}`,
    `\t${el('link', s.link, 'text')}`,
    `\t${el('description', s.description, 'text')}`,
    ...(pub === null ? [] : [`\t${el('pubDate', pub, 'text')}`]),
    `\t${el('language', s.language, 'text')}`,
    `\t${el('wp:wxr_version', WXR_VERSION.test(s.wxrVersion) ? s.wxrVersion : '1.2', 'text')}`,
    `\t${el('wp:base_site_url', s.baseSiteUrl, 'text')}`,
    `\t${el('wp:base_blog_url', s.baseBlogUrl, 'text')}`,
    ...(s.generator === '' ? [] : [`\t${el('generator', s.generator, 'text')}`]),
    ...extras(s.extra, '\t', skipChannel),
    ...authorsToWrite(archive).map(authorBlock),
    ...termsToWrite(archive).map(termBlock),
    ...archive.items.map(itemBlock),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<!-- This is a WordPress eXtended RSS file generated by wxr-kit as an export of your site. -->',
    '<!-- To import it into a WordPress site: Tools > Import > WordPress, then upload this file. -->',
    '<rss version="2.0"',
    ns,
    '>',
    '<channel>',
    ...channel,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
