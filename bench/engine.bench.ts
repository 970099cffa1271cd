/**
 * Engine throughput and memory (issue 14 §5), workloads in bench/engine-workloads.ts, N = 100,000.
 * In-process, start-up excluded (one full-size warm-up), best of 5 runs, with the FULL execution
 * record kept (the target's condition) and, for reference, the summary record. Each figure is
 * printed as absolute items/s and as a fraction of a plain-JS loop doing the same work over the
 * same items in the same process, so it survives a noisy machine. Peak RSS of a W2 run with the
 * full record is measured in a fresh process: as users run it (the engine bundled to one JS file,
 * plain `node`) — the target's measure — and as developers run it (sources under tsx).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { runScenario } from '../engine/runtime/run-scenario.ts';
import { ITEMS, plainW1, plainW2, type Row, RUN_LIMITS, rows, w1, w2 } from './engine-workloads.ts';
import { verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

/** Best of this many runs: the machine is shared, a single run measures the neighbours too. */
const RUNS = 5;
const TARGETS = { w1: 300_000, w2: 700_000, w2RssMb: 150 };
const here = path.dirname(fileURLToPath(import.meta.url));

interface Rate {
  /** Items per wall-clock second: the target's measure. */
  wall: number;
  /** Items per second of this process's CPU time: what the engine costs, whatever the neighbours do. */
  cpu: number;
}

function collect(): void {
  // The previous run's garbage is collected outside the timing (npm run bench has --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
}

async function best(work: () => unknown): Promise<Rate> {
  const rate: Rate = { wall: 0, cpu: 0 };
  for (let run = 0; run < RUNS; run++) {
    collect();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    const cpu = process.cpuUsage(cpuStart);
    rate.wall = Math.max(rate.wall, (ITEMS / (performance.now() - start)) * 1000);
    rate.cpu = Math.max(rate.cpu, (ITEMS / (cpu.user + cpu.system)) * 1e6);
  }
  return rate;
}

function engine(scenario: Scenario, input: unknown, record: 'full' | 'summary'): () => Promise<void> {
  return async () => {
    const result = await runScenario(scenario, { input, record, limits: RUN_LIMITS });
    if (result.status !== 'success') throw new Error(`bench run failed: ${JSON.stringify(result.error)}`);
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The ratio uses CPU time: of the two, it is the one the neighbours on a shared machine move least. */
function line(label: string, rate: Rate, plain: Rate): string {
  const share = rate.cpu / plain.cpu;
  return `  ${label}: ${fmt(rate.wall)} items/s (${fmt(rate.cpu)} per CPU-second) = ${(share * 100).toFixed(1)}% of the plain-JS loop per CPU-second`;
}

interface RssReport {
  peakRssMb: number;
  beforeRunMb: number;
  status: string;
}

function childRss(command: string, args: string[]): RssReport {
  const out = execFileSync(command, args, { cwd: path.join(here, '..'), encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as RssReport;
}

/** The child bundled with esbuild (tsx's compiler) into one ESM file, dependencies left external. */
async function builtChild(): Promise<string> {
  const dir = path.join(here, '..', 'node_modules', '.cache', 'makesim-bench');
  mkdirSync(dir, { recursive: true });
  // One file per bench process: node_modules is shared by every worktree of the repository, and
  // two benches running at once must not measure each other's build.
  const outfile = path.join(dir, `engine-rss-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(here, 'engine-rss.child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

function rssLine(label: string, r: RssReport): string {
  return `  ${label}: peak ${r.peakRssMb.toFixed(1)} MB (${r.beforeRunMb.toFixed(1)} MB before the run: code and input)`;
}

export const engineSuite: BenchSuite = {
  name: 'engine',
  title: 'runScenario throughput (W1 linear flow with filter, W2 iterator → aggregator) and W2 peak RSS',
  async run() {
    const data: Row[] = rows(ITEMS);
    const [s1, s2] = [w1(), w2()];
    // Warm-up at full size: JIT and heap sizing are start-up costs.
    await engine(s2, { items: data }, 'full')();
    await engine(s1, data, 'full')();
    const plain1 = await best(() => plainW1(data));
    const plain2 = await best(() => plainW2(data));
    const w1Full = await best(engine(s1, data, 'full'));
    const w2Full = await best(engine(s2, { items: data }, 'full'));
    const w1Summary = await best(engine(s1, data, 'summary'));
    const w2Summary = await best(engine(s2, { items: data }, 'summary'));
    console.log(
      `  plain-JS loops: W1 ${fmt(plain1.wall)} items/s (${fmt(plain1.cpu)} per CPU-second), W2 ${fmt(plain2.wall)} items/s (${fmt(plain2.cpu)} per CPU-second)`,
    );
    console.log(line('W1 full record', w1Full, plain1));
    console.log(line('W2 full record', w2Full, plain2));
    console.log(line('W1 summary record', w1Summary, plain1));
    console.log(line('W2 summary record', w2Summary, plain2));
    const builtFile = await builtChild();
    const built = childRss(process.execPath, ['--expose-gc', builtFile]);
    rmSync(builtFile, { force: true });
    const source = childRss(process.execPath, ['--import', 'tsx', path.join(here, 'engine-rss.child.ts')]);
    console.log(rssLine('W2 full record, fresh process, built JS', built));
    console.log(rssLine('W2 full record, fresh process, sources under tsx', source));
    console.log(verdict('W1 items/s (full record)', w1Full.wall, TARGETS.w1, '/s'));
    console.log(verdict('W2 items/s (full record)', w2Full.wall, TARGETS.w2, '/s'));
    console.log(
      verdict(
        'W2 peak RSS (full record, fresh process, built)',
        built.peakRssMb,
        TARGETS.w2RssMb,
        'MB',
        false,
      ),
    );
  },
};
