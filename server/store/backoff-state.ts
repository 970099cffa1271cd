/**
 * Exponential-backoff series kept across restarts (https://help.make.com/exponential-backoff):
 * per scenario, the number of the pending rerun and when it is due. Writes happen only when a run
 * fails with a backoff error or a series ends, so plain statements are enough.
 */
import type { Db } from '../queue/db.ts';

export interface BackoffRow {
  scenarioId: number;
  /** 1-based number of the pending rerun. */
  attempt: number;
  /** When it is due (ms since the epoch, on the server's clock); Infinity: taken, none pending. */
  due: number;
}

interface Row {
  scenario_id: number;
  attempt: number;
  due: string | null;
}

export class BackoffStateStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): BackoffRow[] {
    const rows = this.#db.prepare('SELECT * FROM backoff_state ORDER BY scenario_id').all() as Row[];
    return rows.map((row) => ({
      scenarioId: row.scenario_id,
      attempt: row.attempt,
      due: row.due === null ? Number.POSITIVE_INFINITY : new Date(row.due).getTime(),
    }));
  }

  save(row: BackoffRow): void {
    this.#db
      .prepare(
        `INSERT INTO backoff_state (scenario_id, attempt, due) VALUES (?, ?, ?)
         ON CONFLICT(scenario_id) DO UPDATE SET attempt = excluded.attempt, due = excluded.due`,
      )
      .run(row.scenarioId, row.attempt, Number.isFinite(row.due) ? new Date(row.due).toISOString() : null);
  }

  remove(scenarioId: number): void {
    this.#db.prepare('DELETE FROM backoff_state WHERE scenario_id = ?').run(scenarioId);
  }
}
