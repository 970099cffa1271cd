/**
 * The workers of `makesim test --workers N`: this thread plus N − 1 worker threads
 * (case-worker.ts). This thread has the engine loaded already and starts at once, while a worker
 * thread first loads it (hundreds of ms): with cases of a few ms each, a pool of threads only
 * would lose much of a core to that start.
 *
 * A worker thread is sent cases in batches (worker-messages.ts) and always holds a second batch
 * while it runs one, so it never waits for this thread. Worker threads take their batches from
 * the far end of the queue, this thread from the near end, so that they never wait on each
 * other's cases; run-suite.ts queues a warm-up taking turns between the files at each end
 * (warm-up-order.ts), then the rest file by file, so each end runs long stretches of one file. Results are
 * still reported in order (run-suite.ts): the worker threads' wait until this thread reaches them.
 * This thread runs its own cases one at a time between turns of the event loop: a case may finish
 * without leaving the microtask queue, and a chain of them would hold back the worker threads'
 * answers (and their next batches) until the whole queue was done here. A worker thread that dies fails only the cases it had been
 * given, and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { brokenCase, type CaseOutcome } from './case-result.ts';
import type { BatchAnswer, CaseJob, JobBatch } from './worker-messages.ts';

type Label = { file: string; blueprint: string; name: string };

interface Task {
  job: CaseJob;
  label: Label;
  resolve: (outcome: CaseOutcome) => void;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** Cases per batch at most: one message each way per 8 cases costs little against their run. */
export const BATCH_SIZE = 8;
/** Batches a worker thread holds at once: one it runs, one waiting. */
export const BATCHES_PER_THREAD = 2;
/** Cases in flight in this thread, so one waiting on real I/O does not leave the core idle. */
const LOCAL_IN_FLIGHT = 4;
const MAX_LOSSES = 8;

export class CaseWorkerPool {
  /** Tasks not yet given out: this thread takes from #head, worker threads from the far end. */
  readonly #queue: (Task | undefined)[] = [];
  /** Where the near end is: an index, not shift(), which copied the whole queue per case. */
  #head = 0;
  readonly #threads = new Map<Worker, Map<number, Task[]>>();
  readonly #local: (job: CaseJob) => Promise<CaseOutcome>;
  readonly #entry: URL;
  readonly #size: number;
  #localInFlight = 0;
  #nextBatch = 0;
  #pumpQueued = false;
  #closed = false;
  #losses = 0;

  /**
   * `size` workers in all: this thread (running `local`) and size − 1 worker threads started from
   * `entry` (tests give a stand-in).
   */
  constructor(size: number, local: (job: CaseJob) => Promise<CaseOutcome>, entry: URL = ENTRY) {
    this.#local = local;
    this.#entry = entry;
    this.#size = size;
    for (let i = 1; i < size; i++) this.#spawn();
  }

  run(job: CaseJob, label: Label): Promise<CaseOutcome> {
    return new Promise((resolve) => {
      this.#queue.push({ job, label, resolve });
      // Jobs queued in one go (a suite's) are batched together, not sent one by one as they come.
      if (!this.#pumpQueued) {
        this.#pumpQueued = true;
        queueMicrotask(() => {
          this.#pumpQueued = false;
          this.#pump();
        });
      }
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#threads.keys()].map((worker) => worker.terminate()));
  }

  #spawn(): void {
    const worker = new Worker(this.#entry);
    this.#threads.set(worker, new Map());
    worker.on('message', ({ batch, outcomes }: BatchAnswer) => {
      const batches = this.#threads.get(worker);
      const tasks = batches?.get(batch) ?? [];
      batches?.delete(batch);
      for (const [i, task] of tasks.entries()) task.resolve(outcomes[i]!);
      this.#pump();
    });
    worker.on('error', (error: unknown) =>
      this.#lose(worker, error instanceof Error ? error.message : String(error)),
    );
    worker.on('exit', (code) => this.#lose(worker, `exit code ${code}`));
  }

  #lose(worker: Worker, why: string): void {
    const batches = this.#threads.get(worker);
    if (this.#closed || !batches) return;
    this.#threads.delete(worker);
    const given = [...batches.values()].flat();
    const error = new Error(
      `the worker thread running it stopped (${why}) before it reported the ${given.length} case(s) it had been given`,
    );
    for (const task of given) task.resolve({ result: brokenCase(task.label, error) });
    // A thread that cannot even start would be replaced for ever; past a few, this thread goes on alone.
    if (++this.#losses <= MAX_LOSSES) this.#spawn();
    this.#pump();
  }

  #pump(): void {
    for (const [worker, batches] of this.#threads) {
      while (batches.size < BATCHES_PER_THREAD && this.#waiting() > 0) {
        const tasks = this.#queue.splice(this.#queue.length - this.#batchSize()) as Task[];
        const message: JobBatch = { batch: this.#nextBatch++, jobs: tasks.map((task) => task.job) };
        batches.set(message.batch, tasks);
        worker.postMessage(message);
      }
    }
    while (this.#localInFlight < LOCAL_IN_FLIGHT && this.#waiting() > 0) {
      const task = this.#queue[this.#head]!;
      this.#queue[this.#head++] = undefined;
      void this.#runHere(task);
    }
    if (this.#waiting() === 0) {
      this.#queue.length = 0;
      this.#head = 0;
    }
  }

  #waiting(): number {
    return this.#queue.length - this.#head;
  }

  /** Near the end of the queue, smaller batches, so that no thread is left with most of the tail. */
  #batchSize(): number {
    return Math.max(1, Math.min(BATCH_SIZE, Math.floor(this.#waiting() / this.#size)));
  }

  async #runHere(task: Task): Promise<void> {
    this.#localInFlight++;
    await new Promise((turn) => setImmediate(turn));
    const outcome = await this.#local(task.job).catch((error: unknown) => ({
      result: brokenCase(task.label, error),
    }));
    this.#localInFlight--;
    task.resolve(outcome);
    this.#pump();
  }
}
