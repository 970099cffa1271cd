/**
 * Group commit for the data store database. Make commits every ACID operation (auto commit on) or
 * every bundle (off) — Make's help: https://help.make.com/rollback-error-handler — and makesim keeps those
 * semantics with SAVEPOINTs: a released savepoint can no longer be rolled back by the run. What it does NOT
 * do is make each of them a separate durable SQLite commit (one WAL write each, ~20k/s): writes go into one
 * outer SQLite transaction that is committed to the file at the next turn of the event loop with no savepoint
 * open, and on close. Another process sees the writes after that commit.
 *
 * `CommitBatch` is what the store needs from whoever commits its connection: this class when the
 * store has its own database, the dev server's group commit when both share one connection
 * (server/queue/group-commit.ts), so a run's rows commit with its execution record.
 */
import type Database from 'better-sqlite3';

export interface CommitBatch {
  /** Before any write or savepoint: opens the outer transaction if needed and schedules its commit. */
  enter(): void;
  /** Asks for a commit at the next event-loop turn (again after a savepoint closes). */
  schedule(): void;
  /** Commits what is pending now, unless a hold is on. */
  flush(): void;
  /** No commit while `busy()` says an engine transaction (savepoint) is open. */
  holdWhile(busy: () => boolean): void;
}

export class GroupCommit implements CommitBatch {
  readonly #db: Database.Database;
  #busy: () => boolean = () => false;
  #open = false;
  #scheduled = false;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  holdWhile(busy: () => boolean): void {
    this.#busy = busy;
  }

  enter(): void {
    if (!this.#open) {
      this.#db.exec('BEGIN');
      this.#open = true;
    }
    this.schedule();
  }

  schedule(): void {
    if (!this.#open || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (!this.#open || this.#busy() || !this.#db.open) return;
    this.#db.exec('COMMIT');
    this.#open = false;
  }
}
