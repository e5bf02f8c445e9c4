/**
 * Small element trees for one WXR block at a time, and the helpers converters use to
 * read them: the joined text, the child elements, the inner XML for `extra`.
 */
import type { RawElement, XmlAttr } from './types.js';


/**
 * All text and CDATA directly inside `el`, joined (adjacent CDATA sections become one value).
 *
 * @example
 * textOf(el) // 'a]]>b' for <x><![CDATA[a]]]]><![CDATA[>b]]></x>
 */
export function textOf(el: RawElement): string {
  const parts = el.parts;
  if (parts.length === 1) {
    const only = parts[0];
    return typeof only === 'string' ? only : '';
  }
  let out = '';
  for (const p of parts) if (typeof p === 'string') out += p;
  return out;
}

/**
 * The value of the attribute with local name `local` and no namespace, or undefined.
 *
 * @example
 * attrOf(el, 'nicename') // 'news' for <category domain="category" nicename="news">
 */
export function attrOf(el: RawElement, local: string): string | undefined {
  for (const a of el.attrs) if (a.uri === '' && a.local === local) return a.value;
  return undefined;
}

/**
 * `&`, `<`, `>` as character references (text content of XML or HTML).
 *
 * @example
 * escapeText('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * The element's content as XML (text escaped), for `extra`: plain text stays plain text.
 *
 * @example
 * innerXml(el) // '<polluted>yes</polluted>' for <__proto__><polluted>yes</polluted></__proto__>
 */
export function innerXml(el: RawElement): string {
  if (!el.parts.some((p) => typeof p !== 'string')) return textOf(el);
  let out = '';
  const stack: { el: RawElement; i: number }[] = [{ el, i: 0 }];
  // Iterative so that deep (but depth-capped) trees cannot overflow the call stack.
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { el: RawElement; i: number };
    if (top.i >= top.el.parts.length) {
      stack.pop();
      if (stack.length > 0) out += `</${top.el.name}>`;
      continue;
    }
    const part = top.el.parts[top.i++] as string | RawElement;
    if (typeof part === 'string') {
      out += escapeText(part);
      continue;
    }
    out += `<${part.name}`;
    for (const a of part.attrs) out += ` ${a.name}="${escapeAttr(a.value)}"`;
    if (part.parts.length === 0) out += '/>';
    else {
      out += '>';
      stack.push({ el: part, i: 0 });
    }
  }
  return out;
}

const isDeclaration = (a: XmlAttr): boolean => a.name === 'xmlns' || a.name.startsWith('xmlns:');

/**
 * What `extra` keeps of an element: its content (as {@link innerXml}), or, when it has attributes
 * other than namespace declarations, the whole element as XML, so that they are not lost (without its
 * own namespace declarations: like the `extra` key, its qualified name stands for its namespace).
 *
 * @example
 * extraXml(el) // '<enclosure url="https://example.org/a.mp3" length="1" type="audio/mpeg"/>'
 * extraXml(el) // 'text' for <plugin:thing>text</plugin:thing>
 */
export function extraXml(el: RawElement): string {
  if (el.attrs.every(isDeclaration)) return innerXml(el);
  let out = `<${el.name}`;
  for (const a of el.attrs) if (!isDeclaration(a)) out += ` ${a.name}="${escapeAttr(a.value)}"`;
  if (el.parts.length === 0) return `${out}/>`;
  const inner = el.parts.some((p) => typeof p !== 'string') ? innerXml(el) : escapeText(textOf(el));
  return `${out}>${inner}</${el.name}>`;
}
