/**
 * Group commit: writes requested during one turn of the event loop are committed in ONE SQLite
 * transaction (on setImmediate), and each caller's promise settles only after that commit — so a
 * webhook is still acknowledged only once its item is durable, at a fraction of the per-commit
 * cost. If the batch fails, each write is retried alone so one bad write cannot sink the others.
 *
 * `later()` is the lane for writes nobody is waiting on to answer a caller (execution history
 * after a webhook response has gone out): they gather for up to DEFER_MS or DEFER_MAX writes and
 * ride along with the next commit, so a busy server commits (and writes WAL pages) far less often.
 */
import type { Db } from './db.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Longest a deferred write waits for company (ms), and the batch size that commits at once. */
export const DEFER_MS = 4;
export const DEFER_MAX = 64;

export class GroupCommit {
  readonly #db: Db;
  readonly #onRollback: () => void;
  #pending: Pending[] = [];
  #scheduled = false;
  #deferTimer: NodeJS.Timeout | undefined;

  /** `onRollback` restores in-memory state the failed batch may have changed. */
  constructor(db: Db, onRollback: () => void = () => undefined) {
    this.#db = db;
    this.#onRollback = onRollback;
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** As run(), but the commit may wait up to DEFER_MS for other writes (see the file comment). */
  later<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#pending.length >= DEFER_MAX) return this.flush();
      this.#deferTimer ??= setTimeout(() => this.flush(), DEFER_MS);
    });
  }

  /** Commits everything pending now (also called directly by tests and on close). */
  flush(): void {
    this.#scheduled = false;
    if (this.#deferTimer) clearTimeout(this.#deferTimer);
    this.#deferTimer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    let results: unknown[];
    try {
      results = this.#db.transaction(() => batch.map((item) => item.work()))();
    } catch {
      this.#onRollback();
      for (const item of batch) this.#runAlone(item);
      return;
    }
    for (const [index, item] of batch.entries()) item.resolve(results[index]);
  }

  #runAlone(item: Pending): void {
    try {
      item.resolve(this.#db.transaction(item.work)());
    } catch (error) {
      this.#onRollback();
      item.reject(error);
    }
  }
}
