/**
 * Routes tokenizer events to entries: builds one small tree per channel-level block
 * (item, author, term, header field), converts it when it closes, and emits entries in
 * document order. The site entry goes out when the first author/term/item starts (or the
 * channel ends), after the WXR version was checked.
 */
import { WxrError } from '../errors.js';
import type { DiagnosticSink } from '../xml/diagnostics.js';
import type { RawElement, XmlHandler, XmlStart } from '../xml/types.js';
import type { Site, Term, WxrEntry } from '../model.js';
import { authorFromCreator, authorOf } from './author.js';
import type { ConvertContext } from './fields.js';
import { itemOf } from './item.js';
import { fieldKey } from './namespaces.js';
import { applySiteField, emptySite } from './site.js';
import { termDifferences, termFingerprint, termOf } from './term.js';

type Block = 'item' | 'author' | 'category' | 'tag' | 'term' | 'header';

const BLOCKS: ReadonlyMap<string, Block> = new Map<string, Block>([
  ['rss:item', 'item'],
  ['wp:author', 'author'],
  ['wp:wp_author', 'author'],
  ['wp:category', 'category'],
  ['wp:tag', 'tag'],
  ['wp:term', 'term'],
]);

const VERSION = /^\d+\.\d+$/;
/** Whether `text` is only spaces, tabs and newlines (a loop: cheaper than a regex for these short strings). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9) return false;
  }
  return true;
}
/** Elements inside blocks that hold only child elements. */
const CONTAINERS: ReadonlySet<string> = new Set(['comment', 'postmeta', 'commentmeta', 'termmeta']);
/** Post ids remembered for the duplicate check (bounded so that 10 M items stay flat). */
const MAX_TRACKED_IDS = 2_000_000;
/** Terms remembered for the duplicate check (as fingerprints: long descriptions and meta reduced to a hash). */
const MAX_TRACKED_TERMS = 200_000;

/** The first block seen for a taxonomy and slug, and where it was. */
interface SeenTerm {
  term: Term;
  line: number;
}

/** What the reader tells its owner besides entries. */
export interface ReaderHooks {
  /** The WXR version is known (the owner turns on the raw-`]]>` repair for 1.0/1.1). */
  onVersion(version: string): void;
  /**
   * Whether the emitted site may still be completed by a `<generator>` written after the first
   * author, term or item (where WordPress writes it): `parseWxr`, whose archive holds that site object.
   */
  readonly siteOpen: boolean;
}

/** Compares dotted versions numerically: `1.10` > `1.2`. */
function newerThan(version: string, than: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = than.split('.').map(Number);
  return a !== c ? a > c : b > d;
}

/**
 * The WXR event handler.
 *
 * @example
 * const reader = new WxrReader((entry) => entries.push(entry), sink, { onVersion: () => undefined });
 * new XmlTokenizer(reader, options).write(text);
 */
export class WxrReader implements XmlHandler {
  private depth = 0;
  private readonly building: RawElement[] = [];
  private block: Block = 'header';
  private inChannel = false;
  private channelStart: XmlStart | null = null;
  private rootStart: XmlStart | null = null;
  private site: Site = emptySite();
  private headerDone = false;
  private lateGeneratorSeen = false;
  private generatorComment = '';
  private authorBlocks = 0;
  private wxr10 = false;
  private readonly creators = new Set<string>();
  private readonly ids = new Set<number>();
  private readonly categoryByName = new Map<string, string>();
  /** `taxonomy NUL slug` -> the first term block with them. */
  private readonly termsSeen = new Map<string, SeenTerm>();
  /** Second blocks equal to their first (WordPress writes categories, tags and menus twice), reported once at the end. */
  private sameTerms = 0;
  private firstSameTerm: RawElement | null = null;
  private readonly ctx: ConvertContext;

  constructor(
    private readonly emit: (entry: WxrEntry) => void,
    private readonly sink: DiagnosticSink,
    private readonly hooks: ReaderHooks,
  ) {
    this.ctx = { sink, offset: null, itemId: undefined };
  }

