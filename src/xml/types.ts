/**
 * The raw XML layer's types. They never leave `src/xml` and `src/wxr`: the converters in
 * `src/wxr` turn them into the public model.
 */

/** One attribute, namespace-resolved. */
export interface XmlAttr {
  /** The qualified name as written (`xmlns:wp`, `domain`). */
  readonly name: string;
  readonly local: string;
  /** Namespace URI; `''` for unprefixed attributes. */
  readonly uri: string;
  /** Decoded value. */
  readonly value: string;
}

/**
 * A start tag, namespace-resolved, with its 1-based position. It is handed over as an
 * empty `RawElement` so that a handler building trees can keep it as it is.
 */
export type XmlStart = RawElement;

/** What the tokenizer calls, synchronously, in document order. */
export interface XmlHandler {
  /** An element opens (self-closing elements get `onEnd` right after). */
  onStart(el: XmlStart): void;
  /** The innermost open element closes. */
  onEnd(name: string): void;
  /** Text (decoded) or CDATA content (literal); one node may arrive in several pieces. */
  onText(text: string, cdata: boolean): void;
  /** A comment outside the root element (WordPress puts its generator there). */
  onProlog?(comment: string): void;
  /** Recover mode dropped everything inside open elements deeper than `depth`; forget them. */
  onResync?(depth: number): void;
}

/** An element kept as a small tree (one WXR item, author, term or channel field). */
export interface RawElement {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly attrs: readonly XmlAttr[];
  /** Text pieces and child elements in document order (replace an empty list rather than push onto it: `[x]` is a one-slot array, a push grows to 16). */
  parts: (string | RawElement)[];
  /** Whether any text of this element came from CDATA. */
  cdata: boolean;
  readonly line: number;
  readonly column: number;
}
