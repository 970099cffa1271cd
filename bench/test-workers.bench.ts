/**
 * `makesim test --workers` (issue 14 §4): 2,000 cases over the example blueprints (their own
 * test files' cases, repeated under new names), run with 1 worker (this thread only) and with 2
 * (this thread and a worker thread). Target: ≥ 1.6× the throughput with 2 workers on a 2-core
 * machine.
 *
 * Measured as users run it: the built package (dist/, built first) in a fresh plain-Node process
 * per run (test-workers.child.mjs), so both modes start cold and a worker thread loads compiled
 * JavaScript, not TypeScript through tsx. The time is that of the suite's run, including starting
 * the worker thread, without records (as `makesim test` without --coverage). Runs alternate
 * between the modes, ROUNDS of each, so a burst of load on the machine hits both alike; each
 * figure is the median of its runs. CPU time (all threads of the process) per case shows whether
 * the second thread added work or only spread it. On a machine busy with other work the wall
 * times say little, so the CPU time of each mode's busiest thread is printed too (Linux): on free
 * cores a run lasts about as long as its busiest thread works, and the ratio of those figures is
 * what 2 workers would gain there — an estimate beside the measured ratio, not the target.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from './build-dist.ts';
import { writeExampleSuite } from './example-suite.ts';
import { formatRate, median, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const TOTAL_CASES = 2000;
const ROUNDS = 3;
const CHILD = join(import.meta.dirname, 'test-workers.child.mjs');

interface Run {
  cases: number;
  seconds: number;
  cpuSeconds: number;
  /** CPU seconds of the process's busiest thread; null off Linux. */
  busiestThreadSeconds: number | null;
  failed: number;
}

function runOnce(files: string[], cwd: string, workers: number): Run {
  // Plain node: neither tsx nor this process's flags (which a worker thread would inherit).
  const out = execFileSync(process.execPath, [CHILD, String(workers), cwd, ...files], { encoding: 'utf8' });
  const run = JSON.parse(out.trim().split('\n').at(-1)!) as Run;
  if (run.failed > 0) throw new Error(`${run.failed} case(s) failed: the bench measures a passing suite`);
  return run;
}

interface Summary {
  rate: number;
  /** Median CPU seconds of the busiest thread, or undefined off Linux. */
  busiest: number | undefined;
}

function summary(workers: number, runs: Run[]): Summary {
  const rate = median(runs.map((r) => r.cases / r.seconds));
  const cpuPerCase = median(runs.map((r) => (r.cpuSeconds / r.cases) * 1000));
  const threads = runs.flatMap((r) => (r.busiestThreadSeconds === null ? [] : [r.busiestThreadSeconds]));
  const busiest = threads.length === runs.length ? median(threads) : undefined;
  const each = runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ');
  console.log(
    `  ${workers} worker(s): ${formatRate(rate)} cases/s (runs: ${each}), CPU of all threads ${cpuPerCase.toFixed(2)} ms/case` +
      (busiest === undefined ? '' : `, busiest thread ${busiest.toFixed(2)} s`),
  );
  return { rate, busiest };
}

export const testWorkersSuite: BenchSuite = {
  name: 'test-workers',
  title: `makesim test: ${TOTAL_CASES} cases, 1 worker vs 2 (${availableParallelism()} cores here), built package, median of ${ROUNDS}`,
  async run() {
    buildDist();
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-workers-'));
    try {
      const files = writeExampleSuite(dir, TOTAL_CASES);
      const one: Run[] = [];
      const two: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        one.push(runOnce(files, dir, 1));
        two.push(runOnce(files, dir, 2));
      }
      const single = summary(1, one);
      const double = summary(2, two);
      console.log(verdict('2 workers / 1 worker', double.rate / single.rate, 1.6, '×'));
      if (single.busiest !== undefined && double.busiest !== undefined) {
        const estimate = (single.busiest / double.busiest).toFixed(2);
        console.log(`  on free cores (busiest thread's CPU, 1 worker / 2 workers): about ${estimate}×`);
      }
      // Two workers can only be faster when two cores are free: say how busy the machine was.
      console.log(
        `  load average during the bench: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
