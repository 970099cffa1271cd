/**
 * Incomplete executions (https://developers.make.com/api-documentation/api-reference/incomplete-executions):
 * list by scenario, get, retry one or several, delete several (`confirmed=true`); their blueprint, bundle,
 * edits and logs are in dlq-detail.ts. A retry runs the scenario again with the stored trigger input (Make
 * resumes from the failed module; we re-run the whole scenario — docs/fidelity.md), with the item's edited
 * blueprint if it has one.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import type { StoredIncomplete } from '../store/incompletes.ts';
import { choose, type IdReader } from './choose-ids.ts';
import { type DlqDetailServices, dlqDetailRoutes } from './dlq-detail.ts';
import { ApiError, confirmationRequired, notFound } from './errors.ts';
import { bodyObject, isConfirmed, optionalInt, type Query, readPage } from './params.ts';
import { dlqShape } from './shapes.ts';

export async function dlqRoutes(
  app: FastifyInstance,
  options: { services: DlqDetailServices & Pick<ServerServices, 'runner'> },
): Promise<void> {
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
    if (!run) throw new ApiError(400, `The blueprint of incomplete execution ${item.id} does not load.`);
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

  // The answer is the retried item's id, as Make's TypeScript SDK types it (`{dlq: string}`).
  app.post('/dlqs/:dlqId/retry', async (request) => {
    const item = find(request.params);
    await retry(item);
    return { dlq: item.id };
  });

  app.post('/dlqs/retry', async (request) => {
    const scenarioId = optionalInt(request.query as Query, 'scenarioId');
    const open = services.incompletes.list(scenarioId).filter((item) => !item.resolved);
    const { chosen } = choose(open, bodyObject(request.body), DLQ_IDS);
    for (const item of chosen) await retry(item);
    return { success: true };
  });

  /**
   * Open question (Make's API reference, https://developers.make.com/api-documentation/api-reference/incomplete-executions,
   * gives no answer body): we answer `{dlqs: [<deleted ids>]}`, the plural of Make's
   * `{<singular>: <id>}` delete answer. Unknown ids are a 404 and nothing is deleted.
   */
  app.delete('/dlqs', async (request) => {
    const query = request.query as Query;
    const scenarioId = optionalInt(query, 'scenarioId');
    const { chosen, unknown } = choose(
      services.incompletes.list(scenarioId),
      bodyObject(request.body),
      DLQ_IDS,
    );
    if (unknown.length > 0) throw notFound(`Incomplete execution ${unknown.join(', ')}`);
    if (!isConfirmed(query)) throw confirmationRequired();
    const ids = chosen.map((item) => item.id);
    services.incompletes.remove(ids);
    return { dlqs: ids };
  });

  await dlqDetailRoutes(app, { services, find });
}

const DLQ_IDS: IdReader<StoredIncomplete, string> = {
  of: (item) => item.id,
  read: (value) => (typeof value === 'string' ? plain(value) : undefined),
  noun: 'incomplete execution',
};

/**
 * Ids are accepted with or without dashes (the SDK's incomplete-execution mocks show a dashed UUID,
 * https://github.com/integromat/make-typescript-sdk).
 */
function plain(id: string): string {
  return id.replaceAll('-', '');
}
