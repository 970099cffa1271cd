/**
 * A test worker thread (worker-pool.ts): runs the batches of cases it is sent, and answers each
 * batch with its cases' outcomes (worker-messages.ts). Each test file and its blueprint are
 * loaded once per worker, the project config read once; every case still gets its own (emptied,
 * reused) in-memory database and simulated clock (execute-case.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { brokenCase, type CaseOutcome, caseOutcome, withoutRecord } from './case-result.ts';
import { loadBlueprintForTests } from './environment.ts';
import { inPool } from './in-order.ts';
import { loadTestFile } from './load-test-file.ts';
import { ProjectConfigs } from './project-configs.ts';
import { SnapshotFile } from './snapshot.ts';
import type { LoadedTestFile } from './types.ts';
import type { BatchAnswer, CaseJob, JobBatch } from './worker-messages.ts';

interface LoadedFile {
  file: LoadedTestFile;
  scenario: Scenario;
  snapshots: SnapshotFile;
}

const loaded = new Map<string, LoadedFile>();
/** A worker lives for one suite run: the configs it reads stay valid for its life. */
const configs = new ProjectConfigs();

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
      configs,
      ...(job.allowNet ? { allowNet: job.allowNet } : {}),
    };
    const outcome = await caseOutcome(file, scenario, testCase, ctx);
    return job.record ? outcome : withoutRecord(outcome);
  } catch (error) {
    const base = { file: job.path, blueprint: '', name: `case ${job.caseIndex + 1}` };
    return { result: brokenCase(base, error) };
  }
}

/** As in the main thread, a few cases at once, so one waiting on real I/O leaves no core idle. */
const IN_FLIGHT = 4;

parentPort?.on('message', async ({ batch, jobs }: JobBatch) => {
  const outcomes = new Array<CaseOutcome>(jobs.length);
  await inPool(jobs, IN_FLIGHT, async (job, i) => {
    outcomes[i] = await runJob(job);
  });
  const answer: BatchAnswer = { batch, outcomes };
  parentPort?.postMessage(answer);
});
