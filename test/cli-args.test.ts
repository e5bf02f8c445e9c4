import { describe, expect, it } from 'vitest';
import { inferFormat, parseCommand, parseDateFlag, type Command } from '../src/cli/args.js';
import { UsageError } from '../src/cli/errors.js';
import { FLAGS, VERBS } from '../src/cli/flags.js';
import { usage } from '../src/cli/usage.js';

const run = (argv: string[]) => {
  const c = parseCommand(argv);
  if (c.kind !== 'run') throw new Error(`expected a run, got ${c.kind}`);
  return c;
};

describe('parseCommand: what each flag resolves to', () => {
  it.each<[string[], (c: Extract<Command, { kind: 'run' }>) => unknown, unknown]>([
    [['convert', 'a.xml'], (c) => c.options.format, 'json'],
    [['-q', 'convert', 'a.xml'], (c) => c.options.quiet, true],
    [['--quiet', 'info', 'a.xml'], (c) => c.verb, 'info'],
    [['convert', '--out', '-', 'a.xml'], (c) => c.options.out, null],
    [['convert', '--out', '/dev/stdout', 'a.xml'], (c) => c.options.out, null],
    [['convert', '--out', '/dev/null', 'a.xml'], (c) => c.options.format, 'json'],
    [['convert', 'a.html', '--reference', '2016-03-30T12:00:00+02:00'], (c) => c.options.reference, '2016-03-30T12:00:00+02:00'],
    [['convert', 'a.xml', '--out', 'b.json'], (c) => c.options.format, 'json'],
    [['convert', 'a.xml', '--out', 'b.ndjson'], (c) => c.options.format, 'ndjson'],
    [['convert', 'a.xml', '-o', 'b.jsonl'], (c) => c.options.format, 'ndjson'],
    [['convert', 'a.xml', '--out', 'b.xml'], (c) => c.options.format, 'wxr'],
    [['convert', 'a.xml', '--out', 'site'], (c) => c.options.format, 'markdown'],
    [['convert', 'a.xml', '--out', 'x.json', '--format', 'ndjson'], (c) => c.options.format, 'ndjson'],
    [['convert', 'a.xml', '-f', 'wxr'], (c) => c.options.format, 'wxr'],
    [['convert', 'a.xml', '--format=ndjson'], (c) => c.options.format, 'ndjson'],
    [['convert', 'a.xml', '--out', 'site'], (c) => c.options.preset, 'plain'],
    [['convert', 'a.xml', '--out', 'site', '--preset', 'hugo'], (c) => c.options.preset, 'hugo'],
    [['convert', 'a.xml', '--out', 'site', '-p', 'jekyll'], (c) => c.options.preset, 'jekyll'],
    [['convert', 'a.xml', '--out', 'site'], (c) => c.options.comments, 'nested'],
    [['convert', 'a.xml', '--out', 'site', '--comments', 'frontmatter'], (c) => c.options.comments, 'frontmatter'],
    [['convert', 'a.xml', '--types', 'post,page'], (c) => [...(c.options.filter.types ?? [])], ['post', 'page']],
    [['convert', 'a.xml', '--types', ' post , ,page'], (c) => [...(c.options.filter.types ?? [])], ['post', 'page']],
    [['convert', 'a.xml', '--status', 'publish'], (c) => [...(c.options.filter.statuses ?? [])], ['publish']],
    [['convert', 'a.xml', '--since', '2012-05-03'], (c) => c.options.filter.since, Date.UTC(2012, 4, 3)],
    [['convert', 'a.xml', '--until', '2012-05-03'], (c) => c.options.filter.until, Date.UTC(2012, 4, 4) - 1],
    [['convert', 'a.xml', '--since', '2012-05-03T21:15:00+02:00'], (c) => c.options.filter.since, Date.UTC(2012, 4, 3, 19, 15)],
    [['convert', 'a.xml'], (c) => c.options.zone, null],
    [['convert', 'a.xml', '--zone', 'Europe/Vienna'], (c) => c.options.zone, 'Europe/Vienna'],
    [['convert', 'a.xml', '--infer-replies'], (c) => c.options.inferReplies, true],
    [['convert', 'a.xml'], (c) => c.options.inferReplies, false],
    [['convert', 'a.xml', '--force', '--dry-run', '--quiet', '--pretty'], (c) => [c.options.force, c.options.dryRun, c.options.quiet, c.options.pretty], [true, true, true, true]],
    [['convert', 'a.xml', '-n', '-q'], (c) => [c.options.dryRun, c.options.quiet], [true, true]],
    [['convert', 'a.xml', 'b.xml', '-'], (c) => c.inputs, ['a.xml', 'b.xml', '-']],
    [['info', 'a.xml', '--json'], (c) => c.options.json, true],
    [['validate', 'a.xml', '--strict'], (c) => c.options.strict, true],
    [['validate', '-'], (c) => c.inputs, ['-']],
  ])('%j', (argv, pick, expected) => {
    expect(pick(run(argv))).toEqual(expected);
  });

  it.each([
    [[], { kind: 'help', verb: null }],
    [['--help'], { kind: 'help', verb: null }],
    [['-h'], { kind: 'help', verb: null }],
    [['convert', '--help'], { kind: 'help', verb: 'convert' }],
    [['info', '-h'], { kind: 'help', verb: 'info' }],
    [['--version'], { kind: 'version' }],
    [['-V'], { kind: 'version' }],
    [['convert', '--version'], { kind: 'version' }],
  ])('%j is %j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });
});

describe('parseCommand: usage errors', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['convert'], /needs an input/],
    [['convert', 'a.xml', '--format', 'pdf'], /--format must be one of json, ndjson, markdown, wxr/],
    [['convert', 'a.xml', '--preset', 'gatsby'], /--preset must be one of/],
    [['convert', 'a.xml', '--comments', 'flat'], /--comments must be one of/],
    [['convert', 'a.xml', '--bogus'], /unknown option --bogus for convert/],
    [['info', 'a.xml', '--pretty'], /unknown option --pretty for info/],
    [['convert', 'a.xml', '--out'], /--out needs a value/],
    [['convert', 'a.xml', '--format', 'markdown'], /--out FOLDER/],
    [['convert', 'a.xml', '--since', 'yesterday'], /--since must be a date/],
    [['convert', 'a.xml', '--until', '2012-02-30'], /--until must be a date/],
    [['convert', 'a.xml', '--since', '2013-01-01', '--until', '2012-01-01'], /--since is after --until/],
    [['convert', 'a.xml', '--zone', 'Mars/Olympus'], /--zone must be an IANA time zone/],
    [['convert', '-', '-'], /only once/],
    [['convert', 'a.xml', '--out', 'post.md'], /cannot tell the format from --out 'post\.md'/],
    [['convert', 'a.html', '--reference', '2016-03-30T12:00'], /--reference must be a date like 2012-05-06 or a time with its offset/],
    [['--json'], /unknown option --json/],
  ])('%j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

describe('helpers', () => {
  it.each([
    [null, 'json'], ['a.JSON', 'json'], ['a.ndjson', 'ndjson'], ['a.jsonl', 'ndjson'], ['a.xml', 'wxr'], ['out', 'markdown'], ['out/', 'markdown'],
    ['site.v2/', 'markdown'], ['.site', 'markdown'], ['post.md', null], ['out.txt', null], ['export.xml.gz', null], ['x/out.ndjson.gz', null],
  ] as const)('inferFormat(%j) = %s', (out, format) => {
    expect(inferFormat(out)).toBe(format);
  });

  it.each([
    ['2012-05-03', false, Date.UTC(2012, 4, 3)],
    ['2012-13-01', false, null],
    ['2012-02-29', false, Date.UTC(2012, 1, 29)],
    ['2013-02-29', false, null],
    ['2012-05-03T10:00:00Z', true, Date.UTC(2012, 4, 3, 10)],
    ['03.05.2012', false, null],
    ['', false, null],
  ])('parseDateFlag(%j, %j) = %j', (s, end, t) => {
    expect(parseDateFlag(s, end)).toBe(t);
  });
});

describe('help is generated from the flag table', () => {
  it('names every flag of a verb in its help, with its choices and default', () => {
    for (const verb of VERBS) {
      const text = usage(verb);
      for (const f of FLAGS.filter((x) => x.verbs === undefined || x.verbs.includes(verb))) {
        expect(text).toContain(`--${f.name}`);
        if (f.choices) expect(text).toContain(f.choices.join('|'));
      }
      for (const f of FLAGS.filter((x) => x.verbs !== undefined && !x.verbs.includes(verb))) {
        expect(text).not.toMatch(new RegExp(`--${f.name}\\b`));
      }
      expect(text).toContain('Examples:');
    }
  });

  it('the global help lists every verb with an example', () => {
    const text = usage(null);
    for (const verb of VERBS) expect(text).toContain(`wxr-kit ${verb} `);
  });
});
