/**
 * Runs a scenario the way a test case describes it — trigger input or webhook requests, mocks,
 * data store seeds, HTTP mocks, settings — and hands back the record plus what the checks need.
 * Shared by `makesim test` (run-case.ts) and the library's `runScenario` (library.ts).
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { SimulatedClock } from '../engine/ports/clock.ts';
import type { Mocks } from '../engine/registry/mocks.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { runScenario } from '../engine/runtime/run-scenario.ts';
import { type CaseFakes, createFakes } from '../fakes/index.ts';
import { createCaseEnvironment } from './environment.ts';
import type { SentRequest } from './expectations/check-context.ts';
import { createHttpMocks } from './http-mocks.ts';
import { unknownMockKeys } from './mock-keys.ts';
import type { ProjectConfigs } from './project-configs.ts';
import { seededRandom } from './seeded-random.ts';
import type { CaseSettings, TestCase } from './types.ts';

/** `now` when a test names none: fixed, so runs repeat. */
export const DEFAULT_TEST_NOW = '2025-01-01T00:00:00.000Z';

/** What a case gives to a run (everything of TestCase but its name and expectations). */
export type CaseInput = Omit<TestCase, 'name' | 'expect'>;

/** A finished run, inspected before its in-memory database is closed. */
export interface CaseExecution {
  record: ExecutionRecord;
  httpRequests: SentRequest[];
  storeContents(store: string): Record<string, Record<string, unknown>> | undefined;
  /**
   * The state of the case's fakes after the run, by fake name (`expect.fakes`); unlike the data
   * stores, still readable once the case is over (the fakes' state is in memory).
   */
  fakeContents(): Record<string, Record<string, unknown>>;
}

export interface ExecuteOptions {
  /** Where the blueprint lives: the project config is looked up from there. */
  blueprintPath: string;
  /** Seeds `random`/`uuid` and names the execution, so a case repeats. */
  identity: string;
  /** Shared settings and mocks (a test file's), under the case's own. */
  settings?: CaseSettings;
  mocks?: Mocks;
  /** Hosts real requests may reach (`--allow-net=HOST`); every other request needs an `http` entry. */
  allowNet?: true | readonly string[];
  /** Keep the path trace in `record.trace` (the test runner does, to explain failures). */
  trace?: boolean;
  /** The suite's project configs, read once per blueprint directory (project-configs.ts). */
  configs?: ProjectConfigs;
}

/** The case cannot run as written (a mock for a module that does not exist): nothing ran. */
export class CaseSetupError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CaseSetupError';
    this.problems = problems;
  }
}

export async function executeCase<T>(
  scenario: Scenario,
  input: CaseInput,
  options: ExecuteOptions,
  inspect: (execution: CaseExecution) => T | Promise<T>,
): Promise<T> {
  const settings: CaseSettings = { ...options.settings, ...input.settings };
  const mocks = { ...options.mocks, ...input.mocks };
  const problems = unknownMockKeys(scenario, mocks);
  if (problems.length > 0) throw new CaseSetupError(problems);
  const http = createHttpMocks(input.http ?? [], options.allowNet);
  const env = createCaseEnvironment({
    blueprintPath: options.blueprintPath,
    settings,
    ...(options.configs ? { configs: options.configs } : {}),
  });
  const now = settings.now ?? DEFAULT_TEST_NOW;
  // Made inside the try: a seed the fakes refuse must still close the environment and the mocks.
  let fakes: CaseFakes | undefined;
  try {
    fakes = createFakes({
      seeds: input.fakes ?? {},
      scenario,
      now: new Date(now),
      mocks,
      triggerFromInput: input.input !== undefined || input.request !== undefined,
    });
    const caseFakes = fakes;
    for (const [store, records] of Object.entries(input.dataStores ?? {})) env.seed(store, records);
    const record = await runScenario(scenario, {
      input: input.request ?? input.input,
      // The case's own mocks win over its fakes, by id or by key (fakes/index.ts).
      mocks: { ...caseFakes.mocks, ...mocks },
      clock: new SimulatedClock(now),
      timezone: env.timezone,
      vars: { ...env.vars, ...settings.vars },
      executionId: `test-${stableId(options.identity)}`,
      random: seededRandom(options.identity),
      maxCycles: settings.maxCycles ?? 1,
      dataStores: env.dataStores,
      // Nothing leaves the machine: the MockAgent answers the case's stubs, lets loopback and
      // --allow-net hosts through, and turns every other request into a setup error. Built
      // whole, not spread from env.http and then overwritten: rewriting the copied allowNet made
      // V8 generalise that field's map on every case and throw away code that relied on it
      // (--trace-generalization on bench/test-workers.child.mjs).
      http: { allowNet: true, connections: env.http.connections, dispatcher: http.dispatcher },
      state: env.state,
      trace: options.trace ?? false,
    });
    return await inspect({
      record,
      httpRequests: http.sent,
      storeContents: (store) => env.storeContents(store),
      fakeContents: () => caseFakes.snapshot(),
    });
  } finally {
    fakes?.close();
    env.close();
    await http.close();
  }
}

function stableId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = Math.imul(h, 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(16).padStart(8, '0');
}
