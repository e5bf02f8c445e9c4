/**
 * A copy of a string that shares no memory with its source. Strings cut out of a larger
 * one (regex captures, `slice`) can keep the whole parent alive in V8; the streaming site
 * renderer keeps a few short strings per item (redirect sources, diagnostics) for the
 * whole run, so those must not pin the parser's input chunks.
 *
 * @example
 * own(hugeText.slice(0, 10)) // same characters, independent of hugeText
 */
export function own(text: string): string {
  // Prepending a character makes V8 flatten the text into a fresh string; `slice(1)` then
  // refers to (or copies) that fresh string, never to the source. About 10x cheaper than
  // a UTF-8 round trip (0.14 µs vs 1.3 µs for a 50-character string).
  return ` ${text}`.slice(1);
}
