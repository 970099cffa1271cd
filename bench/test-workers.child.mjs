// One measurement of bench/test-workers.bench.ts, in a fresh plain-Node process running the built
// package, as `makesim test` runs for a user: `node test-workers.child.mjs <workers> <cwd> <files…>`.
// Prints one line of JSON: cases, wall seconds, CPU seconds of all threads, CPU seconds of the
// busiest thread (Linux only), failed cases.
import { readdirSync, readFileSync } from 'node:fs';
import { runSuite } from '../dist/test-runner/run-suite.js';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds of each thread of this process so far (/proc/self/task), empty off Linux. */
function threadCpu() {
  const seconds = new Map();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    }
  } catch {
    // Off Linux, or a thread that ended between the listing and the read.
  }
  return seconds;
}

const [workers, cwd, ...files] = process.argv.slice(2);
const before = threadCpu();
const latest = new Map(before);
// A worker thread ends with the suite: its last figure is the last sample before that.
const sampler = setInterval(() => {
  for (const [tid, seconds] of threadCpu()) latest.set(tid, seconds);
}, 50);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const suite = await runSuite({ files, cwd, workers: Number(workers), keepRecords: false });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
for (const [tid, threadSeconds] of threadCpu()) latest.set(tid, threadSeconds);
const perThread = [...latest].map(([tid, s]) => s - (before.get(tid) ?? 0));
const failed = suite.results.filter((r) => !r.passed).length + suite.fileErrors.length;
console.log(
  JSON.stringify({
    cases: suite.results.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    busiestThreadSeconds: perThread.length > 0 ? Math.max(...perThread) : null,
    failed,
  }),
);
