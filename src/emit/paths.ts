/**
 * Safe output paths for Markdown sites (hardening.md §3.2). Pure strings: every
 * segment that comes from an export is attacker-controlled, so each one is decoded
 * once, cleaned, transliterated, capped and checked before it becomes part of a path.
 */
import slugify from 'slugify';

/** Options for {@link safeSlug}. */
export interface SafeSlugOptions {
  /** Maximum UTF-8 bytes of the slug before a collision suffix. Default `100`. */
  maxBytes?: number;
  /** Used as `id-<fallbackId>` when nothing printable is left. Default: `untitled`. */
  fallbackId?: number | string;
}

const GERMAN: ReadonlyArray<[RegExp, string]> = [
  [/ä/g, 'ae'], [/ö/g, 'oe'], [/ü/g, 'ue'], [/Ä/g, 'Ae'], [/Ö/g, 'Oe'], [/Ü/g, 'Ue'], [/ß/g, 'ss'], [/ẞ/g, 'SS'],
];
/** C0/C1 controls, bidi controls, zero-width characters and the BOM. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Characters that are separators or forbidden somewhere (Windows, URLs): become `-`. */
const SEPARATORS = /[/\\<>:"|?*#%&+=,;~`'^$@!()[\]{}\s.]+/g;
/** What slugify should drop: anything that is not a letter, digit, mark, `_` or `-`. */
const NOT_WORD = /[^\p{L}\p{N}\p{M}\s_-]+/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** A slug that every step of {@link safeSlug} leaves as it is (most WordPress slugs): lower-case ASCII words joined by single dashes. */
const CLEAN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Decodes complete `%XX` runs that form valid UTF-8; undecodable runs stay literal.
 * Never throws and never decodes twice.
 *
 * @example
 * safePercentDecode('caf%C3%A9') // 'café'
 * safePercentDecode('100%') // '100%'
 */
export function safePercentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Removes controls, bidi and zero-width characters, after NFC normalisation. */
export function stripInvisible(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
}

/** `ä` to `ae`, `ö` to `oe`, `ü` to `ue`, `ß` to `ss` (and capitals). */
export function transliterateGerman(text: string): string {
  let out = text;
  for (const [re, to] of GERMAN) out = out.replace(re, to);
  return out;
}

const encoder = new TextEncoder();
/** UTF-8 byte length. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** FNV-1a 32-bit as 8 hex digits: a short, stable, dependency-free hash for name suffixes. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** The longest prefix of `text` that fits `maxBytes`, cut on a grapheme boundary. */
export function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const b = utf8Bytes(segment);
    if (bytes + b > maxBytes) break;
    out += segment;
    bytes += b;
  }
  return out;
}

function trimEdges(text: string): string {
  return text.replace(/^[-_.\s]+|[-_.\s]+$/g, '');
}

/**
 * One safe, readable path segment from a WordPress slug or title: percent-decoded once,
 * NFC, invisible characters removed, German umlauts transliterated, slugified with other
 * Unicode letters kept (CJK stays readable), never empty, `.` or `..`, Windows device
 * names suffixed with `-`, capped at `maxBytes` UTF-8 bytes plus `-<hash>` when cut.
 *
 * @example
 * safeSlug('%e3%83%86%e3%82%b9%e3%83%88') // 'テスト'
 * safeSlug('Grüße aus Köln') // 'gruesse-aus-koeln'
 * safeSlug('../../etc/passwd') // 'etc-passwd'
 * safeSlug('🎉', { fallbackId: 12 }) // 'id-12'
 */
export function safeSlug(source: string, options: SafeSlugOptions = {}): string {
  const maxBytes = Math.max(16, options.maxBytes ?? 100);
  if (source.length <= maxBytes && CLEAN_SLUG.test(source) && !RESERVED.test(source)) return source;
  const decoded = stripInvisible(safePercentDecode(source));
  const spaced = transliterateGerman(decoded).replace(SEPARATORS, ' ');
  let slug = trimEdges(slugify(spaced, { lower: true, remove: NOT_WORD, trim: true }).replace(/-{2,}/g, '-'));
  if (slug === '') return `id-${sanitizeFallback(options.fallbackId)}`;
  if (RESERVED.test(slug)) slug = `${slug}-`;
  if (utf8Bytes(slug) > maxBytes) {
    const hash = shortHash(decoded);
    slug = `${trimEdges(cutToBytes(slug, maxBytes - 9))}-${hash}`;
  }
  return slug;
}

function sanitizeFallback(id: number | string | undefined): string {
  if (id === undefined) return 'untitled';
  const s = String(id).replace(/[^0-9A-Za-z_-]/g, '');
  return s === '' ? 'untitled' : s;
}

/**
 * True when `path` is relative, `/`-separated, has no empty, `.` or `..` segment, no
 * backslash, drive letter, control character or Windows device name, and no segment
 * over 143 UTF-8 bytes. Every path {@link renderMarkdownSite} returns passes this.
 *
 * @example
 * isSafeRelativePath('content/posts/hello.md') // true
 * isSafeRelativePath('../x.md') // false
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.' || seg === '..' || /[<>:"|?*]/.test(seg)) return false;
    if (RESERVED.test(seg.split('.')[0] ?? '')) return false;
    if (/[. ]$/.test(seg) || utf8Bytes(seg) > 143) return false;
  }
  return true;
}

/** The conservative key under which two paths count as the same file on any file system. */
export function collisionKey(path: string): string {
  // ASCII needs no normalisation and its upper-then-lower case is its lower case.
  if (ASCII.test(path)) return path.toLowerCase();
  return path.normalize('NFC').toUpperCase().toLowerCase();
}
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Hands out unique paths: a second `hello-world` becomes `hello-world-2`, compared
 * case- and normalisation-insensitively. State lives in the instance; one per site.
 *
 * @example
 * const paths = new PathAllocator();
 * paths.claim('posts/', 'hello', '.md') // 'posts/hello.md'
 * paths.claim('posts/', 'Hello', '.md') // 'posts/Hello-2.md'
 */
export class PathAllocator {
  readonly #taken = new Set<string>();

  /** Marks a path as used (for section folders such as `content/posts`). */
  reserve(path: string): void {
    this.#taken.add(collisionKey(path));
  }

  /** True when the path (or a case twin) was already handed out. */
  has(path: string): boolean {
    return this.#taken.has(collisionKey(path));
  }

  /**
   * `prefix + slug + suffix`, with `-2`, `-3`, … appended to the slug until unique.
   * Returns the path and the slug actually used.
   */
  claim(prefix: string, slug: string, suffix: string): string {
    return this.claimSlug(prefix, slug, suffix).path;
  }

  /** Like {@link claim}, also returning the final slug. */
  claimSlug(prefix: string, slug: string, suffix: string): { path: string; slug: string } {
    let candidate = slug;
    for (let n = 2; this.has(prefix + candidate + suffix) || this.has(prefix + candidate); n++) candidate = `${slug}-${n}`;
    const path = prefix + candidate + suffix;
    this.#taken.add(collisionKey(path));
    this.#taken.add(collisionKey(prefix + candidate));
    return { path, slug: candidate };
  }
}
