/**
 * One case of a test file as a reported result: runs it through runCase and turns the outcome
 * (or a run that could not start) into a CaseResult. The same code runs in the main thread and
 * in a test worker (case-worker.ts), so a case reports the same either way.
 */
import { relative } from 'node:path';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { CaseSetupError } from './execute-case.ts';
import type { ProjectConfigs } from './project-configs.ts';
import { runCase } from './run-case.ts';
import type { SnapshotFile } from './snapshot.ts';
import type { CaseResult, LoadedTestFile, TestCase } from './types.ts';

export interface CaseOutcome {
  result: CaseResult;
  /** The run's record, for coverage; absent when the case could not run. */
  record?: ExecutionRecord;
}

export interface CaseContext {
  cwd: string;
  snapshots: SnapshotFile;
  update: boolean;
  /** Hosts real requests may reach (`--allow-net=HOST`). */
  allowNet?: true | readonly string[];
  /** The suite's project configs, read once per blueprint directory (project-configs.ts). */
  configs?: ProjectConfigs;
}

export async function caseOutcome(
  file: LoadedTestFile,
  scenario: Scenario,
  testCase: TestCase,
  ctx: CaseContext,
): Promise<CaseOutcome> {
  const started = performance.now();
  const { shownFile, shownBlueprint } = shownPaths(file, ctx.cwd);
  const base = { file: shownFile, blueprint: shownBlueprint, name: testCase.name };
  try {
    const { record, failures } = await runCase({
      scenario,
      file,
      testCase,
      snapshots: ctx.snapshots,
      update: ctx.update,
      ...(ctx.allowNet ? { allowNet: ctx.allowNet } : {}),
      ...(ctx.configs ? { configs: ctx.configs } : {}),
    });
    const durationMs = performance.now() - started;
    const result = {
      ...base,
      passed: failures.length === 0,
      failures,
      durationMs,
      operations: record.operations,
      status: record.status,
      record,
    };
    return { result, record };
  } catch (error) {
    return { result: brokenCase(base, error, performance.now() - started) };
  }
}

interface ShownPaths {
  cwd: string;
  shownFile: string;
  shownBlueprint: string;
}

const shown = new WeakMap<LoadedTestFile, ShownPaths>();

/** A file's paths as results show them (relative to cwd): worked out once per file, not per case. */
function shownPaths(file: LoadedTestFile, cwd: string): ShownPaths {
  let paths = shown.get(file);
  if (paths?.cwd !== cwd) {
    paths = { cwd, shownFile: relative(cwd, file.path), shownBlueprint: relative(cwd, file.blueprintPath) };
    shown.set(file, paths);
  }
  return paths;
}

/**
 * The outcome as a run without records keeps it (`keepRecords: false`): the result alone, so the
 * record (some 17 KB a case) dies young instead of being copied by scavenges into an old
 * generation that grew to 170 MB at 10,000 cases (bench/test-workers.bench.ts, --trace-gc).
 */
export function withoutRecord(outcome: CaseOutcome): CaseOutcome {
  const { record: _record, ...result } = outcome.result;
  return { result };
}

/** A case that could not run at all (or whose worker stopped): one failure saying why. */
export function brokenCase(
  base: Pick<CaseResult, 'file' | 'blueprint' | 'name'>,
  error: unknown,
  durationMs = 0,
): CaseResult {
  const message = error instanceof Error ? error.message : String(error);
  // A mock for a module the blueprint lacks: nothing ran, and each problem is its own failure.
  const failures =
    error instanceof CaseSetupError
      ? error.problems.map((problem) => ({ path: 'mocks', message: problem }))
      : [{ path: 'run', message: `the case could not run: ${message}` }];
  return { ...base, passed: false, failures, durationMs, operations: null, status: null };
}
