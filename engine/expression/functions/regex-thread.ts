/**
 * The worker thread that runs user regexes V8 cannot run in linear time (regex-budget.ts). The
 * caller blocks on Atomics.wait, so evaluation stays synchronous (formulas are synchronous), for
 * at most REGEX_BUDGET_MS; a thread that does not answer in time is terminated and replaced.
 */
import type { MessagePort, Worker } from 'node:worker_threads';

/** How long one regex operation may take when it cannot run in linear time (ms). */
export const REGEX_BUDGET_MS = 1_000;
/** Longest wait for the worker thread to start (a loaded machine can take a second). */
const THREAD_START_MS = 30_000;

interface Pattern {
  readonly pattern: string;
  readonly flags: string;
  readonly text: string;
}

/** What regex-worker.mjs runs: `replace`, `test` (boolean) or `matches` (first `limit` matches). */
export type RegexRequest =
  | (Pattern & { readonly op: 'replace'; readonly replacement: string })
  | (Pattern & { readonly op: 'test' })
  | (Pattern & { readonly op: 'matches'; readonly limit: number });

export type RegexAnswer = { ok: true; value: unknown } | { ok: false; message: string };

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let thread: Thread | undefined;

/**
 * node:worker_threads, loaded by the first regex that needs the thread rather than by every
 * command that imports the formula language (issue 14 §2: `makesim eval` and `validate` start up
 * without it).
 */
const workerThreads = () => process.getBuiltinModule('node:worker_threads');

function startThread(): Thread {
  const { MessageChannel, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./regex-worker.mjs', import.meta.url), {
    workerData: { port: port2, signal },
    transferList: [port2],
  });
  worker.unref();
  Atomics.wait(signal, 0, 0, THREAD_START_MS);
  return { worker, port: port1, signal };
}

/** The worker's answer, or undefined when it took longer than the budget (thread then ended). */
export function runOnThread(request: RegexRequest): RegexAnswer | undefined {
  thread ??= startThread();
  const { port, signal, worker } = thread;
  Atomics.store(signal, 0, 0);
  port.postMessage(request);
  const waited = Atomics.wait(signal, 0, 0, REGEX_BUDGET_MS);
  const answer = waited === 'timed-out' ? undefined : workerThreads().receiveMessageOnPort(port)?.message;
  if (answer === undefined) {
    void worker.terminate();
    thread = undefined;
  }
  return answer as RegexAnswer | undefined;
}
