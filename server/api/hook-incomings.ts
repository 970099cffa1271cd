/**
 * A hook's queue over the API (https://developers.make.com/api-documentation/api-reference/hooks
 * `incomings`): list and get (each with `data`, the bundle the trigger will get), stats, and delete
 * (`confirmed=true`; `{ids}` or `{all: true, exceptIds?}`).
 */
import type { FastifyInstance } from 'fastify';
import { mailInputToBundle } from '../../modules/gateway/mail-input.ts';
import type { QueueItem } from '../queue/queue.ts';
import type { ServerServices } from '../services.ts';
import { MAILHOOK_TYPE_NAME, type StoredHook } from '../store/hooks.ts';
import { choose, type IdReader, type IdsBody } from './choose-ids.ts';
import { confirmationRequired, notFound } from './errors.ts';
import {
  type DeleteIncomingsQuery,
  deleteIncomingsSchema,
  type IncomingParams,
  incomingParams,
  listIncomingsSchema,
} from './hook-schemas.ts';
import { readPage } from './params.ts';
import type { PageQuery } from './query-schemas.ts';
import type { IdParams } from './route-schemas.ts';

const INCOMING_IDS: IdReader<number, number> = { of: (id) => id, read: (id) => id, noun: 'incoming' };

type IncomingServices = Pick<ServerServices, 'queue' | 'settings' | 'convert'>;

export async function hookIncomingRoutes(
  app: FastifyInstance,
  options: { services: IncomingServices; find: (params: IdParams) => StoredHook },
): Promise<void> {
  const { services, find } = options;

  app.get<{ Params: IdParams; Querystring: PageQuery }>(
    '/hooks/:id/incomings',
    { schema: listIncomingsSchema },
    async (request) => {
      const hook = find(request.params);
      const page = readPage(request.query, { offset: 0, limit: 10, sortBy: 'id', sortDir: 'asc' });
      const items = services.queue.list(hook.id, page);
      const incomings = items.map(async (item) => ({
        id: item.id,
        scope: 'hook',
        size: item.size,
        created: item.created,
        data: await incomingData(services, hook, item),
      }));
      return { incomings: await Promise.all(incomings), pg: { offset: page.offset, limit: page.limit } };
    },
  );

  app.get<{ Params: IdParams }>('/hooks/:id/incomings/stats', async (request) => {
    const hook = find(request.params);
    return {
      incomingStat: {
        queue: services.queue.count(hook.id),
        limit: services.settings.queueLimit,
        enabled: hook.enabled,
      },
    };
  });

  app.get<{ Params: IncomingParams }>(
    '/hooks/:id/incomings/:incomingId',
    { schema: { params: incomingParams } },
    async (request) => {
      const hook = find(request.params);
      const item = services.queue.get(request.params.incomingId);
      if (!item || item.hookId !== hook.id) throw notFound('Incoming');
      return {
        incoming: {
          id: item.id,
          scope: 'hook',
          size: item.size,
          created: item.created,
          data: await incomingData(services, hook, item),
        },
      };
    },
  );

  app.delete<{ Params: IdParams; Querystring: DeleteIncomingsQuery; Body: IdsBody<number> }>(
    '/hooks/:id/incomings',
    { schema: deleteIncomingsSchema },
    async (request) => {
      const hook = find(request.params);
      if (!request.query.confirmed) throw confirmationRequired();
      const { chosen } = choose(incomingIds(services, hook), request.body, INCOMING_IDS);
      // Items a run has already claimed stay; the answer names only what was deleted.
      return { incomings: services.queue.purge(hook.id, chosen) };
    },
  );
}

/** Ids of every item in the hook's queue, read a page at a time so the bodies are not all held at once. */
function incomingIds(services: IncomingServices, hook: StoredHook): number[] {
  const ids: number[] = [];
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const items = services.queue.list(hook.id, { offset, limit });
    ids.push(...items.map((item) => item.id));
    if (items.length < limit) return ids;
  }
}

/**
 * An incoming's `data` (https://developers.make.com/api-documentation/api-reference/hooks names the field
 * only): the bundle the trigger will get from the queued request — the webhook conversion with the hook
 * options the request arrived under, or the mailhook's reading of the email. The gateway converted it once
 * before queuing, so a failure here is unexpected; it shows as `null` rather than failing the whole list.
 * That includes rows an older database queued with JSON deeper than MAX_JSON_DEPTH: the conversion refuses
 * them in one non-recursive pass (request-to-bundle.ts), so no deep value reaches the answer's serializer.
 */
async function incomingData(services: IncomingServices, hook: StoredHook, item: QueueItem): Promise<unknown> {
  try {
    if (hook.typeName === MAILHOOK_TYPE_NAME) return (await mailInputToBundle(item.request)) ?? null;
    return services.convert(item.request, { ...hook.data, ...item.request.hook });
  } catch {
    return null;
  }
}
