/**
 * The state of fakes: in a test, one better-sqlite3 `:memory:` database per case, so cases never
 * share state; in `makesim serve`, the server's database file, one scope per scenario, so the
 * state outlives restarts. Every fake keeps its records in one table — collection (a sheet, a
 * channel, a mailbox) → id → JSON data, in insertion order — and its watch cursors in another.
 */
import Database from 'better-sqlite3';

export interface FakeRecord {
  id: string;
  data: Record<string, unknown>;
}

/** The fakes' tables (a pooled database is made with them: engine/ports/memory-databases.ts). */
export const FAKE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS fake_records (scope TEXT, fake TEXT, collection TEXT, id TEXT,
    seq INTEGER, data TEXT, PRIMARY KEY (scope, fake, collection, id));
  CREATE TABLE IF NOT EXISTS fake_cursors (scope TEXT, fake TEXT, name TEXT, value TEXT,
    PRIMARY KEY (scope, fake, name));`;

export class FakeState {
  readonly #db: Database.Database;
  /** Whether this state opened its connection (and so closes it). */
  readonly #owned: boolean;
  /** Called on close instead of closing a connection this state did not open (a pooled one). */
  readonly #release: (() => void) | undefined;
  readonly #statements: Statements;

  /**
   * `database` is a path (`:memory:` in tests) or an open connection to share — the dev server
   * passes its own, so no second connection ever waits on its lock. `scope` keeps several
   * scenarios' fakes apart in one database file.
   */
  constructor(database: string | Database.Database = ':memory:', scope = '', release?: () => void) {
    this.#owned = typeof database === 'string';
    this.#release = release;
    this.#db = typeof database === 'string' ? new Database(database) : database;
    this.#statements = statementsFor(this.#db, scope);
  }

  list(fake: string, collection: string): FakeRecord[] {
    const rows = this.#statements.list.all(fake, collection) as Array<{ id: string; data: string }>;
    return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) }));
  }

  get(fake: string, collection: string, id: string): Record<string, unknown> | undefined {
    const row = this.#statements.get.get(fake, collection, id) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : undefined;
  }

  /** Writes a record: a new id goes last, an existing one keeps its place. */
  put(fake: string, collection: string, id: string, data: Record<string, unknown>): void {
    const text = JSON.stringify(data);
    const changed = this.#statements.update.run(text, fake, collection, id).changes;
    if (changed > 0) return;
    const { seq } = this.#statements.nextSeq.get(fake) as { seq: number };
    this.#statements.insert.run(fake, collection, id, seq, text);
  }

  remove(fake: string, collection: string, id: string): boolean {
    return this.#statements.remove.run(fake, collection, id).changes > 0;
  }

  collections(fake: string): string[] {
    return (this.#statements.collections.all(fake) as Array<{ collection: string }>).map((r) => r.collection);
  }

  cursor(fake: string, name: string): string | undefined {
    return (this.#statements.cursor.get(fake, name) as { value: string } | undefined)?.value;
  }

  /** Cursor names starting with `prefix`, sorted. */
  cursorNames(fake: string, prefix: string): string[] {
    const rows = this.#statements.cursorNames.all(fake, `${prefix.replace(/[%_]/g, '')}%`) as Array<{
      name: string;
    }>;
    return rows.map((r) => r.name);
  }

  setCursor(fake: string, name: string, value: string): void {
    this.#statements.setCursor.run(fake, name, value);
  }

  close(): void {
    if (this.#owned) this.#db.close();
    else this.#release?.();
  }
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * The statements of one scope of one connection, prepared once (with the tables) and kept with
 * the connection: a pooled test database or the server's serves many states.
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
    nextSeq: db.prepare(
      'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM fake_records WHERE scope = @scope AND fake = ?',
    ),
    insert: db.prepare(
      'INSERT INTO fake_records (scope, fake, collection, id, seq, data) VALUES (@scope, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare(
      'UPDATE fake_records SET data = ? WHERE scope = @scope AND fake = ? AND collection = ? AND id = ?',
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
