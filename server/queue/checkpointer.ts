/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the WAL threshold, copying pages into the database file and fsync-ing both: on the
 * server that stalled every request in flight for several milliseconds (the webhook-response
 * p99 in `npm run bench -- server`). Here a worker thread with its own connection checkpoints
 * every CHECKPOINT_INTERVAL_MS instead, and the serving connection never does. Durability is
 * unchanged: a commit is in the WAL (synchronous=NORMAL) before any caller is answered.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from './db.ts';

export const CHECKPOINT_INTERVAL_MS = 250;

export interface Checkpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

const NONE: Checkpointer = { stop: async () => undefined };

export function startCheckpointer(db: Db): Checkpointer {
  if (db.memory || db.name === '') return NONE;
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { path: db.name, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping = false;
  // A worker that cannot run (its database vanished) must not take the server down: the
  // serving connection falls back to SQLite's own automatic checkpoints.
  worker.on('error', () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  worker.on('message', () => void worker.terminate());
  return {
    // Idempotent: a server closed twice waits for the same exit.
    stop: () => {
      if (!stopping) worker.postMessage('stop');
      stopping = true;
      return exited;
    },
  };
}
