/**
 * Runs test files: loads each blueprint once, runs its cases with bounded concurrency (each case
 * has its own in-memory database and simulated clock, so cases never share state), and reports.
 */
import { relative } from 'node:path';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { loadBlueprintForTests, projectSecrets } from './environment.ts';
import { CaseSetupError } from './execute-case.ts';
import { loadTestFile, TestFileError } from './load-test-file.ts';
import { runCase } from './run-case.ts';
import { SnapshotFile } from './snapshot.ts';
import type { CaseResult, LoadedTestFile, TestCase } from './types.ts';

export interface SuiteOptions {
  files: readonly string[];
  cwd: string;
  /** Only cases whose name contains this text (case-insensitive). */
  filter?: string;
  update?: boolean;
  concurrency?: number;
  /** Hosts real requests may reach (`--allow-net=HOST`). */
  allowNet?: true | readonly string[];
  /** Called once every file is loaded, with the number of cases that will run. */
  onPlanned?: (cases: number) => void;
  onResult?: (result: CaseResult) => void;
}

export interface BlueprintRun {
  blueprint: string;
  scenario: Scenario;
  records: ExecutionRecord[];
  /** The test file and the cases that passed, for fault injection (faults/run-faults.ts). */
  file: LoadedTestFile;
  passed: TestCase[];
}

export interface SuiteResult {
  results: CaseResult[];
  /** Files that could not be used at all (bad JSON, schema, blueprint that does not load). */
  fileErrors: Array<{ file: string; problems: string[] }>;
  /** Every record per blueprint, for coverage. */
  blueprints: BlueprintRun[];
  /**
   * The connection credentials of the projects the files ran in: written reports redact them;
   * expectations were checked against the unredacted records (docs/serve.md "Secrets").
   */
  secrets?: string[];
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const suite: SuiteResult = { results: [], fileErrors: [], blueprints: [], secrets: [] };
  const loaded = options.files.flatMap((path) => tryLoad(path, options.cwd, suite) ?? []);
  options.onPlanned?.(loaded.reduce((n, { file }) => n + selectCases(file, options.filter).length, 0));
  for (const file of loaded) await runFile(file, options, suite);
  return suite;
}

function tryLoad(
  path: string,
  cwd: string,
  suite: SuiteResult,
): { file: LoadedTestFile; scenario: Scenario } | undefined {
  const shown = relative(cwd, path) || path;
  try {
    const file = loadTestFile(path);
    const scenario = loadBlueprintForTests(file.blueprintPath);
    suite.secrets?.push(...projectSecrets(file.blueprintPath));
    return { file, scenario };
  } catch (error) {
    const problems =
      error instanceof TestFileError
        ? error.problems
        : [error instanceof Error ? error.message : String(error)];
    suite.fileErrors.push({ file: shown, problems });
    return undefined;
  }
}

async function runFile(
  { file, scenario }: { file: LoadedTestFile; scenario: Scenario },
  options: SuiteOptions,
  suite: SuiteResult,
): Promise<void> {
  const snapshots = new SnapshotFile(file.path);
  const cases = selectCases(file, options.filter);
  const blueprint = relative(options.cwd, file.blueprintPath);
  const run: BlueprintRun = { blueprint, scenario, records: [], file, passed: [] };
  suite.blueprints.push(run);
  const ordered: CaseResult[] = [];
  await inPool(cases, options.concurrency ?? 4, async (testCase, index) => {
    const result = await runOne(file, scenario, testCase, { snapshots, options, run });
    ordered[index] = result;
    options.onResult?.(result);
  });
  suite.results.push(...ordered);
  run.passed = cases.filter((_, i) => ordered[i]?.passed);
  if (options.update) snapshots.save(cases.length !== file.cases.length);
}

async function runOne(
  file: LoadedTestFile,
  scenario: Scenario,
  testCase: TestCase,
  ctx: { snapshots: SnapshotFile; options: SuiteOptions; run: BlueprintRun },
): Promise<CaseResult> {
  const started = performance.now();
  const base = {
    file: relative(ctx.options.cwd, file.path),
    blueprint: ctx.run.blueprint,
    name: testCase.name,
  };
  try {
    const { record, failures } = await runCase({
      scenario,
      file,
      testCase,
      snapshots: ctx.snapshots,
      update: ctx.options.update ?? false,
      ...(ctx.options.allowNet ? { allowNet: ctx.options.allowNet } : {}),
    });
    ctx.run.records.push(record);
    const durationMs = performance.now() - started;
    return {
      ...base,
      passed: failures.length === 0,
      failures,
      durationMs,
      operations: record.operations,
      status: record.status,
      record,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failures =
      error instanceof CaseSetupError
        ? error.problems.map((problem) => ({ path: 'mocks', message: problem }))
        : [{ path: 'run', message: `the case could not run: ${message}` }];
    return {
      ...base,
      passed: false,
      failures,
      durationMs: performance.now() - started,
      operations: null,
      status: null,
    };
  }
}

function selectCases(file: LoadedTestFile, filter: string | undefined): TestCase[] {
  const needle = filter?.toLowerCase();
  return file.cases.filter((c) => !needle || c.name.toLowerCase().includes(needle));
}

async function inPool<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(workers);
}
