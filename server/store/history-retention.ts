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
      // The distinct scenario ids by index seeks (DISTINCT would read every index entry each pass).
      scenarios: db.prepare<[], { scenario_id: number }>(
        `WITH RECURSIVE s(id) AS (SELECT MIN(scenario_id) FROM executions UNION ALL
           SELECT (SELECT MIN(scenario_id) FROM executions WHERE scenario_id > s.id) FROM s WHERE s.id IS NOT NULL)
         SELECT id AS scenario_id FROM s WHERE id IS NOT NULL`,
      ),
      // Per scenario, so the (scenario_id, started) index finds the rows instead of a full scan.
      old: db.prepare<[number, string, number]>(
        `DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE scenario_id = ? AND started < ? ${KEEP} LIMIT ?)`,
      ),
      // The start of the newest execution past the limit, read from the index alone: everything
      // that started at or before it goes.
      cutoff: db.prepare<[number, number], { started: string }>(
        `SELECT started FROM executions WHERE scenario_id = ? ORDER BY started DESC LIMIT 1 OFFSET ?`,
      ),
      excess: db.prepare<[number, string, number]>(
        `DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE scenario_id = ?
           AND started <= ? ${KEEP} LIMIT ?)`,
      ),
    };
  }

  /** One pass: deletes up to PRUNE_BATCH rows; returns how many went. */
  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - this.#retention.maxAgeDays * 86_400_000).toISOString();
    let removed = 0;
    for (const { scenario_id } of this.#sql.scenarios.all()) {
      if (removed >= PRUNE_BATCH) break;
      removed += this.#sql.old.run(scenario_id, cutoff, PRUNE_BATCH - removed).changes;
      if (removed >= PRUNE_BATCH) break;
      const last = this.#sql.cutoff.get(scenario_id, this.#retention.maxPerScenario);
      if (!last) continue;
      removed += this.#sql.excess.run(scenario_id, last.started, PRUNE_BATCH - removed).changes;
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
