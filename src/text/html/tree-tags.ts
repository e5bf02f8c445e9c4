/** Tag tables of the WHATWG tree-construction rules used by `tree.ts` (names are lower case). */

const set = (s: string): Set<string> => new Set(s.split(' '));

export const VOID = set('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr');
export const CLOSES_P = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form plaintext xmp hr table li dd dt',
);
export const HEADINGS = set('h1 h2 h3 h4 h5 h6');
export const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
export const MARKERS = set('applet marquee object template td th caption');
export const IMPLIED_END = set('dd dt li optgroup option p rb rp rt rtc');
export const SPECIAL = set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
export const SCOPE = set('applet caption html table td th marquee object template');
export const LIST_SCOPE = set('applet caption html table td th marquee object template ol ul');
export const BUTTON_SCOPE = set('applet caption html table td th marquee object template button');
export const TABLE_SCOPE = set('html table template');
/** Block end tags: honoured only when the element is in scope, after implied end tags. */
export const BLOCK_END = set(
  'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul form',
);
/** Start tags that leave `<svg>`/`<math>` content (WHATWG "breakout" list). */
export const BREAKOUT = set(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var',
);
export const INTEGRATION = set('foreignobject desc title mi mo mn ms mtext annotation-xml');
/** Elements that stay in `<head>`; anything else starts the body. */
export const HEAD_TAGS = set('base basefont bgsound link meta title noscript noframes style script template');

/** Where the builder is: before `<html>`/`<head>`, in the head, between head and body, in the body. */
export type Phase = 'start' | 'head' | 'afterHead' | 'body';
