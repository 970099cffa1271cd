// One measurement of bench/test-workers.bench.ts, in a fresh plain-Node process running the built
// package, as `makesim test` runs for a user: `node test-workers.child.mjs <workers> <cwd> <files…>`.
// Prints one line of JSON: cases, wall seconds, CPU seconds of all threads, failed cases.
import { runSuite } from '../dist/test-runner/run-suite.js';

const [workers, cwd, ...files] = process.argv.slice(2);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const suite = await runSuite({ files, cwd, workers: Number(workers), keepRecords: false });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const failed = suite.results.filter((r) => !r.passed).length + suite.fileErrors.length;
console.log(
  JSON.stringify({ cases: suite.results.length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, failed }),
);
