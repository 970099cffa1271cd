/**
 * A fake ModuleContext and ModuleCall for unit-testing module definitions directly: simulated
 * clock, loopback-only HTTP unless a test widens it, in-memory state and variables, and webhook
 * responses collected in `responses`.
 */
import type { VariableScopes } from '../../engine/expression/types.ts';
import { SimulatedClock } from '../../engine/ports/clock.ts';
import type { DataStorePort } from '../../engine/ports/data-store.ts';
import type { HttpPort } from '../../engine/ports/http.ts';
import { silentLogger } from '../../engine/ports/logger.ts';
import { memoryState } from '../../engine/ports/state.ts';
import type { SubscenarioPort } from '../../engine/ports/subscenarios.ts';
import type {
  ModuleCall,
  ModuleContext,
  ModuleNodeInfo,
  WebhookResponse,
} from '../../engine/registry/define-module.ts';

/** The fixed execution time every fake context reports. */
export const FAKE_NOW = '2025-01-01T00:00:00Z';

export interface FakeOptions {
  http?: Partial<HttpPort>;
  dataStores?: DataStorePort;
  subscenarios?: SubscenarioPort;
  triggerInput?: unknown;
  /** `vars.input`: a subscenario's inputs as formulas read them; empty by default. */
  inputVars?: Record<string, unknown>;
  signal?: AbortSignal;
  executionId?: string;
  /** The evaluation context's uuid source; a fixed v4 uuid by default. */
  uuid?: () => string;
}

export interface FakeContext extends ModuleContext {
  /** Every `ctx.respond(…)` in call order. */
  readonly responses: WebhookResponse[];
  /** How many times the module asked to end the run (`ctx.finishRun()`). */
  readonly finished: { count: number };
}

export function fakeContext(options: FakeOptions = {}): FakeContext {
  const responses: WebhookResponse[] = [];
  const finished = { count: 0 };
  const values = new Map<string, unknown>();
  const vars: VariableScopes = { input: options.inputVars ?? {} };
  const executionId = options.executionId ?? 'test-execution';
  return {
    clock: new SimulatedClock(FAKE_NOW),
    http: { allowNet: false, ...options.http },
    dataStores: options.dataStores,
    logger: silentLogger,
    signal: options.signal ?? new AbortController().signal,
    state: memoryState(),
    subscenarios: options.subscenarios,
    variables: { get: (name) => values.get(name), set: (name, value) => void values.set(name, value) },
    vars,
    timezone: 'UTC',
    executionId,
    cycle: 1,
    evalContext: {
      output: () => undefined,
      vars,
      now: new Date(FAKE_NOW),
      timezone: 'UTC',
      executionId,
      random: () => 0.5,
      uuid: options.uuid ?? (() => '00000000-0000-4000-8000-000000000000'),
    },
    triggerInput: options.triggerInput,
    respond: (response) => void responses.push(response),
    finishRun: () => {
      finished.count += 1;
    },
    finished,
    responses,
  };
}

/** The call the runtime would make for module 7 on one bundle whose mapper evaluated to `input`. */
export function fakeCall(
  key: string,
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
  raw: Record<string, unknown> = {},
): ModuleCall {
  const node: ModuleNodeInfo = { id: 7, key, version: 1, label: undefined, parameters, raw };
  return { input, parameters, node };
}
