/**
 * Operations used in the current period, for scenarios (`operations`, `transfer`) and the
 * organization. Make counts per subscription period; the local server has no subscription, so its
 * period is the calendar month in UTC (docs/fidelity.md). Data transfer is not measured: 0.
 */
import type { Db } from '../queue/db.ts';

export interface Period {
  start: string;
  next: string;
}

export function currentPeriod(now: Date): Period {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start: start.toISOString(), next: next.toISOString() };
}

/** Operations of the stored executions that started in the period, for one scenario or all. */
export function operationsSince(db: Db, since: string, scenarioId?: number): number {
  const sum = 'SELECT COALESCE(SUM(operations), 0) AS total FROM executions WHERE started >= ?';
  const row =
    scenarioId === undefined
      ? db.prepare<[string], { total: number }>(sum).get(since)
      : db.prepare<[string, number], { total: number }>(`${sum} AND scenario_id = ?`).get(since, scenarioId);
  return row?.total ?? 0;
}
