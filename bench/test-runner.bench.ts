/**
 * Issue target: a suite of 200 cases over the example blueprints runs in under 5 s wall time.
 * The cases are the example test files' own cases, repeated under new names in a temp dir.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSuite } from '../test-runner/run-suite.ts';
import type { TestFile } from '../test-runner/types.ts';
import { verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const EXAMPLES = ['webhook-router', 'iterator-aggregator', 'error-handling', 'data-store'];
const TOTAL_CASES = 200;

function writeSuite(dir: string): string[] {
  const root = resolve(import.meta.dirname, '..');
  const perFile = Math.ceil(TOTAL_CASES / EXAMPLES.length);
  return EXAMPLES.map((name) => {
    const source = JSON.parse(
      readFileSync(join(root, 'blueprints', `${name}.test.json`), 'utf8'),
    ) as TestFile;
    const cases = Array.from({ length: perFile }, (_, i) => {
      const base = source.cases[i % source.cases.length]!;
      return { ...base, name: `${base.name} #${i}` };
    });
    const path = join(dir, `${name}.test.json`);
    writeFileSync(
      path,
      JSON.stringify({ ...source, blueprint: join(root, 'blueprints', `${name}.blueprint.json`), cases }),
    );
    return path;
  });
}

export const testRunnerSuite: BenchSuite = {
  name: 'test-runner',
  title: `makesim test: ${TOTAL_CASES} cases over the example blueprints`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-'));
    try {
      const files = writeSuite(dir);
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
