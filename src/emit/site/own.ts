/**
 * A copy of a string that shares no memory with its source. Strings cut out of a larger
 * one (regex captures, `slice`) can keep the whole parent alive in V8; the streaming site
 * renderer keeps a few short strings per item (redirect sources, diagnostics) for the
 * whole run, so those must not pin the parser's input chunks.
 *
 * @example
 * own(hugeText.slice(0, 10)) // same characters, independent of hugeText
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function own(text: string): string {
  return decoder.decode(encoder.encode(text));
}
