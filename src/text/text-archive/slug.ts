/**
 * A WordPress-like slug: lower case, German umlauts as `ae`/`oe`/`ue`, `ß` as `ss`, other marks removed,
 * everything else that is not a letter or digit a single `-`.
 *
 * @example
 * slugify('Wenn Kunden meine Aufforderung befolgen') // 'wenn-kunden-meine-aufforderung-befolgen'
 */
export function slugify(text: string): string {
  const s = text
    .toLocaleLowerCase('de')
    .replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue').replace(/ß/gu, 'ss')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return s.slice(0, 200);
}
