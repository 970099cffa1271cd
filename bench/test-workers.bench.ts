/**
 * `makesim test --workers` (issue 14 §4): 2,000 cases over the example blueprints (their own
 * test files' cases, repeated under new names), run in one thread and then on 2 worker threads in
 * the same run. Target: ≥ 1.6× the throughput with 2 workers on a 2-core machine. The 2-worker
 * figure includes starting the workers; records are not kept (as `makesim test` without
 * --coverage).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuite } from '../test-runner/run-suite.ts';
import { writeExampleSuite } from './example-suite.ts';
import { formatRate, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const TOTAL_CASES = 2000;

async function throughput(files: string[], cwd: string, workers: number): Promise<number> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const suite = await runSuite({ files, cwd, workers, keepRecords: false });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const failed = suite.results.filter((r) => !r.passed).length + suite.fileErrors.length;
  if (failed > 0) throw new Error(`${failed} case(s) failed: the bench measures a passing suite`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU time of all threads: on a machine busy with other work it shows whether the workers were
  // starved (CPU ≈ wall / number of workers) or the work itself grew.
  console.log(
    `  ${workers} worker(s): ${suite.results.length} cases in ${seconds.toFixed(2)} s (CPU of all threads ${cpuSeconds.toFixed(2)} s)`,
  );
  return suite.results.length / seconds;
}

export const testWorkersSuite: BenchSuite = {
  name: 'test-workers',
  title: `makesim test: ${TOTAL_CASES} cases, 1 worker vs 2 worker threads (${availableParallelism()} cores here)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-workers-'));
    try {
      const files = writeExampleSuite(dir, TOTAL_CASES);
      await runSuite({ files: files.slice(0, 1), cwd: dir, filter: '#1', keepRecords: false }); // warm-up
      const one = await throughput(files, dir, 1);
      const two = await throughput(files, dir, 2);
      console.log(`  throughput: 1 worker ${formatRate(one)} cases/s, 2 workers ${formatRate(two)} cases/s`);
      console.log(verdict('2 workers / 1 worker', two / one, 1.6, '×'));
      // Two workers can only be faster when two cores are free: say how busy the machine was.
      console.log(
        `  load average during the bench: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
