/**
 * SubscenarioPort over injected functions (https://help.make.com/subscenarios,
 * https://help.make.com/use-scenario-outputs): resolve
 * a scenario id to a loaded Scenario, run it with the inputs, and hand back what its first
 * Return output module returned. The CLI and server inject `resolve` and `run`; this file knows
 * neither. A failed subscenario fails the calling module with the subscenario's error type.
 */

import type { Scenario } from '../../engine/blueprint/scenario.ts';
import { isMakeErrorType, MakeError } from '../../engine/errors/make-error.ts';
import { isSetupErrorType, SetupError } from '../../engine/errors/setup-error.ts';
import type { SubscenarioPort } from '../../engine/ports/subscenarios.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export const RETURN_MODULE = 'scenario-service:ReturnData';

/** Subscenarios may call subscenarios; this stops a scenario that calls itself forever. */
const DEFAULT_MAX_DEPTH = 10;

export interface SubscenarioRunnerOptions {
  resolve(scenarioId: number | string): Scenario | undefined | Promise<Scenario | undefined>;
  run(scenario: Scenario, inputs: Record<string, unknown>): Promise<ExecutionRecord>;
  maxDepth?: number;
  /** Called with the promise of each started (not awaited) run, so hosts can track or await it. */
  onStarted?(executionId: string, finished: Promise<ExecutionRecord>): void;
}

/** The outputs of the Return output module that ran first (later ones never run in Make). */
export function returnedOutputs(record: ExecutionRecord): Record<string, unknown> {
  for (const module of record.modules) {
    if (module.module !== RETURN_MODULE) continue;
    const first = module.outputs[0] ?? module.calls.find((call) => call.error === null)?.output[0];
    if (first) return { ...first };
  }
  return {};
}

export function createSubscenarioRunner(options: SubscenarioRunnerOptions): SubscenarioPort {
  let depth = 0;
  let started = 0;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;

  async function load(scenarioId: number | string): Promise<Scenario> {
    const scenario = await options.resolve(scenarioId);
    if (scenario) return scenario;
    throw new SetupError(
      'unknown-subscenario',
      `Subscenario "${scenarioId}" is not known: add it to the project (config "scenarios") or mock the module.`,
      { scenarioId: String(scenarioId) },
    );
  }

  async function runNested(scenario: Scenario, inputs: Record<string, unknown>): Promise<ExecutionRecord> {
    if (depth >= maxDepth) {
      throw new MakeError(
        'RuntimeError',
        `Subscenarios are nested more than ${maxDepth} deep (a scenario calling itself?).`,
        {
          code: 'subscenario-depth',
        },
      );
    }
    depth++;
    try {
      return await options.run(scenario, inputs);
    } finally {
      depth--;
    }
  }

  return {
    async call(scenarioId, inputs) {
      const record = await runNested(await load(scenarioId), inputs);
      if (record.status === 'error' && isSetupErrorType(record.error?.type)) {
        // A call the subscenario could not answer is the caller's setup problem too.
        throw new SetupError(
          'subscenario-setup',
          `Subscenario "${scenarioId}" stopped on a setup error: ${record.error?.message ?? ''}`,
          { scenarioId: String(scenarioId), executionId: record.id },
        );
      }
      if (record.status === 'error') {
        const type = record.error && isMakeErrorType(record.error.type) ? record.error.type : 'RuntimeError';
        throw new MakeError(
          type,
          `Subscenario "${scenarioId}" failed: ${record.error?.message ?? 'unknown error'}`,
          {
            code: 'subscenario-failed',
            executionId: record.id,
          },
        );
      }
      return returnedOutputs(record);
    },
    async start(scenarioId, inputs) {
      const scenario = await load(scenarioId);
      started++;
      const finished = runNested(scenario, inputs);
      // The caller does not wait; a failure belongs to the subscenario's own record.
      finished.catch(() => undefined);
      const provisional = `subscenario-${started}`;
      options.onStarted?.(provisional, finished);
      return provisional;
    },
  };
}
