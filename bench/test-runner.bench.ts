/**
 * Issue target: a suite of 200 cases over the example blueprints runs in under 5 s wall time.
 * The cases are the example test files' own cases, repeated under new names in a temp dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuite } from '../test-runner/run-suite.ts';
import { writeExampleSuite } from './example-suite.ts';
import { verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const TOTAL_CASES = 200;

export const testRunnerSuite: BenchSuite = {
  name: 'test-runner',
  title: `makesim test: ${TOTAL_CASES} cases over the example blueprints`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-'));
    try {
      const files = writeExampleSuite(dir, TOTAL_CASES);
      await runSuite({ files: files.slice(0, 1), cwd: dir }); // warm-up: module loading and JIT
      const started = performance.now();
      const suite = await runSuite({ files, cwd: dir });
      const ms = performance.now() - started;
      const failed = suite.results.filter((r) => !r.passed).length;
      console.log(`  ${suite.results.length} cases (${failed} failed) in ${ms.toFixed(0)} ms`);
      console.log(verdict('wall time for the whole suite', ms, 5000, 'ms', false));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
