// Runs one user regular expression for regex-budget.ts, on its own thread, so a pattern that
// backtracks without end can be stopped (the thread is terminated) instead of freezing the server.
// Plain JavaScript: worker threads do not inherit the tsx loader that runs the TypeScript sources.
import { workerData } from 'node:worker_threads';

const { port, signal } = workerData;
// Ready: the caller does not count the thread's start-up against a pattern's budget.
Atomics.store(signal, 0, 2);
Atomics.notify(signal, 0);
port.on('message', ({ pattern, flags, text, replacement }) => {
  let answer;
  try {
    answer = { ok: true, value: text.replace(new RegExp(pattern, flags), replacement) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
