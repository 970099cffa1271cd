/**
 * Incomplete executions (http-spec §2.5): list by scenario, get, retry one or several. A retry runs
 * the scenario again with the stored trigger input (Make resumes from the failed module; we re-run
 * the whole scenario — docs/fidelity.md).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import type { StoredIncomplete } from '../store/incompletes.ts';
import { ApiError, notFound, validationError } from './errors.ts';
import { bodyObject, optionalInt, type Query, readPage } from './params.ts';
import { dlqShape } from './shapes.ts';

export async function dlqRoutes(app: FastifyInstance, options: { services: ServerServices }): Promise<void> {
  const { services } = options;
  const find = (params: unknown): StoredIncomplete => {
    const item = services.incompletes.get(String((params as { dlqId: string }).dlqId).replaceAll('-', ''));
    if (!item) throw notFound('Incomplete execution');
    return item;
  };
  const retry = async (item: StoredIncomplete) => {
    if (item.resolved) throw new ApiError(400, `Incomplete execution ${item.id} is already resolved.`);
    const run = services.runner.run({
      scenarioId: item.scenarioId,
      type: 'dlq',
      input: item.input,
      incompleteId: item.id,
    });
    if (!run) throw new ApiError(400, `The scenario of incomplete execution ${item.id} does not load.`);
    await run;
  };

  app.get('/dlqs', async (request) => {
    const query = request.query as Query;
    const scenarioId = optionalInt(query, 'scenarioId');
    const page = readPage(query, { offset: 0, limit: 10000, sortBy: 'created', sortDir: 'desc' });
    const items = services.incompletes.list(scenarioId).slice(page.offset, page.offset + page.limit);
    return {
      dlqs: items.map((item) => {
        const { id, reason, created, size, resolved, retry, attempts } = dlqShape(services, item);
        return { id, reason, created, size, resolved, retry, attempts };
      }),
      pg: page,
    };
  });

  app.get('/dlqs/:dlqId', async (request) => ({ dlq: dlqShape(services, find(request.params)) }));

  app.post('/dlqs/:dlqId/retry', async (request) => {
    await retry(find(request.params));
    return { success: true };
  });

  app.post('/dlqs/retry', async (request) => {
    const scenarioId = optionalInt(request.query as Query, 'scenarioId');
    const body = bodyObject(request.body);
    const open = services.incompletes.list(scenarioId).filter((item) => !item.resolved);
    let chosen: StoredIncomplete[];
    if (body.all === true) {
      const except = Array.isArray(body.exceptIds) ? body.exceptIds : [];
      chosen = open.filter((item) => !except.includes(item.id));
    } else if (Array.isArray(body.ids)) {
      chosen = open.filter((item) => (body.ids as unknown[]).includes(item.id));
    } else {
      throw validationError(["Send 'ids' (an array of incomplete execution ids) or 'all': true."]);
    }
    for (const item of chosen) await retry(item);
    return { success: true };
  });
}
