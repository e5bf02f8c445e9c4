import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CliError, InputFailure, UsageError } from '../src/cli/errors.js';
import { formatDiagnostic, describeFailure, printable } from '../src/cli/report.js';
import { Progress, stylesFor, type OutStream } from '../src/cli/term.js';
import { WxrError } from '../src/errors.js';
import { runCli, tempDir } from './cli-harness.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('main: help and version (exit 0)', () => {
  it.each([['--version'], ['-V']])('%s prints the package version', async (flag) => {
    const r = await runCli([flag]);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([[[]], [['--help']], [['-h']]])('%j prints the global help', async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wxr-kit: WordPress exports/);
    expect(r.stdout).toContain('Commands:');
    expect(r.stderr).toBe('');
  });

  it.each(['convert', 'info', 'validate'])('%s --help prints that verb’s help', async (verb) => {
    const r = await runCli([verb, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: wxr-kit ${verb} `));
    expect(r.stdout).toContain('Examples:');
  });
});

describe('main: bad command lines (exit 2, one line and the usage line on stderr)', () => {
  it.each([
    [['nonsense'], "unknown command 'nonsense'"],
    [['convert'], 'convert needs an input'],
    [['convert', 'x.xml', '--format', 'pdf'], '--format must be one of'],
    [['convert', 'x.xml', '--nope'], 'unknown option --nope'],
    [['info', 'x.xml', '--zone', 'Nowhere/Never'], '--zone must be an IANA time zone'],
    [['convert', 'x.xml', '--format', 'markdown'], '--out FOLDER'],
    [['info', 'x.xml', '--since', '1.1.2012'], '--since must be a date'],
    [['validate', 'x.xml', '--since', '2012-01-01'], 'unknown option --since for validate'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first] = r.stderr.split('\n');
    expect(first).toMatch(/^wxr-kit: /);
    expect(first).toContain(message);
    expect(r.stderr).toContain('Usage: wxr-kit');
    // The error, the usage line and where the rest is: the error is not scrolled away by the whole help.
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toMatch(/Run 'wxr-kit (\w+ )?--help' for every option and examples\.\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('main: input that cannot be read (exit 1, one line)', () => {
  it('a missing file', async () => {
    const r = await runCli(['info', 'missing.xml'], { cwd: tempDir() });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'wxr-kit: missing.xml: E_IO cannot read the input: no such file or folder\n' });
  });
});

describe('report: one line per failure, never a stack trace', () => {
  const plain = stylesFor({ write: () => true, once: () => undefined }, {});
  it.each<[unknown, string, number]>([
    [new UsageError('bad flag', null), 'wxr-kit: bad flag', 2],
    [new InputFailure('a.xml', new WxrError('E_TAG_MISMATCH', 'Expected </title>, found </item>', { line: 12, column: 3 })), 'wxr-kit: a.xml:12:3: E_TAG_MISMATCH Expected </title>, found </item>', 1],
    [new InputFailure('-', new WxrError('E_NOT_WXR', 'No <rss> root')), 'wxr-kit: -: E_NOT_WXR No <rss> root', 1],
    [new CliError('E_OUTPUT_EXISTS', 'the output folder is not empty', 'out'), 'wxr-kit: out: E_OUTPUT_EXISTS the output folder is not empty', 1],
    [new TypeError('x is undefined'), 'wxr-kit: internal error: TypeError: x is undefined (please report this with the command you ran)', 1],
  ])('%s', (error, line, exit) => {
    expect(describeFailure(error, plain)).toEqual({ line, exit });
  });

  it.each([
    [{ severity: 'warning', code: 'W_AMP', message: 'bare &', line: 12, column: 3, file: 'a.xml' }, 'a.xml:12:3: warning W_AMP bare &'],
    [{ severity: 'error', code: 'E_X', message: 'broken', file: 'a.xml' }, 'a.xml: error E_X broken'],
    [{ severity: 'info', code: 'I_Y', message: 'note', itemId: 7 }, 'info I_Y note (item 7)'],
    [{ severity: 'warning', code: 'W_Z', message: 'evil \x1b[31mred\x1b[0m\nnext', line: 1 }, '1:1: warning W_Z evil \\u001b[31mred\\u001b[0m next'],
  ] as const)('formatDiagnostic %#', (d, line) => {
    expect(formatDiagnostic(d, plain)).toBe(line);
  });

  it('printable escapes terminal controls and bidi overrides', () => {
    expect(printable('a\u202Eb\x07')).toBe('a\\u202eb\\u0007');
  });
});

describe('colour and progress', () => {
  const tty = (isTTY: boolean): OutStream & { text: string } => {
    const s = { text: '', isTTY, columns: 60, write: (c: string) => ((s.text += c), true), once: () => undefined };
    return s;
  };

  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
  ])('tty=%s env=%j colour=%s', (isTTY, env, coloured) => {
    expect(stylesFor(tty(isTTY), env).red('x') !== 'x').toBe(coloured);
  });

  it('redraws at most once per interval, shows items, MB, percent and rate, and clears at the end', () => {
    let now = 0;
    const err = tty(true);
    const p = new Progress(err, true, 10 * 1_000_000, () => now, 200);
    now = 1000;
    p.addBytes(1_000_000);
    p.addItem();
    p.addItem();
    expect(err.text.split('\r\x1b[K').filter(Boolean)).toEqual(['0 items · 1.0 MB of 10.0 MB (10%) · 1.0 MB/s']);
    now = 1300;
    p.addItem();
    expect(err.text).toContain('3 items · 1.0 MB of 10.0 MB (10%)');
    p.done();
    expect(err.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('prints nothing when disabled (not a terminal, or --quiet)', () => {
    const err = tty(false);
    const p = new Progress(err, false, null, () => 5000);
    p.addBytes(100);
    p.addItem();
    p.done();
    expect(err.text).toBe('');
  });
});
