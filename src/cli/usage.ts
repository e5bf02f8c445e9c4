/** The help text, generated from the flag table (`flags.ts`): nothing here is written twice. */
import { flagsFor, VERB_SPECS, VERBS, type FlagSpec, type Verb } from './flags.js';

function flagLabel(f: FlagSpec): string {
  const short = f.short === undefined ? '    ' : `-${f.short}, `;
  const value = f.type === 'boolean' ? '' : ` ${f.choices ? f.choices.join('|') : (f.value ?? 'VALUE')}`;
  return `${short}--${f.name}${value}`;
}

/** Help lines wrap at this width (fixed, so that the help reads the same everywhere). */
const WIDTH = 100;

/** Splits `text` into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const labels = flags.map(flagLabel);
  const width = Math.min(40, Math.max(...labels.map((l) => l.length)) + 2);
  const lines: string[] = [];
  flags.forEach((f, i) => {
    const label = labels[i] ?? '';
    const def = f.default === undefined ? '' : ` (default: ${f.default})`;
    const indent = ' '.repeat(width + 2);
    const text = wrap(`${f.help}${def}`, WIDTH - width - 2);
    if (label.length >= width) lines.push(`  ${label}`);
    else lines.push(`  ${label}${' '.repeat(width - label.length)}${text.shift() ?? ''}`);
    for (const rest of text) lines.push(`${indent}${rest}`);
  });
  return lines;
}

/**
 * The one usage line of a verb (or of the CLI when `verb` is null), printed under a command-line error.
 *
 * @example
 * usageLine('info') // 'Usage: wxr-kit info <input|-> [more inputs…] [options]'
 */
export function usageLine(verb: Verb | null): string {
  return verb === null ? `Usage: wxr-kit <command> <input|-> [options]   (commands: ${VERBS.join(', ')})` : `Usage: wxr-kit ${verb} ${VERB_SPECS[verb].args} [options]`;
}

/**
 * The help of one verb, or the global help when `verb` is null.
 *
 * @example
 * usage('info') // 'Usage: wxr-kit info <input|-> [more inputs…] [options]\n…'
 */
export function usage(verb: Verb | null): string {
  if (verb === null) {
    const width = Math.max(...VERBS.map((v) => v.length)) + 2;
    return [
      'wxr-kit: WordPress exports (WXR) and saved blog pages into JSON, NDJSON, Markdown and WXR.',
      '',
      'Usage: wxr-kit <command> <input|-> [options]',
      '',
      'Commands:',
      ...VERBS.map((v) => `  ${v.padEnd(width)}${VERB_SPECS[v].summary}`),
      '',
      'Options:',
      ...flagLines(flagsFor(null)),
      '',
      'Examples:',
      ...VERBS.map((v) => `  ${VERB_SPECS[v].examples[0] ?? ''}`),
      '',
      "Run 'wxr-kit <command> --help' for the options of a command.",
      'Exit codes: 0 done, 1 bad input or output refused, 2 bad command line.',
      '',
    ].join('\n');
  }
  const spec = VERB_SPECS[verb];
  return [
    usageLine(verb),
    '',
    spec.summary,
    '',
    'Options:',
    ...flagLines(flagsFor(verb)),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
    '',
    'Exit codes: 0 done, 1 bad input or output refused, 2 bad command line.',
    '',
  ].join('\n');
}
