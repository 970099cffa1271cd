/**
 * Hooks (https://developers.make.com/api-documentation/api-reference/hooks; learning mode:
 * https://help.make.com/webhooks): list (with its filters), get, ping, enable/disable, learn-start/stop,
 * set-data; the hook's queue (`incomings`) is in hook-incomings.ts, its logs in hook-logs.ts.
 */
import type { FastifyInstance } from 'fastify';
import { ipListProblem } from '../../modules/gateway/ip-list.ts';
import type { ServerServices } from '../services.ts';
import { type HookData, type HookPatch, isHookGone, type StoredHook } from '../store/hooks.ts';
import { notFound, validationError } from './errors.ts';
import { hookIncomingRoutes } from './hook-incomings.ts';
import { hookLogRoutes } from './hook-logs.ts';
import { type ListHooksQuery, listHooksSchema } from './hook-schemas.ts';
import { readPage } from './params.ts';
import { type IdParams, type SetHookDataBody, setHookDataSchema } from './route-schemas.ts';
import { type HookShapeServices, hookShape, hookUrl } from './shapes.ts';

/** What the hook routes use (with their queue and log routes). */
type HookServices = HookShapeServices &
  Pick<ServerServices, 'hooks' | 'dataStructures' | 'hookLogs' | 'convert'>;

export async function hookRoutes(app: FastifyInstance, options: { services: HookServices }): Promise<void> {
  const { services } = options;
  // `:id` is a whole number by the route schema (routes.ts).
  const find = (params: IdParams): StoredHook => {
    const hook = services.hooks.get(params.id);
    if (!hook) throw notFound('Hook');
    return hook;
  };

  app.get<{ Querystring: ListHooksQuery }>('/hooks', { schema: listHooksSchema }, async (request) => {
    const page = readPage(request.query, { offset: 0, limit: 10000, sortBy: 'name', sortDir: 'asc' });
    const shown = hookFilter(request.query, services.clock.now());
    const hooks = services.hooks
      .list()
      .filter(shown)
      .slice(page.offset, page.offset + page.limit);
    return { hooks: hooks.map((hook) => hookShape(services, hook)), pg: page };
  });

  app.get<{ Params: IdParams }>('/hooks/:id', async (request) => ({
    hook: hookShape(services, find(request.params)),
  }));

  app.get<{ Params: IdParams }>('/hooks/:id/ping', async (request) => {
    const hook = find(request.params);
    return {
      address: hookUrl(services, hook),
      attached: hook.scenarioId !== null,
      learning: hook.learning,
      gone: isHookGone(hook, services.clock.now()),
    };
  });

  const toggles: Record<string, HookPatch> = {
    enable: { enabled: true },
    disable: { enabled: false },
    'learn-start': { learning: true },
    'learn-stop': { learning: false },
  };
  for (const [action, patch] of Object.entries(toggles)) {
    app.post<{ Params: IdParams }>(`/hooks/:id/${action}`, async (request) => {
      services.hooks.update(find(request.params).id, patch);
      return { success: true };
    });
  }

  app.post<{ Params: IdParams; Body: SetHookDataBody }>(
    '/hooks/:id/set-data',
    { schema: setHookDataSchema },
    async (request) => {
      const hook = find(request.params);
      const data = readHookData(request.body, (id) => services.dataStructures.get(id) !== undefined);
      const next = { ...hook.data, ...data };
      const changed = JSON.stringify(next) !== JSON.stringify(hook.data);
      if (changed) services.hooks.update(hook.id, { data: next });
      return { changed };
    },
  );

  await hookIncomingRoutes(app, { services, find });
  await hookLogRoutes(app, { services, find });
}

/**
 * GET /hooks filters (Make's API reference, https://developers.make.com/api-documentation/api-reference/hooks):
 * `typeName`; `assigned` — attached to a scenario (true) or not (false);
 * `viewForScenarioId` — the hooks that scenario may take (its own, and unattached ones not gone), and then
 * `assigned` is ignored.
 */
function hookFilter(query: ListHooksQuery, now: Date): (hook: StoredHook) => boolean {
  const { typeName, assigned, viewForScenarioId: viewFor } = query;
  return (hook) => {
    if (typeName !== undefined && hook.typeName !== typeName) return false;
    // A gone hook cannot be attached again, so no scenario may take it.
    if (viewFor !== undefined)
      return hook.scenarioId === viewFor || (hook.scenarioId === null && !isHookGone(hook, now));
    if (assigned !== undefined) return (hook.scenarioId !== null) === assigned;
    return true;
  };
}

/**
 * The hook options set-data accepts. Types are the route schema's (route-schemas.ts); what it
 * cannot say — an allow-list entry that does not read, a data structure that does not exist — is
 * checked here, and any problem is a 400 with the field named.
 */
function readHookData(body: SetHookDataBody, structureExists: (id: number) => boolean): Partial<HookData> {
  const problems: string[] = [];
  const data: Partial<HookData> = {};
  for (const flag of ['headers', 'method', 'stringify'] as const)
    if (body[flag] !== undefined) data[flag] = body[flag];
  if (body.apiKeys !== undefined) data.apiKeys = body.apiKeys;
  const ip = ipProblem(body.ip);
  if (ip) problems.push(ip);
  else if (body.ip !== undefined) data.ip = body.ip;
  const udt = udtProblem(body.udt, structureExists);
  if (udt) problems.push(udt);
  else if (body.udt !== undefined) data.udt = body.udt;
  if (problems.length > 0) throw validationError(problems);
  return data;
}

/**
 * `ip`: the allow-list (https://help.make.com/webhooks), null for every address; an entry that does not read
 * is refused.
 */
export function ipProblem(ip: string | null | undefined): string | undefined {
  if (ip === undefined || ip === null) return undefined;
  const problem = ipListProblem(ip);
  return problem ? `Parameter 'ip': ${problem}.` : undefined;
}

/**
 * `udt`: the data structure incoming requests are validated against (https://help.make.com/webhooks), or null
 * for none. An id that names no data structure is refused rather than silently validating nothing.
 */
export function udtProblem(
  udt: number | null | undefined,
  structureExists: (id: number) => boolean,
): string | undefined {
  if (udt === undefined || udt === null) return undefined;
  if (!structureExists(udt))
    return `Parameter 'udt': data structure ${String(udt)} not found; create it first (POST /data-structures).`;
  return undefined;
}
