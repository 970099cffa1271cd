/**
 * The undo journal of the dev server's runs. Data store writes commit with whatever else the
 * shared connection commits (server/queue/group-commit.ts), so a run killed half way (SIGKILL,
 * power loss) can leave some of its rows durable while its execution record and queue
 * acknowledgement are not — and its webhook is run again after the restart. For each row a run
 * writes, the journal keeps, in the same transaction as the write, the row as it was before the
 * run first touched it and as the run last left it. The record's store removes the run's journal
 * rows; at start, the rows of every run that has no stored execution are put back, newest first,
 * so the re-run starts from the state before the first attempt (all or none). A row another run
 * changed since (its value is no longer the one this run wrote) is left as it is.
 */
import type Database from 'better-sqlite3';

export const JOURNAL_SCHEMA = `
  CREATE TABLE IF NOT EXISTS datastore_undo (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run TEXT NOT NULL, store TEXT NOT NULL, key TEXT NOT NULL,
    before_data TEXT, before_bytes INTEGER, after_data TEXT,
    UNIQUE (run, store, key)
  );`;

interface JournalRow {
  store: string;
  key: string;
  before_data: string | null;
  before_bytes: number | null;
  after_data: string | null;
}

export class UndoJournal {
  readonly #db: Database.Database;
  readonly #sql;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(JOURNAL_SCHEMA);
    const before = `SELECT @run, @store, @key, r.data, r.bytes, @after FROM (SELECT 1)
      LEFT JOIN datastore_records r ON r.store = @store AND r.key = @key WHERE true`;
    const keep = 'ON CONFLICT (run, store, key) DO UPDATE SET after_data = excluded.after_data';
    this.#sql = {
      row: db.prepare<[{ run: string; store: string; key: string; after: string | null }]>(
        `INSERT INTO datastore_undo (run, store, key, before_data, before_bytes, after_data) ${before} ${keep}`,
      ),
      all: db.prepare<[string, string]>(
        `INSERT INTO datastore_undo (run, store, key, before_data, before_bytes, after_data)
         SELECT ?, store, key, data, bytes, NULL FROM datastore_records WHERE store = ? ${keep}`,
      ),
      runs: db.prepare<[], { run: string }>('SELECT DISTINCT run FROM datastore_undo'),
      ofRun: db.prepare<[string], JournalRow>('SELECT * FROM datastore_undo WHERE run = ? ORDER BY id DESC'),
      forget: db.prepare<[string]>('DELETE FROM datastore_undo WHERE run = ?'),
      current: db.prepare<[string, string], { data: string }>(
        'SELECT data FROM datastore_records WHERE store = ? AND key = ?',
      ),
      put: db.prepare<[string, string, string, number]>(
        `INSERT INTO datastore_records (store, key, data, bytes) VALUES (?, ?, ?, ?)
         ON CONFLICT (store, key) DO UPDATE SET data = excluded.data, bytes = excluded.bytes`,
      ),
      delete: db.prepare<[string, string]>('DELETE FROM datastore_records WHERE store = ? AND key = ?'),
    };
  }

  /** Before `run` writes `key` of `store` (`after`: the row's new data, null for a delete). */
  beforeWrite(run: string, store: string, key: string, after: string | null): void {
    this.#sql.row.run({ run, store, key, after });
  }

  /** Before `run` deletes every row of `store`. */
  beforeDeleteAll(run: string, store: string): void {
    this.#sql.all.run(run, store);
  }

  /** The run's execution is stored: its writes stay. */
  forget(run: string): void {
    this.#sql.forget.run(run);
  }

  /** Puts back what the run wrote (newest first) and forgets it; returns the rows restored. */
  undo(run: string): number {
    let restored = 0;
    this.#db.transaction(() => {
      for (const row of this.#sql.ofRun.all(run)) {
        const current = this.#sql.current.get(row.store, row.key)?.data ?? null;
        if (current !== row.after_data) continue;
        if (row.before_data === null) this.#sql.delete.run(row.store, row.key);
        else this.#sql.put.run(row.store, row.key, row.before_data, row.before_bytes ?? 0);
        restored += 1;
      }
      this.#sql.forget.run(run);
    })();
    return restored;
  }

  /** At start: undoes every journaled run that `finished` does not know, forgets the others. */
  recover(finished: (run: string) => boolean): { undone: number; rows: number } {
    let undone = 0;
    let rows = 0;
    for (const { run } of this.#sql.runs.all()) {
      if (finished(run)) {
        this.forget(run);
        continue;
      }
      rows += this.undo(run);
      undone += 1;
    }
    return { undone, rows };
  }
}
