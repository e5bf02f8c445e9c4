// The `wxr-kit` executable (tsup adds the shebang). Everything else is in main.ts.
import { main } from './main.js';

// `wxr-kit convert x.xml | head`: when the reader goes away, the pending write never drains and
// the process ends by itself once nothing else is pending; no stack trace for EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.exitCode = 1;
});

void main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
