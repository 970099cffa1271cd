#!/usr/bin/env node
// Runs vitest, then prints one plain closing line `vitest: N passed, N failed` (CI reads it), and
// exits with vitest's exit code. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const report = 'test-artifacts/vitest.json';
mkdirSync('test-artifacts', { recursive: true });
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  // A file whose setup throws (beforeAll) fails no test of its own: say so, or the line reads green.
  const brokenFiles = summary.testResults.filter((file) => file.status === 'failed').length;
  console.log(
    `\nvitest: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}${brokenFiles ? `, ${brokenFiles} test file(s) failed` : ''}`,
  );
} catch {
  console.log('\nvitest: no report was written (vitest did not finish)');
}
process.exit(result.status ?? 1);
