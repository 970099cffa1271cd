// Runs one user regular expression for regex-thread.ts, on its own thread, so a pattern that
// backtracks without end can be stopped (the thread is terminated) instead of freezing the server.
// Plain JavaScript: worker threads do not inherit the tsx loader that runs the TypeScript sources.
import { workerData } from 'node:worker_threads';

const { port, signal } = workerData;
// Ready: the caller does not count the thread's start-up against a pattern's budget.
Atomics.store(signal, 0, 2);
Atomics.notify(signal, 0);

/** The first `limit` matches, as plain data (values by group number, named groups). */
function matches(regex, text, limit) {
  const out = [];
  for (const match of text.matchAll(regex)) {
    if (out.length >= limit) break;
    out.push(match.groups ? { values: [...match], groups: { ...match.groups } } : { values: [...match] });
  }
  return out;
}

function run({ op, pattern, flags, text, replacement, limit }) {
  const regex = new RegExp(pattern, flags);
  if (op === 'replace') return text.replace(regex, replacement);
  if (op === 'test') return regex.test(text);
  return matches(regex, text, limit);
}

port.on('message', (request) => {
  let answer;
  try {
    answer = { ok: true, value: run(request) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
