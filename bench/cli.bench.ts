/**
 * CLI start-up (issue 14 §2): the built `makesim` (dist/cli/bin.js, what users run) in fresh
 * processes, against bare `node -e 0` in the same run. Targets: at most 150 ms above bare Node
 * for --version, eval and validate, 250 ms for `run` of the webhook example. Rounds interleave
 * the commands so that a burst of load on the machine hits all of them alike; each figure is the
 * median of its rounds. On Linux the CPU time of each process (user + system, from the
 * bench's own children counters in /proc) is printed beside the wall time: on a machine shared
 * with other work, wall time grows with the load and CPU time much less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDist } from './build-dist.ts';
import { median, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const ROUNDS = 9;
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'bin.js');

interface Subject {
  label: string;
  args: string[];
  /** Overhead target above bare node, ms; none for the baseline. */
  target?: number;
}

const example = (name: string) => `blueprints/${name}`;
const subjects: Subject[] = [
  { label: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { label: 'makesim --version', args: [bin, '--version'], target: 150 },
  { label: "makesim eval '{{1+1}}'", args: [bin, 'eval', '{{1 + 1}}'], target: 150 },
  {
    label: 'makesim validate (webhook example)',
    args: [bin, 'validate', example('webhook-router.blueprint.json')],
    target: 150,
  },
  {
    label: 'makesim run (webhook example)',
    args: [
      bin,
      'run',
      example('webhook-router.blueprint.json'),
      '--input',
      example('webhook-router.input.json'),
    ],
    target: 250,
  },
];

interface Timing {
  wall: number;
  cpu: number | undefined;
}

const TICK_MS = 10; // USER_HZ: 100 on Linux

/** CPU time of this process's waited-for children (cutime + cstime), ms; undefined off Linux. */
function childrenCpu(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

function timeOnce(args: string[]): Timing {
  const cpuBefore = childrenCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const wall = performance.now() - started;
  const cpuAfter = childrenCpu();
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  }
  return { wall, cpu: cpuBefore === undefined ? undefined : cpuAfter! - cpuBefore };
}

export const cliSuite: BenchSuite = {
  name: 'cli',
  title: `CLI start-up, built package, median of ${ROUNDS} fresh processes`,
  async run() {
    buildDist();
    const times = subjects.map(() => [] as Timing[]);
    for (const subject of subjects) timeOnce(subject.args); // warm the file cache
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, subject] of subjects.entries()) times[i]!.push(timeOnce(subject.args));
    }
    const wall = times.map((t) => median(t.map((x) => x.wall)));
    const cpu = times.map((t) => (t[0]!.cpu === undefined ? undefined : median(t.map((x) => x.cpu!))));
    for (const [i, subject] of subjects.entries()) {
      const cpuText = cpu[i] === undefined ? '' : `   cpu ${cpu[i]!.toFixed(0).padStart(5)} ms`;
      console.log(`  ${subject.label.padEnd(40)} wall ${wall[i]!.toFixed(1).padStart(8)} ms${cpuText}`);
      if (subject.target === undefined) continue;
      console.log(
        verdict('  overhead above bare node (wall)', wall[i]! - wall[0]!, subject.target, 'ms', false),
      );
      if (cpu[i] !== undefined) {
        console.log(
          verdict('  overhead above bare node (cpu)', cpu[i]! - cpu[0]!, subject.target, 'ms', false),
        );
      }
    }
  },
};
