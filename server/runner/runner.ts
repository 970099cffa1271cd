/**
 * Runs scenarios for the server: queued webhook items (instant scenarios in parallel, one at a
 * time with `sequential` — http-spec §1.6), scheduled runs, API runs and incomplete-execution
 * retries. Each run's execution row, the removal of its queue items, its incomplete executions and
 * the error streak are written in ONE transaction, so an item is never executed into history twice.
 */
import { randomUUID } from 'node:crypto';
import type { VariableScopes } from '../../engine/expression/types.ts';
import type { Clock } from '../../engine/ports/clock.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { GroupCommit } from '../queue/group-commit.ts';
import type { QueueItem, WebhookQueue } from '../queue/queue.ts';
import type { Backoff } from '../scheduler/backoff.ts';
import type { ExecutionStore, ExecutionType } from '../store/executions.ts';
import type { IncompleteStore } from '../store/incompletes.ts';
import type { ScenarioStore } from '../store/scenarios.ts';
import type { ScenarioCatalog } from './catalog.ts';
import type { PreparedScenario } from './engine-port.ts';
import { failedRecord } from './failed-record.ts';
import { storeExecution } from './store-execution.ts';
import { Waiters } from './waiters.ts';

/** Parallel runs per instant scenario. Make does not document a cap; we choose 16. */
export const MAX_PARALLEL_RUNS = 16;

export interface RunnerDeps {
  clock: Clock;
  queue: WebhookQueue;
  scenarios: ScenarioStore;
  executions: ExecutionStore;
  incompletes: IncompleteStore;
  catalog: ScenarioCatalog;
  commits: GroupCommit;
  /** Backoff reruns (execution-spec §4.5): a scenario waiting for one takes no queued items. */
  backoff?: Backoff;
  /** Told when a backoff rerun was scheduled (the scheduler re-arms its timer). */
  onBackoff?: () => void;
  /** Told after every stored execution (live updates for the inspector). */
  onExecution?: (scenarioId: number, executionId: string) => void;
}

export interface RunRequest {
  scenarioId: number;
  type: ExecutionType;
  input?: unknown;
  vars?: VariableScopes;
  items?: QueueItem[];
  executionId?: string;
  /** An incomplete execution being retried. */
  incompleteId?: string;
  /** A webhook held for its response and not (yet) in the queue: see startDirect. */
  pendingItem?: PendingItem;
  /** Told as soon as the run finishes, before its execution is stored. */
  onRecord?: (record: ExecutionRecord) => void;
}

/**
 * A request whose caller waits for a Webhook response and that ran at once without a queue row:
 * the response is the acknowledgement, so nothing is written first. Only if the caller must be
 * answered `Accepted` on timeout is a (running) queue row committed — `itemId` — which the
 * execution's store then removes; `stored` tells the late write that it is no longer needed.
 */
export interface PendingItem {
  hookId: number;
  itemId?: number;
  stored: boolean;
}

