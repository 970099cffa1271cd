/**
 * Group commit: writes requested during one turn of the event loop are committed in ONE SQLite
 * transaction (on setImmediate), and each caller's promise settles only after that commit — so a
 * webhook is still acknowledged only once its item is durable, at a fraction of the per-commit
 * cost. If the batch fails, each write is retried alone so one bad write cannot sink the others.
 *
 * `later()` is the lane for writes nobody is waiting on to answer a caller (execution history
 * after a webhook response has gone out): they gather for up to DEFER_MS or DEFER_MAX writes and
 * ride along with the next commit, so a busy server commits (and writes WAL pages) far less often.
 *
 * It is also the data stores' CommitBatch when they share the server's connection (the default
 * config): their writes open the outer transaction (`enter`) and are committed by the same flush,
 * never while an engine savepoint is open (`holdWhile`). One connection, one transaction: a run's
 * rows, its execution record and its queue acknowledgement are durable together or not at all
 * (with the undo journal of modules/datastore/undo-journal.ts for runs cut off half way).
 */
import type { CommitBatch } from '../../modules/datastore/group-commit.ts';
import type { Db } from './db.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Longest a deferred write waits for company (ms), and the batch size that commits at once. Each
 * commit writes every page it touched to the WAL once (and the shared table, index and pointer-map
 * pages every time), so fewer, larger commits cost less per write: webhook → response at c = 10
 * took 157 µs of server CPU a request at 8 ms / 64, 143 at 16 ms / 128 and 136 at 25 ms / 256
 * (`npm run bench -- server` workload, same hour). Records arrive serialised (runner.ts), so even
 * a full batch is a turn of the loop of a few milliseconds (the bench's p99 stayed under 10 ms).
 */
export const DEFER_MS = 25;
export const DEFER_MAX = 256;

export class GroupCommit implements CommitBatch {
  readonly #db: Db;
  #onRollback: () => void;
  /** Prepared once: `exec` parses its SQL on every call, and a commit happens hundreds of times a second. */
  readonly #sql;
  #busy: () => boolean = () => false;
  #pending: Pending[] = [];
  #scheduled = false;
  #deferTimer: NodeJS.Timeout | undefined;

  /** `onRollback` restores in-memory state the failed batch may have changed. */
  constructor(db: Db, onRollback: () => void = () => undefined) {
    this.#db = db;
    this.#onRollback = onRollback;
    this.#sql = {
      begin: db.prepare('BEGIN'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
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

  /** Replaces the constructor's `onRollback` (the app sets it on a committer made before it). */
  whenRolledBack(restore: () => void): void {
    this.#onRollback = restore;
  }

  holdWhile(busy: () => boolean): void {
    this.#busy = busy;
  }

  /** A data store write: it joins the open transaction (opened now if none is). */
  enter(): void {
    if (!this.#db.inTransaction) this.#sql.begin.run();
    this.schedule();
  }

  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Commits everything pending now (also called directly by tests and on close). */
  flush(): void {
    this.#scheduled = false;
    // An engine savepoint is open (auto commit off, a unit spanning an HTTP call): the writes
    // would land inside the run's unit and could be rolled back with it. Its release reschedules.
    if (this.#busy() || !this.#db.open) return;
    if (this.#deferTimer) clearTimeout(this.#deferTimer);
    this.#deferTimer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0 && !this.#db.inTransaction) return;
    if (!this.#db.inTransaction) this.#sql.begin.run();
    const results = this.#runBatch(batch);
    try {
      this.#sql.commit.run();
    } catch (error) {
      if (this.#db.inTransaction) this.#sql.rollback.run();
      this.#onRollback();
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [index, item] of batch.entries()) {
      const result = results[index] as { ok: boolean; value: unknown };
      if (result.ok) item.resolve(result.value);
      else item.reject(result.value);
    }
  }

  /** Runs the batch in one savepoint; if it fails, each write alone in its own. */
  #runBatch(batch: Pending[]): Array<{ ok: boolean; value: unknown }> {
    try {
      const values = this.#db.transaction(() => batch.map((item) => item.work()))();
      return values.map((value) => ({ ok: true, value }));
    } catch {
      this.#onRollback();
      return batch.map((item) => {
        try {
          return { ok: true, value: this.#db.transaction(item.work)() };
        } catch (error) {
          this.#onRollback();
          return { ok: false, value: error };
        }
      });
    }
  }
}
