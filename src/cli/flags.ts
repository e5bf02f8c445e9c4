/**
 * The command line, declared once as data: verbs, their flags and examples.
 * The argument parser (`args.ts`) and the help text (`usage.ts`) are both generated from these tables.
 */
import { SITE_PRESETS, type SitePreset } from '../emit/frontmatter.js';

/** The verbs of the CLI (SPEC.md "CLI"). */
export const VERBS = ['convert', 'info', 'validate'] as const;
export type Verb = (typeof VERBS)[number];

/** One flag of the command line. */
export interface FlagSpec {
  /** Long name without dashes, e.g. `format`. */
  readonly name: string;
  /** One-letter alias without the dash, e.g. `f`. */
  readonly short?: string;
  /** `boolean` flags take no value; `string` flags take one; `list` flags take a comma-separated list. */
  readonly type: 'boolean' | 'string' | 'list';
  /** The allowed values, when the set is closed (checked, and shown in the help). */
  readonly choices?: readonly string[];
  /** The placeholder shown in the help, e.g. `PATH`. */
  readonly value?: string;
  /** What the default is, in words, for the help (the code resolves defaults in one place). */
  readonly default?: string;
  /** One line of help. */
  readonly help: string;
  /** The verbs that accept this flag; absent means every verb (a global flag). */
  readonly verbs?: readonly Verb[];
}

export const FORMATS = ['json', 'ndjson', 'markdown', 'wxr'] as const;
export type Format = (typeof FORMATS)[number];
export const PRESETS = SITE_PRESETS;
export type Preset = SitePreset;
export const COMMENT_MODES = ['nested', 'none', 'frontmatter'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** Every flag of every verb. Order here is the order in the help. */
export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'format', short: 'f', type: 'string', choices: FORMATS, value: 'FORMAT', verbs: ['convert'],
    default: 'from the --out name: .json json, .ndjson/.jsonl ndjson, .xml wxr, a folder markdown; json without --out',
    help: 'Output format.',
  },
  {
    name: 'out', short: 'o', type: 'string', value: 'PATH', verbs: ['convert'],
    default: 'standard output (json, ndjson, wxr); required for markdown',
    help: 'Output file, or output folder for markdown. Nothing is written outside it.',
  },
  {
    name: 'preset', short: 'p', type: 'string', choices: PRESETS, value: 'NAME', verbs: ['convert'], default: 'plain',
    help: 'Folder layout and front matter of the markdown site.',
  },
  {
    name: 'types', type: 'list', value: 'TYPE,…', verbs: ['convert', 'info'], default: 'every type',
    help: 'Keep only these post types, e.g. post,page.',
  },
  {
    name: 'status', type: 'list', value: 'STATUS,…', verbs: ['convert', 'info'], default: 'every status',
    help: 'Keep only these statuses, e.g. publish or publish,draft.',
  },
  {
    name: 'since', type: 'string', value: 'DATE', verbs: ['convert', 'info'], default: 'no lower bound',
    help: 'Keep items dated on or after DATE (YYYY-MM-DD or ISO 8601; undated items are dropped).',
  },
  {
    name: 'until', type: 'string', value: 'DATE', verbs: ['convert', 'info'], default: 'no upper bound',
    help: 'Keep items dated on or before DATE (a bare date includes that whole day).',
  },
  {
    name: 'comments', type: 'string', choices: COMMENT_MODES, value: 'MODE', verbs: ['convert'], default: 'nested',
    help: 'Markdown: comments as a nested thread under the body, left out, or in the front matter.',
  },
  {
    name: 'infer-replies', type: 'boolean', verbs: ['convert', 'info'], default: 'off',
    help: 'Thread flat comments by their leading @Name (reply inference): json/ndjson get threads, markdown nests them, wxr stores comment_parent.',
  },
  {
    name: 'zone', type: 'string', value: 'IANA', verbs: ['convert', 'info', 'validate'],
    default: 'Europe/Berlin for text pages; for HTML pages, from the page',
    help: 'Time zone for dates printed in text and HTML pages, e.g. Europe/Vienna.',
  },
  {
    name: 'reference', type: 'string', value: 'DATE', verbs: ['convert', 'info', 'validate'],
    default: 'for Wayback captures, the capture time; else none (relative dates stay empty)',
    help: 'HTML pages: the instant relative dates such as "vor 3 Tagen" count back from (ISO 8601), e.g. the day the page was saved.',
  },
  {
    name: 'post-author', type: 'string', value: 'NAME', verbs: ['convert', 'info', 'validate'], default: 'none',
    help: "Text pages: the blogger's name; unsigned comments that answer with @Name are theirs.",
  },
  {
    name: 'include-private', type: 'boolean', verbs: ['convert'], default: 'off',
    help: 'markdown: also write private and password-protected items (left out by default).',
  },
  {
    name: 'pretty', type: 'boolean', verbs: ['convert'], default: 'off',
    help: 'json: indent the output.',
  },
  {
    name: 'force', type: 'boolean', verbs: ['convert'], default: 'off',
    help: 'Write into a non-empty --out folder and replace existing files.',
  },
  {
    name: 'dry-run', short: 'n', type: 'boolean', verbs: ['convert'], default: 'off',
    help: 'Show what would be written, and the diagnostics, without writing anything.',
  },
  {
    name: 'json', type: 'boolean', verbs: ['info', 'validate'], default: 'off',
    help: 'Print the result as JSON for machines.',
  },
  {
    name: 'strict', type: 'boolean', verbs: ['convert', 'info', 'validate'], default: 'off',
    help: 'Treat the defects WordPress is known to write (repaired by default) as errors.',
  },
  { name: 'quiet', short: 'q', type: 'boolean', default: 'off', help: 'No progress and no summary; errors only.' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help.' },
  { name: 'version', short: 'V', type: 'boolean', help: 'Show the version of wxr-kit.' },
];

