/**
 * The real engine behind the server's port: blueprints loaded with the built-in modules, runs
 * built through the project's run environment (config/run-environment.ts) so a served run behaves
 * as `makesim run` / `makesim test` — same data stores, HTTP policy, variables and time zone.
 */
import type { RunEnvironment } from '../../config/run-environment.ts';
import { loadScenario, loadScenarioAsync } from '../../engine/blueprint/load.ts';
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import type { Clock } from '../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../engine/registry/registry.ts';
import { runScenario } from '../../engine/runtime/run-scenario.ts';
import { requestToBundle } from '../../modules/gateway/request-to-bundle.ts';
import { builtinModules } from '../../modules/index.ts';
import type { RequestDescription } from '../queue/queue.ts';
import type { ConvertRequest } from '../services.ts';
import type { HookData } from '../store/hooks.ts';
import type { AppDoubles } from './app-doubles.ts';
import {
  isQueueTrigger,
  type PreparedScenario,
  type ServerEngine,
  WEBHOOK_RESPONDER,
} from './engine-port.ts';

/**
 * Make's default "Maximum number of results" of a scheduled custom webhook (https://help.make.com/webhooks).
 */
const DEFAULT_MAX_RESULTS = 2;

export function createMakeEngine(environment: RunEnvironment, doubles?: AppDoubles): ServerEngine {
  const registry = new ModuleRegistry(builtinModules);
  return {
    prepare(blueprint, source) {
      const scenario = loadScenario(blueprint, { registry, ...(source ? { source } : {}) });
      return prepared(scenario, environment, doubles, source);
    },
    async prepareAsync(blueprint, source, pace) {
      const options = { registry, ...(source ? { source } : {}), ...pace };
      return prepared(await loadScenarioAsync(blueprint, options), environment, doubles, source);
    },
    close: () => {
      doubles?.close();
      environment.close();
    },
  };
}

function prepared(
  scenario: Scenario,
  environment: RunEnvironment,
  doubles?: AppDoubles,
  source?: string,
): PreparedScenario {
  let clock: Clock | undefined;
  const trigger = scenario.flow[0];
  const maxResults = Number(trigger?.parameters.maxResults);
  return {
    name: scenario.name,
    triggerKey: trigger?.key,
    instant: scenario.instant,
    responds: scenario.modules.some((module) => module.key === WEBHOOK_RESPONDER),
    settings: scenario.settings,
    maxResults: isQueueTrigger(trigger?.key) && maxResults > 0 ? maxResults : DEFAULT_MAX_RESULTS,
    fakeState: () => {
      if (!doubles || !source) return undefined;
      doubles.mocksFor(scenario, source, () => clock);
      return doubles.fakeState(source);
    },
    run: (options) => {
      clock = options.clock;
      const mocks = doubles?.mocksFor(scenario, source, () => clock);
      // Absent options are passed as undefined, which runScenario reads as absent: conditional
      // spreads would build and copy a throwaway object each, on every served run.
      return runScenario(scenario, {
        mocks,
        input: options.input,
        executionId: options.executionId,
        clock: options.clock,
        maxCycles: options.maxCycles,
        // Every record is serialised into the history as soon as it ends: calls as plain data.
        record: 'stored',
        timezone: environment.timezone,
        vars: { ...environment.vars, ...options.vars },
        // The run's own view: its writes are journaled under its execution id (undo-journal.ts).
        dataStores: environment.dataStores.forRun(options.executionId),
        http: environment.http,
        state: environment.state,
        onTriggerRollback: options.onTriggerRollback,
        onRespond: options.onRespond,
        stop: options.stop,
        subscenarios: environment.subscenarios,
      });
    },
  };
}

/** The gateway's check that a request can be turned into a bundle (the module's own conversion). */
export const convertRequest: ConvertRequest = (request: RequestDescription, hook: HookData) =>
  requestToBundle(request, { headers: hook.headers, method: hook.method, stringify: hook.stringify });
