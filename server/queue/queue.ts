/**
 * The durable webhook queue (Make's help: https://help.make.com/webhooks): every accepted request is a row,
 * committed before the caller hears `Accepted`. A worker claims rows by marking them `running` in one
 * statement; the row is deleted in the same transaction that stores the execution, so a crash between the
 * two leaves the row to be re-queued on the next start and never yields two executions.
 */
import type { WebhookIntake } from '../../modules/gateway/webhook-intake.ts';
import type { Db } from './db.ts';

/** What the gateway received: the request description the webhook trigger converts. */
export interface RequestDescription {
  method: string;
  headers: Record<string, string | string[]>;
  query: Record<string, string | string[]>;
  body: string | Buffer;
  contentType: string | undefined;
  /**
   * The hook's flags when the request arrived (https://help.make.com/webhooks): how the trigger shapes the
   * bundle.
   */
  hook?: { headers: boolean; method: boolean; stringify: boolean };
}

export interface QueueItem {
  id: number;
  /** The gateway's intake, while the item has not left memory (see server/gateway/intake.ts). */
  intake?: WebhookIntake<RequestDescription>;
  hookId: number;
  scenarioId: number | null;
  created: string;
  size: number;
  request: RequestDescription;
}

interface QueueRow {
  id: number;
  hook_id: number;
  scenario_id: number | null;
  request: string;
  body: Buffer | null;
  size: number;
  created: string;
}

type StoredRequest = Omit<RequestDescription, 'body'> & { text: boolean };

export class WebhookQueue {
  readonly #db: Db;
  readonly #owner: string;
  readonly #counts = new Map<number, number>();
  /** Items in state `queued` per scenario: lets a worker skip the claim query when none wait. */
  readonly #waiting = new Map<number, number>();
  readonly #insert;
  readonly #claim;
  readonly #delete;

