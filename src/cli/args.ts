/**
 * argv -> a resolved command, driven by the flag table in `flags.ts`.
 * Every default is resolved here, once; the commands never look at raw flags.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import {
  FLAGS, flagsFor, isVerb, VERBS,
  type CommentMode, type FlagSpec, type Format, type Preset, type Verb,
} from './flags.js';

/** Which items to keep (all fields optional: an absent one keeps everything). */
export interface ItemFilter {
  types?: ReadonlySet<string>;
  statuses?: ReadonlySet<string>;
  /** Epoch milliseconds, inclusive. */
  since?: number;
  /** Epoch milliseconds, inclusive. */
  until?: number;
}

/** The options of a run, every default resolved. */
export interface RunOptions {
  /** Default false. */
  quiet: boolean;
  /** null: each reader's own default (`Europe/Berlin` for text pages; from the page for HTML). */
  zone: string | null;
  /** HTML pages: the instant relative dates count back from (ISO 8601); null: the reader's own (a capture time). */
  reference: string | null;
  /** Text pages: the blogger's name; null: none. */
  postAuthor: string | null;
  /** markdown: write private and password-protected items too. Default false. */
  includePrivate: boolean;
  /** Default false. */
  strict: boolean;
  /** Default false. */
  inferReplies: boolean;
  /** Default: keep everything. */
  filter: ItemFilter;
  /** convert: see the flag table for how it is inferred from `--out`. */
  format: Format;
  /** convert: null means standard output. */
  out: string | null;
  /** Default `plain`. */
  preset: Preset;
  /** Default `nested`. */
  comments: CommentMode;
  pretty: boolean;
  force: boolean;
  dryRun: boolean;
  /** info/validate: machine output. */
  json: boolean;
}

export type Command =
  | { kind: 'help'; verb: Verb | null }
  | { kind: 'version' }
  | { kind: 'run'; verb: Verb; inputs: string[]; options: RunOptions };

type Raw = Record<string, string | boolean | undefined>;

function parseConfig(flags: readonly FlagSpec[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const f of flags) {
    options[f.name] = f.short === undefined
      ? { type: f.type === 'boolean' ? 'boolean' : 'string' }
      : { type: f.type === 'boolean' ? 'boolean' : 'string', short: f.short };
  }
  return options;
}

/** Turns Node's parseArgs errors into one readable sentence. */
function explain(e: unknown, verb: Verb | null): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return new UsageError(`unknown option ${unknown[1]}${verb ? ` for ${verb}` : ''}`, verb);
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return new UsageError(`${(missing[1] ?? '').replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`, verb);
  return new UsageError(message.split('\n')[0] ?? message, verb);
}

/** `--quiet`, `-q` and the other flags every verb takes, as they may stand before the verb. */
const GLOBAL_TOKENS: ReadonlySet<string> = new Set(
  FLAGS.filter((f) => f.verbs === undefined).flatMap((f) => [`--${f.name}`, ...(f.short === undefined ? [] : [`-${f.short}`])]),
);

/**
 * Parses the command line. Throws `UsageError` for anything wrong with it.
 *
 * @example
 * parseCommand(['convert', 'export.xml', '--out', 'site'])
 * // { kind: 'run', verb: 'convert', inputs: ['export.xml'], options: { format: 'markdown', … } }
 */
export function parseCommand(given: readonly string[]): Command {
  // Global flags may come before the verb (`wxr-kit -q convert …`).
  const at = given.findIndex((a) => isVerb(a));
  const argv = at > 0 && given.slice(0, at).every((a) => GLOBAL_TOKENS.has(a)) ? [given[at] as string, ...given.slice(0, at), ...given.slice(at + 1)] : given;
  const first = argv[0];
  const verb: Verb | null = first !== undefined && isVerb(first) ? first : null;
  if (verb === null && first !== undefined && !first.startsWith('-')) {
    throw new UsageError(`unknown command '${first}' (commands: ${VERBS.join(', ')})`, null);
  }
  const rest = verb === null ? argv : argv.slice(1);
  const flags = flagsFor(verb);
  let parsed: { values: Raw; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: parseConfig(flags), allowPositionals: true, strict: true }) as {
      values: Raw;
      positionals: string[];
    };
  } catch (e) {
    throw explain(e, verb);
  }
  const v = parsed.values;
  if (v.version === true) return { kind: 'version' };
  if (v.help === true || verb === null) {
    if (verb === null && argv.length > 0 && v.help !== true) throw new UsageError('no command given', null);
    return { kind: 'help', verb };
  }
  for (const f of flags) checkChoice(f, v[f.name], verb);
  if (parsed.positionals.length === 0) throw new UsageError(`${verb} needs an input file, folder or - (standard input)`, verb);
  if (parsed.positionals.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once', verb);
  return { kind: 'run', verb, inputs: parsed.positionals, options: resolve(v, verb) };
}

