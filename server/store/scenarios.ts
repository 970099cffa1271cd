/**
 * Scenarios as the server keeps them: the blueprint, its scheduling object (not part of the
 * blueprint in Make: the API keeps it in a field of its own,
 * https://developers.make.com/api-documentation/api-reference/scenarios), activation and the
 * consecutive-error count (https://help.make.com/overview-of-error-handling).
 */
import { type Db, nextIdSql } from '../queue/db.ts';

export interface Scheduling {
  type: string;
  interval?: number;
  date?: string;
  time?: string;
  days?: number[];
  months?: number[];
  between?: unknown;
  restrict?: unknown;
  maximum_runs_per_minute?: number;
  [key: string]: unknown;
}

export interface StoredScenario {
  id: number;
  name: string;
  /** The blueprint file, for scenarios loaded from disk. */
  source: string | null;
  blueprint: Record<string, unknown>;
  scheduling: Scheduling;
  isActive: boolean;
  /** Stopped because of errors (Make's `isinvalid`). */
  isInvalid: boolean;
  consecutiveErrors: number;
  hookId: number | null;
  nextExec: string | null;
  created: string;
  lastEdit: string;
}

interface Row {
  id: number;
  name: string;
  source: string | null;
  blueprint: string;
  scheduling: string;
  is_active: number;
  is_invalid: number;
  consecutive_errors: number;
  hook_id: number | null;
  next_exec: string | null;
  created: string;
  last_edit: string;
}

function toScenario(row: Row, blueprint: Record<string, unknown>): StoredScenario {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    blueprint,
    scheduling: JSON.parse(row.scheduling) as Scheduling,
    isActive: row.is_active === 1,
    isInvalid: row.is_invalid === 1,
    consecutiveErrors: row.consecutive_errors,
    hookId: row.hook_id,
    nextExec: row.next_exec,
    created: row.created,
    lastEdit: row.last_edit,
  };
}

export interface NewScenario {
  id?: number;
  name: string;
  source: string | null;
  blueprint: Record<string, unknown>;
  scheduling: Scheduling;
  isActive: boolean;
  now: Date;
}

/** Scenarios are few and read on every webhook: rows are cached and dropped on each write. */
export class ScenarioStore {
  readonly #db: Db;
  readonly #cache = new Map<number, StoredScenario>();
  /**
   * Each scenario's blueprint as parsed, with the JSON it came from: a row is read again after
   * every write (activation, hook, error streak), and parsing a 20,000-module blueprint holds the
   * event loop for a quarter of a second (issue 15 §2). Reused while the stored JSON is the same.
   */
  readonly #parsed = new Map<number, { json: string; blueprint: Record<string, unknown> }>();
  readonly #get;

  constructor(db: Db) {
    this.#db = db;
    this.#get = db.prepare('SELECT * FROM scenarios WHERE id = ?');
  }

  get(id: number): StoredScenario | undefined {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = this.#get.get(id) as Row | undefined;
    if (!row) return undefined;
    const scenario = this.#toScenario(row);
    this.#cache.set(id, scenario);
    return scenario;
  }

  bySource(source: string): StoredScenario | undefined {
    const row = this.#db.prepare('SELECT * FROM scenarios WHERE source = ?').get(source) as Row | undefined;
    return row ? this.#toScenario(row) : undefined;
  }

  list(): StoredScenario[] {
    return (this.#db.prepare('SELECT * FROM scenarios ORDER BY id').all() as Row[]).map((row) =>
      this.#toScenario(row),
    );
  }

  #toScenario(row: Row): StoredScenario {
    const kept = this.#parsed.get(row.id);
    if (kept?.json === row.blueprint) return toScenario(row, kept.blueprint);
    const blueprint = JSON.parse(row.blueprint) as Record<string, unknown>;
    this.#parsed.set(row.id, { json: row.blueprint, blueprint });
    return toScenario(row, blueprint);
  }

  /** The blueprint just written is the parsed one: it need not be parsed back. */
  #keep(id: number, json: string, blueprint: Record<string, unknown>): void {
    this.#parsed.set(id, { json, blueprint });
  }

  create(input: NewScenario): StoredScenario {
    const now = input.now.toISOString();
    const json = JSON.stringify(input.blueprint);
    const result = this.#db
      .prepare(
        `INSERT INTO scenarios (id, name, source, blueprint, scheduling, is_active, created, last_edit)
         VALUES (COALESCE(?, ${nextIdSql('scenarios')}), ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.id ?? null,
        input.name,
        input.source,
        json,
        JSON.stringify(input.scheduling),
        input.isActive ? 1 : 0,
        now,
        now,
      );
    const id = Number(result.lastInsertRowid);
    this.#keep(id, json, input.blueprint);
    return this.get(id) as StoredScenario;
  }

  update(
    id: number,
    patch: Partial<Pick<StoredScenario, 'name' | 'blueprint' | 'scheduling' | 'source'>>,
    now: Date,
  ): void {
    const current = this.get(id);
    if (!current) return;
    const json = patch.blueprint ? JSON.stringify(patch.blueprint) : undefined;
    this.#db
      .prepare(
        'UPDATE scenarios SET name = ?, blueprint = ?, scheduling = ?, source = ?, last_edit = ? WHERE id = ?',
      )
      .run(
        patch.name ?? current.name,
        json ?? this.#parsed.get(id)?.json ?? JSON.stringify(current.blueprint),
        JSON.stringify(patch.scheduling ?? current.scheduling),
        patch.source === undefined ? current.source : patch.source,
        now.toISOString(),
        id,
      );
    if (json && patch.blueprint) this.#keep(id, json, patch.blueprint);
    this.#cache.delete(id);
  }

  /** Activation; starting clears the error streak and `isinvalid` as switching on in Make does. */
  setActive(id: number, active: boolean): void {
    const sql = active
      ? 'UPDATE scenarios SET is_active = 1, is_invalid = 0, consecutive_errors = 0 WHERE id = ?'
      : 'UPDATE scenarios SET is_active = 0 WHERE id = ?';
    this.#db.prepare(sql).run(id);
    this.#cache.delete(id);
  }

  /** Stopped because of errors (https://help.make.com/overview-of-error-handling). */
  invalidate(id: number): void {
    this.#db.prepare('UPDATE scenarios SET is_active = 0, is_invalid = 1 WHERE id = ?').run(id);
    this.#cache.delete(id);
  }

  setErrors(id: number, count: number): void {
    this.#db.prepare('UPDATE scenarios SET consecutive_errors = ? WHERE id = ?').run(count, id);
    this.#cache.delete(id);
  }

  setHook(id: number, hookId: number | null): void {
    this.#db.prepare('UPDATE scenarios SET hook_id = ? WHERE id = ?').run(hookId, id);
    this.#cache.delete(id);
  }

  setNextExec(id: number, next: Date | null): void {
    this.#db.prepare('UPDATE scenarios SET next_exec = ? WHERE id = ?').run(next?.toISOString() ?? null, id);
    this.#cache.delete(id);
  }

  delete(id: number): void {
    this.#db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    this.#cache.delete(id);
    this.#parsed.delete(id);
  }
}