  onProlog(comment: string): void {
    const m = /generator="([^"]*)"/.exec(comment);
    if (m && this.generatorComment === '') this.generatorComment = m[1] ?? '';
  }

  onStart(el: XmlStart): void {
    const depth = ++this.depth;
    const building = this.building;
    if (building.length > 0) {
      const parent = building[building.length - 1] as RawElement;
      if (parent.parts.length === 0) parent.parts = [el];
      else parent.parts.push(el);
      building.push(el);
      return;
    }
    if (depth === 1) {
      this.rootStart = el;
      if (el.uri !== '' || el.local !== 'rss') {
        const html = el.local.toLowerCase() === 'html';
        throw new WxrError(html ? 'E_NOT_XML' : 'E_NOT_WXR', html ? 'an HTML page, not a WXR export' : `the root element is <${el.name}>, not <rss>: not a WXR export`, el);
      }
      return;
    }
    if (depth === 2 && el.uri === '' && el.local === 'channel' && this.channelStart === null) {
      this.inChannel = true;
      this.channelStart = el;
      return;
    }
    const kind = depth === 3 && this.inChannel ? BLOCKS.get(fieldKey(el.uri, el.local)) : undefined;
    if (kind !== undefined && !this.headerDone) this.finishHeader();
    this.block = kind ?? 'header';
    building.push(el);
  }

  onText(text: string, cdata: boolean): void {
    const top = this.building[this.building.length - 1];
    if (top === undefined) return;
    // Layout whitespace between the children of a block or of a known container is not data.
    if (!cdata && isBlank(text) && (this.building.length === 1 || CONTAINERS.has(top.local))) return;
    const parts = top.parts;
    const last = parts.length - 1;
    if (last < 0) top.parts = [text];
    else if (typeof parts[last] === 'string') parts[last] += text;
    else parts.push(text);
    if (cdata) top.cdata = true;
  }

  onEnd(): void {
    const depth = this.depth--;
    const building = this.building;
    if (building.length > 0) {
      const el = building.pop() as RawElement;
      if (building.length === 0) this.complete(el);
      return;
    }
    if (depth === 2 && this.inChannel) {
      this.inChannel = false;
      if (!this.headerDone) this.finishHeader();
    } else if (depth === 1 && this.channelStart === null) {
      throw new WxrError('E_NOT_WXR', 'the <rss> element has no <channel>: not a WXR export', this.rootStart ?? {});
    }
  }

  onResync(depth: number): void {
    this.building.length = 0;
    this.depth = depth;
    this.block = 'header';
  }

  private complete(el: RawElement): void {
    const ctx = this.ctx;
    switch (this.block) {
      case 'item':
        this.emitItem(el);
        return;
      case 'author':
        this.authorBlocks++;
        this.emit({ kind: 'author', author: authorOf(el, ctx) });
        return;
      case 'category':
      case 'tag':
      case 'term':
        this.emitTerm(termOf(el, this.block, ctx), el);
        return;
      case 'header':
        if (!this.headerDone) applySiteField(this.site, el, ctx);
        else if (el.local === 'generator' && el.uri === '') this.lateGenerator(el);
        else ctx.sink.add('info', 'W_CHANNEL_ELEMENT_LATE', `<${el.name}> comes after the first author, term or item; it is not part of the site entry`, { line: el.line, column: el.column });
        return;
    }
  }

  /**
   * WordPress writes `<generator>` after the authors and terms. It only matters when neither the
   * header nor the generator comment named the software; then `parseWxr` still takes it, and the
   * stream (whose site entry went out) can only report it. The same diagnostic in both modes.
   */
  private lateGenerator(el: RawElement): void {
    if (this.site.generator !== '' || this.lateGeneratorSeen) return;
    this.lateGeneratorSeen = true;
    this.sink.add(
      'info',
      'W_CHANNEL_ELEMENT_LATE',
      `<${el.name}> comes after the first author, term or item (where WordPress writes it) and the header named no generator: parseWxr takes it as the site's generator; a streamed site entry (streamWxr, and so the wxr-kit CLI) went out before it and has none`,
      { line: el.line, column: el.column },
    );
    if (this.hooks.siteOpen) applySiteField(this.site, el, this.ctx);
  }

  /**
   * Ends the document: reports the second term blocks that equalled their first, in one diagnostic.
   * (Call after the tokenizer ended.)
   */
  finish(): void {
    const at = this.firstSameTerm;
    if (at === null) return;
    const n = this.sameTerms;
    this.sink.add(
      'info',
      'W_DUPLICATE_TERM',
      `${n} term${n === 1 ? ' is' : 's are'} written twice with the same taxonomy and slug (WordPress writes categories and tags again as <wp:term>, and menus twice); the first of each is kept (the first repeat is here)`,
      { line: at.line, column: at.column },
    );
  }

  /**
   * Emits a term unless its taxonomy and slug came before (the first wins, as in WordPress's importer).
   * WXR 1.0 names a category's parent by its name; parents come first, so that is mapped to the slug.
   */
  private emitTerm(term: Term, el: RawElement): void {
    if (this.wxr10 && term.taxonomy === 'category' && term.parentSlug !== null) {
      term.parentSlug = this.categoryByName.get(term.parentSlug) ?? term.parentSlug;
    }
    if (term.slug !== '' && this.isRepeat(term, el)) return;
    if (this.wxr10 && term.taxonomy === 'category' && this.categoryByName.size < MAX_TRACKED_IDS) this.categoryByName.set(term.name, term.slug);
    this.emit({ kind: 'term', term });
  }

  /** Whether a block for the term's taxonomy and slug came before; reports how this one differs. */
  private isRepeat(term: Term, el: RawElement): boolean {
    const key = `${term.taxonomy}\u0000${term.slug}`;
    const seen = this.termsSeen.get(key);
    if (seen === undefined) {
      if (this.termsSeen.size < MAX_TRACKED_TERMS) this.termsSeen.set(key, { term: termFingerprint(term), line: el.line });
      return false;
    }
    const differences = termDifferences(seen.term, termFingerprint(term));
    if (differences.length === 0) {
      this.sameTerms++;
      this.firstSameTerm ??= el;
    } else {
      this.sink.add(
        'info',
        'W_DUPLICATE_TERM',
        `the ${term.taxonomy} term "${term.slug.slice(0, 60)}" is written again (first at line ${seen.line}) and differs in ${differences.join(', ')}; the first is kept`,
        { line: el.line, column: el.column },
      );
    }
    return true;
  }

  private emitItem(el: RawElement): void {
    const item = itemOf(el, this.ctx);
    if (item.id !== 0) {
      if (this.ids.has(item.id)) {
        this.sink.add('warning', 'W_DUPLICATE_ID', `post id ${item.id} appears more than once; both items are kept`, { line: el.line, column: el.column, itemId: item.id });
      } else if (this.ids.size < MAX_TRACKED_IDS) this.ids.add(item.id);
    }
    if (this.wxr10 && this.authorBlocks === 0 && item.author && !this.creators.has(item.author)) {
      this.creators.add(item.author);
      this.emit({ kind: 'author', author: authorFromCreator(item.author) });
    }
    this.emit({ kind: 'item', item });
  }

  private finishHeader(): void {
    this.headerDone = true;
    const site = this.site;
    const version = site.wxrVersion;
    const at = this.channelStart ?? this.rootStart ?? {};
    if (version === '') throw new WxrError('E_NOT_WXR', 'the channel has no <wp:wxr_version>: not a WXR export (missing/invalid WXR version number)', at);
    if (!VERSION.test(version)) throw new WxrError('E_NOT_WXR', `the WXR version "${version.slice(0, 40)}" is not a version number: not a WXR export`, at);
    if (newerThan(version, '1.2')) this.sink.add('warning', 'W_WXR_VERSION_NEWER', `WXR version ${version} is newer than 1.2; read as 1.2`, at);
    if (site.baseBlogUrl === '') site.baseBlogUrl = site.baseSiteUrl;
    if (site.generator === '') site.generator = this.generatorComment;
    this.wxr10 = version.startsWith('1.0');
    this.hooks.onVersion(version);
    this.emit({ kind: 'site', site });
  }
}
