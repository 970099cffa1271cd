/**
 * User regular expressions with a time budget. A pattern such as `/(a+)+$/` backtracks
 * exponentially in JavaScript's engine: 43 bytes froze the whole server. Make reads patterns with
 * JavaScript syntax and semantics (https://help.make.com/text-and-binary-functions), so they stay
 * JavaScript regexes, run in two ways:
 *
 * - patterns V8's linear-time engine supports run on V8's usual engine, which switches to the
 *   linear one by itself after REGEXP_BACKTRACKS backtracks (same results, bounded time);
 * - the others (backreferences, lookaround, the `i`/`u` flags, large counted repeats) run on a
 *   worker thread while this thread waits at most REGEX_BUDGET_MS; past it the worker is
 *   terminated and the module ends with a ModuleTimeoutError, which its error handling sees.
 */
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { MakeError } from '../../errors/make-error.ts';

/** How long one regex operation may take when it cannot run in linear time (ms). */
export const REGEX_BUDGET_MS = 1_000;
/** Backtracks before V8 finishes a supported pattern with its linear-time engine. */
const REGEXP_BACKTRACKS = 100_000;
/** Longest wait for the worker thread to start (a loaded machine can take a second). */
const THREAD_START_MS = 30_000;

setFlagsFromString('--enable-experimental-regexp-engine');
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
setFlagsFromString(`--regexp-backtracks-before-fallback=${REGEXP_BACKTRACKS}`);

const linear = new Map<string, boolean>();

/** Whether V8 can run the pattern in linear time (it refuses the `l` flag otherwise). */
function runsInLinearTime(regex: RegExp): boolean {
  const key = `${regex.flags}/${regex.source}`;
  let known = linear.get(key);
  if (known === undefined) {
    try {
      new RegExp(regex.source, `${regex.flags}l`);
      known = true;
    } catch {
      known = false;
    }
    if (linear.size > 1_000) linear.clear();
    linear.set(key, known);
  }
  return known;
}

/** `text.replace(regex, replacement)` within the budget (see the file comment). */
export function boundedReplace(text: string, regex: RegExp, replacement: string, fn: string): string {
  if (runsInLinearTime(regex)) return text.replace(regex, replacement);
  return onWorker({ pattern: regex.source, flags: regex.flags, text, replacement }, fn);
}

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let thread: Thread | undefined;

function startThread(): Thread {
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

function onWorker(request: Record<string, string>, fn: string): string {
  thread ??= startThread();
  const { port, signal, worker } = thread;
  Atomics.store(signal, 0, 0);
  port.postMessage(request);
  const waited = Atomics.wait(signal, 0, 0, REGEX_BUDGET_MS);
  const answer = waited === 'timed-out' ? undefined : receiveMessageOnPort(port)?.message;
  if (answer === undefined) {
    void worker.terminate();
    thread = undefined;
    throw new MakeError(
      'ModuleTimeoutError',
      `Function '${fn}' finished with error! The regular expression /${request.pattern}/${request.flags} ` +
        `took longer than ${REGEX_BUDGET_MS} ms on a text of ${request.text?.length} characters.`,
      { function: fn, hint: 'Rewrite the pattern without nested repetition such as (a+)+.' },
    );
  }
  const { ok, value, message } = answer as { ok: boolean; value?: string; message?: string };
  if (!ok)
    throw new MakeError('DataError', `Function '${fn}' finished with error! ${message}`, { function: fn });
  return value as string;
}
