/**
 * HTML out of the parsed tree: inner HTML of a node with noise elements left out and every URL attribute
 * passed through a mapper (Wayback un-rewriting). Text is escaped the way browsers serialize it.
 */
import { attr, attrs, childNodes, commentValue, isElement, type Element, type Node, parentElement, textValue } from './dom.js';
import { VOID } from './tree-tags.js';

const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'poster', 'data-src', 'data-lazy-src', 'data-orig-file', 'data-large-file', 'data-medium-file', 'cite']);
const SRCSET_ATTRS = new Set(['srcset', 'data-srcset', 'data-lazy-srcset']);

/** SVG names the HTML tokenizer lowercases, written back in their SVG case (WHATWG adjustment tables). */
const SVG_TAGS = new Map(
  'altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence foreignObject glyphRef linearGradient radialGradient textPath'
    .split(' ').map((n) => [n.toLowerCase(), n]),
);
const SVG_ATTRS = new Map(
  'attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits diffuseConstant edgeMode filterUnits glyphRef gradientTransform gradientUnits kernelMatrix kernelUnitLength keyPoints keySplines keyTimes lengthAdjust limitingConeAngle markerHeight markerUnits markerWidth maskContentUnits maskUnits numOctaves pathLength patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ preserveAlpha preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur requiredExtensions requiredFeatures specularConstant specularExponent spreadMethod startOffset stdDeviation stitchTiles surfaceScale systemLanguage tableValues targetX targetY textLength viewBox viewTarget xChannelSelector yChannelSelector zoomAndPan'
    .split(' ').map((n) => [n.toLowerCase(), n]),
);
/** Elements inside `<svg>` whose children are HTML again. */
const SVG_HTML_POINTS = new Set(['foreignobject', 'desc', 'title']);

/** How attribute values are rewritten while serializing. */
export interface UrlMapper {
  url: (value: string) => string;
  srcset: (value: string) => string;
  style: (value: string) => string;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/\u00a0/g, '&nbsp;').replace(/"/g, '&quot;');

/** The value of an attribute after URL mapping. */
export function mapAttr(name: string, value: string, map: UrlMapper | null): string {
  if (!map) return value;
  if (URL_ATTRS.has(name)) return map.url(value);
  if (SRCSET_ATTRS.has(name)) return map.srcset(value);
  if (name === 'style') return map.style(value);
  return value;
}

/** Options of `innerHtml`. */
export interface SerializeOptions {
  /** A link with an address and no text or image gets its address as text (`Reblogged this on <a href=…></a>`). Default false. */
  fillEmptyLinks?: boolean;
}

/** True when `a` has no text and no element inside (nothing a reader could click). */
function isEmptyLink(a: Element): boolean {
  for (const c of a.children) if (isElement(c) || (textValue(c) ?? '').trim() !== '') return false;
  return true;
}

/** Inner HTML of `node`; elements for which `skip` is true are left out entirely. */
export function innerHtml(node: Node, skip: (el: Element) => boolean, map: UrlMapper | null, options: SerializeOptions = {}): string {
  const out: string[] = [];
  const write = (n: Node, parentRaw: boolean, svg: boolean): void => {
    const text = textValue(n);
    if (text !== null) {
      out.push(parentRaw ? text : escapeText(text));
      return;
    }
    const comment = commentValue(n);
    if (comment !== null) {
      out.push(`<!--${comment}-->`);
      return;
    }
    if (!isElement(n) || skip(n)) return;
    const inSvg = svg || n.name === 'svg';
    const tag = inSvg ? (SVG_TAGS.get(n.name) ?? n.name) : n.name;
    out.push(`<${tag}`);
    for (const [name, value] of attrs(n)) out.push(` ${inSvg ? (SVG_ATTRS.get(name) ?? name) : name}="${escapeAttr(mapAttr(name, value, map))}"`);
    out.push('>');
    if (VOID.has(n.name)) return;
    if (options.fillEmptyLinks && n.name === 'a' && isEmptyLink(n)) {
      const href = attr(n, 'href')?.trim();
      if (href && !href.startsWith('#') && !/^javascript:/i.test(href)) out.push(escapeText(mapAttr('href', href, map)));
    }
    const raw = RAW.has(n.name);
    const kidsSvg = inSvg && !SVG_HTML_POINTS.has(n.name);
    for (const c of n.children) write(c, raw, kidsSvg);
    out.push(`</${tag}>`);
  };
  const svg = isElement(node) && hasAncestor(node, 'svg') && !hasAncestor(node, 'foreignobject');
  for (const c of childNodes(node)) write(c, isElement(node) && RAW.has(node.name), svg || (isElement(node) && node.name === 'svg'));
  return out.join('');
}

function hasAncestor(el: Element, name: string): boolean {
  for (let e: Element | null = el; e; e = parentElement(e)) if (e.name === name) return true;
  return false;
}
