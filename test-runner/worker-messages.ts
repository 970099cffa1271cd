/**
 * What the main thread and a test worker thread (worker-pool.ts, case-worker.ts) send each other.
 * Cases travel in batches, one message each way per batch, so a thread spends its time on cases
 * rather than on messages. A job names its test file by path: each worker loads a file (and its
 * blueprint) once, so no loaded scenario is ever copied between threads.
 */
import type { CaseOutcome } from './case-result.ts';

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

/** Main thread → worker thread: cases to run. */
export interface JobBatch {
  batch: number;
  jobs: CaseJob[];
}

/** Worker thread → main thread: the outcomes of a batch, in the order of its jobs. */
export interface BatchAnswer {
  batch: number;
  outcomes: CaseOutcome[];
}
