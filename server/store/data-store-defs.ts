/**
 * Data stores created over the API (https://developers.make.com/api-documentation/api-reference/data-stores):
 * their definitions live in the server database so they survive a restart; their records live with every
 * other store's records (modules/datastore). Stores of makesim.config.json are not kept here.
 */
import type { Db } from '../queue/db.ts';

export interface DataStoreDef {
  /** Make's data store id: what blueprints write in `parameters.datastore`. */
  id: number;
  name: string;
  datastructureId: number | null;
  maxBytes: number;
}

interface Row {
  id: number;
  name: string;
  datastructure_id: number | null;
  max_bytes: number;
}

function toDef(row: Row): DataStoreDef {
  return { id: row.id, name: row.name, datastructureId: row.datastructure_id, maxBytes: row.max_bytes };
}

export class DataStoreDefStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): DataStoreDef[] {
    return (this.#db.prepare('SELECT * FROM data_store_defs ORDER BY id').all() as Row[]).map(toDef);
  }

  get(id: number): DataStoreDef | undefined {
    const row = this.#db.prepare('SELECT * FROM data_store_defs WHERE id = ?').get(id) as Row | undefined;
    return row ? toDef(row) : undefined;
  }

  /**
   * Never reuses an id, not even a deleted store's: a blueprint still naming the deleted id must
   * fail, not reach a newer store (AUTOINCREMENT-like, from the largest id ever handed out).
   */
  nextId(floor: number): number {
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = 'lastDataStoreId'").get() as
      | { value: string }
      | undefined;
    return Math.max(floor, Number(row?.value ?? 0)) + 1;
  }

  save(def: DataStoreDef, now: Date): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO data_store_defs (id, name, datastructure_id, max_bytes, created) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, datastructure_id = excluded.datastructure_id,
           max_bytes = excluded.max_bytes`,
        )
        .run(def.id, def.name, def.datastructureId, def.maxBytes, now.toISOString());
      this.#db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('lastDataStoreId', ?)
           ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
        )
        .run(String(def.id));
    })();
  }

  delete(id: number): void {
    this.#db.prepare('DELETE FROM data_store_defs WHERE id = ?').run(id);
  }

  /** Stores whose structure is `datastructureId`. */
  using(datastructureId: number): DataStoreDef[] {
    return this.list().filter((def) => def.datastructureId === datastructureId);
  }
}
