/**
 * The ModuleContext handed to every module (DESIGN principle 5): one object per execution whose
 * per-bundle parts (cycle, evalContext, triggerInput) read the execution's current state.
 */
import type { EvalContext, VariableScopes } from '../expression/types.ts';
import type { Clock } from '../ports/clock.ts';
import type { DataStorePort } from '../ports/data-store.ts';
import type { HttpPort } from '../ports/http.ts';
import type { Logger } from '../ports/logger.ts';
import type { ScenarioState } from '../ports/state.ts';
import type { SubscenarioPort } from '../ports/subscenarios.ts';
import type { ModuleContext, VariableStore, WebhookResponse } from '../registry/define-module.ts';
import type { Execution } from './execution.ts';

/** What the run's stop switch (runtime/run-stop.ts RunStop) offers modules. */
export interface StopSwitch {
  readonly requested: boolean;
  readonly signal: AbortSignal;
}

export interface ModulePorts {
  http: HttpPort;
  dataStores: DataStorePort | undefined;
  logger: Logger;
  signal: AbortSignal;
  stop: StopSwitch | undefined;
  state: ScenarioState;
  subscenarios: SubscenarioPort | undefined;
  vars: VariableScopes;
  timezone: string;
  executionId: string;
}

export class RunModuleContext implements ModuleContext {
  readonly clock: Clock;
  readonly http: HttpPort;
  readonly dataStores: DataStorePort | undefined;
  readonly logger: Logger;
  readonly state: ScenarioState;
  readonly subscenarios: SubscenarioPort | undefined;
  readonly vars: VariableScopes;
  readonly timezone: string;
  readonly executionId: string;
  readonly #execution: Execution;
  readonly #signal: AbortSignal;
  readonly #stop: StopSwitch | undefined;

  constructor(execution: Execution, ports: ModulePorts) {
    this.#execution = execution;
    this.http = ports.http;
    this.dataStores = ports.dataStores;
    this.logger = ports.logger;
    this.#signal = ports.signal;
    this.#stop = ports.stop;
    this.state = ports.state;
    this.subscenarios = ports.subscenarios;
    this.vars = ports.vars;
    this.timezone = ports.timezone;
    this.executionId = ports.executionId;
    this.clock = new SleepCountingClock(execution);
  }

  /** The run's own signal when given one, else the stop switch's (made on first use). */
  get signal(): AbortSignal {
    return this.#stop ? this.#stop.signal : this.#signal;
  }

  /** Whether the run was told to stop: no further module may run. */
  get stopRequested(): boolean {
    return this.#stop?.requested === true || this.#signal.aborted;
  }

  get variables(): VariableStore {
    return this.#execution.variables;
  }

  get cycle(): number {
    return this.#execution.cycle;
  }

  get evalContext(): EvalContext {
    return this.#execution.ctx;
  }

  get triggerInput(): unknown {
    return this.#execution.triggerInput;
  }

  finishRun(): void {
    this.#execution.stop('success');
  }

  respond(response: WebhookResponse): void {
    this.#execution.recorder.respond(response, this.#execution.cycle);
  }
}

/**
 * The execution's clock as modules see it: time slept on purpose (Sleep module) does not count
 * toward the module timeout. A class, not an object of closures: one is made per run, and under
 * tsx (esbuild keepNames) each named closure costs a defineProperty when created.
 */
class SleepCountingClock implements Clock {
  readonly #execution: Execution;

  constructor(execution: Execution) {
    this.#execution = execution;
  }

  now(): Date {
    return this.#execution.clock.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.#execution.sleptMs += Math.max(0, ms);
    return this.#execution.clock.sleep(ms, signal);
  }
}
