/**
 * The adapter to the executions `makesim serve` recorded (its SQLite database): the ONE file of
 * `makesim cost` that knows the server's storage. It calls only `openDatabase` (server/queue/db.ts),
 * `ScenarioStore.bySource` / `list` (server/store/scenarios.ts) and `ExecutionStore.list`
 * (server/store/executions.ts), so a change of the database layout stays behind those functions.
 */
import { existsSync } from 'node:fs';
import { openDatabase } from '../server/queue/db.ts';
import { ExecutionStore } from '../server/store/executions.ts';
import { ScenarioStore } from '../server/store/scenarios.ts';
import type { MeasuredRun } from './measure.ts';

export class HistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryError';
  }
}

export interface History {
  runs: MeasuredRun[];
  /** First and last recorded start (ISO). */
  from: string;
  to: string;
}

/** At most this many runs are read, oldest first. */
export const HISTORY_LIMIT = 10_000;

export function readHistory(database: string, blueprintFile: string): History {
  if (!existsSync(database))
    throw new HistoryError(
      `--from-history: no server database at ${database}; run \`makesim serve\` first, or give --db <file>`,
    );
  const db = openDatabase(database);
  try {
    const scenarios = new ScenarioStore(db);
    const scenario = scenarios.bySource(blueprintFile);
    if (!scenario) {
      const known = scenarios.list().map((s) => s.source ?? `#${s.id} ${s.name}`);
      throw new HistoryError(
        `--from-history: ${database} has no scenario loaded from ${blueprintFile}` +
          (known.length > 0 ? ` (it has: ${known.join(', ')})` : ' (it has no scenarios)'),
      );
    }
    const executions = new ExecutionStore(db).list({
      scenarioId: scenario.id,
      offset: 0,
      limit: HISTORY_LIMIT,
      sortDir: 'asc',
    });
    if (executions.length === 0)
      throw new HistoryError(`--from-history: scenario "${scenario.name}" has no recorded executions yet`);
    return {
      runs: executions.map((x) => ({ name: `${x.started} ${x.id}`, record: x.record })),
      from: executions[0]?.started ?? '',
      to: executions[executions.length - 1]?.started ?? '',
    };
  } finally {
    db.close();
  }
}