export class Runner {
  readonly waiters = new Waiters();
  readonly #deps: RunnerDeps;
  readonly #running = new Map<number, number>();
  readonly #inflight = new Set<Promise<unknown>>();
  #closed = false;

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
  }

  /** Starts as many queued items of an active instant scenario as its mode allows. */
  kick(scenarioId: number): void {
    const free = this.#freeSlots(scenarioId);
    if (!free) return;
    for (const item of this.#deps.queue.claim(scenarioId, free.slots)) this.#start(free.prepared, item);
  }

  /**
   * For the gateway: reserves a run slot for a request about to be stored already claimed —
   * when the scenario is active, immediate, has a free slot and nothing older waits (order kept).
   * The caller then calls startReserved or unreserve.
   */
  reserve(scenarioId: number): PreparedScenario | undefined {
    if (this.#deps.queue.waiting(scenarioId) > 0) return undefined;
    const free = this.#freeSlots(scenarioId);
    if (!free) return undefined;
    this.#running.set(scenarioId, (this.#running.get(scenarioId) ?? 0) + 1);
    return free.prepared;
  }

  unreserve(scenarioId: number): void {
    this.#running.set(scenarioId, Math.max(0, (this.#running.get(scenarioId) ?? 1) - 1));
  }

  /** Runs an item stored already claimed in a slot taken by reserve(). */
  startReserved(prepared: PreparedScenario, item: QueueItem): void {
    const scenarioId = item.scenarioId ?? 0;
    this.#track(
      this.#runItems(prepared, { scenarioId, type: 'auto', input: item.request, items: [item] }, true),
    );
  }

  /** Runs a held webhook request in a slot taken by reserve(), without writing it first. */
  startDirect(prepared: PreparedScenario, request: RunRequest & { pendingItem: PendingItem }): void {
    this.#track(this.#runItems(prepared, request, true));
  }

  #freeSlots(scenarioId: number): { prepared: PreparedScenario; slots: number } | undefined {
    if (this.#closed) return undefined;
    const scenario = this.#deps.scenarios.get(scenarioId);
    if (!scenario?.isActive || scenario.scheduling.type !== 'immediately') return undefined;
    const prepared = this.#deps.catalog.prepared(scenarioId);
    if (!prepared) return undefined;
    if (this.#deps.backoff?.waiting(scenarioId, () => this.#deps.clock.now().getTime())) return undefined;
    const cap = prepared.settings.sequential ? 1 : MAX_PARALLEL_RUNS;
    const slots = cap - (this.#running.get(scenarioId) ?? 0);
    return slots > 0 ? { prepared, slots } : undefined;
  }

  #start(prepared: PreparedScenario, item: QueueItem): void {
    const scenarioId = item.scenarioId ?? 0;
    this.#running.set(scenarioId, (this.#running.get(scenarioId) ?? 0) + 1);
    this.#track(
      this.#runItems(prepared, { scenarioId, type: 'auto', input: item.request, items: [item] }, true),
    );
  }

  /** One run (scheduled, API, retry); resolves with its record once stored. */
  run(request: RunRequest): Promise<ExecutionRecord> | undefined {
    const prepared = this.#deps.catalog.prepared(request.scenarioId);
    if (!prepared || this.#closed) return undefined;
    const promise = this.#runItems(prepared, request);
    this.#track(promise);
    return promise;
  }

  isRunning(scenarioId: number): boolean {
    return (this.#running.get(scenarioId) ?? 0) > 0;
  }

  /** Stops taking work and waits for runs in flight to be stored. */
  async close(): Promise<void> {
    this.#closed = true;
    this.waiters.releaseAll();
    await Promise.allSettled([...this.#inflight]);
  }

  async idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight]);
  }

  /** A Connection/Timeout/RateLimit failure schedules a rerun, or switches the scenario off. */
  #afterBackoff(prepared: PreparedScenario, scenarioId: number, record: ExecutionRecord): void {
    const backoff = this.#deps.backoff;
    if (!backoff) return;
    const decision = backoff.afterRun(scenarioId, record, {
      incompleteEnabled: prepared.settings.dlq,
      now: this.#deps.clock.now().getTime(),
    });
    if (decision.kind === 'deactivate') this.#deps.scenarios.invalidate(scenarioId);
    if (decision.kind === 'rerun') this.#deps.onBackoff?.();
  }

  #track(promise: Promise<unknown>): void {
    this.#inflight.add(promise);
    void promise.finally(() => this.#inflight.delete(promise)).catch(() => undefined);
  }

  /**
   * `counted`: the caller already took the running slot synchronously (so bursts respect the cap).
   * Callers waiting for a response are answered as soon as the run ends, before its history is
   * stored. A `sequential` scenario's slot is freed only after the execution is committed, so its
   * runs never overlap; a parallel one's as soon as the run ends (its store is deferred).
   */
  async #runItems(
    prepared: PreparedScenario,
    request: RunRequest,
    counted = false,
  ): Promise<ExecutionRecord> {
    const { scenarioId } = request;
    if (!counted) this.#running.set(scenarioId, (this.#running.get(scenarioId) ?? 0) + 1);
    const rolledBack = new Set<number>();
    const record = await this.#execute(prepared, request, rolledBack);
    request.onRecord?.(record);
    this.waiters.settle(
      (request.items ?? []).map((item) => item.id),
      record,
    );
    const defer = deferStore(prepared, request);
    if (defer) this.#free(scenarioId);
    const store = () => storeExecution(this.#deps, { prepared, request, record, rolledBack });
    try {
      await (defer ? this.#deps.commits.later(store) : this.#deps.commits.run(store));
    } catch (error) {
      // The execution could not be stored: its items go back to the queue to run again.
      for (const item of request.items ?? []) this.#deps.queue.release(item);
      throw error;
    } finally {
      if (!defer) this.#free(scenarioId);
    }
    this.#afterBackoff(prepared, scenarioId, record);
    this.#deps.onExecution?.(scenarioId, record.id);
    if (request.items) this.kick(scenarioId);
    return record;
  }

  /** The engine run; a run that throws instead of returning a record becomes an `error` record. */
  async #execute(
    prepared: PreparedScenario,
    request: RunRequest,
    rolledBack: Set<number>,
  ): Promise<ExecutionRecord> {
    const executionId = request.executionId ?? randomUUID().replaceAll('-', '');
    try {
      const cycles = Array.isArray(request.input) ? request.input.length : 1;
      return await prepared.run({
        input: request.input,
        executionId,
        clock: this.#deps.clock,
        maxCycles: request.items || request.pendingItem ? Math.max(1, cycles) : prepared.settings.roundtrips,
        ...(request.vars ? { vars: request.vars } : {}),
        onTriggerRollback: (cycle) => rolledBack.add(cycle),
      });
    } catch (error) {
      return failedRecord({ executionId, scenario: prepared.name, error, now: this.#deps.clock.now() });
    }
  }

  #free(scenarioId: number): void {
    this.#running.set(scenarioId, Math.max(0, (this.#running.get(scenarioId) ?? 1) - 1));
  }
}

/**
 * Webhook runs of a parallel scenario store their history on the group commit's deferred lane:
 * the caller was already answered (onRecord) or acknowledged, so nobody waits on this commit.
 * A `sequential` scenario's next item waits for it (its slot frees on commit), and API/scheduled
 * callers await the stored record, so those commit at once.
 */
function deferStore(prepared: PreparedScenario, request: RunRequest): boolean {
  return !prepared.settings.sequential && (request.items !== undefined || request.pendingItem !== undefined);
}
