/** The help text, generated from the flag table (`flags.ts`): nothing here is written twice. */
import { flagsFor, VERB_SPECS, VERBS, type FlagSpec, type Verb } from './flags.js';

function flagLabel(f: FlagSpec): string {
  const short = f.short === undefined ? '    ' : `-${f.short}, `;
  const value = f.type === 'boolean' ? '' : ` ${f.choices ? f.choices.join('|') : (f.value ?? 'VALUE')}`;
  return `${short}--${f.name}${value}`;
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const labels = flags.map(flagLabel);
  const width = Math.min(40, Math.max(...labels.map((l) => l.length)) + 2);
  const lines: string[] = [];
  flags.forEach((f, i) => {
    const label = labels[i] ?? '';
    const def = f.default === undefined ? '' : ` (default: ${f.default})`;
    const pad = label.length >= width ? `\n  ${' '.repeat(width)}` : ' '.repeat(width - label.length);
    lines.push(`  ${label}${pad}${f.help}${def}`);
  });
  return lines;
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
    `Usage: wxr-kit ${verb} ${spec.args} [options]`,
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
