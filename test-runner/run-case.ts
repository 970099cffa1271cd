/**
 * Runs one test case through executeCase (the same run path as the library API) and checks
 * every expectation while the run's in-memory database is still open.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { caseInput } from './case-shapes.ts';
import { executeCase } from './execute-case.ts';
import { checkAll } from './expectations/index.ts';
import { annotateFailures } from './explain/annotate.ts';
import type { ProjectConfigs } from './project-configs.ts';
import type { SnapshotFile } from './snapshot.ts';
import type { Failure, LoadedTestFile, TestCase } from './types.ts';

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
  allowNet?: true | readonly string[];
  /** The suite's project configs, read once per blueprint directory. */
  configs?: ProjectConfigs;
}

export async function runCase(options: RunCaseOptions): Promise<CaseRun> {
  const { scenario, file, testCase } = options;
  const expect = testCase.expect ?? {};
  return executeCase(
    scenario,
    caseInput(testCase),
    {
      blueprintPath: file.blueprintPath,
      identity: `${file.path}#${testCase.name}`,
      // Every key, set or not: one shape of options for every case (case-shapes.ts).
      settings: file.settings,
      mocks: file.mocks,
      allowNet: options.allowNet,
      trace: true,
      configs: options.configs,
    },
    async (execution) => {
      const failures = await checkAll({ expect, scenario, ...execution });
      if (expect.snapshot && options.snapshots) {
        failures.push(
          ...options.snapshots.check(testCase.name, execution.record, options.update ?? false, scenario),
        );
      }
      return { record: execution.record, failures: annotateFailures(failures, scenario, execution.record) };
    },
  );
}
