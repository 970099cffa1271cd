/**
 * Scenario logs and execution detail (http-spec §2.4; execution-spec §8): `{scenarioLogs, pg}`
 * newest first, filter by `status` (1/2/3); `{scenarioLog}`; the unwrapped execution detail.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { notFound } from './errors.ts';
import { optionalInt, type Query, readPage } from './params.ts';
import { findScenario } from './scenarios.ts';
import { logShape } from './shapes.ts';

const DETAIL_STATUS: Record<number, string> = { 1: 'SUCCESS', 2: 'WARNING', 3: 'ERROR' };

export async function logRoutes(app: FastifyInstance, options: { services: ServerServices }): Promise<void> {
  const { services } = options;

  app.get('/scenarios/:id/logs', async (request) => {
    const scenario = findScenario(services, request.params);
    const query = request.query as Query;
    const page = readPage(query, { offset: 0, limit: 50, sortBy: 'imtId', sortDir: 'desc' });
    const status = optionalInt(query, 'status');
    const executions = services.executions.list({
      scenarioId: scenario.id,
      ...(status === undefined ? {} : { status }),
      offset: page.offset,
      limit: page.limit,
      sortDir: page.sortDir,
    });
    return {
      scenarioLogs: executions.map(logShape),
      pg: { sortBy: 'imtId', sortDir: page.sortDir, showLast: false, limit: page.limit, offset: page.offset },
    };
  });

  const findExecution = (params: unknown) => {
    const scenario = findScenario(services, params);
    const { executionId } = params as { executionId: string };
    const execution = services.executions.get(executionId.replaceAll('-', ''));
    if (!execution || execution.scenarioId !== scenario.id) throw notFound('Execution');
    return execution;
  };

  app.get('/scenarios/:id/logs/:executionId', async (request) => ({
    scenarioLog: logShape(findExecution(request.params)),
  }));

  app.get('/scenarios/:id/executions/:executionId', async (request) => {
    const execution = findExecution(request.params);
    const { error } = execution.record;
    const failed = error
      ? execution.record.modules.find((module) => module.id === error.moduleId)
      : undefined;
    return {
      status: DETAIL_STATUS[execution.status] ?? 'RUNNING',
      outputs: {},
      ...(error
        ? {
            error: {
              name: error.type,
              message: error.message,
              ...(failed
                ? { causeModule: { name: failed.module, appName: failed.module.split(':')[0] } }
                : {}),
            },
          }
        : {}),
    };
  });
}
