/**
 * Namespace scopes: each open element sees a map prefix -> URI. A new map is made only
 * where an element declares namespaces, so resolving a name is one lookup.
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Prefix bindings in effect. */
export type NsScope = ReadonlyMap<string, string>;

/** The scope outside the root: only `xml:` is bound. */
export const ROOT_SCOPE: NsScope = new Map([['xml', XML_NS], ['xmlns', XMLNS_NS]]);

/**
 * Splits `prefix:local`; the prefix is `''` when there is none.
 *
 * @example
 * splitName('wp:post_id') // ['wp', 'post_id']
 */
export function splitName(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(':');
  return colon <= 0 || colon === name.length - 1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/**
 * Returns the scope extended by the `xmlns`/`xmlns:*` attributes among `names`/`values`, or `parent` when there are none.
 *
 * @example
 * declare(ROOT_SCOPE, ['xmlns:wp'], ['http://wordpress.org/export/1.2/']).get('wp') // 'http://wordpress.org/export/1.2/'
 */
export function declare(parent: NsScope, names: readonly string[], values: readonly string[]): NsScope {
  let scope: Map<string, string> | null = null;
  for (let i = 0; i < names.length; i++) {
    const n = names[i] as string;
    if (n !== 'xmlns' && !n.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    const prefix = n === 'xmlns' ? '' : n.slice(6);
    const uri = values[i] as string;
    if (uri === '') scope.delete(prefix);
    else scope.set(prefix, uri);
  }
  return scope ?? parent;
}

/**
 * The URI used for a prefix nobody declared (kept distinct from every real namespace).
 *
 * @example
 * undeclaredUri('atom') // 'urn:wxr-kit:undeclared:atom'
 */
export function undeclaredUri(prefix: string): string {
  return `urn:wxr-kit:undeclared:${prefix}`;
}
