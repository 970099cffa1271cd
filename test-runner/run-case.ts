/**
 * Runs one test case: builds the run exactly as `makesim run` would (same environment factory),
 * with the case's mocks, seeds and simulated clock, then checks every expectation.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { SimulatedClock } from '../engine/ports/clock.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { runScenario } from '../engine/runtime/run-scenario.ts';
import { type CaseEnvironment, createCaseEnvironment } from './environment.ts';
import { checkAll } from './expectations/index.ts';
import { createHttpMocks } from './http-mocks.ts';
import { seededRandom } from './seeded-random.ts';
import type { SnapshotFile } from './snapshot.ts';
import type { CaseSettings, Failure, LoadedTestFile, TestCase } from './types.ts';

/** `now` when a test names none: fixed, so runs repeat. */
export const DEFAULT_TEST_NOW = '2025-01-01T00:00:00.000Z';

export interface CaseRun {
  record: ExecutionRecord;
  failures: Failure[];
}

export interface RunCaseOptions {
  scenario: Scenario;
  file: Pick<LoadedTestFile, 'path' | 'settings' | 'mocks' | 'blueprintPath'>;
  testCase: TestCase;
  snapshots?: SnapshotFile;
  update?: boolean;
}

export async function runCase(options: RunCaseOptions): Promise<CaseRun> {
  const { scenario, file, testCase } = options;
  const settings: CaseSettings = { ...file.settings, ...testCase.settings };
  const http = createHttpMocks(testCase.http ?? []);
  const env = createCaseEnvironment({ blueprintPath: file.blueprintPath, dispatcher: http.agent, settings });
  try {
    seedStores(env, testCase);
    const record = await runScenario(scenario, {
      input: testCase.request ?? testCase.input,
      mocks: { ...file.mocks, ...testCase.mocks },
      clock: new SimulatedClock(settings.now ?? DEFAULT_TEST_NOW),
      timezone: settings.timezone ?? env.timezone,
      vars: { ...env.vars, ...settings.vars },
      executionId: `test-${stableId(`${file.path}#${testCase.name}`)}`,
      random: seededRandom(`${file.path}#${testCase.name}`),
      maxCycles: settings.maxCycles ?? 1,
      dataStores: env.dataStores,
      http: { dispatcher: http.agent, allowNet: true },
      state: env.state,
    });
    const failures = await checkAll({
      expect: testCase.expect ?? {},
      record,
      scenario,
      httpRequests: http.sent,
      storeContents: (store) => env.storeContents(store),
    });
    if (testCase.expect?.snapshot && options.snapshots) {
      failures.push(...options.snapshots.check(testCase.name, record, options.update ?? false));
    }
    return { record, failures };
  } finally {
    env.close();
    await http.agent.close();
  }
}

function seedStores(env: CaseEnvironment, testCase: TestCase): void {
  for (const [store, records] of Object.entries(testCase.dataStores ?? {})) {
    env.seed(store, records);
  }
}

function stableId(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = Math.imul(h, 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(16).padStart(8, '0');
}
