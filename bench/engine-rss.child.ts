/**
 * Peak RSS of one W2 run with the full record, in a process of its own (bench/engine.bench.ts
 * starts it): prints `{ peakRssMb, beforeRunMb, status }` as JSON on stdout.
 */
import { runScenario } from '../engine/runtime/run-scenario.ts';
import { ITEMS, RUN_LIMITS, rows, w2 } from './engine-workloads.ts';

const scenario = w2();
const input = { items: rows(ITEMS) };
const beforeRunMb = process.memoryUsage().rss / 1e6;
const record = await runScenario(scenario, { input, record: 'full', limits: RUN_LIMITS });
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// Keep the record alive up to the measurement, as a caller holding it would.
console.log(
  JSON.stringify({ peakRssMb, beforeRunMb, status: record.status, modules: record.modules.length }),
);
