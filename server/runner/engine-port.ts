/**
 * What the server needs from the engine, as a port: prepare a blueprint once, run it many times.
 * `make-engine.ts` implements it with loadScenario/runScenario and the project's run environment
 * (the same runs as `makesim run`/`makesim test`); tests may pass a scripted engine.
 */

import type { PaceOptions } from '../../engine/blueprint/pace.ts';
import type { VariableScopes } from '../../engine/expression/types.ts';
import type { Clock } from '../../engine/ports/clock.ts';
import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { RunStop } from '../../engine/runtime/run-stop.ts';

export interface PreparedRun {
  /** Trigger output: one request description / bundle, or an array (one per cycle). */
  input?: unknown;
  executionId: string;
  clock: Clock;
  maxCycles: number;
  vars?: VariableScopes;
  /**
   * Cycle `cycle` (1-based) rolled back: its trigger event must come again (Make's help:
   * https://help.make.com/overview-of-error-handling).
   */
  onTriggerRollback?: (cycle: number) => void;
  /** Cycle `cycle`'s first Webhook response, the moment its module runs (https://help.make.com/webhooks). */
  onRespond?: (response: WebhookResponse, cycle: number) => void;
  /**
   * Pulled by `POST /scenarios/{id}/executions/{executionId}/stop`
   * (https://developers.make.com/api-documentation/api-reference/scenarios).
   */
  stop?: RunStop;
}

export interface PreparedScenario {
  readonly name: string;
  /** Key of the first module (`gateway:CustomWebHook` for webhook scenarios). */
  readonly triggerKey: string | undefined;
  readonly instant: boolean;
  /**
   * Contains a `gateway:WebhookRespond`: the caller is held for the response (Make's help:
   * https://help.make.com/webhooks).
   */
  readonly responds: boolean;
  readonly settings: { sequential: boolean; maxErrors: number; roundtrips: number; dlq: boolean };
  /**
   * `maxResults` of a webhook trigger: items a scheduled run takes (Make's help:
   * https://help.make.com/webhooks).
   */
  readonly maxResults: number;
  run(options: PreparedRun): Promise<ExecutionRecord>;
  /**
   * The state of the scenario's fakes by fake name (seeded on first use, like a run would), for
   * the run page; undefined when the config gives the scenario no fakes.
   */
  fakeState?(): Record<string, Record<string, unknown>> | undefined;
}

export interface ServerEngine {
  /** Loads and validates; throws the loader's BlueprintError on a bad blueprint. */
  prepare(blueprint: Record<string, unknown>, source?: string): PreparedScenario;
  /**
   * `prepare` that lets the event loop run while it loads (engine/blueprint/pace.ts): a
   * 20,000-module blueprint takes over a second, and webhooks must be answered meanwhile. Rejects
   * with the BlueprintError `prepare` throws. Engines without it are prepared synchronously.
   */
  prepareAsync?(
    blueprint: Record<string, unknown>,
    source?: string,
    pace?: PaceOptions,
  ): Promise<PreparedScenario>;
  close?(): void;
}

export const WEBHOOK_TRIGGER = 'gateway:CustomWebHook';
/**
 * Custom mailhook (Make's help: https://help.make.com/webhooks): gets a hook of typeName `gateway-mailhook`.
 */
export const MAIL_TRIGGER = 'gateway:CustomMailHook';
export const WEBHOOK_RESPONDER = 'gateway:WebhookRespond';

/** Triggers fed by a hook's queue (webhooks and mailhooks): a scheduled run takes queued items. */
export function isQueueTrigger(key: string | undefined): boolean {
  return key === WEBHOOK_TRIGGER || key === MAIL_TRIGGER;
}
