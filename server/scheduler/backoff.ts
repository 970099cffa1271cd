/**
 * Scenario reruns with exponential backoff (Make's help: https://help.make.com/exponential-backoff): a run
 * that ends in ConnectionError, ModuleTimeoutError or RateLimitError is run again after 1 min, then
 * longer waits (one column with incomplete executions enabled, another without); a success ends
 * the series, and when the last rerun fails too scheduling is disabled. Times come from the
 * scheduler's clock, so `--clock simulated` + advance walks a whole series in milliseconds. With a
 * store, each series is kept in the server database, so a restart neither forgets a pending rerun
 * nor starts the count again.
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { BackoffStateStore } from '../store/backoff-state.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Make's help: https://help.make.com/exponential-backoff, "IE enabled" column: waits before reruns 1…8. */
export const BACKOFF_WITH_INCOMPLETE_MS = [1, 10, 10, 30, 30, 30, 180, 180].map((m) => m * MINUTE);
/** Make's help: https://help.make.com/exponential-backoff, "IE disabled" column. */
export const BACKOFF_WITHOUT_INCOMPLETE_MS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  HOUR,
  3 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

/**
 * The error types Make reruns with backoff (Make's help: https://help.make.com/exponential-backoff; the brief
 * adds RateLimitError).
 */
export const BACKOFF_ERRORS: ReadonlySet<string> = new Set([
  'ConnectionError',
  'ModuleTimeoutError',
  'RateLimitError',
]);

/** Whether a finished run is one Make answers with a backoff rerun rather than its error count. */
export function isBackoffFailure(record: Pick<ExecutionRecord, 'status' | 'error'>): boolean {
  return record.status === 'error' && record.error !== null && BACKOFF_ERRORS.has(record.error.type);
}

export type BackoffDecision =
  | { kind: 'none' }
  | { kind: 'rerun'; attempt: number; at: number }
  | { kind: 'deactivate' };

interface Series {
  /** Reruns scheduled so far (1-based number of the pending one). */
  attempt: number;
  due: number;
}

/**
 * Open question (spec: "After the 8th failure scheduling is disabled"): we read it as the failure
 * of the 8th RERUN — the original failure plus eight failed reruns, one per row of the table.
 */
export class Backoff {
  readonly #series = new Map<number, Series>();
  readonly #store: BackoffStateStore | undefined;

  /** With a store, the series of the last process are loaded, so their pending reruns are armed again. */
  constructor(store?: BackoffStateStore) {
    this.#store = store;
    for (const row of store?.list() ?? [])
      this.#series.set(row.scenarioId, { attempt: row.attempt, due: row.due });
  }

  /** Records a finished run of `scenarioId` at `now` (ms) and says what follows. */
  afterRun(
    scenarioId: number,
    record: Pick<ExecutionRecord, 'status' | 'error'>,
    options: { incompleteEnabled: boolean; now: number },
  ): BackoffDecision {
    if (!isBackoffFailure(record)) {
      if (record.status === 'success') this.#end(scenarioId);
      else this.#settleTaken(scenarioId);
      return { kind: 'none' };
    }
    const table = options.incompleteEnabled ? BACKOFF_WITH_INCOMPLETE_MS : BACKOFF_WITHOUT_INCOMPLETE_MS;
    const attempt = (this.#series.get(scenarioId)?.attempt ?? 0) + 1;
    const wait = table[attempt - 1];
    if (wait === undefined) {
      this.#end(scenarioId);
      return { kind: 'deactivate' };
    }
    const at = options.now + wait;
    this.#series.set(scenarioId, { attempt, due: at });
    this.#store?.save({ scenarioId, attempt, due: at });
    return { kind: 'rerun', attempt, at };
  }

  /** A rerun is pending and not yet due: the scenario's queue waits for it. `now` is read only then. */
  waiting(scenarioId: number, now: () => number): boolean {
    const due = this.#series.get(scenarioId)?.due;
    // Infinity: the rerun was taken and is running, so the queue is free for it.
    return due !== undefined && Number.isFinite(due) && due > now();
  }

  /** Scenarios whose rerun is due at or before `now`; each is handed out once. */
  takeDue(now: number): number[] {
    const due: number[] = [];
    for (const [scenarioId, series] of this.#series) {
      if (series.due <= now && Number.isFinite(series.due)) {
        due.push(scenarioId);
        // Taken: stays in the series (for the attempt count) but is no longer due. The stored row
        // keeps its due time, so a process that dies during the rerun runs it again after restart.
        series.due = Number.POSITIVE_INFINITY;
      }
    }
    return due;
  }

  /** Due times of pending reruns (for the scheduler's next wake-up). */
  dueTimes(): number[] {
    return [...this.#series.values()].map((series) => series.due).filter(Number.isFinite);
  }

  /** A taken rerun ended in another error: the series waits (count kept), nothing is pending. */
  #settleTaken(scenarioId: number): void {
    const series = this.#series.get(scenarioId);
    if (series && !Number.isFinite(series.due)) this.#store?.save({ scenarioId, ...series });
  }

  #end(scenarioId: number): void {
    if (this.#series.delete(scenarioId)) this.#store?.remove(scenarioId);
  }
}
