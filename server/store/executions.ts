/**
 * Execution history (https://help.make.com/scenario-history;
 * https://developers.make.com/api-documentation/api-reference/scenarios/logs): one row per run with Make's
 * log fields and the full ExecutionRecord for the inspector and the execution-detail endpoint.
 */
import type { ExecutionRecord, ExecutionStatus } from '../../engine/runtime/record.ts';
import type { Db } from '../queue/db.ts';

/**
 * Make's numeric log status: 1 success, 2 warning, 3 error
 * (https://developers.make.com/api-documentation/api-reference/scenarios/logs).
 */
export const STATUS_CODE: Record<ExecutionStatus, number> = { success: 1, warning: 2, error: 3 };

export type ExecutionType = 'auto' | 'manual' | 'dlq';

export interface StoredExecution {
  id: string;
  scenarioId: number;
  queueItem: number | null;
  type: ExecutionType;
  status: number;
  operations: number;
  centicredits: number;
  duration: number;
  started: string;
  instant: boolean;
  record: ExecutionRecord;
}

interface Row {
  id: string;
  scenario_id: number;
  queue_item: number | null;
  type: ExecutionType;
  status: number;
  operations: number;
  centicredits: number;
  duration: number;
  started: string;
  instant: number;
  record: string;
}

function toExecution(row: Row): StoredExecution {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    queueItem: row.queue_item,
    type: row.type,
    status: row.status,
    operations: row.operations,
    centicredits: row.centicredits,
    duration: row.duration,
    started: row.started,
    instant: row.instant === 1,
    record: JSON.parse(row.record) as ExecutionRecord,
  };
}

export interface ExecutionQuery {
  scenarioId?: number;
  status?: number;
  /** Runs started at or after / at or before this time (ISO 8601, as `started` is stored). */
  startedFrom?: string;
  startedTo?: string;
  offset: number;
  limit: number;
  sortDir: 'asc' | 'desc';
}

export class ExecutionStore {
  readonly #db: Db;
  readonly #insert;
  /** Executions this store has written (the history pruner looks only when it grew). */
  added = 0;

  constructor(db: Db) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO executions (id, scenario_id, queue_item, type, status, operations, centicredits, duration, started, instant, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(input: {
    scenarioId: number;
    queueItem: number | null;
    type: ExecutionType;
    instant: boolean;
    record: ExecutionRecord;
    /** The record as stored (redacted JSON), when the caller serialised it already. */
    recordJson?: string;
  }) {
    const { record } = input;
    this.#insert.run(
      record.id,
      input.scenarioId,
      input.queueItem,
      input.type,
      STATUS_CODE[record.status],
      record.operations,
      record.centicredits,
      record.durationMs,
      record.startedAt,
      input.instant ? 1 : 0,
      input.recordJson ?? JSON.stringify(record),
    );
    this.added++;
  }

  get(id: string): StoredExecution | undefined {
    const row = this.#db.prepare('SELECT * FROM executions WHERE id = ?').get(id) as Row | undefined;
    return row ? toExecution(row) : undefined;
  }

  list(query: ExecutionQuery): StoredExecution[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.scenarioId !== undefined) {
      where.push('scenario_id = ?');
      args.push(query.scenarioId);
    }
    if (query.status !== undefined) {
      where.push('status = ?');
      args.push(query.status);
    }
    if (query.startedFrom !== undefined) {
      where.push('started >= ?');
      args.push(query.startedFrom);
    }
    if (query.startedTo !== undefined) {
      where.push('started <= ?');
      args.push(query.startedTo);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const dir = query.sortDir === 'asc' ? 'ASC' : 'DESC';
    const rows = this.#db
      .prepare(`SELECT * FROM executions ${clause} ORDER BY started ${dir}, rowid ${dir} LIMIT ? OFFSET ?`)
      .all(...args, query.limit, query.offset) as Row[];
    return rows.map(toExecution);
  }

  count(scenarioId?: number): number {
    const row = (
      scenarioId === undefined
        ? this.#db.prepare('SELECT COUNT(*) AS n FROM executions').get()
        : this.#db.prepare('SELECT COUNT(*) AS n FROM executions WHERE scenario_id = ?').get(scenarioId)
    ) as { n: number };
    return row.n;
  }
}
