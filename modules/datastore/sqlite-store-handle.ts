/**
 * One data store's records in the shared SQLite database (https://help.make.com/data-stores): records
 * `{key, data}` kept in insertion order, the data structure checked on every write, and the bytes
 * in use summed from the rows (each row keeps its size), so a rollback restores the figure with them.
 * The sum is cached per process; another process writing the same file can make it stale until
 * the next rollback or restart (only the space check reads it).
 */
import type Database from 'better-sqlite3';
import type {
  DataStoreHandle,
  DataStoreInfo,
  DataStoreRecord,
  DataStoreSearch,
} from '../../engine/ports/data-store.ts';
import { checkSpace, recordBytes } from './limits.ts';
import { matches, sortRecords } from './search.ts';
import { applyStructure } from './structure.ts';

/** A write about to happen: one row (`after` null for a delete), or every row (`key` undefined). */
export interface StoreWrite {
  store: string;
  key: string | undefined;
  after: string | null;
}

interface Row {
  key: string;
  data: string;
}

function toRecord(row: Row): DataStoreRecord {
  return { key: row.key, data: JSON.parse(row.data) as Record<string, unknown> };
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * The statements, prepared once per connection and shared by its handles (each passes its own
 * store key): a test case's handles are made anew on a reused database (issue 14 §4).
 */
const prepared = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Database.Database): Statements {
  let statements = prepared.get(db);
  if (statements === undefined) {
    statements = prepareStatements(db);
    prepared.set(db, statements);
  }
  return statements;
}

function prepareStatements(db: Database.Database) {
  return {
    get: db.prepare<[string, string], Row>(
      'SELECT key, data FROM datastore_records WHERE store = ? AND key = ?',
    ),
    bytes: db.prepare<[string, string], { bytes: number }>(
      'SELECT bytes FROM datastore_records WHERE store = ? AND key = ?',
    ),
    all: db.prepare<[string], Row>('SELECT key, data FROM datastore_records WHERE store = ? ORDER BY rowid'),
    upsert: db.prepare<[string, string, string, number]>(
      `INSERT INTO datastore_records (store, key, data, bytes) VALUES (?, ?, ?, ?)
       ON CONFLICT (store, key) DO UPDATE SET data = excluded.data, bytes = excluded.bytes`,
    ),
    delete: db.prepare<[string, string]>('DELETE FROM datastore_records WHERE store = ? AND key = ?'),
    deleteAll: db.prepare<[string]>('DELETE FROM datastore_records WHERE store = ?'),
    count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM datastore_records WHERE store = ?'),
    used: db.prepare<[string], { used: number | null }>(
      'SELECT SUM(bytes) AS used FROM datastore_records WHERE store = ?',
    ),
  };
}

export class SqliteStoreHandle implements DataStoreHandle {
  readonly info: DataStoreInfo;
  /** The rows' `store` column: the store's name, or a fixed key that survives a rename (API stores). */
  readonly #key: string;
  readonly #timezone: string;
  readonly #beforeWrite: (change: StoreWrite) => void;
  /** Bytes in use, summed once and then kept up to date; dropped when a rollback rewinds the rows. */
  #used: number | undefined;
  readonly #sql: Statements;

  constructor(
    db: Database.Database,
    info: DataStoreInfo,
    options: { timezone: string; beforeWrite: (change: StoreWrite) => void; storeKey?: string },
  ) {
    this.info = info;
    this.#key = options.storeKey ?? info.name;
    this.#timezone = options.timezone;
    this.#beforeWrite = options.beforeWrite;
    this.#sql = statementsFor(db);
  }

  get(key: string): DataStoreRecord | undefined {
    const row = this.#sql.get.get(this.#key, key);
    return row === undefined ? undefined : toRecord(row);
  }

  has(key: string): boolean {
    return this.#sql.bytes.get(this.#key, key) !== undefined;
  }

  /**
   * Every check happens before the first write, so a refused record changes nothing; the two
   * writes (row, usage) then cannot be refused and need no transaction of their own.
   */
  put(key: string, data: Record<string, unknown>): DataStoreRecord {
    const name = this.#key;
    const record = applyStructure(this.info.structure, data, { store: this.info.name, key });
    const json = JSON.stringify(record);
    const size = recordBytes(key, json);
    const previous = this.#sql.bytes.get(name, key)?.bytes ?? 0;
    const used = this.size();
    checkSpace({
      store: this.info.name,
      used,
      delta: size - previous,
      recordSize: size,
      maxBytes: this.info.maxBytes,
    });
    this.#beforeWrite({ store: name, key, after: json });
    this.#sql.upsert.run(name, key, json, size);
    this.#used = used + size - previous;
    return { key, data: JSON.parse(json) as Record<string, unknown> };
  }

  delete(key: string): boolean {
    const previous = this.#sql.bytes.get(this.#key, key);
    if (previous === undefined) return false;
    this.#beforeWrite({ store: this.#key, key, after: null });
    this.#sql.delete.run(this.#key, key);
    if (this.#used !== undefined) this.#used -= previous.bytes;
    return true;
  }

  deleteAll(): number {
    this.#beforeWrite({ store: this.#key, key: undefined, after: null });
    const removed = this.#sql.deleteAll.run(this.#key).changes;
    this.#used = 0;
    return removed;
  }

  search(query: DataStoreSearch): DataStoreRecord[] {
    const found: DataStoreRecord[] = [];
    for (const row of this.#sql.all.iterate(this.#key)) {
      const record = toRecord(row);
      if (matches(record, query.filter, this.#timezone)) found.push(record);
    }
    const sorted = sortRecords(found, query.sort);
    return query.limit === undefined ? sorted : sorted.slice(0, query.limit);
  }

  count(): number {
    return this.#sql.count.get(this.#key)?.n ?? 0;
  }

  size(): number {
    if (this.#used === undefined) this.#used = this.#sql.used.get(this.#key)?.used ?? 0;
    return this.#used;
  }

  /** Called by the port after a rollback: the rows changed under the cached figure. */
  forgetSize(): void {
    this.#used = undefined;
  }
}
