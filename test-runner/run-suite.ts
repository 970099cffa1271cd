/**
 * Runs test files: loads each blueprint once, runs the cases — in this thread with bounded
 * concurrency, or across worker threads (`workers`) — and reports every case in file order, then
 * case order, whatever order they finish in. Each case has its own in-memory database and
 * simulated clock wherever it runs, so cases never share state.
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { countCases } from './case-count.ts';
import { type CaseContext, type CaseOutcome, caseOutcome, withoutRecord } from './case-result.ts';
import { loadBlueprintForTests, projectSecrets } from './environment.ts';
import { inOrder, inPool } from './in-order.ts';
import { loadTestFile, TestFileError } from './load-test-file.ts';
import { ProjectConfigs } from './project-configs.ts';
import { SnapshotFile } from './snapshot.ts';
import type { CaseResult, LoadedTestFile, TestCase } from './types.ts';
import { poolOrder, warmUpFirst } from './warm-up-order.ts';
import { CaseWorkerPool } from './worker-pool.ts';

export interface SuiteOptions {
  files: readonly string[];
  cwd: string;
  /** Only cases whose name contains this text (case-insensitive). */
  filter?: string;
  update?: boolean;
  /** Cases in flight at once per file when running in this thread. */
  concurrency?: number;
  /**
   * Worker threads to run the cases on (default 1: this thread); `auto`: one per core but one
   * (see AUTO_SPARE_CORES), and no more than one per CASES_PER_WORKER cases, since a worker's
   * start (loading the engine, warming the compiler) costs as much as hundreds of cases. The
   * worker threads start at once (for `auto`, as many as a quick count of the files' cases calls
   * for), so that they load while this thread loads the files. `update` always runs in this
   * thread, so each snapshot file has one writer.
   */
  workers?: number | 'auto';
  /**
   * Keep every record (default true): in `blueprints` for coverage and faults, and on each result
   * for the JSON report; a plain run needs none.
   */
  keepRecords?: boolean;
  /** Hosts real requests may reach (`--allow-net=HOST`). */
  allowNet?: true | readonly string[];
  /** Called once every file is loaded, with the number of cases that will run. */
  onPlanned?: (cases: number) => void;
  /** Called for each case, in file order then case order. */
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

interface LoadedFile {
  file: LoadedTestFile;
  scenario: Scenario;
  run: BlueprintRun;
}

interface Job {
  loaded: LoadedFile;
  testCase: TestCase;
  /** The case's index in its file's `cases` (the filter may skip some). */
  caseIndex: number;
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const suite: SuiteResult = { results: [], fileErrors: [], blueprints: [], secrets: [] };
  const local = new Map<string, LocalFile>();
  // Read once for the whole run, by this thread's cases and for the report's secrets.
  const configs = new ProjectConfigs();
  // A worker thread takes hundreds of ms to load the engine: it starts now and loads while this
  // thread loads the files (for `auto`, as many as a quick count of the cases calls for).
  let pool = startedPool(options, configs, local, earlyWorkers(options));
  try {
    const files = options.files.flatMap((path) => tryLoad(path, options.cwd, suite, configs) ?? []);
    const jobs = files.flatMap((loaded) => selectCases(loaded, options.filter));
    options.onPlanned?.(jobs.length);
    const keepRecords = options.keepRecords !== false;
    const ordered = inOrder(jobs.length, (i, outcome: CaseOutcome) => {
      const { loaded, testCase } = jobs[i]!;
      suite.results.push(outcome.result);
      if (outcome.result.passed) loaded.run.passed.push(testCase);
      if (outcome.record) loaded.run.records.push(outcome.record);
      options.onResult?.(outcome.result);
    });
    // Dropped before an outcome waits for its turn, as worker threads drop them before sending.
    const emit: Emit = (i, outcome) => ordered(i, keepRecords ? outcome : withoutRecord(outcome));
    const workers = options.update ? 1 : workerCount(options.workers ?? 1, jobs.length);
    if (workers > 1) {
      pool ??= startedPool(options, configs, local, workers)!;
      for (const loaded of files)
        local.set(loaded.file.path, { loaded, snapshots: new SnapshotFile(loaded.file.path) });
      await runInWorkers(files, jobs, pool, options, emit);
    } else {
      await runHere(files, jobs, options, configs, emit);
    }
    return suite;
  } finally {
    await pool?.close();
  }
}

/**
 * Below this many cases per worker, another worker costs more time than it saves: a case of the
 * example suite costs about 0.5 ms of CPU, a worker thread's start some 300–600 ms
 * (bench/test-workers.bench.ts).
 */
export const CASES_PER_WORKER = 1000;

/**
 * Cores `auto` leaves to V8: one thread running cases already keeps well over a core busy (its
 * compiler and garbage-collector threads; measured with bench/test-workers.child.mjs on 2 cores,
 * 10,000 cases: 3.1 CPU-seconds in 2.5 s), so on 2 cores a second worker thread gained ~10 %
 * (2.3 s) for ~35 % more CPU (4.2 CPU-seconds): not worth taking the core.
 */
const AUTO_SPARE_CORES = 1;

/** The worker threads to start before the files load: `auto` counts the cases cheaply first. */
function earlyWorkers(options: SuiteOptions): number {
  const wanted = options.workers ?? 1;
  if (wanted !== 'auto' || options.update) return typeof wanted === 'number' ? wanted : 1;
  return workerCount('auto', countCases(options.files, options.filter));
}

