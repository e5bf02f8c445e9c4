import { readFileSync } from 'node:fs';

/**
 * The version from our own package.json, read at run time. Both `src/cli/version.ts`
 * (tests) and the bundled `dist/cli/bin.js` sit two folders below the package root,
 * so the same relative URL finds it in both.
 *
 * @example
 * packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'wxr-kit' && 'version' in pkg) {
      return String(pkg.version);
    }
  } catch {
    // fall through: a broken install should still answer --version
  }
  return 'unknown';
}
