/**
 * Group commit: writes requested during one turn of the event loop are committed in ONE SQLite
 * transaction (on setImmediate), and each caller's promise settles only after that commit — so a
 * webhook is still acknowledged only once its item is durable, at a fraction of the per-commit
 * cost. If the batch fails, each write is retried alone so one bad write cannot sink the others.
 */
import type { Db } from './db.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  readonly #db: Db;
  readonly #onRollback: () => void;
  #pending: Pending[] = [];
  #scheduled = false;

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

  /** Commits everything pending now (also called directly by tests and on close). */
  flush(): void {
    this.#scheduled = false;
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
