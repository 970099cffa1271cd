/**
 * Data stores on SQLite (Make's help: https://help.make.com/data-stores,
 * https://help.make.com/rollback-error-handler). One database holds every store of the
 * project; the engine's transaction calls (begin/commit/rollback around each ACID module, per the
 * auto-commit rules of https://help.make.com/rollback-error-handler) become SQLite SAVEPOINTs, which nest, so
 * a Rollback really restores the rows. A file database is opened in WAL mode on first use (its directory
 * created then); `:memory:` is for tests.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreHandle, DataStoreInfo, DataStorePort } from '../../engine/ports/data-store.ts';
import { betterSqlite3 } from '../lazy-libraries.ts';
import { unknownStoreError } from './errors.ts';
import { type CommitBatch, GroupCommit } from './group-commit.ts';
import { MIN_STORE_BYTES } from './limits.ts';
import type { MemoryDatabaseSource } from './memory-databases.ts';
import { type AsRun, runView } from './run-view.ts';
import { SqliteStoreHandle, type StoreWrite } from './sqlite-store-handle.ts';
import {
  configuredStoreError,
  type DataStoreAdmin,
  type DataStorePatch,
  editableStoreKey,
  type NewDataStore,
  storeTakenError,
} from './store-admin.ts';
import { UndoJournal } from './undo-journal.ts';

export interface SqliteDataStoreOptions {
  /** A file path, or `:memory:`. */
  database: string;
  /**
   * An open connection to use instead of opening `database` (the dev server's, when both name one
   * file), with whoever commits it. Never closed by this store.
   */
  connection?: { db: Database.Database; batch: CommitBatch };
  /**
   * Where a `:memory:` database comes from and goes back to on close (the test runner's pool,
   * modules/datastore/memory-databases.ts), instead of opening and closing one.
   */
  memory?: MemoryDatabaseSource;
  /** The stores of the project config (`dataStores`). */
  stores: ReadonlyArray<Omit<DataStoreInfo, 'maxBytes'> & { maxBytes?: number }>;
  /** For date operators in Search records filters; default `UTC`. */
  timezone?: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS datastore_records (
    store TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, bytes INTEGER NOT NULL,
    PRIMARY KEY (store, key)
  );`;

export class SqliteDataStore implements DataStorePort, DataStoreAdmin {
  readonly #options: SqliteDataStoreOptions;
  readonly #infos: DataStoreInfo[];
  readonly #handles = new Map<string, SqliteStoreHandle>();
  /** Names of the stores created through `create` (not the config's), with their rows' key. */
  readonly #editable = new Map<string, string>();
  #conn: { db: Database.Database; batch: CommitBatch; journal: UndoJournal | undefined } | undefined;
  /** Open savepoints; `makesim_<depth>` is the innermost. */
  #depth = 0;
  /** The run whose write is under way (set by a run view around each write; see run-view.ts). */
  #run: string | undefined;

  constructor(options: SqliteDataStoreOptions) {
    this.#options = options;
    // Make's minimum allocation is also its default here (https://help.make.com/data-stores: min 1 MB per
    // store).
    this.#infos = options.stores.map((s) => ({ ...s, maxBytes: Math.max(s.maxBytes ?? MIN_STORE_BYTES, 1) }));
  }

  /** The database, opened (and its directory created) on first use. */
  get database(): Database.Database {
    return this.#connection().db;
  }

  #connection(): { db: Database.Database; batch: CommitBatch; journal: UndoJournal | undefined } {
    if (this.#conn === undefined) {
      const shared = this.#options.connection;
      const db = shared?.db ?? this.#open();
      if (shared) db.exec(SCHEMA);
      const batch = shared?.batch ?? new GroupCommit(db);
      batch.holdWhile(() => this.#depth > 0);
      // Only a file can outlive a crash: an in-memory store has nothing to undo after one.
      this.#conn = { db, batch, journal: db.memory ? undefined : new UndoJournal(db) };
    }
    return this.#conn;
  }

  #open(): Database.Database {
    const { memory, database } = this.#options;
    return memory && database === ':memory:' ? memory.borrow(SCHEMA) : openDatabase(database);
  }

  /** Opens the outer (group-commit) transaction before a write, journaled for the run making it. */
  #enter(change?: StoreWrite): void {
    const { batch, journal } = this.#connection();
    batch.enter();
    if (change === undefined || this.#run === undefined || journal === undefined) return;
    if (change.key === undefined) journal.beforeDeleteAll(this.#run, change.store);
    else journal.beforeWrite(this.#run, change.store, change.key, change.after);
  }

  /** This port as one run sees it: its writes are journaled under `run` (see undo-journal.ts). */
  forRun(run: string): DataStorePort {
    return runView(this, run, this.#asRun);
  }

  /** Made once per store, not per run: runView calls it around each write of a run. */
  readonly #asRun: AsRun = (run, write) => {
    const previous = this.#run;
    this.#run = run;
    try {
      return write();
    } finally {
      this.#run = previous;
    }
  };

  /** The run's execution is stored: its writes are final. */
  forgetRun(run: string): void {
    this.#conn?.journal?.forget(run);
  }

  /** Puts back what a run that will not be stored wrote (see undo-journal.ts). */
  undoRun(run: string): number {
    const restored = this.#conn?.journal?.undo(run) ?? 0;
    if (restored > 0) for (const handle of this.#handles.values()) handle.forgetSize();
    return restored;
  }

  /** At start: undoes the writes of every run cut off before its execution was stored. */
  recoverRuns(finished: (run: string) => boolean): { undone: number; rows: number } {
    const result = this.#connection().journal?.recover(finished) ?? { undone: 0, rows: 0 };
    for (const handle of this.#handles.values()) handle.forgetSize();
    return result;
  }

  /** Commits pending writes to the file now (tests, and before handing the file to another process). */
  flush(): void {
    this.#conn?.batch.flush();
  }

  list(): DataStoreInfo[] {
    return this.#infos.map((info) => ({ ...info }));
  }

  store(ref: number | string): DataStoreHandle {
    const info = this.#find(ref);
    if (info === undefined)
      throw unknownStoreError(
        ref,
        this.#infos.map((i) => i.name),
      );
    let handle = this.#handles.get(info.name);
    if (handle === undefined) {
      const storeKey = this.#editable.get(info.name);
      handle = new SqliteStoreHandle(this.database, info, {
        timezone: this.#options.timezone ?? 'UTC',
        beforeWrite: (change) => this.#enter(change),
        ...(storeKey === undefined ? {} : { storeKey }),
      });
      this.#handles.set(info.name, handle);
    }
    return handle;
  }

  #find(ref: number | string): DataStoreInfo | undefined {
    const id = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : undefined;
    return this.#infos.find((i) => (id !== undefined && i.makeId === id) || i.name === String(ref));
  }

  create(store: NewDataStore): DataStoreInfo {
    if (this.#infos.some((i) => i.name === store.name)) throw storeTakenError('name', store.name);
    if (this.#infos.some((i) => i.makeId === store.makeId)) throw storeTakenError('id', store.makeId);
    const info: DataStoreInfo = { ...store, maxBytes: Math.max(store.maxBytes, 1) };
    if (info.structure === undefined) delete info.structure;
    this.#infos.push(info);
    this.#editable.set(info.name, editableStoreKey(store.makeId));
    return { ...info };
  }

  update(makeId: number, patch: DataStorePatch): DataStoreInfo {
    const index = this.#editableIndex(makeId);
    const current = this.#infos[index] as DataStoreInfo;
    const name = patch.name ?? current.name;
    if (name !== current.name && this.#infos.some((i) => i.name === name))
      throw storeTakenError('name', name);
    const { structure: _old, ...rest } = current;
    const structure = patch.structure === undefined ? current.structure : (patch.structure ?? undefined);
    const next: DataStoreInfo = {
      ...rest,
      name,
      maxBytes: Math.max(patch.maxBytes ?? current.maxBytes, 1),
      ...(structure ? { structure } : {}),
    };
    this.#infos[index] = next;
    this.#editable.delete(current.name);
    this.#editable.set(name, editableStoreKey(makeId));
    // Running executions keep the handle they hold; the next lookup sees the new definition.
    this.#handles.delete(current.name);
    return { ...next };
  }

  remove(makeId: number): void {
    const index = this.#editableIndex(makeId);
    const info = this.#infos[index] as DataStoreInfo;
    this.#enter();
    this.database.prepare('DELETE FROM datastore_records WHERE store = ?').run(editableStoreKey(makeId));
    this.#infos.splice(index, 1);
    this.#editable.delete(info.name);
    this.#handles.delete(info.name);
  }

  isEditable(makeId: number): boolean {
    const info = this.#infos.find((i) => i.makeId === makeId);
    return info !== undefined && this.#editable.has(info.name);
  }

  #editableIndex(makeId: number): number {
    const index = this.#infos.findIndex((i) => i.makeId === makeId);
    const info = this.#infos[index];
    if (info === undefined)
      throw unknownStoreError(
        makeId,
        this.#infos.map((i) => i.name),
      );
    if (!this.#editable.has(info.name)) throw configuredStoreError(info.name);
    return index;
  }

  begin(): void {
    this.#enter();
    this.database.exec(`SAVEPOINT makesim_${this.#depth + 1}`);
    this.#depth += 1;
  }

  commit(): void {
    this.#requireOpen('commit');
    this.database.exec(`RELEASE makesim_${this.#depth}`);
    this.#depth -= 1;
    this.#conn?.batch.schedule();
  }

  rollback(): void {
    this.#requireOpen('rollback');
    this.database.exec(`ROLLBACK TO makesim_${this.#depth}; RELEASE makesim_${this.#depth}`);
    this.#depth -= 1;
    this.#conn?.batch.schedule();
    for (const handle of this.#handles.values()) handle.forgetSize();
  }

  /** How many transactions are open (0 outside any). */
  get depth(): number {
    return this.#depth;
  }

  /**
   * An unbalanced commit/rollback is an engine fault; Make reports commit-phase faults as InconsistencyError
   * (https://help.make.com/rollback-error-handler).
   */
  #requireOpen(what: string): void {
    if (this.#depth === 0) {
      throw new MakeError('InconsistencyError', `Data store ${what} without an open transaction.`);
    }
  }

  /** Rolls back whatever is still open (an interrupted run) and closes the database. */
  close(): void {
    while (this.#depth > 0) this.rollback();
    this.#conn?.batch.flush();
    const { connection, memory } = this.#options;
    if (this.#conn && !connection) {
      if (memory && this.#conn.db.memory) memory.giveBack(this.#conn.db);
      else this.#conn.db.close();
    }
    this.#conn = undefined;
    this.#handles.clear();
  }
}

function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new (betterSqlite3())(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.exec(SCHEMA);
  return db;
}
