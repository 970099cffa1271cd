/**
 * History retention. Make keeps execution logs for a number of days that depends on the plan
 * ("Execution log storage (days)": https://help.make.com/scenario-history and
 * https://help.make.com/how-to-track-credits); makesim keeps `maxAgeDays` (default 30) and at
 * most `maxPerScenario` executions of each scenario (default 10,000: a dev server under load
 * stores thousands a second, which Make's per-day rule alone would let grow without bound).
 * Executions an unresolved incomplete execution refers to are kept. Pruning runs every
 * PRUNE_INTERVAL_MS in small batches on the group commit's deferred lane, and the freed pages are
 * returned to the file system a few at a time (incremental vacuum), so neither stalls requests:
 * a pass is one synchronous SQLite call on the event loop, and a 2,000-row pass once a second
 * took 12–37 ms — every webhook answer in flight waited that long (the p99 of `npm run bench --
 * server`). 200 rows every 100 ms deletes as much (2,000 a second) in passes of one to two
 * milliseconds.
 */
import type { Db } from '../queue/db.ts';
import type { GroupCommit } from '../queue/group-commit.ts';

export interface HistoryRetention {
  maxAgeDays: number;
  maxPerScenario: number;
}

export const DEFAULT_RETENTION: HistoryRetention = { maxAgeDays: 30, maxPerScenario: 10_000 };
export const PRUNE_INTERVAL_MS = 100;
/**
 * Rows deleted per pass (one to two milliseconds of work), and pages vacuumed after it: 256 pages
 * per 2,000 rows, as before passes were split; the rest of the freed pages are reused by new rows,
 * which costs less than moving them.
 */
export const PRUNE_BATCH = 200;
const VACUUM_PAGES = 26;

/** Passes skipped in a row when nothing was stored: a pass still runs about once a second. */
const IDLE_PASSES = 10;

const KEEP = 'AND id NOT IN (SELECT execution_id FROM incompletes WHERE resolved = 0)';

export class HistoryPruner {
  readonly #db: Db;
  readonly #retention: HistoryRetention;
  readonly #sql;
  /** Per scenario, a start at or before which executions are past the limit (see #pruneExcess). */
  readonly #excessFrom = new Map<number, string>();

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
      removed += this.#pruneExcess(scenario_id, PRUNE_BATCH - removed);
    }
    if (removed > 0) this.#db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
    return removed;
  }

  /**
   * Deletes up to `max` executions past the scenario's limit. The start found past the limit stays
   * past it (newer runs only add to what is kept), so it is reused until no row at or before it is
   * left: the OFFSET query reads `maxPerScenario` index entries, too much for every pass.
   */
  #pruneExcess(scenarioId: number, max: number): number {
    const known = this.#excessFrom.get(scenarioId);
    if (known !== undefined) {
      const removed = this.#sql.excess.run(scenarioId, known, max).changes;
      if (removed >= max) return removed;
      // Drained: what is past the limit now starts later; look it up in this same pass.
      this.#excessFrom.delete(scenarioId);
      return removed + this.#pruneExcess(scenarioId, max - removed);
    }
    const last = this.#sql.cutoff.get(scenarioId, this.#retention.maxPerScenario)?.started;
    if (last === undefined) return 0;
    const removed = this.#sql.excess.run(scenarioId, last, max).changes;
    if (removed >= max) this.#excessFrom.set(scenarioId, last);
    return removed;
  }

  /**
   * Prunes on a timer through the deferred commit lane; returns the stop function. `stored` counts
   * executions stored so far: a pass is skipped when none were since a pass that finished its work
   * (the old-age rule then waits for the next stored run or a full pass every second).
   */
  start(commits: GroupCommit, now: () => Date, stored: () => number = () => Number.NaN): () => void {
    let seen = Number.NaN;
    let idlePasses = 0;
    const pass = () => {
      const count = stored();
      if (count === seen && ++idlePasses < IDLE_PASSES) return;
      idlePasses = 0;
      void commits
        .later(() => {
          // A full batch means more may be due: the next pass looks again whatever was stored.
          seen = this.prune(now()) >= PRUNE_BATCH ? Number.NaN : count;
        })
        .catch(() => undefined);
    };
    const timer = setInterval(pass, PRUNE_INTERVAL_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}
