import type { VariableScopes } from '../expression/types.ts';
import type { Clock } from '../ports/clock.ts';
import type { DataStorePort } from '../ports/data-store.ts';
import type { HttpPort } from '../ports/http.ts';
import type { Logger } from '../ports/logger.ts';
import type { ScenarioState } from '../ports/state.ts';
import type { SubscenarioPort } from '../ports/subscenarios.ts';
import type { WebhookResponse } from '../registry/define-module.ts';
import type { Mocks } from '../registry/mocks.ts';
import type { Limits } from '../state/limits.ts';
import type { RunStop } from './run-stop.ts';

export { DEFAULT_LIMITS, type Limits } from '../state/limits.ts';

export interface RunOptions {
  /**
   * The trigger's output (DESIGN.md "Trigger input"): an object is one bundle, an array several.
   * For instant triggers each element is one event, run as its own cycle.
   */
  input?: unknown;
  mocks?: Mocks;
  clock?: Clock;
  /** Fixed `now` for the execution; default clock.now(). */
  now?: Date | string;
  /** Organization time zone; default `UTC`. */
  timezone?: string;
  vars?: VariableScopes;
  executionId?: string;
  dataStores?: DataStorePort;
  http?: HttpPort;
  logger?: Logger;
  state?: ScenarioState;
  subscenarios?: SubscenarioPort;
  limits?: Partial<Limits>;
  /**
   * `summary` keeps counts but no outputs or calls (big runs). Default `full`. `stored` is `full`
   * with each module's `calls` built when the run ends, as plain data, for a record that is
   * serialised at once (the server's history): `full` builds them when first read, through an
   * accessor that sends JSON.stringify down its slow path (~25 µs more for a 3-module run).
   */
  record?: 'full' | 'summary' | 'stored';
  /**
   * Keep a path trace in `record.trace` (state/trace.ts): each filter evaluation with the values
   * compared, router routes, If-else branches and where paths ended. Default false (no cost).
   */
  trace?: boolean;
  /** Cycles to run: Make's "Run once" is 1 (default); the server's scheduled runs pass `roundtrips`. */
  maxCycles?: number;
  signal?: AbortSignal;
  /** A stop switch the caller may pull while the run goes on (the server's stop execution). */
  stop?: RunStop;
  /** Deterministic `random`/`uuid` for tests. */
  random?: () => number;
  /**
   * Called when cycle `cycle`'s trigger may be acknowledged: after everything else committed when
   * "Commit trigger last" is on (Make's help: https://help.make.com/rollback-error-handler). The server
   * removes the webhook queue item here.
   */
  onTriggerCommit?: (cycle: number) => void;
  /** Called when cycle `cycle` was rolled back: its trigger event must come again (queue item returned). */
  onTriggerRollback?: (cycle: number) => void;
  /**
   * Called the moment a Webhook response module produces cycle `cycle`'s first response, while the
   * run goes on: Make answers the held caller then, not when the run ends (Make's help:
   * https://help.make.com/webhooks).
   */
  onRespond?: (response: WebhookResponse, cycle: number) => void;
}
