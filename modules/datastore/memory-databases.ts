/**
 * Reusable in-memory SQLite databases for runs that each need an empty one (test cases' data
 * stores). Opening a `:memory:` database and creating its tables cost about a millisecond per
 * case; a database handed back is emptied and lent to the next run instead. A run holds its database alone from `borrow` to `giveBack`, and gets it with every
 * table empty, no transaction open and the tables it was made with, so no state passes between
 * runs; a database that cannot be brought back to that is closed, never lent again.
 */
import type Database from 'better-sqlite3';
import { betterSqlite3 } from '../lazy-libraries.ts';

/** What a data store or fake state needs to borrow a database (the schema: its CREATE TABLEs). */
export interface MemoryDatabaseSource {
  borrow(schema: string): Database.Database;
  giveBack(db: Database.Database): void;
}

interface Kept {
  schema: string;
  /** One DELETE per table of the schema. */
  clear: Database.Statement[];
  count: Database.Statement<[], { n: number }>;
  /** The count of sqlite_master rows when made: more means a run created something of its own. */
  objects: number;
}

export class MemoryDatabasePool implements MemoryDatabaseSource {
  readonly #free = new Map<string, Database.Database[]>();
  readonly #kept = new WeakMap<Database.Database, Kept>();
  readonly #maxFree: number;

  /** `maxFree`: databases kept per schema (runs in flight at once need no more). */
  constructor(maxFree = 8) {
    this.#maxFree = maxFree;
  }

  borrow(schema: string): Database.Database {
    const db = this.#free.get(schema)?.pop();
    if (db !== undefined) return db;
    return this.#open(schema);
  }

  giveBack(db: Database.Database): void {
    const kept = this.#kept.get(db);
    if (kept === undefined || !db.open) return;
    const free = this.#free.get(kept.schema) ?? [];
    if (free.length >= this.#maxFree || !empty(db, kept)) {
      db.close();
      return;
    }
    free.push(db);
    this.#free.set(kept.schema, free);
  }

  /** How many databases wait to be lent (tests). */
  get freeCount(): number {
    let n = 0;
    for (const list of this.#free.values()) n += list.length;
    return n;
  }

  #open(schema: string): Database.Database {
    const db = new (betterSqlite3())(':memory:');
    db.exec(schema);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    const clear = tables.map(({ name }) => db.prepare(`DELETE FROM "${name.replaceAll('"', '""')}"`));
    const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sqlite_master');
    this.#kept.set(db, { schema, clear, count, objects: count.get()?.n ?? 0 });
    return db;
  }
}

/** Empties the tables; false when the database is not as it was made and must not be reused. */
function empty(db: Database.Database, kept: Kept): boolean {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (kept.count.get()?.n !== kept.objects) return false;
    for (const statement of kept.clear) statement.run();
    return !db.inTransaction;
  } catch {
    return false;
  }
}

/** This thread's pool: every test case of a suite (and every library run) borrows from it. */
export const memoryDatabases = new MemoryDatabasePool();
