// Runs the DOM-free tests under Node's test runner: every `*.test.ts` under src/ and test/ that is
// not a `*.browser.test.ts` (test/test-files.mjs). First checks that every test file has exactly
// one runner. Node 20 has no glob support in `node --test`, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { testFileProblems } from './check-test-files.mjs';
import { nodeTestFiles } from './test-files.mjs';

const problems = await testFileProblems();
if (problems.length > 0) {
  console.error(`Test files without exactly one runner:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
const files = nodeTestFiles();
if (files.length === 0) {
  console.error('No Node tests found.');
  process.exit(1);
}
// Two files at a time on two cores (Node's default is one fewer than the cores, so one here): the
// slowest files wait on PostgreSQL, MariaDB and Chromium processes more than they compute, and
// every file starts its own servers on free ports.
const concurrency = Math.max(2, availableParallelism());
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
