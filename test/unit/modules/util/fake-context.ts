/** A ModuleContext for calling module definitions directly in unit tests. */
import { SimulatedClock } from '../../../../engine/ports/clock.ts';
import { loopbackOnly } from '../../../../engine/ports/http.ts';
import { silentLogger } from '../../../../engine/ports/logger.ts';
import { memoryState, type ScenarioState } from '../../../../engine/ports/state.ts';
import type {
  ModuleCall,
  ModuleContext,
  ModuleDefinition,
  WebhookResponse,
} from '../../../../engine/registry/define-module.ts';
import { RunContext } from '../../../../engine/runtime/context.ts';
import { RunVariables } from '../../../../engine/runtime/variables.ts';

export interface FakeContext extends ModuleContext {
  cycle: number;
  readonly responses: WebhookResponse[];
}

export function fakeContext(options: { state?: ScenarioState; clock?: SimulatedClock } = {}): FakeContext {
  const responses: WebhookResponse[] = [];
  const evalContext = new RunContext({
    vars: {},
    now: new Date(0),
    timezone: 'UTC',
    executionId: 'x',
    random: () => 0.5,
    maxId: 10,
  });
  return {
    clock: options.clock ?? new SimulatedClock(0),
    http: loopbackOnly,
    dataStores: undefined,
    logger: silentLogger,
    signal: new AbortController().signal,
    state: options.state ?? memoryState(),
    subscenarios: undefined,
    variables: new RunVariables(),
    vars: {},
    timezone: 'UTC',
    executionId: 'x',
    cycle: 1,
    evalContext,
    triggerInput: undefined,
    responses,
    respond: (response) => void responses.push(response),
    finishRun: () => undefined,
  };
}

export function call(
  definition: ModuleDefinition,
  input: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
  id = 1,
): ModuleCall {
  return {
    input,
    parameters,
    node: { id, key: definition.key, version: 1, label: undefined, parameters, raw: {} },
  };
}

/** Runs a module synchronously (these modules answer synchronously) or awaits it. */
export async function run(
  definition: ModuleDefinition,
  input: Record<string, unknown>,
  ctx = fakeContext(),
  parameters: Record<string, unknown> = {},
) {
  if (!definition.run) throw new Error(`${definition.key} has no run`);
  return definition.run(call(definition, input, parameters), ctx);
}

export function aggregate(
  definition: ModuleDefinition,
  items: Record<string, unknown>[],
  parameters: Record<string, unknown>,
) {
  if (!definition.aggregate) throw new Error(`${definition.key} has no aggregate`);
  return definition.aggregate(
    { items, parameters, node: call(definition, {}, parameters).node },
    fakeContext(),
  );
}