function checkChoice(f: FlagSpec, value: string | boolean | undefined, verb: Verb): void {
  if (typeof value !== 'string') return;
  if (value === '' && f.type !== 'boolean') throw new UsageError(`--${f.name} needs a value`, verb);
  if (f.choices && !f.choices.includes(value)) {
    throw new UsageError(`--${f.name} must be one of ${f.choices.join(', ')} (got '${value}')`, verb);
  }
}

const str = (v: Raw, k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);
const bool = (v: Raw, k: string): boolean => v[k] === true;

function list(v: Raw, k: string): ReadonlySet<string> | undefined {
  const s = str(v, k);
  if (s === undefined) return undefined;
  return new Set(s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
}

/** Names of standard output that `--out` takes as `-`. */
const STDOUT_NAMES: ReadonlySet<string> = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** The format implied by the `--out` name when `--format` is absent (null: the name does not tell). */
export function inferFormat(out: string | null): Format | null {
  if (out === null || out.startsWith('/dev/')) return 'json';
  const lower = out.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.xml')) return 'wxr';
  // A file-like name (`post.md`, `out.txt`, `blog.json.gz`) is not taken for a Markdown folder: ask.
  const last = lower.replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? '';
  if (/^[^.].*\.[a-z0-9]{1,5}$/.test(last) && !lower.endsWith('/')) return null;
  return 'markdown';
}

/**
 * A `--since`/`--until` value as epoch milliseconds: a bare date means the start
 * (or, for `until`, the end) of that day in UTC; anything else must be ISO 8601.
 */
export function parseDateFlag(s: string, end: boolean): number | null {
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (bare) {
    const t = Date.UTC(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3]));
    const d = new Date(t);
    if (d.getUTCDate() !== Number(bare[3]) || d.getUTCMonth() !== Number(bare[2]) - 1) return null;
    return end ? t + 86_399_999 : t;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function resolve(v: Raw, verb: Verb): RunOptions {
  const filter: ItemFilter = {};
  const types = list(v, 'types');
  const statuses = list(v, 'status');
  if (types) filter.types = types;
  if (statuses) filter.statuses = statuses;
  for (const key of ['since', 'until'] as const) {
    const s = str(v, key);
    if (s === undefined) continue;
    const t = parseDateFlag(s, key === 'until');
    if (t === null) throw new UsageError(`--${key} must be a date like 2012-05-03 or 2012-05-03T21:15:00+02:00 (got '${s}')`, verb);
    filter[key] = t;
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
    throw new UsageError('--since is after --until', verb);
  }
  const zone = str(v, 'zone') ?? null;
  if (zone !== null && !isValidZone(zone)) throw new UsageError(`--zone must be an IANA time zone such as Europe/Berlin (got '${zone}')`, verb);
  const reference = str(v, 'reference') ?? null;
  // A time needs its offset: the page readers take only an instant (a bare time would be dropped).
  if (reference !== null && (parseDateFlag(reference, false) === null || !/^\d{4}-\d{2}-\d{2}(?:T.*(?:Z|[+-]\d{2}:?\d{2}))?$/.test(reference))) {
    throw new UsageError(`--reference must be a date like 2012-05-06 or a time with its offset like 2012-05-06T12:00:00+02:00 (got '${reference}')`, verb);
  }
  const postAuthor = str(v, 'post-author')?.trim() || null;
  const rawOut = str(v, 'out') ?? null;
  // `-` and the names of standard output are standard output (writing through /dev/stdout's link
  // would open whatever it points to, and --force must never replace the link).
  const out = rawOut !== null && STDOUT_NAMES.has(rawOut) ? null : rawOut;
  const format = (str(v, 'format') as Format | undefined) ?? inferFormat(out);
  if (format === null) {
    throw new UsageError(`cannot tell the format from --out '${out}': give --format json|ndjson|wxr, or --format markdown for a folder of that name`, verb);
  }
  if (verb === 'convert' && format === 'markdown' && out === null) {
    throw new UsageError('--format markdown writes a folder: give it with --out FOLDER', verb);
  }
  return {
    quiet: bool(v, 'quiet'),
    zone,
    reference: reference !== null && /^\d{4}-\d{2}-\d{2}$/.test(reference) ? `${reference}T00:00:00Z` : reference,
    postAuthor,
    includePrivate: bool(v, 'include-private'),
    strict: bool(v, 'strict'),
    inferReplies: bool(v, 'infer-replies'),
    filter,
    format,
    out,
    preset: (str(v, 'preset') as Preset | undefined) ?? 'plain',
    comments: (str(v, 'comments') as CommentMode | undefined) ?? 'nested',
    pretty: bool(v, 'pretty'),
    force: bool(v, 'force'),
    dryRun: bool(v, 'dry-run'),
    json: bool(v, 'json'),
  };
}
