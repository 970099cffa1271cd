/**
 * Loading large blueprints (issue 12 §5, "Loading is linear"): generated blueprints of 2,000,
 * 8,000 and 32,000 modules (generated-blueprint.ts) loaded with loadScenario (validate, build,
 * compile every formula, check every reference).
 * Target: the per-module cost at 32k within 2× of the per-module cost at 2k. Best of several
 * runs, CPU time of this process (the machine is shared; wall time measures the neighbours too).
 */
import { loadScenario } from '../engine/blueprint/load.ts';
import { defaultRegistry } from '../modules/index.ts';
import { generatedBlueprint } from './generated-blueprint.ts';
import type { BenchSuite } from './suites.ts';

const SIZES = [2_000, 8_000, 32_000] as const;
const RUNS: Record<number, number> = { 2000: 7, 8000: 4, 32000: 2 };
const TARGET_RATIO = 2;

interface Cost {
  modules: number;
  /** Microseconds of CPU per module, best run. */
  perModule: number;
  ms: number;
}

function loadCost(size: number): Cost {
  const blueprint = generatedBlueprint(size);
  let best = Number.POSITIVE_INFINITY;
  let wall = 0;
  let modules = 0;
  for (let run = 0; run < (RUNS[size] ?? 2); run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const scenario = loadScenario(structuredClone(blueprint), { registry: defaultRegistry });
    const used = process.cpuUsage(cpuStart);
    modules = scenario.modules.length;
    const cpuMicros = used.user + used.system;
    if (cpuMicros < best) {
      best = cpuMicros;
      wall = performance.now() - start;
    }
  }
  return { modules, perModule: best / modules, ms: wall };
}

export const loadSuite: BenchSuite = {
  name: 'load',
  title: 'loadScenario on generated 2k / 8k / 32k-module blueprints (linear flows plus routers)',
  async run() {
    loadCost(SIZES[0]); // warm-up: JIT, not loading, is what the first run would measure
    const costs = SIZES.map(loadCost);
    for (const cost of costs) {
      const line = `  ${String(cost.modules).padStart(6)} modules: ${cost.perModule.toFixed(1).padStart(6)} µs CPU per module (${Math.round(cost.ms)} ms wall)`;
      console.log(line);
    }
    const small = costs[0] as Cost;
    const large = costs[costs.length - 1] as Cost;
    const ratio = large.perModule / small.perModule;
    const verdict = ratio <= TARGET_RATIO ? 'PASS' : 'MISS';
    console.log(
      `  per-module cost at ${large.modules} ÷ at ${small.modules}: ${ratio.toFixed(2)}×   target ≤ ${TARGET_RATIO}×   ${verdict}`,
    );
  },
};
