import { escapeText } from '../../xml/raw.js';

/** One line of the page with its 1-based line number. */
export interface Line {
  readonly no: number;
  /** The line without its line break; tabs count as four spaces for indentation. */
  readonly text: string;
  /** Leading spaces (tabs count four). */
  readonly indent: number;
}

/**
 * Splits text into lines (`\r\n`, `\r`, `\n`), numbering from `firstNo`.
 *
 * @example
 * toLines('a\r\n  b') // [{ no: 1, text: 'a', indent: 0 }, { no: 2, text: '  b', indent: 2 }]
 */
export function toLines(text: string, firstNo = 1): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    const textLine = raw.replace(/\t/g, '    ').replace(/[ \u00a0]+$/u, '');
    const indent = /^[ \u00a0]*/u.exec(textLine)?.[0].length ?? 0;
    return { no: firstNo + i, text: textLine, indent };
  });
}

/**
 * True for an empty or whitespace-only line.
 *
 * @example
 * isBlank({ no: 1, text: '   ', indent: 3 }) // true
 */
export function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/**
 * The index of the first non-blank line at or after `from`, or -1.
 *
 * @example
 * nextNonBlank(toLines('\n\nx'), 0) // 2
 */
export function nextNonBlank(lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) return i;
  return -1;
}

/**
 * Lines as HTML paragraphs: blank lines separate paragraphs, single line breaks become `<br />`,
 * text is escaped, the common indentation removed.
 *
 * @example
 * linesToHtml(toLines('a\nb\n\nc')) // '<p>a<br />\nb</p>\n<p>c</p>'
 */
export function linesToHtml(lines: readonly Line[]): string {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(escapeText(line.text.trim()));
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map((p) => `<p>${p.join('<br />\n')}</p>`).join('\n');
}

/**
 * A short quote of a line for diagnostics.
 *
 * @example
 * quote('Schreibe einen Kommentar', 10) // '"Schreibe …"'
 */
export function quote(text: string, max = 60): string {
  const t = text.trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}
