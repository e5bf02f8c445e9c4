/**
 * The CLI as a function: argv and streams in, exit code out. Never calls `process.exit`, never
 * prints a stack trace; `bin.ts` is the only place that touches `process`.
 */
import { parseCommand, type Command } from './args.js';
import { errStyles, newProgress, type CliIo, type RunContext } from './context.js';
import { InputFailure, Interrupted, PartialOutput, UsageError } from './errors.js';
import type { Verb } from './flags.js';
import { collectInputs } from './inputs.js';
import { describeFailure, printable } from './report.js';
import { writeOut } from './term.js';
import { usage, usageLine } from './usage.js';
import { packageVersion } from './version.js';

export type { CliIo } from './context.js';

/** The commands, loaded on demand so that `--help` and `--version` start fast. */
const COMMANDS: Readonly<Record<Verb, () => Promise<(ctx: RunContext) => Promise<number>>>> = {
  convert: async () => (await import('./commands/convert.js')).convert,
  info: async () => (await import('./commands/info.js')).info,
  validate: async () => (await import('./commands/validate.js')).validate,
};

async function run(command: Command, io: CliIo): Promise<number> {
  if (command.kind === 'version') {
    await writeOut(io.stdout, `${packageVersion()}\n`);
    return 0;
  }
  if (command.kind === 'help') {
    await writeOut(io.stdout, usage(command.verb));
    return 0;
  }
  const skipped: string[] = [];
  const inputs = await collectInputs(command.inputs, io.cwd, skipped);
  if (skipped.length > 0 && !command.options.quiet) {
    const shown = skipped.slice(0, 3).map(printable).join(', ');
    await writeOut(io.stderr, `note: ${skipped.length} files in the input folders are no export and no page (feeds, other XML, robots.txt, …), left out: ${shown}${skipped.length > 3 ? ', …' : ''}\n`);
  }
  const ctx: RunContext = {
    io,
    inputs,
    options: command.options,
    err: errStyles(io),
    progress: newProgress(io, command.options, inputs),
  };
  return (await COMMANDS[command.verb]())(ctx);
}

/**
 * Runs the wxr-kit command line and resolves to its exit code: 0 done, 1 bad input (or output
 * refused), 2 bad command line (usage printed).
 *
 * @example
 * import { main } from './cli/main.js';
 * process.exitCode = await main({ argv: process.argv.slice(2), stdin: process.stdin,
 *   stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 */
export async function main(io: CliIo): Promise<number> {
  const s = errStyles(io);
  try {
    return await run(parseCommand(io.argv), io);
  } catch (e) {
    // Whatever broke after Ctrl-C (a cut stdin reads as a truncated export) is the interruption.
    const failure = e instanceof PartialOutput ? e.failure : e;
    const { line, exit } = describeFailure(io.signal?.aborted === true ? new Interrupted() : failure, s);
    try {
      await writeOut(io.stderr, `${line}\n`);
      if (e instanceof PartialOutput && exit !== 130) {
        const then = e.failure instanceof InputFailure ? 'fix the input, then run again with --force' : 'run again with --force once this is fixed';
        await writeOut(io.stderr, `wxr-kit: ${e.files} files were written to ${printable(e.out)}/ before this; the site is incomplete (${then})\n`);
      }
      // The short form: the error stays on screen; --help has the rest.
      if (e instanceof UsageError) await writeOut(io.stderr, `${usageLine(e.verb)}\nRun 'wxr-kit ${e.verb ?? ''}${e.verb === null ? '' : ' '}--help' for every option and examples.\n`);
    } catch {
      // stderr itself is gone (closed pipe): the exit code still tells.
    }
    return exit;
  }
}
