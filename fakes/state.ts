/**
 * The state of fakes: collection (a sheet, a channel, a mailbox) → id → JSON data, in insertion
 * order, plus named watch cursors, per fake. Two places keep it, with the same answers
 * (test/unit/fakes/state.test.ts runs both):
 * - SqliteFakeState, in `makesim serve`: the server's database file, one scope per scenario, so
 *   the state outlives restarts. Every fake keeps its records in one table and its cursors in
 *   another.
 * - MemoryFakeState (memory-state.ts), in a test case or library run: plain maps that live as
 *   long as the case, so cases never share state and a case pays no SQL for its fakes.
 */
import Database from 'better-sqlite3';

export interface FakeRecord {
  id: string;
  data: Record<string, unknown>;
}

/** The fakes' tables, made in the server's database when a scenario's fakes first use it. */
export const FAKE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS fake_records (scope TEXT, fake TEXT, collection TEXT, id TEXT,
    seq INTEGER, data TEXT, PRIMARY KEY (scope, fake, collection, id));
  CREATE TABLE IF NOT EXISTS fake_cursors (scope TEXT, fake TEXT, name TEXT, value TEXT,
    PRIMARY KEY (scope, fake, name));`;

/** What a fake reads and writes; data goes through JSON both ways, so a read is always a copy. */
export interface FakeState {
  /**
   * Runs `read` (a snapshot) with every record and cursor read at once where that is cheaper
   * than a query each; a write while it runs is seen by later reads.
   */
  readingAll<T>(read: () => T): T;
  list(fake: string, collection: string): FakeRecord[];
  get(fake: string, collection: string, id: string): Record<string, unknown> | undefined;
  /** Writes a record: a new id goes last, an existing one keeps its place. */
  put(fake: string, collection: string, id: string, data: Record<string, unknown>): void;
  remove(fake: string, collection: string, id: string): boolean;
  /** The collections that hold a record, in the order of their names' code points. */
  collections(fake: string): string[];
  cursor(fake: string, name: string): string | undefined;
  /** Cursor names starting with `prefix` (ASCII letters in any case, as SQL's LIKE), sorted. */
  cursorNames(fake: string, prefix: string): string[];
  setCursor(fake: string, name: string, value: string): void;
  close(): void;
}

export class SqliteFakeState implements FakeState {
  readonly #db: Database.Database;
  /** Whether this state opened its connection (and so closes it). */
  readonly #owned: boolean;
  readonly #statements: Statements;
  /** Every record and cursor of the scope, read at once, while `readingAll` runs. */
  #all: AllRows | undefined;

  /**
   * `database` is a path (`:memory:` in tests) or an open connection to share — the dev server
   * passes its own, so no second connection ever waits on its lock. `scope` keeps several
   * scenarios' fakes apart in one database file.
   */
  constructor(database: string | Database.Database = ':memory:', scope = '') {
    this.#owned = typeof database === 'string';
    this.#db = typeof database === 'string' ? new Database(database) : database;
    this.#statements = statementsFor(this.#db, scope);
  }

  /**
   * Runs `read` with every record and cursor of this scope read in two queries, instead of one or
   * more per collection: a case's fakes snapshot reads them all (fakes/index.ts), and those
   * queries were most of what a fake-backed case cost beyond its mocks (bench/fakes.bench.ts).
   * A write while it runs drops the copy, so reads never see stale rows.
   */
  readingAll<T>(read: () => T): T {
    this.#all = readAll(this.#statements);
    try {
      return read();
    } finally {
      this.#all = undefined;
    }
  }

  list(fake: string, collection: string): FakeRecord[] {
    const rows =
      this.#all?.records.get(fake)?.get(collection) ??
      (this.#all ? [] : (this.#statements.list.all(fake, collection) as StoredRecord[]));
    return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) }));
  }

  get(fake: string, collection: string, id: string): Record<string, unknown> | undefined {
    const row = this.#all
      ? this.#all.records
          .get(fake)
          ?.get(collection)
          ?.find((r) => r.id === id)
      : (this.#statements.get.get(fake, collection, id) as { data: string } | undefined);
    return row ? JSON.parse(row.data) : undefined;
  }

  /** Writes a record: a new id goes last, an existing one keeps its place. */
  put(fake: string, collection: string, id: string, data: Record<string, unknown>): void {
    this.#all = undefined;
    const text = JSON.stringify(data);
    this.#statements.put.run(fake, collection, id, fake, text);
  }

  remove(fake: string, collection: string, id: string): boolean {
    this.#all = undefined;
    return this.#statements.remove.run(fake, collection, id).changes > 0;
  }

  collections(fake: string): string[] {
    if (this.#all) return [...(this.#all.records.get(fake)?.keys() ?? [])];
    return (this.#statements.collections.all(fake) as Array<{ collection: string }>).map((r) => r.collection);
  }

  cursor(fake: string, name: string): string | undefined {
    if (this.#all) return this.#all.cursors.get(fake)?.get(name);
    return (this.#statements.cursor.get(fake, name) as { value: string } | undefined)?.value;
  }

  /** Cursor names starting with `prefix` (ASCII letters in any case, as SQL's LIKE), sorted. */
  cursorNames(fake: string, prefix: string): string[] {
    const pattern = prefix.replace(/[%_]/g, '');
    if (this.#all) {
      const wanted = asciiLower(pattern);
      const names = this.#all.cursors.get(fake)?.keys() ?? [];
      return [...names].filter((name) => asciiLower(name).startsWith(wanted));
    }
    const rows = this.#statements.cursorNames.all(fake, `${pattern}%`) as Array<{ name: string }>;
    return rows.map((r) => r.name);
  }

  setCursor(fake: string, name: string, value: string): void {
    this.#all = undefined;
    this.#statements.setCursor.run(fake, name, value);
  }

  close(): void {
    if (this.#owned) this.#db.close();
  }
}

type Statements = ReturnType<typeof prepareStatements>;

interface StoredRecord {
  id: string;
  data: string;
}

/** A scope's rows as the per-collection queries give them: fake → collection → records by seq. */
interface AllRows {
  records: Map<string, Map<string, StoredRecord[]>>;
  /** fake → cursor name → value, names in SQL's order. */
  cursors: Map<string, Map<string, string>>;
}

/** Both tables of a scope, in the order the single-collection queries use (SQLite's own sort). */
function readAll(statements: Statements): AllRows {
  const records = new Map<string, Map<string, StoredRecord[]>>();
  const rows = statements.allRecords.all() as Array<StoredRecord & { fake: string; collection: string }>;
  for (const { fake, collection, id, data } of rows) {
    const byCollection = records.get(fake) ?? new Map<string, StoredRecord[]>();
    records.set(fake, byCollection);
    const list = byCollection.get(collection) ?? [];
    byCollection.set(collection, list);
    list.push({ id, data });
  }
  const cursors = new Map<string, Map<string, string>>();
  for (const { fake, name, value } of statements.allCursors.all() as Array<{
    fake: string;
    name: string;
    value: string;
  }>) {
    const byName = cursors.get(fake) ?? new Map<string, string>();
    cursors.set(fake, byName);
    byName.set(name, value);
  }
  return { records, cursors };
}

/** Lower-cases A–Z only: SQLite's LIKE ignores the case of ASCII letters, and only of those. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * The statements of one scope of one connection, prepared once (with the tables) and kept with
 * the connection: the server's serves many states.
 */
const prepared = new WeakMap<Database.Database, Map<string, Statements>>();

function statementsFor(db: Database.Database, scope: string): Statements {
  let byScope = prepared.get(db);
  if (byScope === undefined) {
    db.exec(FAKE_SCHEMA);
    byScope = new Map();
    prepared.set(db, byScope);
  }
  let statements = byScope.get(scope);
  if (statements === undefined) {
    statements = prepareStatements(db, scope);
    byScope.set(scope, statements);
  }
  return statements;
}

function prepareStatements(database: Database.Database, scope: string) {
  const db = scoped(database, scope);
  return {
    list: db.prepare(
      'SELECT id, data FROM fake_records WHERE scope = @scope AND fake = ? AND collection = ? ORDER BY seq',
    ),
    get: db.prepare(
      'SELECT data FROM fake_records WHERE scope = @scope AND fake = ? AND collection = ? AND id = ?',
    ),
    collections: db.prepare(
      'SELECT DISTINCT collection FROM fake_records WHERE scope = @scope AND fake = ? ORDER BY collection',
    ),
    // One statement (an upsert) instead of update-or-insert: a new id gets the next seq, an
    // existing one keeps its seq and so its place.
    put: db.prepare(
      `INSERT INTO fake_records (scope, fake, collection, id, seq, data)
       VALUES (@scope, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fake_records WHERE scope = @scope AND fake = ?), ?)
       ON CONFLICT (scope, fake, collection, id) DO UPDATE SET data = excluded.data`,
    ),
    remove: db.prepare(
      'DELETE FROM fake_records WHERE scope = @scope AND fake = ? AND collection = ? AND id = ?',
    ),
    cursor: db.prepare('SELECT value FROM fake_cursors WHERE scope = @scope AND fake = ? AND name = ?'),
    cursorNames: db.prepare(
      'SELECT name FROM fake_cursors WHERE scope = @scope AND fake = ? AND name LIKE ? ORDER BY name',
    ),
    setCursor: db.prepare(
      'INSERT OR REPLACE INTO fake_cursors (scope, fake, name, value) VALUES (@scope, ?, ?, ?)',
    ),
    allRecords: db.prepare(
      'SELECT fake, collection, id, data FROM fake_records WHERE scope = @scope ORDER BY fake, collection, seq',
    ),
    allCursors: db.prepare(
      'SELECT fake, name, value FROM fake_cursors WHERE scope = @scope ORDER BY fake, name',
    ),
  };
}

/** Statements bound to one scope: `@scope` in the SQL, the positional values as given. */
function scoped(db: Database.Database, scope: string) {
  return {
    prepare(sql: string) {
      const statement = db.prepare(sql);
      return {
        all: (...values: unknown[]) => statement.all({ scope }, ...values),
        get: (...values: unknown[]) => statement.get({ scope }, ...values),
        run: (...values: unknown[]) => statement.run({ scope }, ...values),
      };
    },
  };
}
