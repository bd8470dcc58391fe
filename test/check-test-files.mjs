// Fails when a `*.test.ts` anywhere in the repository would be run by no runner, or twice (by both
// runners, or by two browser groups), or sits with the wrong runner for what it imports: a browser
// test library in a Node test, a `node:` module in a browser test. Run by test/run-node-tests.mjs;
// alone: `node test/check-test-files.mjs`.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import globby from 'globby';
import { BROWSER_TEST_SUFFIX, findTestFiles, nodeTestFiles } from './test-files.mjs';

const BROWSER_ONLY = /from\s+['"](@open-wc\/testing|@web\/test-runner-commands|@web\/test-runner)['"]/;
const NODE_ONLY = /from\s+['"]node:/;

/** Problems with the test files under `root`, as sentences; none when every file has exactly one runner. */
export async function testFileProblems(root = resolve(dirname(fileURLToPath(import.meta.url)), '..')) {
  const config = (await import(pathToFileURL(resolve(root, 'web-test-runner.config.mjs')).href)).default;
  const runners = new Map(findTestFiles(root).map((file) => [file, []]));
  const take = (file, runner) => {
    if (!runners.has(file)) runners.set(file, []);
    runners.get(file).push(runner);
  };
  for (const file of nodeTestFiles(root)) take(file, 'node');
  if (config.files) for (const file of globby.sync(config.files, { cwd: root })) take(file, 'wtr (files)');
  for (const group of config.groups ?? []) for (const file of globby.sync(group.files, { cwd: root })) take(file, `wtr group ${group.name}`);

  const problems = [];
  for (const [file, taken] of runners) {
    if (taken.length === 0) problems.push(`${file}: no runner takes it (tests live under src/ or test/)`);
    if (taken.length > 1) problems.push(`${file}: run ${taken.length} times (${taken.join(', ')})`);
    const text = readFileSync(resolve(root, file), 'utf8');
    const browser = file.endsWith(BROWSER_TEST_SUFFIX);
    if (!browser && BROWSER_ONLY.test(text)) problems.push(`${file}: imports a browser test library but runs in Node; name it *${BROWSER_TEST_SUFFIX}`);
    if (browser && NODE_ONLY.test(text)) problems.push(`${file}: imports a node: module but runs in Chromium`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await testFileProblems();
  if (problems.length > 0) {
    console.error(`Test files without exactly one runner:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
}
