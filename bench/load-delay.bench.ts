/**
 * A slow load must not block the server's event loop (issue 15 §2): the longest event-loop delay
 * (perf_hooks.monitorEventLoopDelay) while a generated 20,000-module blueprint loads, with
 * loadScenario (one synchronous stretch) and with loadScenarioAsync (pauses every few ms,
 * engine/blueprint/pace.ts), plus the CPU the pauses cost, and while the server creates a scenario
 * from it over the API (serve-create-delay.ts). Median of 3 runs each; the machine is shared, so
 * the delays include the neighbours' load.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadScenario, loadScenarioAsync } from '../engine/blueprint/load.ts';
import { defaultRegistry } from '../modules/index.ts';
import { generatedBlueprint } from './generated-blueprint.ts';
import { median } from './harness.ts';
import { createDelayMs } from './serve-create-delay.ts';
import type { BenchSuite } from './suites.ts';

const MODULES = 20_000;
const RUNS = 3;
/**
 * Paced loading must keep the loop's worst delay within this share of the synchronous load's (a
 * ratio measured in the same run: on a machine shared with other jobs, absolute delays include
 * the time the process waits for a CPU; what remains on an idle one is the slice, 8 ms, and GC).
 */
const TARGET_RATIO = 0.1;

interface Measured {
  /** Longest event-loop delay during the load, ms. */
  maxDelayMs: number;
  /** 99th percentile of the delays, ms. */
  p99Ms: number;
  cpuMs: number;
}

async function measure(load: (blueprint: unknown) => unknown): Promise<Measured> {
  const blueprint = structuredClone(generatedBlueprint(MODULES));
  (globalThis as { gc?: () => void }).gc?.();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // Let the monitor's timer start before the load holds the loop.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const cpu = process.cpuUsage();
  await load(blueprint);
  const used = process.cpuUsage(cpu);
  // One more turn so a delay caused by a synchronous load is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  return {
    maxDelayMs: histogram.max / 1e6,
    p99Ms: histogram.percentile(99) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
  };
}

async function medianOf(load: (blueprint: unknown) => unknown): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(load));
  return {
    maxDelayMs: median(runs.map((r) => r.maxDelayMs)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  };
}

export const loadDelaySuite: BenchSuite = {
  name: 'load-delay',
  title: `event-loop delay while a ${MODULES.toLocaleString('en')}-module blueprint loads: loadScenario vs loadScenarioAsync`,
  async run() {
    const options = { registry: defaultRegistry };
    loadScenario(generatedBlueprint(2_000), options); // warm-up: JIT
    const sync = await medianOf((blueprint) => loadScenario(blueprint, options));
    const paced = await medianOf((blueprint) => loadScenarioAsync(blueprint, options));
    for (const [name, m] of [
      ['loadScenario     ', sync],
      ['loadScenarioAsync', paced],
    ] as const) {
      console.log(
        `  ${name}: event-loop delay max ${m.maxDelayMs.toFixed(0).padStart(5)} ms, p99 ${m.p99Ms.toFixed(0).padStart(5)} ms   CPU ${m.cpuMs.toFixed(0).padStart(5)} ms`,
      );
    }
    await createDelayMs(2_000); // warm-up
    const created: number[] = [];
    for (let i = 0; i < RUNS; i++) created.push(await createDelayMs(MODULES));
    console.log(
      `  POST /api/v2/scenarios (in-memory server): event-loop delay max ${median(created).toFixed(0).padStart(5)} ms`,
    );
    const ratio = paced.maxDelayMs / sync.maxDelayMs;
    const verdict = ratio <= TARGET_RATIO ? 'PASS' : 'MISS';
    console.log(
      `  paced max delay ÷ synchronous: ${ratio.toFixed(3)}   target ≤ ${TARGET_RATIO}   ${verdict};` +
        ` CPU ${(paced.cpuMs / sync.cpuMs).toFixed(2)}× the synchronous load`,
    );
  },
};
