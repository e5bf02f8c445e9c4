/**
 * Footnotes. `<wxr-fn>` (made from `[ref]`, `[footnote]`, `((…))` by the text
 * pass) → `[^n]` with its definition at the end of the document. The hand-made
 * pattern `<sup><a href="#fn1">1</a></sup>` … `<ol><li id="fn1">… <a href="#fnref1">↩</a></li></ol>`
 * (Markdown plugins, pandoc, Word) → the same: `findNoteTargets` finds the list
 * items first; the list handler skips them, `<sup>` writes the reference.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import type { ElementHandler } from '../types.js';
import { sup as keepSup } from './inline.js';

export const footnoteRef: ElementHandler = (el, ctx) => {
  const md = ctx.toBlocks(ctx.children(el));
  return md === '' ? '' : ctx.footnote(md);
};

const isTag = (n: ChildNode): n is Element => n.type === 'tag';

/** The single same-page link inside a `<sup>`, if that is all it holds. */
function refLink(sup: Element): Element | undefined {
  const links = DomUtils.getElementsByTagName('a', sup, true);
  const a = links[0];
  if (links.length !== 1 || !a || !(a.attribs['href'] ?? '').startsWith('#')) return undefined;
  return DomUtils.textContent(sup).trim().length <= 12 ? a : undefined;
}

/** Footnote list items referenced from `<sup><a href="#id">`; their back links are removed. */
export function findNoteTargets(doc: Document): Map<string, Element> {
  const notes = new Map<string, Element>();
  const sups = DomUtils.getElementsByTagName('sup', doc, true);
  if (sups.length === 0) return notes;
  const refs: string[] = [];
  for (const s of sups) {
    const id = refLink(s)?.attribs['href']?.slice(1);
    if (id !== undefined) refs.push(id);
  }
  if (refs.length === 0) return notes;
  const ids = new Map<string, Element>();
  const candidate = (e: Element): boolean => (e.name === 'li' || e.name === 'wxr-fnmeta') && e.attribs['id'] !== undefined;
  for (const el of DomUtils.findAll(candidate, doc.children)) ids.set(el.attribs['id'] ?? '', el);
  for (const id of refs) {
    const li = ids.get(id);
    if (li) notes.set(id, li);
  }
  for (const li of notes.values()) {
    for (const a of DomUtils.getElementsByTagName('a', li, true)) {
      const text = DomUtils.textContent(a).trim();
      if ((a.attribs['href'] ?? '').startsWith('#') && /^[\s↩↑^⤴\u{fe0e}\u{fe0f}]*$|^(?:back|return|zurück)$/iu.test(text)) {
        DomUtils.removeElement(a);
      }
    }
  }
  return notes;
}

/** `<sup>`: a footnote reference when it links to a footnote item, else kept as `<sup>` HTML. */
export const supOrNote: ElementHandler = (el, ctx) => {
  const href = refLink(el)?.attribs['href'];
  const li = href === undefined ? undefined : ctx.noteTarget(href);
  if (!li || href === undefined) return keepSup(el, ctx);
  return ctx.footnote(ctx.blocks(li), href);
};

/** Is this `<li>` a footnote definition that is written at the end instead? */
export const isNoteItem = (li: ChildNode, notes: (href: string) => Element | undefined): boolean =>
  isTag(li) && li.attribs['id'] !== undefined && notes(`#${li.attribs['id']}`) === li;
