/**
 * The workers of `makesim test --workers N`: this thread plus N − 1 worker threads
 * (case-worker.ts). This thread has the engine loaded and warm already and starts at once,
 * while a worker thread first loads it (hundreds of ms): with cases of a few ms each, a pool of
 * threads only would lose much of the second core to that start. Each worker has up to
 * IN_FLIGHT cases at once, so it never waits for the next one to arrive; whichever has room
 * takes the next queued case. A worker thread that dies fails only its own cases and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { brokenCase, type CaseOutcome } from './case-result.ts';
import type { CaseJob } from './case-worker.ts';

type Label = { file: string; blueprint: string; name: string };

interface Task {
  id: number;
  job: CaseJob;
  label: Label;
  resolve: (outcome: CaseOutcome) => void;
}

/** A worker thread's answer: the outcome of the job with this id. */
export interface CaseAnswer {
  id: number;
  outcome: CaseOutcome;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const IN_FLIGHT = 4;
const MAX_LOSSES = 8;

export class CaseWorkerPool {
  readonly #queue: Task[] = [];
  readonly #running = new Map<Worker, Map<number, Task>>();
  readonly #local: (job: CaseJob) => Promise<CaseOutcome>;
  #localInFlight = 0;
  #nextId = 0;
  #closed = false;
  #losses = 0;

  /** `size` workers in all: this thread (running `local`) and size − 1 worker threads. */
  constructor(size: number, local: (job: CaseJob) => Promise<CaseOutcome>) {
    this.#local = local;
    for (let i = 1; i < size; i++) this.#spawn();
  }

  run(job: CaseJob, label: Label): Promise<CaseOutcome> {
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, job, label, resolve });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#running.keys()].map((worker) => worker.terminate()));
  }

  #spawn(): void {
    const worker = new Worker(ENTRY);
    this.#running.set(worker, new Map());
    worker.on('message', ({ id, outcome }: CaseAnswer) => {
      const tasks = this.#running.get(worker);
      tasks?.get(id)?.resolve(outcome);
      tasks?.delete(id);
      this.#pump();
    });
    worker.on('error', (error: unknown) =>
      this.#lose(worker, error instanceof Error ? error : new Error(String(error))),
    );
    worker.on('exit', (code) => this.#lose(worker, new Error(`the test worker exited with code ${code}`)));
  }

  #lose(worker: Worker, error: Error): void {
    const tasks = this.#running.get(worker);
    if (this.#closed || !tasks) return;
    this.#running.delete(worker);
    for (const task of tasks.values()) task.resolve({ result: brokenCase(task.label, error) });
    // A thread that cannot even start would be replaced for ever; past a few, this thread goes on alone.
    if (++this.#losses <= MAX_LOSSES) this.#spawn();
    this.#pump();
  }

  #pump(): void {
    for (const [worker, tasks] of this.#running) {
      while (tasks.size < IN_FLIGHT && this.#queue.length > 0) {
        const task = this.#queue.shift()!;
        tasks.set(task.id, task);
        worker.postMessage({ id: task.id, job: task.job });
      }
    }
    while (this.#localInFlight < IN_FLIGHT && this.#queue.length > 0) {
      const task = this.#queue.shift()!;
      this.#localInFlight++;
      void this.#local(task.job).then((outcome) => {
        this.#localInFlight--;
        task.resolve(outcome);
        this.#pump();
      });
    }
  }
}
