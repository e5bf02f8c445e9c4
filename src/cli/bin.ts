// The `wxr-kit` executable (tsup adds the shebang). Everything else is in main.ts.
import { main } from './main.js';

// `wxr-kit convert x.xml | head`: when the reader goes away, the pending write never drains and
// the process ends by itself once nothing else is pending; no stack trace for EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.exitCode = 1;
});

// Ctrl-C: stop between two entries, finish or remove the file being written, exit 130.
// A second Ctrl-C ends the process at once (the listener is gone).
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.stdin.destroy(); // a read waiting on a terminal or pipe ends too
});

void main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
}).then((code) => {
  process.exitCode = code;
});
