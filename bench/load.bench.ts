/**
 * Loading large blueprints (issue 12 §5, "Loading is linear"): generated blueprints of 2,000,
 * 8,000 and 32,000 modules — a long linear flow with filters, error routes, iterator →
 * aggregator stretches and routers whose routes hold their own chains and a nested router —
 * loaded with loadScenario (validate, build, compile every formula, check every reference).
 * Target: the per-module cost at 32k within 2× of the per-module cost at 2k. Best of several
 * runs, CPU time of this process (the machine is shared; wall time measures the neighbours too).
 */
import { loadScenario } from '../engine/blueprint/load.ts';
import { defaultRegistry } from '../modules/index.ts';
import type { BenchSuite } from './suites.ts';

const SIZES = [2_000, 8_000, 32_000] as const;
const RUNS: Record<number, number> = { 2000: 7, 8000: 4, 32000: 2 };
const TARGET_RATIO = 2;

type Raw = Record<string, unknown>;

/** Builds modules with ids counting up from 2; `previous` is the id mapped by the next one. */
class Generator {
  next = 2;
  readonly total: number;
  constructor(total: number) {
    this.total = total;
  }

  get left(): number {
    return this.total - this.next + 1;
  }

  setVariable(previous: number, withFilter: boolean): Raw {
    const id = this.next++;
    const module: Raw = {
      id,
      module: 'util:SetVariable2',
      version: 1,
      parameters: {},
      mapper: {
        name: `v${id}`,
        scope: 'roundtrip',
        value: `{{${previous}.v${previous}}} {{upper(1.name)}}-${id}`,
      },
    };
    if (withFilter)
      module.filter = { name: 'f', conditions: [[{ a: `{{1.amount}}`, o: 'number:greater', b: '5' }]] };
    if (id % 7 === 0) module.onerror = [{ id: this.next++, module: 'builtin:Ignore', version: 1 }];
    return module;
  }

  /** `count` modules in a chain after `from`; returns them and the last id. */
  chain(from: number, count: number): { flow: Raw[]; last: number } {
    const flow: Raw[] = [];
    let previous = from;
    for (let i = 0; i < count && this.left > 1; i++) {
      const module = this.setVariable(previous, i % 5 === 0);
      flow.push(module);
      previous = module.id as number;
    }
    return { flow, last: previous };
  }

  iteratorStretch(previous: number): Raw[] {
    const feeder = this.next++;
    const inner = this.chain(feeder, 3);
    const aggregator = {
      id: this.next++,
      module: 'util:TextAggregator',
      version: 1,
      parameters: { feeder, rowSeparator: '' },
      mapper: { value: `{{${inner.last}.v${inner.last}}}` },
    };
    const iterator = {
      id: feeder,
      module: 'builtin:BasicFeeder',
      version: 1,
      mapper: { array: `{{1.items}}` },
    };
    return [iterator, ...inner.flow, aggregator, this.setVariable(previous, false)];
  }

  router(previous: number, nested: boolean): Raw {
    const id = this.next++;
    const routes = [0, 1, 2].map((r) => {
      const { flow, last } = this.chain(id, 6);
      if (nested && r === 0 && this.left > 10) flow.push(this.router(last, false));
      return { flow };
    });
    return { id, module: 'builtin:BasicRouter', version: 1, mapper: null, routes, parameters: { previous } };
  }
}

export function generatedBlueprint(total: number): Raw {
  const gen = new Generator(total);
  const flow: Raw[] = [
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1 }, mapper: {} },
  ];
  let previous = 1;
  for (let segment = 0; gen.left > 1; segment++) {
    const { flow: chain, last } = gen.chain(previous, 20);
    flow.push(...chain);
    previous = last;
    if (gen.left > 10) flow.push(...gen.iteratorStretch(previous));
    if (gen.left > 60) flow.push(gen.router(previous, segment % 2 === 0));
  }
  return { name: `load ${total}`, flow, metadata: { instant: true, scenario: {} } };
}

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
