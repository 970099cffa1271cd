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
import { choose, type IdReader, type IdsBody } from './choose-ids.ts';
import { type DlqDetailServices, dlqDetailRoutes } from './dlq-detail.ts';
import {
  type DeleteDlqsQuery,
  type DlqParams,
  deleteDlqsSchema,
  dlqParams,
  type ListDlqsQuery,
  listDlqsSchema,
  retryDlqsSchema,
} from './dlq-schemas.ts';
import { ApiError, confirmationRequired, notFound } from './errors.ts';
import { readPage } from './params.ts';
import { dlqShape } from './shapes.ts';

export async function dlqRoutes(
  app: FastifyInstance,
  options: { services: DlqDetailServices & Pick<ServerServices, 'runner'> },
): Promise<void> {
  const { services } = options;
  const find = (params: DlqParams): StoredIncomplete => {
    const item = services.incompletes.get(plain(params.dlqId));
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

  app.get<{ Querystring: ListDlqsQuery }>('/dlqs', { schema: listDlqsSchema }, async (request) => {
    const { query } = request;
    const page = readPage(query, { offset: 0, limit: 10000, sortBy: 'created', sortDir: 'desc' });
    const items = services.incompletes.list(query.scenarioId).slice(page.offset, page.offset + page.limit);
    return {
      dlqs: items.map((item) => {
        const { id, reason, created, size, resolved, retry, attempts } = dlqShape(services, item);
        return { id, reason, created, size, resolved, retry, attempts };
      }),
      pg: page,
    };
  });

  app.get<{ Params: DlqParams }>('/dlqs/:dlqId', { schema: { params: dlqParams } }, async (request) => ({
    dlq: dlqShape(services, find(request.params)),
  }));

  // The answer is the retried item's id, as Make's TypeScript SDK types it (`{dlq: string}`).
  app.post<{ Params: DlqParams }>(
    '/dlqs/:dlqId/retry',
    { schema: { params: dlqParams } },
    async (request) => {
      const item = find(request.params);
      await retry(item);
      return { dlq: item.id };
    },
  );

  app.post<{ Querystring: { scenarioId?: number }; Body: IdsBody<string> }>(
    '/dlqs/retry',
    { schema: retryDlqsSchema },
    async (request) => {
      const open = services.incompletes.list(request.query.scenarioId).filter((item) => !item.resolved);
      const { chosen } = choose(open, request.body, DLQ_IDS);
      for (const item of chosen) await retry(item);
      return { success: true };
    },
  );

  /**
   * Open question (Make's API reference, https://developers.make.com/api-documentation/api-reference/incomplete-executions,
   * gives no answer body): we answer `{dlqs: [<deleted ids>]}`, the plural of Make's
   * `{<singular>: <id>}` delete answer. Unknown ids are a 404 and nothing is deleted.
   */
  app.delete<{ Querystring: DeleteDlqsQuery; Body: IdsBody<string> }>(
    '/dlqs',
    { schema: deleteDlqsSchema },
    async (request) => {
      const { query } = request;
      const { chosen, unknown } = choose(services.incompletes.list(query.scenarioId), request.body, DLQ_IDS);
      if (unknown.length > 0) throw notFound(`Incomplete execution ${unknown.join(', ')}`);
      if (!query.confirmed) throw confirmationRequired();
      const ids = chosen.map((item) => item.id);
      services.incompletes.remove(ids);
      return { dlqs: ids };
    },
  );

  await dlqDetailRoutes(app, { services, find });
}

const DLQ_IDS: IdReader<StoredIncomplete, string> = {
  of: (item) => item.id,
  read: plain,
  noun: 'incomplete execution',
};

/**
 * Ids are accepted with or without dashes (the SDK's incomplete-execution mocks show a dashed UUID,
 * https://github.com/integromat/make-typescript-sdk).
 */
function plain(id: string): string {
  return id.replaceAll('-', '');
}
