/** What every extractor of one page shares: the tree, the profile, dates, URL mapping and the diagnostics sink. */
import type { Diagnostic } from '../../model.js';
import type { DateContext } from './dates.js';
import type { Document, Element } from './dom.js';
import type { ThemeProfile } from './profiles.js';
import type { UrlMapper } from './serialize.js';

export interface PageContext {
  doc: Document;
  profile: ThemeProfile | null;
  dates: DateContext;
  /** Attribute rewriting for Wayback captures; null for other pages. */
  map: UrlMapper | null;
  /** Maps one URL (Wayback un-wrapping; identity otherwise). */
  url: (u: string) => string;
  diagnostics: Diagnostic[];
  /** The post body element once found (post fields outside other posts' teasers are read relative to it). */
  postBody: Element | null;
  /** The `date-zone-assumed` note, reported (then cleared) when a printed date and time is first read with the assumed zone. */
  zoneNote: Diagnostic | null;
}
