/**
 * What measured runs tell the model: per module, how many bundles came in and went out, how its
 * filter went, how often it failed; per route/branch, how often it ran. Sums over every measured
 * run, so the rates the model derives from them reproduce the measured totals exactly.
 */
import type { ExecutionRecord } from '../engine/runtime/record.ts';

export interface ModuleCounts {
  bundlesIn: number;
  bundlesOut: number;
  operations: number;
  passed: number;
  failed: number;
  errors: number;
}

export interface Calibration {
  runs: number;
  cycles: number;
  modules: ReadonlyMap<number, ModuleCounts>;
  /** Route / branch pointer → times entered. */
  paths: Readonly<Record<string, number>>;
}

/**
 * `weights[i]` is run i's share of real traffic (test case `weight`); every count of the run is
 * multiplied by it, so the rates reproduce the weighted totals. Default: 1 each.
 */
export function calibrate(
  records: readonly ExecutionRecord[],
  weights: readonly number[] = [],
): Calibration | undefined {
  if (records.length === 0) return undefined;
  const modules = new Map<number, ModuleCounts>();
  const paths: Record<string, number> = {};
  let cycles = 0;
  let runs = 0;
  for (const [i, record] of records.entries()) {
    const w = weights[i] ?? 1;
    runs += w;
    cycles += w * record.cycles;
    for (const m of record.modules) {
      const sum = modules.get(m.id) ?? {
        bundlesIn: 0,
        bundlesOut: 0,
        operations: 0,
        passed: 0,
        failed: 0,
        errors: 0,
      };
      sum.bundlesIn += w * m.bundlesIn;
      sum.bundlesOut += w * m.bundlesOut;
      sum.operations += w * m.operations;
      sum.passed += w * (m.filter?.passed ?? 0);
      sum.failed += w * (m.filter?.failed ?? 0);
      sum.errors += w * m.errors.length;
      modules.set(m.id, sum);
    }
    for (const [pointer, count] of Object.entries(record.paths))
      paths[pointer] = (paths[pointer] ?? 0) + w * count;
  }
  return { runs, cycles, modules, paths };
}

/** `part / whole`, or undefined when nothing was measured. */
export function ratio(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}
