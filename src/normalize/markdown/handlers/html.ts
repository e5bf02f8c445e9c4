/**
 * Elements kept as HTML because Markdown has nothing for them: `<iframe>`,
 * `<video>`, `<audio>`, `<object>`, `<embed>`, `<script>`, `<svg>`, `<canvas>`,
 * `<form>` widgets. Written as their own HTML block, exactly as in the source.
 */
import type { ElementHandler } from '../types.js';

export const keepHtml: ElementHandler = (el, ctx) => {
  const html = ctx.outerHtml(el).replace(/\n\s*\n/g, '\n');
  return html === '' ? '' : ctx.block(html, 'html');
};

/** `<style>` in a post body styles nothing after migration; dropped. */
export const drop: ElementHandler = () => '';
