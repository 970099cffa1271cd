/**
 * Data structures (https://developers.make.com/api-documentation/api-reference/data-structures): `{id, name,
 * strict, spec}`, referenced by data stores (`datastructureId`) and by webhooks (`data.udt`,
 * https://help.make.com/webhooks). Kept in the server database; the structures of makesim.config.json are
 * written here at start (config/types.ts `dataStructures`).
 */
import type { DataStructureConfig } from '../../config/types.ts';
import type { DataStoreField } from '../../engine/ports/data-store.ts';
import { type Db, nextIdSql } from '../queue/db.ts';

export interface StoredDataStructure {
  id: number;
  name: string;
  strict: boolean;
  spec: DataStoreField[];
}

interface Row {
  id: number;
  name: string;
  strict: number;
  spec: string;
}

function toStructure(row: Row): StoredDataStructure {
  return {
    id: row.id,
    name: row.name,
    strict: row.strict === 1,
    spec: JSON.parse(row.spec) as DataStoreField[],
  };
}

/** A data structure of makesim.config.json (`dataStructures`); without `id`, matched by name. */
export type ConfigDataStructure = DataStructureConfig;

export class DataStructureStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  get(id: number): StoredDataStructure | undefined {
    const row = this.#db.prepare('SELECT * FROM data_structures WHERE id = ?').get(id) as Row | undefined;
    return row ? toStructure(row) : undefined;
  }

  list(): StoredDataStructure[] {
    return (this.#db.prepare('SELECT * FROM data_structures ORDER BY name, id').all() as Row[]).map(
      toStructure,
    );
  }

  byName(name: string): StoredDataStructure | undefined {
    const row = this.#db
      .prepare('SELECT * FROM data_structures WHERE name = ? ORDER BY id LIMIT 1')
      .get(name) as Row | undefined;
    return row ? toStructure(row) : undefined;
  }

  /** A new structure; `id` only for structures whose id is fixed elsewhere (the config). */
  create(input: Omit<StoredDataStructure, 'id'> & { id?: number; now: Date }): StoredDataStructure {
    const result = this.#db
      .prepare(
        `INSERT INTO data_structures (id, name, strict, spec, created)
         VALUES (COALESCE(?, ${nextIdSql('data_structures')}), ?, ?, ?, ?)`,
      )
      .run(
        input.id ?? null,
        input.name,
        input.strict ? 1 : 0,
        JSON.stringify(input.spec),
        input.now.toISOString(),
      );
    return this.get(Number(result.lastInsertRowid)) as StoredDataStructure;
  }

  update(id: number, patch: Partial<Omit<StoredDataStructure, 'id'>>): StoredDataStructure | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.#db
      .prepare('UPDATE data_structures SET name = ?, strict = ?, spec = ? WHERE id = ?')
      .run(next.name, next.strict ? 1 : 0, JSON.stringify(next.spec), id);
    return next;
  }

  /** Writes the config's structures: the config wins over changes made over the API. */
  seed(structures: readonly ConfigDataStructure[], now: Date): void {
    this.#db.transaction(() => {
      for (const { id, name, strict = false, spec } of structures) {
        const existing = id === undefined ? this.byName(name) : this.get(id);
        if (existing) this.update(existing.id, { name, strict, spec });
        else this.create({ ...(id === undefined ? {} : { id }), name, strict, spec, now });
      }
    })();
  }

  delete(id: number): void {
    this.#db.prepare('DELETE FROM data_structures WHERE id = ?').run(id);
  }
}
