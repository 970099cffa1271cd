/**
 * Group commit for the data store database. Make commits every ACID operation (auto commit on) or
 * every bundle (off) — spec §5 — and makesim keeps those semantics with SAVEPOINTs: a released
 * savepoint can no longer be rolled back by the run. What it does NOT do is make each of them a
 * separate durable SQLite commit (one WAL write each, ~20k/s): writes go into one outer SQLite
 * transaction that is committed to the file at the next turn of the event loop with no savepoint
 * open, and on close. Another process sees the writes after that commit.
 */
import type Database from 'better-sqlite3';

export class GroupCommit {
  readonly #db: Database.Database;
  readonly #canCommit: () => boolean;
  #open = false;
  #scheduled = false;

  /** `canCommit` says whether no engine transaction is open (the port's depth is 0). */
  constructor(db: Database.Database, canCommit: () => boolean) {
    this.#db = db;
    this.#canCommit = canCommit;
  }

  /** Before any write or savepoint: make sure the outer transaction is open and its commit scheduled. */
  enter(): void {
    if (!this.#open) {
      this.#db.exec('BEGIN');
      this.#open = true;
    }
    this.schedule();
  }

  /** Asks for a commit at the next event-loop turn (again after a savepoint closes). */
  schedule(): void {
    if (!this.#open || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  /** Commits the outer transaction now, unless an engine transaction is still open. */
  flush(): void {
    if (!this.#open || !this.#canCommit() || !this.#db.open) return;
    this.#db.exec('COMMIT');
    this.#open = false;
  }
}
