/**
 * The shared corpus (`../shared/corpus`, `../shared/corpus-html`) is there in CI and on
 * the team's machines, not in a clone elsewhere. Tests that read it use these helpers,
 * which skip with a clear message when it is absent.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');
export const CORPUS_HTML = join(SHARED, 'corpus-html');
export const FIXTURES = join(REPO_ROOT, 'fixtures');

export const hasCorpus = existsSync(join(CORPUS, 'SOURCES.md'));
export const hasHtmlCorpus = existsSync(join(CORPUS_HTML, 'SOURCES.md'));

const SKIP_NOTE = `skipped: ../shared/corpus is not beside this checkout (${SHARED}); CI and the team's machines have it`;

/**
 * A skipped block that shows why. The body is never called: vitest runs a skipped describe's body to
 * collect its tests, and a body that reads the corpus would fail the whole file.
 */
const skipped = (name: string, note: string): void => {
  describe.skip(name, () => it.skip(note, () => undefined));
};

/** `describe` that runs when the shared WXR corpus is present and otherwise skips with a message. */
export const describeCorpus = (name: string, fn: () => void): void => {
  if (hasCorpus) describe(name, fn);
  else skipped(name, SKIP_NOTE);
};

/** `describe` for the HTML page corpus. */
export const describeHtmlCorpus = (name: string, fn: () => void): void => {
  if (hasHtmlCorpus) describe(name, fn);
  else skipped(name, SKIP_NOTE.replace('corpus', 'corpus-html'));
};

/** Every file below `dir` whose name ends with `ext`, as paths relative to `dir`, sorted. */
export function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext)) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
