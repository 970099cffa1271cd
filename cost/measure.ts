/**
 * Measured cost: runs the scenario on each given input (or each case of a test file) with the
 * engine, and summarises operations and credits per run and per module as min / mean / max.
 * Runs are built as `makesim run` builds them (config/run-environment.ts), except that data stores
 * live in memory: estimating a cost must never change the project's stored data.
 */

import { createRunEnvironment } from '../config/run-environment.ts';
import type { ProjectConfig } from '../config/types.ts';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { SimulatedClock } from '../engine/ports/clock.ts';
import type { Mocks } from '../engine/registry/mocks.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { runScenario } from '../engine/runtime/run-scenario.ts';

export interface MeasuredRun {
  /** Input file name or test case name. */
  name: string;
  record: ExecutionRecord;
  /** The test case's `weight`: its share of real traffic. */
  weight?: number;
}

export interface Spread {
  min: number;
  mean: number;
  max: number;
}

export interface ModuleSpread {
  id: number;
  operations: Spread;
  credits: Spread;
}

export interface Measurement {
  runs: MeasuredRun[];
  operations: Spread;
  credits: Spread;
  modules: ModuleSpread[];
  /** Longest run, in ms of the run's (simulated) clock. */
  longestRunMs: number;
}

export interface InputRun {
  name: string;
  input: unknown;
}

export interface MeasureInputsOptions {
  scenario: Scenario;
  inputs: readonly InputRun[];
  mocks?: Mocks;
  config: ProjectConfig;
  /** Fixed execution time, so date formulas repeat. */
  now: Date;
}

export async function measureInputs(options: MeasureInputsOptions): Promise<MeasuredRun[]> {
  const runs: MeasuredRun[] = [];
  for (const { name, input } of options.inputs) {
    const env = createRunEnvironment(options.config, { database: ':memory:' });
    try {
      const record = await runScenario(options.scenario, {
        input,
        mocks: options.mocks,
        clock: new SimulatedClock(options.now),
        timezone: env.timezone,
        vars: env.vars,
        dataStores: env.dataStores,
        http: env.http,
        state: env.state,
        record: 'summary',
      });
      runs.push({ name, record });
    } finally {
      env.close();
    }
  }
  return runs;
}

/** Every case of a test file, run exactly as `makesim test` runs it (its own mocks, stores, clock). */
export async function measureTestFile(scenario: Scenario, testFilePath: string): Promise<MeasuredRun[]> {
  const { loadTestFile } = await import('../test-runner/load-test-file.ts');
  const { runCase } = await import('../test-runner/run-case.ts');
  const file = loadTestFile(testFilePath);
  const runs: MeasuredRun[] = [];
  for (const testCase of file.cases) {
    const { record } = await runCase({ scenario, file, testCase });
    runs.push({
      name: testCase.name,
      record,
      ...(testCase.weight === undefined ? {} : { weight: testCase.weight }),
    });
  }
  return runs;
}

/** Min / max over the runs; the mean weighted by each run's `weight` (its share of traffic). */
export function summarise(runs: readonly MeasuredRun[]): Measurement {
  const records = runs.map((r) => r.record);
  const weights = runs.map((r) => r.weight ?? 1);
  const ids = records[0]?.modules.map((m) => m.id) ?? [];
  return {
    runs: [...runs],
    operations: spread(
      records.map((r) => r.operations),
      weights,
    ),
    credits: spread(
      records.map((r) => r.centicredits / 100),
      weights,
    ),
    modules: ids.map((id) => {
      const per = records.map((r) => r.modules.find((m) => m.id === id));
      return {
        id,
        operations: spread(
          per.map((m) => m?.operations ?? 0),
          weights,
        ),
        credits: spread(
          per.map((m) => (m?.centicredits ?? 0) / 100),
          weights,
        ),
      };
    }),
    longestRunMs: Math.max(0, ...records.map((r) => r.durationMs)),
  };
}

export function spread(values: readonly number[], weights: readonly number[] = []): Spread {
  if (values.length === 0) return { min: 0, mean: 0, max: 0 };
  let total = 0;
  let weight = 0;
  for (const [i, v] of values.entries()) {
    total += v * (weights[i] ?? 1);
    weight += weights[i] ?? 1;
  }
  return { min: Math.min(...values), mean: weight > 0 ? total / weight : 0, max: Math.max(...values) };
}
