/**
 * Incomplete executions ("dlqs", https://help.make.com/automatic-retry-of-incomplete-executions;
 * https://developers.make.com/api-documentation/api-reference/incomplete-executions): stored by Break or
 * by an unhandled error when the scenario allows it, retried on their schedule or by hand, edited
 * (PATCH: blueprint, failer) and deleted over the API; each retry run is linked for its logs.
 */
import { randomUUID } from 'node:crypto';
import type { IncompleteExecution } from '../../engine/runtime/record.ts';
import type { Db } from '../queue/db.ts';

export interface StoredIncomplete {
  id: string;
  scenarioId: number;
  executionId: string;
  reason: string;
  created: string;
  resolved: boolean;
  attempts: number;
  retry: boolean;
  nextRetry: string | null;
  /** The trigger input of the failed run: what a retry runs again. */
  input: unknown;
  detail: IncompleteExecution;
}

/** What PATCH /dlqs/{id} changed; a retry runs `blueprint` instead of the scenario's own. */
export interface IncompleteEdit {
  blueprint?: Record<string, unknown>;
  failer?: number;
}

interface Row {
  id: string;
  scenario_id: number;
  execution_id: string;
  reason: string;
  created: string;
  resolved: number;
  attempts: number;
  retry: number;
  next_retry: string | null;
  input: string;
  detail: string;
}

function toIncomplete(row: Row): StoredIncomplete {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    executionId: row.execution_id,
    reason: row.reason,
    created: row.created,
    resolved: row.resolved === 1,
    attempts: row.attempts,
    retry: row.retry === 1,
    nextRetry: row.next_retry,
    input: JSON.parse(row.input) as unknown,
    detail: JSON.parse(row.detail) as IncompleteExecution,
  };
}

export class IncompleteStore {
  readonly #db: Db;
  /** Asked before every run of a `sequential` scenario, so prepared once. */
  readonly #unresolved;

  constructor(db: Db) {
    this.#db = db;
    this.#unresolved = db.prepare(
      'SELECT COUNT(*) AS n FROM incompletes WHERE scenario_id = ? AND resolved = 0',
    );
  }

  add(input: {
    scenarioId: number;
    executionId: string;
    detail: IncompleteExecution;
    input: unknown;
    now: Date;
  }) {
    const { detail } = input;
    const next = detail.retry.enabled
      ? new Date(input.now.getTime() + detail.retry.intervalMinutes * 60_000).toISOString()
      : null;
    const id = randomUUID().replaceAll('-', '');
    this.#db
      .prepare(
        `INSERT INTO incompletes (id, scenario_id, execution_id, reason, created, retry, next_retry, input, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.scenarioId,
        input.executionId,
        detail.error.message,
        input.now.toISOString(),
        detail.retry.enabled ? 1 : 0,
        next,
        JSON.stringify(input.input ?? null),
        JSON.stringify(detail),
      );
    return id;
  }

  get(id: string): StoredIncomplete | undefined {
    const row = this.#db.prepare('SELECT * FROM incompletes WHERE id = ?').get(id) as Row | undefined;
    return row ? toIncomplete(row) : undefined;
  }

  list(scenarioId?: number): StoredIncomplete[] {
    const rows = (
      scenarioId === undefined
        ? this.#db.prepare('SELECT * FROM incompletes ORDER BY created DESC').all()
        : this.#db
            .prepare('SELECT * FROM incompletes WHERE scenario_id = ? ORDER BY created DESC')
            .all(scenarioId)
    ) as Row[];
    return rows.map(toIncomplete);
  }

  /** Unresolved items whose automatic retry is due at `now`. */
  due(now: Date): StoredIncomplete[] {
    const rows = this.#db
      .prepare(
        'SELECT * FROM incompletes WHERE resolved = 0 AND retry = 1 AND next_retry <= ? ORDER BY next_retry',
      )
      .all(now.toISOString()) as Row[];
    return rows.map(toIncomplete);
  }

  /** Records one retry attempt: resolved, or scheduled again until the attempts run out. */
  attempted(id: string, outcome: { resolved: boolean; now: Date }): void {
    const item = this.get(id);
    if (!item) return;
    const attempts = item.attempts + 1;
    const more = !outcome.resolved && item.retry && attempts < item.detail.retry.count;
    const next = more
      ? new Date(outcome.now.getTime() + item.detail.retry.intervalMinutes * 60_000).toISOString()
      : null;
    this.#db
      .prepare('UPDATE incompletes SET attempts = ?, resolved = ?, retry = ?, next_retry = ? WHERE id = ?')
      .run(attempts, outcome.resolved ? 1 : 0, more ? 1 : 0, next, id);
  }

  /**
   * PATCH /dlqs/{id} (https://developers.make.com/api-documentation/api-reference/incomplete-executions): the
   * blueprint a retry runs and the failed module, kept apart.
   */
  edit(id: string, edit: IncompleteEdit & { now: Date }): void {
    const merged = { ...this.edits(id), ...edit };
    this.#db
      .prepare(
        `INSERT INTO incomplete_edits (id, blueprint, failer, edited) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET blueprint = excluded.blueprint, failer = excluded.failer, edited = excluded.edited`,
      )
      .run(
        id,
        merged.blueprint === undefined ? null : JSON.stringify(merged.blueprint),
        merged.failer ?? null,
        edit.now.toISOString(),
      );
  }

  edits(id: string): IncompleteEdit {
    const row = this.#db.prepare('SELECT blueprint, failer FROM incomplete_edits WHERE id = ?').get(id) as
      | { blueprint: string | null; failer: number | null }
      | undefined;
    return {
      ...(row?.blueprint ? { blueprint: JSON.parse(row.blueprint) as Record<string, unknown> } : {}),
      ...(typeof row?.failer === 'number' ? { failer: row.failer } : {}),
    };
  }

  /** A retry run of `id` was started as execution `executionId` (for `/dlqs/{id}/logs`). */
  linkAttempt(id: string, executionId: string, now: Date): void {
    this.#db
      .prepare(
        'INSERT OR IGNORE INTO incomplete_attempts (execution_id, incomplete_id, started) VALUES (?, ?, ?)',
      )
      .run(executionId, id, now.toISOString());
  }

  /** Execution ids of the retry runs of `id`, newest first. */
  attemptIds(id: string): string[] {
    const rows = this.#db
      .prepare(
        'SELECT execution_id FROM incomplete_attempts WHERE incomplete_id = ? ORDER BY started DESC, rowid DESC',
      )
      .all(id) as Array<{ execution_id: string }>;
    return rows.map((row) => row.execution_id);
  }

  /** Deletes items with their edits and retry links, all or nothing. */
  remove(ids: readonly string[]): void {
    const statements = [
      'incompletes WHERE id',
      'incomplete_edits WHERE id',
      'incomplete_attempts WHERE incomplete_id',
    ].map((target) => this.#db.prepare(`DELETE FROM ${target} = ?`));
    this.#db.transaction(() => {
      for (const id of ids) for (const statement of statements) statement.run(id);
    })();
  }

  unresolvedCount(scenarioId: number): number {
    return (this.#unresolved.get(scenarioId) as { n: number }).n;
  }
}
