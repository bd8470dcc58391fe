// A web-test-runner reporter that writes, per test file, its group, wall time (from the browser
// page being set up to the file finishing), test counts and its slowest tests, as JSON. Turned on by
// CR_TEST_DURATIONS=<file.json> (see web-test-runner.config.mjs); used to find slow files and to
// compare test counts before and after a change to the suite.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function countTests(suite, into, prefix = '') {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) into.skipped++;
    else if (test.passed) into.passed++;
    else into.failed++;
    into.tests.push({ name: `${prefix}${test.name}`, ms: test.duration ?? 0 });
  }
  for (const child of suite.suites) countTests(child, into, `${prefix}${child.name} › `);
}

export function durationsReporter(outputPath) {
  const startedAt = new Map();
  const finishedAt = new Map();
  let runStart = 0;
  return {
    start({ sessions, startTime }) {
      runStart = startTime;
      sessions.on('session-status-updated', (session) => {
        if (session.status === 'INITIALIZING' && !startedAt.has(session.id)) startedAt.set(session.id, Date.now());
        if (session.status === 'FINISHED') finishedAt.set(session.id, Date.now());
      });
    },
    stop({ sessions }) {
      const files = sessions.map((session) => {
        const counts = { passed: 0, failed: 0, skipped: 0, tests: [] };
        countTests(session.testResults, counts);
        counts.tests.sort((a, b) => b.ms - a.ms);
        return {
          file: relative(process.cwd(), session.testFile),
          group: session.group.name,
          ms: (finishedAt.get(session.id) ?? Date.now()) - (startedAt.get(session.id) ?? runStart),
          passed: counts.passed,
          failed: counts.failed,
          skipped: counts.skipped,
          errors: session.errors.length,
          slowest: counts.tests.slice(0, 5),
        };
      });
      files.sort((a, b) => b.ms - a.ms);
      const total = { files: files.length, passed: 0, failed: 0, skipped: 0, wallMs: Date.now() - runStart };
      for (const file of files) {
        total.passed += file.passed;
        total.failed += file.failed;
        total.skipped += file.skipped;
      }
      writeFileSync(outputPath, `${JSON.stringify({ total, files }, null, 2)}\n`);
    },
  };
}