/** How many workers run `cases` cases: `wanted`, or for `auto` what `cores` and the count call for. */
export function workerCount(wanted: number | 'auto', cases: number, cores = availableParallelism()): number {
  const count =
    wanted === 'auto' ? Math.min(cores - AUTO_SPARE_CORES, Math.ceil(cases / CASES_PER_WORKER)) : wanted;
  return Math.max(1, Math.min(count, cases));
}

function tryLoad(
  path: string,
  cwd: string,
  suite: SuiteResult,
  configs: ProjectConfigs,
): LoadedFile | undefined {
  const shown = relative(cwd, path) || path;
  try {
    const file = loadTestFile(path);
    const scenario = loadBlueprintForTests(file.blueprintPath);
    suite.secrets?.push(...projectSecrets(file.blueprintPath, configs));
    const blueprint = relative(cwd, file.blueprintPath);
    const run: BlueprintRun = { blueprint, scenario, records: [], file, passed: [] };
    suite.blueprints.push(run);
    return { file, scenario, run };
  } catch (error) {
    const problems =
      error instanceof TestFileError
        ? error.problems
        : [error instanceof Error ? error.message : String(error)];
    suite.fileErrors.push({ file: shown, problems });
    return undefined;
  }
}

function selectCases(loaded: LoadedFile, filter: string | undefined): Job[] {
  const needle = filter?.toLowerCase();
  return loaded.file.cases
    .map((testCase, caseIndex) => ({ loaded, testCase, caseIndex }))
    .filter(({ testCase }) => !needle || testCase.name.toLowerCase().includes(needle));
}

type Emit = (index: number, outcome: CaseOutcome) => void;

/**
 * In this thread, a few cases at once: a warm-up taking turns between the files first
 * (warm-up-order.ts), then file by file; with `update`, a file's snapshots are saved once all its
 * cases have run.
 */
async function runHere(
  files: LoadedFile[],
  jobs: Job[],
  options: SuiteOptions,
  configs: ProjectConfigs,
  emit: Emit,
): Promise<void> {
  const update = options.update ?? false;
  const contexts = files.map((loaded) => ({
    ...caseContext(options, configs),
    snapshots: new SnapshotFile(loaded.file.path),
    update,
  }));
  const fileIndex = new Map(files.map((loaded, i) => [loaded, i]));
  const run = async (index: number) => {
    const { loaded, testCase } = jobs[index]!;
    const ctx = contexts[fileIndex.get(loaded)!]!;
    emit(index, await caseOutcome(loaded.file, loaded.scenario, testCase, ctx));
  };
  const concurrency = options.concurrency ?? 4;
  const perFile = jobsByFile(files, jobs);
  const { warmUp, rest } = warmUpFirst(perFile);
  await inPool(warmUp, concurrency, run);
  for (const [i, loaded] of files.entries()) {
    await inPool(rest[i]!, concurrency, run);
    if (update) contexts[i]!.snapshots.save(perFile[i]!.length !== loaded.file.cases.length);
  }
}

/** The indices in `jobs` of each file's jobs, in the order of `files`. */
function jobsByFile(files: readonly LoadedFile[], jobs: readonly Job[]): number[][] {
  const perFile = new Map<LoadedFile, number[]>(files.map((loaded) => [loaded, []]));
  for (const [index, job] of jobs.entries()) perFile.get(job.loaded)!.push(index);
  return files.map((loaded) => perFile.get(loaded)!);
}

/** The files as this thread runs them in a worker pool: snapshots only read. */
interface LocalFile {
  loaded: LoadedFile;
  snapshots: SnapshotFile;
}

/** A pool of `size` workers (this thread and worker threads, worker-pool.ts); none below 2. */
function startedPool(
  options: SuiteOptions,
  configs: ProjectConfigs,
  local: Map<string, LocalFile>,
  size: number,
): CaseWorkerPool | undefined {
  if (size <= 1 || options.update) return undefined;
  return new CaseWorkerPool(size, async (job) => {
    const { loaded, snapshots } = local.get(job.path)!;
    const testCase = loaded.file.cases[job.caseIndex]!;
    return caseOutcome(loaded.file, loaded.scenario, testCase, {
      ...caseContext(options, configs),
      snapshots,
      update: false,
    });
  });
}

/** Queued with a warm-up at each end of the pool's queue (warm-up-order.ts). */
async function runInWorkers(
  files: LoadedFile[],
  jobs: Job[],
  pool: CaseWorkerPool,
  options: SuiteOptions,
  emit: Emit,
): Promise<void> {
  const { cwd } = options;
  const record = options.keepRecords !== false;
  const allowNet = options.allowNet;
  const shownFiles = new Map(files.map((loaded) => [loaded, relative(cwd, loaded.file.path)]));
  await Promise.all(
    poolOrder(jobsByFile(files, jobs)).map(async (index) => {
      const { loaded, testCase, caseIndex } = jobs[index]!;
      const label = { file: shownFiles.get(loaded)!, blueprint: loaded.run.blueprint, name: testCase.name };
      const job = { path: loaded.file.path, caseIndex, cwd, record, ...(allowNet ? { allowNet } : {}) };
      emit(index, await pool.run(job, label));
    }),
  );
}

/** What every case of the suite runs with, wherever it runs. */
function caseContext(
  options: SuiteOptions,
  configs: ProjectConfigs,
): Pick<CaseContext, 'cwd' | 'allowNet' | 'configs'> {
  return { cwd: options.cwd, configs, ...(options.allowNet ? { allowNet: options.allowNet } : {}) };
}
