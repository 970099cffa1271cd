/**
 * Scenario logs and execution detail
 * (https://developers.make.com/api-documentation/api-reference/scenarios/logs; the SDK's `executions.ts`,
 * https://github.com/integromat/make-typescript-sdk): `{scenarioLogs, pg}` newest first, filter by `status`
 * (1/2/3) and start time (`from`/`to`, epoch ms, inclusive); `{scenarioLog}`; the unwrapped execution detail,
 * `RUNNING` until the run is stored; stopping a running execution.
 */
import type { FastifyInstance } from 'fastify';
import { redactText } from '../../modules/http/redact.ts';
import type { ServerServices } from '../services.ts';
import type { StoredExecution } from '../store/executions.ts';
import { ApiError, notFound } from './errors.ts';
import { logPageShape, readLogPage } from './params.ts';
import type { IdParams } from './route-schemas.ts';
import { outputsOf } from './run-inputs.ts';
import {
  type ExecutionParams,
  type ExecutionQuery,
  executionParams,
  executionSchema,
  type LogsQuery,
  logsSchema,
  type StopExecutionBody,
  stopExecutionSchema,
} from './scenario-schemas.ts';
import { findScenario } from './scenarios.ts';
import { logShape } from './shapes.ts';

const DETAIL_STATUS: Record<number, string> = { 1: 'SUCCESS', 2: 'WARNING', 3: 'ERROR' };

export async function logRoutes(
  app: FastifyInstance,
  options: { services: Pick<ServerServices, 'scenarios' | 'executions' | 'runner' | 'settings'> },
): Promise<void> {
  const { services } = options;

  app.get<{ Params: IdParams; Querystring: LogsQuery }>(
    '/scenarios/:id/logs',
    { schema: logsSchema },
    async (request) => {
      const scenario = findScenario(services, request.params);
      const { status, from, to } = request.query;
      const page = readLogPage(request.query);
      const executions = services.executions.list({
        scenarioId: scenario.id,
        ...(status === undefined ? {} : { status }),
        ...(from === undefined ? {} : { startedFrom: isoAt(from) }),
        ...(to === undefined ? {} : { startedTo: isoAt(to) }),
        offset: page.offset,
        limit: page.limit,
        sortDir: page.sortDir,
      });
      return {
        scenarioLogs: executions.map(logShape),
        pg: logPageShape(page),
      };
    },
  );

  /** The scenario's stored execution, or the scenario id of its run not stored yet. */
  const findExecution = (params: ExecutionParams): StoredExecution | 'running' => {
    const scenario = findScenario(services, params);
    const executionId = params.executionId.replaceAll('-', '');
    const execution = services.executions.get(executionId);
    if (execution?.scenarioId === scenario.id) return execution;
    if (!execution && services.runner.unstoredRunScenario(executionId) === scenario.id) return 'running';
    throw notFound('Execution');
  };

  app.get<{ Params: ExecutionParams }>(
    '/scenarios/:id/logs/:executionId',
    { schema: { params: executionParams } },
    async (request) => {
      const execution = findExecution(request.params);
      if (execution === 'running') throw notFound('Execution');
      const log = logShape(execution);
      // The spec's key is `scenarioLog`; Make's TypeScript SDK reads `scenarioLogs` (its mock too).
      return { scenarioLog: log, scenarioLogs: log };
    },
  );

  // Stop a running execution (https://developers.make.com/api-documentation/api-reference/scenarios; the
  // answer is undocumented): no further module runs, `force` also aborts an HTTP request or Sleep in flight.
  // A stored (finished) run is a 400.
  app.post<{ Params: ExecutionParams; Body: StopExecutionBody }>(
    '/scenarios/:id/executions/:executionId/stop',
    { schema: stopExecutionSchema },
    async (request) => {
      const execution = findExecution(request.params);
      if (execution !== 'running') throw new ApiError(400, 'The execution is not running.');
      const executionId = request.params.executionId.replaceAll('-', '');
      services.runner.stopRun(executionId, { force: request.body?.force === true });
      return { executionId, stopped: true };
    },
  );

  app.get<{ Params: ExecutionParams; Querystring: ExecutionQuery }>(
    '/scenarios/:id/executions/:executionId',
    { schema: executionSchema },
    async (request) => {
      const { maxBytes } = request.query;
      const execution = findExecution(request.params);
      if (execution === 'running') return { status: 'RUNNING' };
      const { record } = execution;
      const outputs = outputsOf(record).outputs ?? {};
      const size = Buffer.byteLength(JSON.stringify(outputs));
      if (maxBytes !== undefined && size > maxBytes)
        throw new ApiError(
          413,
          `The execution's outputs are ${size} bytes, more than maxBytes (${maxBytes}).`,
        );
      // A WARNING run has no error of its own: its first warning (e.g. a Break that stored an
      // incomplete execution) is what the SDK's type documents for "WARNING or ERROR".
      const error = record.error ?? record.warnings[0] ?? null;
      const failed = error ? record.modules.find((module) => module.id === error.moduleId) : undefined;
      return {
        status: DETAIL_STATUS[execution.status] ?? 'RUNNING',
        outputs,
        ...(error
          ? {
              error: {
                name: error.type,
                message: redactText(error.message, services.settings.secrets),
                ...(failed
                  ? { causeModule: { name: failed.module, appName: failed.module.split(':')[0] } }
                  : {}),
              },
            }
          : {}),
      };
    },
  );
}

/**
 * `from`/`to` are epoch milliseconds
 * (https://developers.make.com/api-documentation/api-reference/scenarios/logs); `started` is stored as ISO
 * 8601 in UTC, whose text order is time order for years 0000–9999 — so a bound outside those years is clamped
 * to them (beyond, toISOString writes `+275760-…`, which would sort before every stored time).
 */
function isoAt(ms: number): string {
  return new Date(Math.max(FIRST_ISO_MS, Math.min(LAST_ISO_MS, ms))).toISOString();
}

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
const FIRST_ISO_MS = -62_167_219_200_000;
const LAST_ISO_MS = 253_402_300_799_999;
