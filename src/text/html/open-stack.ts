/**
 * The tree builder's stack of open elements, with what lets its questions stay cheap on hostile pages:
 * a count of open elements per tag name (so "is a `<p>` open?" needs no walk of a 50,000-deep stack when none
 * is) and a membership set (so "is this element still open?" is one look-up).
 */
import type { Element } from 'domhandler';

export class OpenStack {
  private readonly items: Element[] = [];
  private readonly counts = new Map<string, number>();
  private readonly members = new Set<Element>();

  get length(): number {
    return this.items.length;
  }

  /** The element at `i` (0 is the outermost), or undefined. */
  at(i: number): Element | undefined {
    return this.items[i];
  }

  /** The current (innermost) open element. */
  top(): Element | undefined {
    return this.items[this.items.length - 1];
  }

  /** True when no open element has any of these tag names (a cheap "certainly not in scope"). */
  noneNamed(names: readonly string[]): boolean {
    return names.every((n) => (this.counts.get(n) ?? 0) === 0);
  }

  includes(el: Element): boolean {
    return this.members.has(el);
  }

  indexOf(el: Element): number {
    return this.members.has(el) ? this.items.lastIndexOf(el) : -1;
  }

  some(test: (el: Element) => boolean): boolean {
    return this.items.some(test);
  }

  push(el: Element): void {
    this.items.push(el);
    this.added(el);
  }

  pop(): Element | undefined {
    const el = this.items.pop();
    if (el) this.removed(el);
    return el;
  }

  /** Closes everything from index `n` on. */
  truncate(n: number): void {
    while (this.items.length > n) this.pop();
  }

  removeAt(i: number): void {
    const [el] = this.items.splice(i, 1);
    if (el) this.removed(el);
  }

  insertAt(i: number, el: Element): void {
    this.items.splice(i, 0, el);
    this.added(el);
  }

  replaceAt(i: number, el: Element): void {
    const old = this.items[i];
    if (!old) return;
    this.items[i] = el;
    this.removed(old);
    this.added(el);
  }

  private added(el: Element): void {
    this.members.add(el);
    this.counts.set(el.name, (this.counts.get(el.name) ?? 0) + 1);
  }

  private removed(el: Element): void {
    this.members.delete(el);
    this.counts.set(el.name, (this.counts.get(el.name) ?? 1) - 1);
  }
}
