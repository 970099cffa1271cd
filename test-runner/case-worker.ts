/**
 * A test worker thread (worker-pool.ts): runs the cases it is sent, and answers
 * each with its CaseOutcome. Each test file and its blueprint are loaded once per worker; every
 * case still gets its own in-memory database and simulated clock (execute-case.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { brokenCase, type CaseOutcome, caseOutcome } from './case-result.ts';
import { loadBlueprintForTests } from './environment.ts';
import { loadTestFile } from './load-test-file.ts';
import { SnapshotFile } from './snapshot.ts';
import type { LoadedTestFile } from './types.ts';
import type { CaseAnswer } from './worker-pool.ts';

/** One case to run: the test file's absolute path and the case's index in its `cases`. */
export interface CaseJob {
  path: string;
  caseIndex: number;
  cwd: string;
  /** Send the execution record back (coverage, faults, JSON report); copying it costs time. */
  record: boolean;
  /** Hosts real requests may reach (`--allow-net=HOST`). */
  allowNet?: true | readonly string[];
}

interface LoadedFile {
  file: LoadedTestFile;
  scenario: Scenario;
  snapshots: SnapshotFile;
}

const loaded = new Map<string, LoadedFile>();

function load(path: string): LoadedFile {
  let entry = loaded.get(path);
  if (!entry) {
    const file = loadTestFile(path);
    entry = { file, scenario: loadBlueprintForTests(file.blueprintPath), snapshots: new SnapshotFile(path) };
    loaded.set(path, entry);
  }
  return entry;
}

export async function runJob(job: CaseJob): Promise<CaseOutcome> {
  try {
    const { file, scenario, snapshots } = load(job.path);
    const testCase = file.cases[job.caseIndex]!;
    const ctx = {
      cwd: job.cwd,
      snapshots,
      update: false,
      ...(job.allowNet ? { allowNet: job.allowNet } : {}),
    };
    const outcome = await caseOutcome(file, scenario, testCase, ctx);
    if (job.record) return outcome;
    const { record: _record, ...result } = outcome.result;
    return { result };
  } catch (error) {
    const base = { file: job.path, blueprint: '', name: `case ${job.caseIndex + 1}` };
    return { result: brokenCase(base, error) };
  }
}

parentPort?.on('message', async ({ id, job }: { id: number; job: CaseJob }) => {
  const answer: CaseAnswer = { id, outcome: await runJob(job) };
  parentPort?.postMessage(answer);
});
