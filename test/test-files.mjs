// Which runner takes which test file, by name alone:
//   *.browser.test.ts   Chromium, through web-test-runner (web-test-runner.config.mjs)
//   any other *.test.ts Node's test runner (test/run-node-tests.mjs)
// Both look in src/ and test/. The browser tests come in two groups: `integration` (the kit as a
// whole: the built bundle, the framework examples, pages under a strict CSP, the demo and gallery
// pages, the server half, a day-long session) and `unit` (the rest). `wtr` runs both;
// `wtr --group unit` runs one.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const TEST_SUFFIX = '.test.ts';
export const BROWSER_TEST_SUFFIX = '.browser.test.ts';
export const TEST_ROOTS = ['src', 'test'];

/** Browser test files that run the kit as a whole, slow to start and outside any one element. */
export const INTEGRATION_TESTS = [
  'test/browser/built-bundle.browser.test.ts',
  'test/browser/declarative-server-source.browser.test.ts',
  'test/browser/declarative-sources.browser.test.ts',
  'test/browser/demo-page.browser.test.ts',
  'test/browser/frameworks.browser.test.ts',
  'test/browser/gallery.browser.test.ts',
  'test/browser/long-session.browser.test.ts',
  'test/browser/strict-csp.browser.test.ts',
];

const browserGlobs = TEST_ROOTS.map((root) => `${root}/**/*${BROWSER_TEST_SUFFIX}`);

/** web-test-runner `groups`. */
export const BROWSER_GROUPS = [
  { name: 'unit', files: [...browserGlobs, ...INTEGRATION_TESTS.map((file) => `!${file}`)] },
  { name: 'integration', files: INTEGRATION_TESTS },
];

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git']);

/** Every `*.test.ts` under `dir` (paths relative to `root`, with forward slashes), sorted. */
export function findTestFiles(root = '.', dirs = ['.']) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.name.endsWith(TEST_SUFFIX)) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files.sort();
}

/** The files Node's test runner takes. */
export function nodeTestFiles(root = '.') {
  return findTestFiles(root, TEST_ROOTS).filter((file) => !file.endsWith(BROWSER_TEST_SUFFIX));
}
