/** A ModuleContext and ModuleCall for module unit tests: loopback-only HTTP, simulated clock. */
import { SimulatedClock } from '../../../../engine/ports/clock.ts';
import type { HttpPort } from '../../../../engine/ports/http.ts';
import { silentLogger } from '../../../../engine/ports/logger.ts';
import { memoryState } from '../../../../engine/ports/state.ts';
import type { SubscenarioPort } from '../../../../engine/ports/subscenarios.ts';
import type {
  ModuleCall,
  ModuleContext,
  ModuleNodeInfo,
  WebhookResponse,
} from '../../../../engine/registry/define-module.ts';

export interface FakeOptions {
  http?: Partial<HttpPort>;
  triggerInput?: unknown;
  subscenarios?: SubscenarioPort;
  inputVars?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface FakeContext extends ModuleContext {
  readonly responses: WebhookResponse[];
}

export function fakeContext(options: FakeOptions = {}): FakeContext {
  const responses: WebhookResponse[] = [];
  const values = new Map<string, unknown>();
  const vars = { input: options.inputVars ?? {} };
  return {
    clock: new SimulatedClock('2025-01-01T00:00:00Z'),
    http: { allowNet: false, ...options.http },
    dataStores: undefined,
    logger: silentLogger,
    signal: options.signal ?? new AbortController().signal,
    state: memoryState(),
    subscenarios: options.subscenarios,
    variables: { get: (name) => values.get(name), set: (name, value) => void values.set(name, value) },
    vars,
    timezone: 'UTC',
    executionId: 'test-execution',
    cycle: 1,
    evalContext: {
      output: () => undefined,
      vars,
      now: new Date('2025-01-01T00:00:00Z'),
      timezone: 'UTC',
      executionId: 'test-execution',
      random: () => 0.5,
      uuid: () => '00000000-0000-4000-8000-000000000000',
    },
    triggerInput: options.triggerInput,
    respond: (response) => void responses.push(response),
    responses,
  };
}

export function fakeCall(
  key: string,
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
  raw: Record<string, unknown> = {},
): ModuleCall {
  const node: ModuleNodeInfo = { id: 7, key, version: 1, label: undefined, parameters, raw };
  return { input, parameters, node };
}
