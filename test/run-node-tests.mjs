// Runs the DOM-free tests under Node's test runner: every `*.test.ts` under src/ and test/ that is
// not a `*.browser.test.ts` (those run in Chromium through web-test-runner).
// Node 20 has no glob support in `node --test`, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
const files = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts')) files.push(path);
  }
}
roots.forEach(walk);
files.sort();
if (files.length === 0) {
  console.error('No Node tests found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
