/**
 * Keeps generator template syntax in migrated text literal: Hugo reads `{{< … >}}` and
 * `{{% … %}}` in content as shortcodes, Jekyll runs every page through Liquid
 * (`{{ … }}`, `{% … %}`). A post about templates must not break the build.
 */
import type { SitePreset } from '../frontmatter.js';

const HUGO_PAIRED = /\{\{([<%])(?!\s*\/\*)([\s\S]*?)([>%])\}\}/g;
const HUGO_LONE = /\{\{([<%])(?!\/\*)/g;
const LIQUID = /\{\{|\{%/;
const ENDRAW = /\{%-?\s*endraw\s*-?%\}/g;

/** Hugo: a shortcode call `{{< x >}}` gets Hugo's comment-style escape, which Hugo prints literally. */
export function escapeHugo(markdown: string): string {
  if (!markdown.includes('{{')) return markdown;
  return markdown
    .replace(HUGO_PAIRED, (_m, open: string, inner: string, close: string) => `{{${open}/*${inner}*/${close}}}`)
    .replace(HUGO_LONE, (_m, open: string) => (open === '<' ? '{{&lt;' : '{{&#37;'));
}

/** Jekyll: text with Liquid markers is wrapped in `{% raw %}`…`{% endraw %}`. */
export function escapeLiquid(markdown: string): string {
  if (!LIQUID.test(markdown)) return markdown;
  const inner = markdown.replace(ENDRAW, (m) => `{% endraw %}{{ "{%" }}{% raw %}${m.slice(2)}`);
  return `{% raw %}\n${inner}\n{% endraw %}\n`;
}

/**
 * The escape a preset needs for its template language (none for Astro, Eleventy's
 * Markdown is also run through Liquid by default, so it gets the Jekyll treatment).
 *
 * @example
 * escapeTemplates('Use {{ page.title }}', 'jekyll') // '{% raw %}\nUse {{ page.title }}\n{% endraw %}\n'
 */
export function escapeTemplates(markdown: string, preset: SitePreset): string {
  if (preset === 'hugo') return escapeHugo(markdown);
  if (preset === 'jekyll' || preset === 'eleventy') return escapeLiquid(markdown);
  return markdown;
}