/** What each verb does, its positional arguments and examples; the help is generated from this. */
export interface VerbSpec {
  readonly summary: string;
  readonly args: string;
  readonly examples: readonly string[];
}

export const VERB_SPECS: Readonly<Record<Verb, VerbSpec>> = {
  convert: {
    summary: 'Convert exports (.xml, .xml.gz, -), text pages (.txt) or saved HTML pages to json, ndjson, markdown or wxr.',
    args: '<input|-> [more inputs…]',
    examples: [
      'wxr-kit convert export.xml --out site --preset hugo',
      'wxr-kit convert export.xml.gz --format ndjson > entries.ndjson',
      'wxr-kit convert part-001.xml part-002.xml --out blog.json --types post,page --status publish',
      'cat export.xml | wxr-kit convert - --format json --pretty',
      'wxr-kit convert saved-pages/ --format wxr --out rescued.xml --infer-replies',
      'wxr-kit convert export.xml --out site --dry-run',
    ],
  },
  info: {
    summary: 'Summarize an export: counts by type and status, dates, authors, commenters, threads, diagnostics.',
    args: '<input|-> [more inputs…]',
    examples: ['wxr-kit info export.xml', 'wxr-kit info export.xml --json | jq .items.byType'],
  },
  validate: {
    summary: 'List every diagnostic as file:line:column; exit 1 if any is an error.',
    args: '<input|-> [more inputs…]',
    examples: ['wxr-kit validate export.xml', 'wxr-kit validate export.xml --strict --json'],
  },
};

/** The flags a verb accepts (its own and the global ones), in table order. */
export function flagsFor(verb: Verb | null): FlagSpec[] {
  return FLAGS.filter((f) => f.verbs === undefined || (verb !== null && f.verbs.includes(verb)));
}

export function isVerb(s: string): s is Verb {
  return (VERBS as readonly string[]).includes(s);
}
