/**
 * History retention. Make keeps execution logs for a number of days that depends on the plan
 * ("Execution log storage (days)": https://help.make.com/scenario-history and
 * https://help.make.com/how-to-track-credits); makesim keeps `maxAgeDays` (default 30) and at
 * most `maxPerScenario` executions of each scenario (default 10,000: a dev server under load
 * stores thousands a second, which Make's per-day rule alone would let grow without bound).
 * Executions an unresolved incomplete execution refers to are kept. Pruning runs every
 * PRUNE_INTERVAL_MS in small batches on the group commit's deferred lane, and the freed pages are
 * returned to the file system a few at a time (incremental vacuum), so neither stalls requests.
 */
import type { Db } from '../queue/db.ts';
import type { GroupCommit } from '../queue/group-commit.ts';

export interface HistoryRetention {
  maxAgeDays: number;
  maxPerScenario: number;
}

export const DEFAULT_RETENTION: HistoryRetention = { maxAgeDays: 30, maxPerScenario: 10_000 };
export const PRUNE_INTERVAL_MS = 1_000;
/** Rows deleted per pass (about a millisecond of work), and pages vacuumed after it. */
const PRUNE_BATCH = 2_000;
const VACUUM_PAGES = 256;

const KEEP = 'AND id NOT IN (SELECT execution_id FROM incompletes WHERE resolved = 0)';

export class HistoryPruner {
  readonly #db: Db;
  readonly #retention: HistoryRetention;
  readonly #sql;

  constructor(db: Db, retention: HistoryRetention) {
    this.#db = db;
    this.#retention = retention;
    this.#sql = {
      scenarios: db.prepare<[], { scenario_id: number }>('SELECT DISTINCT scenario_id FROM executions'),
      old: db.prepare<[string, number]>(
        `DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE started < ? ${KEEP} LIMIT ?)`,
      ),
      // The newest row past the limit: everything at or before it (in started, id order) goes.
      cutoff: db.prepare<[number, number], { started: string; id: string }>(
        `SELECT started, id FROM executions WHERE scenario_id = ?
         ORDER BY started DESC, id DESC LIMIT 1 OFFSET ?`,
      ),
      excess: db.prepare<[number, string, string, string, number]>(
        `DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE scenario_id = ?
           AND (started < ? OR (started = ? AND id <= ?)) ${KEEP} LIMIT ?)`,
      ),
    };
  }

  /** One pass: deletes up to PRUNE_BATCH rows; returns how many went. */
  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - this.#retention.maxAgeDays * 86_400_000).toISOString();
    let removed = this.#sql.old.run(cutoff, PRUNE_BATCH).changes;
    for (const { scenario_id } of this.#sql.scenarios.all()) {
      if (removed >= PRUNE_BATCH) break;
      const last = this.#sql.cutoff.get(scenario_id, this.#retention.maxPerScenario);
      if (!last) continue;
      const rest = PRUNE_BATCH - removed;
      removed += this.#sql.excess.run(scenario_id, last.started, last.started, last.id, rest).changes;
    }
    if (removed > 0) this.#db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
    return removed;
  }

  /** Prunes on a timer through the deferred commit lane; returns the stop function. */
  start(commits: GroupCommit, now: () => Date): () => void {
    const timer = setInterval(
      () => void commits.later(() => this.prune(now())).catch(() => 0),
      PRUNE_INTERVAL_MS,
    );
    timer.unref();
    return () => clearInterval(timer);
  }
}
