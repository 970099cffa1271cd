/**
 * Scenario actions (https://developers.make.com/api-documentation/api-reference/scenarios): start/stop (the
 * response carries `isActive`, which the SDK checks), run (`data`, `responsive`, `callbackUrl`; inactive →
 * 422 IM325; already running → 400; required inputs, outputs and the callback in run-inputs.ts), triggers.
 * The blueprint routes are in scenario-blueprints.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpPort } from '../../engine/ports/http.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import { type ScenarioAdminServices, setActive } from '../project/admin.ts';
import { isQueueTrigger } from '../runner/engine-port.ts';
import { newExecutionId } from '../runner/run-request.ts';
import type { ServerServices } from '../services.ts';
import { STATUS_CODE } from '../store/executions.ts';
import { ApiError, validationError } from './errors.ts';
import { type IdParams, type RunScenarioBody, runScenarioSchema } from './route-schemas.ts';
import { missingInputs, outputsOf, readCallbackUrl, sendCallback } from './run-inputs.ts';
import { findScenario } from './scenarios.ts';
import { hookType, hookUrl } from './shapes.ts';

/** What starting, stopping and running scenarios uses. */
type ActionServices = ScenarioAdminServices & Pick<ServerServices, 'settings'>;

/**
 * A responsive run answers within 40 s
 * (https://developers.make.com/api-documentation/api-reference/scenarios).
 */
export const RESPONSIVE_RUN_TIMEOUT_MS = 40_000;

export async function scenarioActionRoutes(app: FastifyInstance, options: { services: ActionServices }) {
  const { services } = options;

  app.post<{ Params: IdParams }>('/scenarios/:id/start', async (request) => {
    const scenario = findScenario(services, request.params);
    const problem = services.catalog.problem(scenario.id);
    if (problem) throw new ApiError(400, `The scenario's blueprint does not load: ${problem}`);
    setActive(services, scenario.id, true);
    return { scenario: { id: scenario.id, isActive: true, islinked: true } };
  });

  app.post<{ Params: IdParams }>('/scenarios/:id/stop', async (request) => {
    const scenario = findScenario(services, request.params);
    setActive(services, scenario.id, false);
    return { scenario: { id: scenario.id, isActive: false, islinked: false } };
  });

  app.post<{ Params: IdParams; Body: RunScenarioBody }>(
    '/scenarios/:id/run',
    { schema: runScenarioSchema },
    async (request, reply) => {
      const scenario = findScenario(services, request.params);
      const { data, responsive, callbackUrl } = readRunBody(request.body, services.settings.allowNet);
      if (!scenario.isActive) throw new ApiError(422, 'Scenario is not activated', { code: 'IM325' });
      const prepared = services.catalog.prepared(scenario.id);
      if (!prepared)
        throw new ApiError(
          400,
          `The scenario's blueprint does not load: ${services.catalog.problem(scenario.id)}`,
        );
      // Make refuses a second concurrent run
      // (https://developers.make.com/api-documentation/api-reference/scenarios) with an undocumented status:
      // ours is 400 SC400 (docs/fidelity.md). runner.run() takes the slot synchronously, and nothing is awaited
      // between this check and it, so two requests at once cannot both start a run.
      if (services.runner.isRunning(scenario.id))
        throw new ApiError(400, 'Scenario is already being executed');
      const missing = missingInputs(services, scenario, data);
      if (missing.length > 0) throw validationError(missing);
      const executionId = newExecutionId(services.clock.now().getTime());
      const run = services.runner.run({
        scenarioId: scenario.id,
        type: 'manual',
        executionId,
        vars: { input: data },
        ...(isQueueTrigger(prepared.triggerKey) ? { input: data } : {}),
      });
      if (!run) throw new ApiError(503, 'The server is shutting down.');
      const record = responsive ? await Promise.race([run, timeout(RESPONSIVE_RUN_TIMEOUT_MS)]) : undefined;
      // No callback when a responsive run already returned the result
      // (https://developers.make.com/api-documentation/api-reference/scenarios).
      if (callbackUrl && !record) {
        const statusUrl = `${apiBase(request)}/scenarios/${scenario.id}/executions/${executionId}`;
        callBackWhenStored(request, run, { callbackUrl, executionId, statusUrl });
      }
      if (!responsive) return { executionId };
      if (!record) {
        // Open question 6: Make's status for a responsive run over 40 s is undocumented.
        return reply
          .code(504)
          .send(
            new ApiError(504, `The run did not finish within 40 s; it continues as ${executionId}.`).toBody(),
          );
      }
      return { executionId, status: STATUS_CODE[record.status], ...outputsOf(record) };
    },
  );

  app.get<{ Params: IdParams }>('/scenarios/:id/triggers', async (request) => {
    const scenario = findScenario(services, request.params);
    const hook = scenario.hookId === null ? undefined : services.hooks.get(scenario.hookId);
    if (!hook) return {};
    return {
      id: hook.id,
      name: hook.name,
      udid: hook.udid,
      scope: 'hook',
      queueCount: services.queue.count(hook.id),
      queueLimit: services.settings.queueLimit,
      typeName: hook.typeName,
      type: hookType(hook),
      flags: {},
      url: hookUrl(services, hook),
    };
  });
}

/** `{data?, responsive?, callbackUrl?}`, typed by runScenarioSchema; the callback URL's host is checked here. */
function readRunBody(body: RunScenarioBody, allowNet: HttpPort['allowNet']) {
  return {
    data: body?.data ?? {},
    responsive: body?.responsive === true,
    callbackUrl: readCallbackUrl(body?.callbackUrl, allowNet),
  };
}

/**
 * This API's base as the caller reached it: `hookBase` is not it when hooks have their own port
 * (server/main.ts), and the Host header also survives port mapping in front of the server.
 */
function apiBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/api/v2`;
}

/**
 * Calls `callbackUrl` once the run's execution is stored, so `statusUrl` shows its final status.
 * A callback that fails or times out is only logged: the run and its history are already kept.
 */
function callBackWhenStored(
  request: FastifyRequest,
  run: Promise<ExecutionRecord>,
  callback: { callbackUrl: string; executionId: string; statusUrl: string },
): void {
  const { callbackUrl, executionId, statusUrl } = callback;
  run
    .then(() => sendCallback(callbackUrl, { executionId, statusUrl }))
    .catch((error: unknown) => request.log.warn({ err: error, callbackUrl }, 'run callback failed'));
}

function timeout(ms: number): Promise<ExecutionRecord | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
