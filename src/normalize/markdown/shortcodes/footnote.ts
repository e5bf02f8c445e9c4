/**
 * Footnote shortcodes of common plugins: `[ref]…[/ref]` (Simple Footnotes),
 * `[footnote]…[/footnote]`, `[efn_note]…[/efn_note]` (Easy Footnotes). They become
 * `<wxr-fn>` elements, which the renderer turns into `[^n]` and a definition at the end.
 */
import type { ShortcodeHandler } from '../types.js';

export const footnote: ShortcodeHandler = (sc) => {
  if (sc.content === null) return sc.name === 'footnote' ? null : '';
  return `<wxr-fn>${sc.content}</wxr-fn>`;
};
