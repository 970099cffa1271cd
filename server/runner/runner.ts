/**
 * Runs scenarios for the server: queued webhook items (instant scenarios in parallel, one at a
 * time with `sequential` — Make's help: https://help.make.com/webhooks — within their runs-per-minute limit),
 * scheduled runs, API runs and incomplete-execution retries. Each run's execution row, the removal of its
 * queue items, its incomplete executions and the error streak are written in ONE transaction
 * (store-execution.ts), so an item is never executed into history twice.
 */

import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { RunStop } from '../../engine/runtime/run-stop.ts';
import { fromStored } from '../gateway/intake.ts';
import type { QueueItem } from '../queue/queue.ts';
import { type PreparedScenario, WEBHOOK_TRIGGER } from './engine-port.ts';
import {
  deferStore,
  executeRun,
  newExecutionId,
  type PendingItem,
  type RunnerDeps,
  type RunRequest,
} from './run-request.ts';
import { RunSlots } from './run-slots.ts';
import { storedRecordJson, storeExecution } from './store-execution.ts';
import { Waiters } from './waiters.ts';
import { Wakeups } from './wakeups.ts';

export class Runner {
  readonly waiters: Waiters;
  readonly #deps: RunnerDeps;
  readonly #slots = new RunSlots();
  readonly #inflight = new Set<Promise<unknown>>();
  /** Runs started and not yet stored (execution detail's RUNNING, and stop execution). */
  readonly #unstored = new Map<string, { scenarioId: number; stop: RunStop }>();
  /** Scenarios whose queued items wait for their runs-per-minute window to have room. */
  readonly #throttled = new Wakeups((scenarioId) => this.kick(scenarioId));
  #closed = false;

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
    this.waiters = new Waiters(deps.responseTimeoutMs);
  }

  /** Starts as many queued items of an active instant scenario as its mode and rate allow. */
  kick(scenarioId: number): void {
    const free = this.#freeSlots(scenarioId);
    if (free) {
      for (const item of this.#deps.queue.claim(scenarioId, free.slots)) {
        this.#slots.take(scenarioId);
        this.#startItem(free.prepared, item);
      }
    }
    this.#wakeWhenThrottled(scenarioId);
  }

  /**
   * For a held caller (Make's help: https://help.make.com/webhooks): may the scenario start one more run this
   * minute? Make answers 429 instead of queueing when it may not.
   */
  mayStart(scenarioId: number): boolean {
    return this.#slots.rate.room(scenarioId, this.#perMinute(scenarioId), this.#nowMs()) > 0;
  }

  /**
   * For the gateway: reserves a run slot for a request about to be stored already claimed —
   * when the scenario is active, immediate, has a free slot and nothing older waits (order kept).
   * The caller then calls startReserved, startDirect or unreserve.
   */
  reserve(scenarioId: number): PreparedScenario | undefined {
    if (this.#deps.queue.waiting(scenarioId) > 0) return undefined;
    const free = this.#freeSlots(scenarioId);
    if (!free) return undefined;
    this.#slots.take(scenarioId);
    return free.prepared;
  }

  unreserve(scenarioId: number): void {
    this.#slots.release(scenarioId);
  }

  /** Runs an item stored already claimed in a slot taken by reserve(). */
  startReserved(prepared: PreparedScenario, item: QueueItem): void {
    this.#startItem(prepared, item);
  }

  /** Runs a held webhook request in a slot taken by reserve(), without writing it first. */
  startDirect(prepared: PreparedScenario, request: RunRequest & { pendingItem: PendingItem }): void {
    this.#countStart(request.scenarioId);
    this.#track(this.#runItems(prepared, request, true));
  }

  /** One run (scheduled, API, retry); resolves with its record once stored. */
  run(request: RunRequest): Promise<ExecutionRecord> | undefined {
    if (this.#closed) return undefined;
    if (request.incompleteId) return this.#retry({ ...request, incompleteId: request.incompleteId });
    const prepared = this.#deps.catalog.prepared(request.scenarioId);
    if (!prepared) return undefined;
    const promise = this.#runItems(prepared, request);
    this.#track(promise);
    return promise;
  }

  /**
   * A retry of an incomplete execution (Make's help:
   * https://help.make.com/automatic-retry-of-incomplete-executions): it runs the item's own blueprint
   * when that was edited (PATCH /dlqs/{id}), else the scenario's, and is linked to the item for
   * `/dlqs/{id}/logs`.
   */
  #retry(request: RunRequest & { incompleteId: string }): Promise<ExecutionRecord> | undefined {
    const { incompletes, catalog, clock } = this.#deps;
    const edited = incompletes.edits(request.incompleteId).blueprint;
    const prepared = edited ? catalog.prepareOther(edited) : catalog.prepared(request.scenarioId);
    if (!prepared) return undefined;
    const executionId = request.executionId ?? newExecutionId(clock.now().getTime());
    incompletes.linkAttempt(request.incompleteId, executionId, clock.now());
    const promise = this.#runItems(prepared, { ...request, executionId });
    this.#track(promise);
    return promise;
  }

  isRunning(scenarioId: number): boolean {
    return this.#slots.running(scenarioId) > 0;
  }

  /**
   * A `sequential` scenario with unresolved incomplete executions starts no new run until they are
   * resolved (Make's help: https://help.make.com/automatic-retry-of-incomplete-executions,
   * `isWaitingOnIncompleteExecutions`); their retries still run.
   */
  waitsOnIncompletes(scenarioId: number, prepared: PreparedScenario): boolean {
    return prepared.settings.sequential && this.#deps.incompletes.unresolvedCount(scenarioId) > 0;
  }

  /** The scenario of a run that has started and whose execution is not stored yet. */
  unstoredRunScenario(executionId: string): number | undefined {
    return this.#unstored.get(executionId)?.scenarioId;
  }

  /**
   * Stops a run not yet stored (https://developers.make.com/api-documentation/api-reference/scenarios stop
   * execution): no further module runs; `force` also aborts an HTTP request or Sleep in flight. False when no
   * such run is going on.
   */
  stopRun(executionId: string, options: { force?: boolean } = {}): boolean {
    const run = this.#unstored.get(executionId);
    run?.stop.stop(options);
    return run !== undefined;
  }

  /** Stops taking work and waits for runs in flight to be stored. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#throttled.clear();
    this.waiters.releaseAll();
    await Promise.allSettled([...this.#inflight]);
  }

  async idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight]);
  }

  #startItem(prepared: PreparedScenario, item: QueueItem): void {
    const scenarioId = item.scenarioId ?? 0;
    this.#countStart(scenarioId);
    const input = this.triggerInput(prepared, item);
    const request: RunRequest = { scenarioId, type: 'auto', input, items: [item] };
    this.#track(this.#runItems(prepared, request, true));
  }

  /**
   * What a queued item gives its run's trigger: a webhook's intake (converted at the gateway, or
   * again from the stored request once the item was read back from the queue); a mailhook's
   * stored request, which its trigger reads.
   */
  triggerInput(prepared: PreparedScenario, item: QueueItem): unknown {
    if (item.intake) return item.intake;
    const convert = this.#deps.convert;
    if (prepared.triggerKey !== WEBHOOK_TRIGGER || !convert) return item.request;
    try {
      return fromStored(convert, item.request);
    } catch {
      // The gateway converted it before queuing; a body that no longer parses fails in the trigger.
      return item.request;
    }
  }

  #freeSlots(scenarioId: number): { prepared: PreparedScenario; slots: number } | undefined {
    if (this.#closed) return undefined;
    const scenario = this.#deps.scenarios.get(scenarioId);
    if (!scenario?.isActive || scenario.scheduling.type !== 'immediately') return undefined;
    const prepared = this.#deps.catalog.prepared(scenarioId);
    if (!prepared) return undefined;
    if (this.#deps.backoff?.waiting(scenarioId, () => this.#nowMs())) return undefined;
    if (this.waitsOnIncompletes(scenarioId, prepared)) return undefined;
    const slots = this.#slots.free(scenarioId, {
      sequential: prepared.settings.sequential,
      perMinute: scenario.scheduling.maximum_runs_per_minute,
      nowMs: this.#nowMs(),
    });
    return slots > 0 ? { prepared, slots } : undefined;
  }

  #perMinute(scenarioId: number): number | undefined {
    return this.#deps.scenarios.get(scenarioId)?.scheduling.maximum_runs_per_minute;
  }

  #countStart(scenarioId: number): void {
    this.#slots.rate.started(scenarioId, this.#perMinute(scenarioId), this.#nowMs());
  }

  /**
   * Looks again at scenarios held back by their per-minute limit — the scheduler calls this on
   * each tick, so a simulated clock moved past the minute starts them too.
   */
  kickThrottled(): void {
    this.#throttled.wakeAll();
  }

  /** Items left waiting by the per-minute limit are started when the window has room again. */
  #wakeWhenThrottled(scenarioId: number): void {
    if (this.#throttled.has(scenarioId) || this.#deps.queue.waiting(scenarioId) === 0) return;
    if (this.mayStart(scenarioId)) return;
    const freesAt = this.#slots.rate.freesAt(scenarioId, this.#nowMs());
    if (freesAt !== undefined) this.#throttled.arm(scenarioId, freesAt - this.#nowMs());
  }

  #nowMs(): number {
    return this.#deps.clock.now().getTime();
  }

  /** A Connection/Timeout/RateLimit failure schedules a rerun, or switches the scenario off. */
  #afterBackoff(prepared: PreparedScenario, scenarioId: number, record: ExecutionRecord): void {
    const backoff = this.#deps.backoff;
    if (!backoff) return;
    const decision = backoff.afterRun(scenarioId, record, {
      incompleteEnabled: prepared.settings.dlq,
      now: this.#nowMs(),
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
   * Held callers are answered the moment their Webhook response module runs, or when the run
   * ends, before its history is stored. A `sequential` scenario's slot is freed only after the
   * execution is committed, so its runs never overlap; a parallel one's as soon as the run ends.
   */
  async #runItems(
    prepared: PreparedScenario,
    request: RunRequest,
    counted = false,
  ): Promise<ExecutionRecord> {
    const { scenarioId } = request;
    if (!counted) this.#slots.take(scenarioId);
    // The id is drawn here, not in executeRun, so the run shows as RUNNING from its start. Each
    // request is built for one run, so it takes the id in place (a copy costs ~0.6 µs a run).
    const executionId = request.executionId ?? newExecutionId(this.#nowMs());
    request.executionId = executionId;
    const stop = new RunStop();
    this.#unstored.set(executionId, { scenarioId, stop });
    const rolledBack = new Set<number>();
    const respond = (response: WebhookResponse, cycle: number) => {
      if (cycle === 1) request.onRespond?.(response);
      this.waiters.respond(request.items?.[cycle - 1]?.id, response);
    };
    const clock = this.#deps.clock;
    const record = await executeRun(prepared, { request, clock, rolledBack, respond, stop });
    request.onRecord?.(record);
    // Only queued items have waiters keyed by id (a held direct run was answered by onRecord).
    if (request.items)
      this.waiters.settle(
        request.items.map((item) => item.id),
        record,
      );
    const defer = deferStore(prepared, request);
    if (defer) this.#slots.release(scenarioId);
    const recordJson = storedRecordJson(this.#deps, record);
    const store = () => storeExecution(this.#deps, { prepared, request, record, rolledBack, recordJson });
    try {
      await (defer ? this.#deps.commits.later(store) : this.#deps.commits.run(store));
    } catch (error) {
      // The execution could not be stored: its rows are undone and its items go back to the
      // queue to run again.
      this.#deps.journal?.undoRun(executionId);
      for (const item of request.items ?? []) this.#deps.queue.release(item);
      throw error;
    } finally {
      if (!defer) this.#slots.release(scenarioId);
      this.#unstored.delete(executionId);
    }
    this.#afterBackoff(prepared, scenarioId, record);
    this.#deps.onExecution?.(scenarioId, record.id);
    // The slot this webhook run held is free: queued items may start (a held caller's direct run too).
    if (request.items || request.pendingItem) this.kick(scenarioId);
    return record;
  }
}
