/**
 * The in-memory state of a case's fakes: one better-sqlite3 `:memory:` database per case, so
 * cases never share state. Every fake keeps its records in one table — collection (a sheet, a
 * channel, a mailbox) → id → JSON data, in insertion order — and its watch cursors in another.
 */
import Database from 'better-sqlite3';

export interface FakeRecord {
  id: string;
  data: Record<string, unknown>;
}

export class FakeState {
  readonly #db = new Database(':memory:');
  readonly #statements;

  constructor() {
    this.#db.exec(`
      CREATE TABLE records (fake TEXT, collection TEXT, id TEXT, seq INTEGER, data TEXT,
        PRIMARY KEY (fake, collection, id));
      CREATE TABLE cursors (fake TEXT, name TEXT, value TEXT, PRIMARY KEY (fake, name));`);
    const db = this.#db;
    this.#statements = {
      list: db.prepare('SELECT id, data FROM records WHERE fake = ? AND collection = ? ORDER BY seq'),
      get: db.prepare('SELECT data FROM records WHERE fake = ? AND collection = ? AND id = ?'),
      collections: db.prepare('SELECT DISTINCT collection FROM records WHERE fake = ? ORDER BY collection'),
      nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM records WHERE fake = ?'),
      insert: db.prepare('INSERT INTO records (fake, collection, id, seq, data) VALUES (?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE records SET data = ? WHERE fake = ? AND collection = ? AND id = ?'),
      remove: db.prepare('DELETE FROM records WHERE fake = ? AND collection = ? AND id = ?'),
      cursor: db.prepare('SELECT value FROM cursors WHERE fake = ? AND name = ?'),
      cursorNames: db.prepare('SELECT name FROM cursors WHERE fake = ? AND name LIKE ? ORDER BY name'),
      setCursor: db.prepare('INSERT OR REPLACE INTO cursors (fake, name, value) VALUES (?, ?, ?)'),
    };
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
    this.#db.close();
  }
}