  constructor(db: Db, owner: string) {
    this.#db = db;
    this.#owner = owner;
    this.#insert = db.prepare(
      'INSERT INTO queue (hook_id, scenario_id, state, owner, request, body, size, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#claim = db.prepare(
      `UPDATE queue SET state = 'running', owner = ? WHERE id IN (
         SELECT id FROM queue WHERE scenario_id = ? AND state = 'queued' ORDER BY id LIMIT ?) RETURNING *`,
    );
    this.#delete = db.prepare('DELETE FROM queue WHERE id = ?');
    this.recount();
  }

  /** Recounts the in-memory counters from the table (after a rolled-back batch). */
  recount(): void {
    this.#counts.clear();
    for (const row of this.#db
      .prepare('SELECT hook_id, COUNT(*) AS n FROM queue GROUP BY hook_id')
      .all() as Array<{
      hook_id: number;
      n: number;
    }>) {
      this.#counts.set(row.hook_id, row.n);
    }
    this.#countWaiting();
  }

  #countWaiting(): void {
    this.#waiting.clear();
    const rows = this.#db
      .prepare(`SELECT scenario_id, COUNT(*) AS n FROM queue WHERE state = 'queued' GROUP BY scenario_id`)
      .all() as Array<{ scenario_id: number | null; n: number }>;
    for (const row of rows) if (row.scenario_id !== null) this.#waiting.set(row.scenario_id, row.n);
  }

  #addWaiting(scenarioId: number | null, delta: number): void {
    if (scenarioId === null) return;
    this.#waiting.set(scenarioId, Math.max(0, (this.#waiting.get(scenarioId) ?? 0) + delta));
  }

  /** Whether queued (not running) items of the scenario wait. */
  waiting(scenarioId: number): number {
    return this.#waiting.get(scenarioId) ?? 0;
  }

  /** Items a dead process had claimed go back to the queue (one server per database). */
  requeueAbandoned(): number {
    const changes = this.#db
      .prepare(`UPDATE queue SET state = 'queued', owner = NULL WHERE state = 'running'`)
      .run().changes;
    this.#countWaiting();
    return changes;
  }

  count(hookId: number): number {
    return this.#counts.get(hookId) ?? 0;
  }

  /**
   * Commits one item; returns its id, or undefined when the hook's queue is at `limit`. With
   * `claimed` the item is stored already running (a worker takes it at once: one write, not two).
   */
  enqueue(item: {
    hookId: number;
    scenarioId: number | null;
    request: RequestDescription;
    limit: number;
    now: Date;
    claimed?: boolean;
  }) {
    if (this.count(item.hookId) >= item.limit) return undefined;
    const { body, ...rest } = item.request;
    const text = typeof body === 'string';
    const bytes = text ? Buffer.from(body, 'utf8') : body;
    const stored: StoredRequest = { ...rest, text };
    const result = this.#insert.run(
      item.hookId,
      item.scenarioId,
      item.claimed ? 'running' : 'queued',
      item.claimed ? this.#owner : null,
      JSON.stringify(stored),
      bytes,
      bytes.length,
      item.now.toISOString(),
    );
    this.#counts.set(item.hookId, this.count(item.hookId) + 1);
    if (!item.claimed) this.#addWaiting(item.scenarioId, 1);
    return Number(result.lastInsertRowid);
  }

  /** Marks up to `max` queued items of a scenario as running (in id order) and returns them. */
  claim(scenarioId: number, max: number): QueueItem[] {
    if (max <= 0 || this.waiting(scenarioId) === 0) return [];
    const rows = this.#claim.all(this.#owner, scenarioId, max) as QueueRow[];
    this.#addWaiting(scenarioId, -rows.length);
    return rows.sort((a, b) => a.id - b.id).map(toItem);
  }

  /** Puts a claimed item back (the scenario could not run it now). */
  release(item: Pick<QueueItem, 'id' | 'scenarioId'>): void {
    this.#db.prepare(`UPDATE queue SET state = 'queued', owner = NULL WHERE id = ?`).run(item.id);
    this.#addWaiting(item.scenarioId, 1);
  }

  /** Deletes a finished item; call inside the transaction that stores its execution. */
  remove(id: number, hookId: number): void {
    if (this.#delete.run(id).changes > 0) this.#counts.set(hookId, Math.max(0, this.count(hookId) - 1));
  }

  /** Re-attaches a hook's waiting items to a scenario (a hook moved to another scenario). */
  attach(hookId: number, scenarioId: number | null): void {
    this.#db.prepare('UPDATE queue SET scenario_id = ? WHERE hook_id = ?').run(scenarioId, hookId);
    this.#countWaiting();
  }

  list(hookId: number, page: { offset: number; limit: number }): QueueItem[] {
    const rows = this.#db
      .prepare('SELECT * FROM queue WHERE hook_id = ? ORDER BY id LIMIT ? OFFSET ?')
      .all(hookId, page.limit, page.offset) as QueueRow[];
    return rows.map(toItem);
  }

  get(id: number): QueueItem | undefined {
    const row = this.#db.prepare('SELECT * FROM queue WHERE id = ?').get(id) as QueueRow | undefined;
    return row ? toItem(row) : undefined;
  }

  /** Deletes waiting (not running) items of a hook; returns their ids. */
  purge(hookId: number, ids: number[] | 'all'): number[] {
    const rows = this.#db
      .prepare(`SELECT id FROM queue WHERE hook_id = ? AND state = 'queued' ORDER BY id`)
      .all(hookId) as Array<{ id: number }>;
    const wanted =
      ids === 'all' ? rows.map((r) => r.id) : rows.map((r) => r.id).filter((id) => ids.includes(id));
    this.#db.transaction(() => {
      for (const id of wanted) this.remove(id, hookId);
    })();
    this.#countWaiting();
    return wanted;
  }
}

function toItem(row: QueueRow): QueueItem {
  const stored = JSON.parse(row.request) as StoredRequest;
  const { text, ...rest } = stored;
  const bytes = row.body ?? Buffer.alloc(0);
  return {
    id: row.id,
    hookId: row.hook_id,
    scenarioId: row.scenario_id,
    created: row.created,
    size: row.size,
    request: { ...rest, body: text ? bytes.toString('utf8') : bytes },
  };
}
