/**
 * Runs scenarios on their schedules (Make's help: https://help.make.com/schedule-a-scenario) and retries
 * incomplete executions when due (https://help.make.com/overview-of-error-handling). With the system clock a
 * timer wakes it; with `--clock simulated` time only moves
 * through `advance()`, which steps from one due run to the next so a week of schedules, Break
 * retries and backoff finishes in seconds.
 */
import { type Clock, SimulatedClock } from '../../engine/ports/clock.ts';
import type { WebhookQueue } from '../queue/queue.ts';
import type { ScenarioCatalog } from '../runner/catalog.ts';
import { isQueueTrigger } from '../runner/engine-port.ts';
import type { Runner } from '../runner/runner.ts';
import type { IncompleteStore } from '../store/incompletes.ts';
import type { ScenarioStore } from '../store/scenarios.ts';
import type { Backoff } from './backoff.ts';
import { isTimed, nextRunAfter } from './next-run.ts';

export interface SchedulerDeps {
  clock: Clock;
  timezone: string;
  scenarios: ScenarioStore;
  incompletes: IncompleteStore;
  queue: WebhookQueue;
  catalog: ScenarioCatalog;
  runner: Runner;
  backoff?: Backoff;
}

const MAX_PARALLEL_RETRIES = 3;

/** Longest sleep of the real-clock timer before it looks again. */
const MAX_SLEEP_MS = 60_000;

export class Scheduler {
  readonly #deps: SchedulerDeps;
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  get simulated(): boolean {
    return this.#deps.clock instanceof SimulatedClock;
  }

  start(): void {
    this.#stopped = false;
    for (const scenario of this.#deps.scenarios.list()) this.refresh(scenario.id);
    this.#arm();
  }

  /** Looks again at the next due time (a backoff rerun was just scheduled). */
  wake(): void {
    if (!this.#stopped) this.#arm();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Recomputes a scenario's next run after an edit, start or stop. */
  refresh(scenarioId: number, from: Date = this.#deps.clock.now()): void {
    const scenario = this.#deps.scenarios.get(scenarioId);
    if (!scenario) return;
    const next =
      scenario.isActive && isTimed(scenario.scheduling)
        ? nextRunAfter(scenario.scheduling, from, this.#deps.timezone)
        : null;
    this.#deps.scenarios.setNextExec(scenarioId, next);
    if (!this.#stopped) this.#arm();
  }

  /** Runs everything due now; resolves when those runs are stored. */
  async tick(): Promise<number> {
    const now = this.#deps.clock.now();
    const runs: Array<Promise<unknown>> = [];
    for (const scenario of this.#deps.scenarios.list()) {
      if (!scenario.isActive || !scenario.nextExec || new Date(scenario.nextExec) > now) continue;
      const run = this.#runScheduled(scenario.id);
      if (run) runs.push(run);
      this.refresh(scenario.id, new Date(scenario.nextExec));
    }
    // Backoff reruns (Make's help: https://help.make.com/exponential-backoff) run the scenario as its
    // schedule would.
    for (const scenarioId of this.#deps.backoff?.takeDue(now.getTime()) ?? []) {
      if (!this.#deps.scenarios.get(scenarioId)?.isActive) continue;
      const run = this.#runScheduled(scenarioId);
      if (run) runs.push(run);
    }
    // Incomplete executions: never while the scenario itself runs, at most 3 at once per scenario
    // (Make's help: https://help.make.com/automatic-retry-of-incomplete-executions).
    const retrying = new Map<number, number>();
    for (const item of this.#deps.incompletes.due(now)) {
      const started = retrying.get(item.scenarioId) ?? 0;
      if (started >= MAX_PARALLEL_RETRIES || (started === 0 && this.#deps.runner.isRunning(item.scenarioId)))
        continue;
      retrying.set(item.scenarioId, started + 1);
      const run = this.#deps.runner.run({
        scenarioId: item.scenarioId,
        type: 'dlq',
        input: item.input,
        incompleteId: item.id,
      });
      if (run) runs.push(run);
    }
    // Queued webhook items held by a per-minute run limit start once the minute has room.
    this.#deps.runner.kickThrottled();
    await Promise.allSettled(runs);
    // A run may have switched its scenario off (consecutive errors): drop its next run.
    for (const scenario of this.#deps.scenarios.list()) {
      if (!scenario.isActive && scenario.nextExec) this.#deps.scenarios.setNextExec(scenario.id, null);
    }
    return runs.length;
  }

  /** Simulated clock only: moves time forward by `ms`, running every due event on the way. */
  async advance(ms: number): Promise<number> {
    const clock = this.#deps.clock;
    if (!(clock instanceof SimulatedClock))
      throw new Error('the clock is not simulated (start with --clock simulated)');
    const target = clock.now().getTime() + Math.max(0, ms);
    let ran = 0;
    for (;;) {
      ran += await this.tick();
      const due = this.#earliestDue(clock.now().getTime());
      if (due === undefined || due > target) break;
      clock.set(due);
    }
    clock.set(target);
    return ran + (await this.tick());
  }

  #runScheduled(scenarioId: number): Promise<unknown> | undefined {
    const prepared = this.#deps.catalog.prepared(scenarioId);
    if (!prepared) return undefined;
    if (prepared.settings.sequential && this.#deps.runner.isRunning(scenarioId)) return undefined;
    if (this.#deps.runner.waitsOnIncompletes(scenarioId, prepared)) return undefined;
    if (!isQueueTrigger(prepared.triggerKey)) return this.#deps.runner.run({ scenarioId, type: 'auto' });
    // A scheduled webhook scenario takes up to `maxResults` queued requests per run (Make's help:
    // https://help.make.com/webhooks).
    const items = this.#deps.queue.claim(scenarioId, prepared.maxResults);
    if (items.length === 0) return undefined;
    return this.#deps.runner.run({
      scenarioId,
      type: 'auto',
      input: items.map((item) => this.#deps.runner.triggerInput(prepared, item)),
      items,
    });
  }

  /** The earliest scheduled run or retry strictly after `after` (ms), if any. */
  #earliestDue(after = Number.NEGATIVE_INFINITY): number | undefined {
    const times: number[] = [];
    for (const scenario of this.#deps.scenarios.list()) {
      if (scenario.isActive && scenario.nextExec) times.push(new Date(scenario.nextExec).getTime());
    }
    for (const item of this.#deps.incompletes.list()) {
      if (!item.resolved && item.retry && item.nextRetry) times.push(new Date(item.nextRetry).getTime());
    }
    times.push(...(this.#deps.backoff?.dueTimes() ?? []));
    const later = times.filter((time) => time > after);
    return later.length > 0 ? Math.min(...later) : undefined;
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#stopped || this.simulated) return;
    const due = this.#earliestDue();
    if (due === undefined) return;
    // Something overdue that could not run (scenario busy or broken) is looked at again each second.
    const wait = Math.min(MAX_SLEEP_MS, Math.max(1000, due - this.#deps.clock.now().getTime()));
    this.#timer = setTimeout(() => {
      void this.tick().finally(() => this.#arm());
    }, wait);
    this.#timer.unref();
  }
}
