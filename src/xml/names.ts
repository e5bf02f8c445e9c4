/**
 * Element names already split and namespace-resolved, per namespace scope. Nearly every
 * element of an export shares one scope, so each name is split and resolved once, and
 * converters see the same string objects each time (their hashes are computed once).
 */
import type { NsScope } from './namespaces.js';

/** An element name split and namespace-resolved once. */
export interface ResolvedName {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
}

/** How many distinct element names are kept (an export has a few dozen; hostile input gets no more). */
const NAME_CACHE_MAX = 1024;

/**
 * The cache of one tokenizer; it starts over when the scope changes.
 *
 * @example
 * const cache = new NameCache();
 * cache.get(scope, 'wp:post_id') ?? cache.remember('wp:post_id', 'post_id', uri);
 */
export class NameCache {
  private names = new Map<string, ResolvedName>();
  private scope: NsScope | null = null;

  /** The resolved name, if `name` was remembered in this same scope. */
  get(scope: NsScope, name: string): ResolvedName | undefined {
    if (scope !== this.scope) {
      this.scope = scope;
      this.names = new Map();
      return undefined;
    }
    return this.names.get(name);
  }

  /** Remembers a resolved name for the scope of the last `get`; the strings kept are copies, so that no input chunk is kept alive. */
  remember(name: string, local: string, uri: string): void {
    if (this.names.size >= NAME_CACHE_MAX) return;
    const copy = (' ' + name).slice(1);
    this.names.set(copy, { name: copy, local: local === name ? copy : (' ' + local).slice(1), uri });
  }
}
