/**
 * Page furniture that is not part of the post: the comment form and login prompts (everything from
 * the form's heading on is dropped), share and like buttons (dropped at the end of the body), and
 * reply buttons / moderation notes at the end of a comment. Patterns are data: extend the arrays.
 */

/** A line that starts the trailing comment form; this line and all after it are dropped. */
export const FORM_START: readonly RegExp[] = [
  /^(?:Schreibe|Schreiben Sie) einen Kommentar\b/i,
  /^Hinterlasse(?:n Sie)? (?:einen Kommentar|eine Antwort)\b/i,
  /^Kommentar (?:verfassen|schreiben|hinterlassen)\b/i,
  /^Dein(?:e)? (?:Kommentar|Meinung)\s*:?$/i,
  /^Trage deine Daten unten ein\b/i,
  /^Leave a (?:Reply|Comment)\b/i,
  /^(?:Post|Write) a comment\b/i,
  /^Fill in your details below\b/i,
  /^(?:Antworten|Antwort) abbrechen$/i,
  /^Cancel reply$/i,
  /^Du musst (?:angemeldet|eingeloggt) sein\b/i,
  /^You must be logged in to post a comment\b/i,
  /^Kommentare sind geschlossen\.?$/i,
  /^Comments are closed\.?$/i,
];

/** Share, like and navigation lines between the body and the comments. */
export const SHARE_LINES: readonly RegExp[] = [
  /^(?:Teilen(?: mit)?|Share(?: this)?|Diesen Beitrag teilen|Like this|Gefällt mir|Mag ich|Bewerten|Rate this)\s*:?$/i,
  /^(?:Gefällt mir|Like)\s+(?:Wird geladen|Loading)\s*(?:…|\.\.\.)?$/i,
  /^(?:Wird geladen|Loading)\s*(?:…|\.\.\.)?$/i,
  /^(?:Twitter|Facebook|E-Mail|Email|Drucken|Print|Reddit|LinkedIn|Tumblr|Pinterest|WhatsApp|Telegram|Pocket|Mehr|More|Google|Google\+|Skype|Xing)$/i,
  /^Klicken, um (?:auf|über|per)\b.*\(Wird in neuem Fenster geöffnet\)$/i,
  /^Click to (?:share|email|print)\b.*\(Opens in new window\)$/i,
  /^(?:Ähnliche|Verwandte) Beiträge$/i,
  /^Related(?: posts)?$/i,
  /^\d+ (?:Bloggern|bloggers) gefällt das\.?$|^\d+ bloggers like this\.?$|^Sei der Erste,? dem dies gefällt\.?$|^Be the first to like this\.?$/i,
  /^(?:« |← )?(?:Vorheriger|Nächster) (?:Beitrag|Artikel)\b|^(?:Previous|Next) (?:post|entry)\b/i,
];

/** Reply buttons and moderation notes at the end of one comment. */
export const COMMENT_TAIL: readonly RegExp[] = [
  /^(?:Antworten|Antwort|Reply)\s*[↓↵]?$/i,
  /^(?:Dein|Ihr|Your) Kommentar wartet auf (?:Freischaltung|Moderation)\.?$|^Your comment is awaiting moderation\.?$/i,
  /^(?:Gefällt mir|Like)$/i,
  /^Gefällt \d+ (?:Person|Personen)$|^Liked by \d+ (?:person|people)$/i,
];

/**
 * True when `text` (trimmed) matches one of `patterns`.
 *
 * @example
 * matchesAny(FORM_START, 'Leave a Reply') // true
 */
export function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  const t = text.trim();
  return t !== '' && patterns.some((p) => p.test(t));
}
