/**
 * Hooks created, renamed and deleted through the API
 * (https://developers.make.com/api-documentation/api-reference/hooks): POST `/hooks` with a flat body
 * (`gateway-webhook` needs the booleans `method`, `headers`, `stringify` unless `useDefaults=requiredOnly`;
 * `gateway-mailhook` refuses them; another `typeName` is IM005; `udt` names a data structure; `ip` is an
 * allow-list of addresses and CIDR ranges, https://help.make.com/webhooks), PATCH `/hooks/{id}` renames only,
 * DELETE `/hooks/{id}` needs `confirmed=true` when a scenario uses the hook. A new webhook starts in learning
 * mode (https://help.make.com/webhooks).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerServices } from '../services.ts';
import { type HookTypeName, MAILHOOK_TYPE_NAME, WEBHOOK_TYPE_NAME } from '../store/hooks.ts';
import { ApiError, confirmationRequired, notFound, validationError } from './errors.ts';
import {
  type CreateHookBody,
  type CreateHookQuery,
  createHookSchema,
  deleteHookSchema,
  type RenameHookBody,
  renameHookSchema,
} from './hook-schemas.ts';
import { ipProblem, udtProblem } from './hooks.ts';
import type { ConfirmedQuery } from './query-schemas.ts';
import type { IdParams } from './route-schemas.ts';
import { type HookShapeServices, hookShape } from './shapes.ts';

const HOOK_TYPES: readonly HookTypeName[] = [WEBHOOK_TYPE_NAME, MAILHOOK_TYPE_NAME];
const FLAGS = ['method', 'headers', 'stringify'] as const;
type Flags = Partial<Record<(typeof FLAGS)[number], boolean>>;

export async function hookAdminRoutes(
  app: FastifyInstance,
  options: { services: HookShapeServices & Pick<ServerServices, 'hooks' | 'dataStructures' | 'db'> },
): Promise<void> {
  const { services } = options;

  app.post<{ Querystring: CreateHookQuery; Body: CreateHookBody }>(
    '/hooks',
    { schema: createHookSchema },
    async (request) => {
      const { body } = request;
      const defaults = request.query.useDefaults === 'requiredOnly';
      const typeName = HOOK_TYPES.find((type) => type === body.typeName);
      if (!typeName) throw new ApiError(400, 'Invalid hook type', { code: 'IM005' });
      const problems: string[] = [];
      const flags =
        typeName === MAILHOOK_TYPE_NAME
          ? mailhookFlags(body, problems)
          : webhookFlags(body, defaults, problems);
      const udt = udtProblem(body.udt, (id) => services.dataStructures.get(id) !== undefined);
      if (udt) problems.push(udt);
      const ip = ipProblem(body.ip);
      if (ip) problems.push(ip);
      if (problems.length > 0) throw validationError(problems);
      const hook = services.hooks.create({
        name: body.name,
        typeName,
        scenarioId: null,
        data: {
          ...flags,
          ...(typeof body.udt === 'number' ? { udt: body.udt } : {}),
          ...(typeof body.ip === 'string' ? { ip: body.ip } : {}),
        },
        // A mailhook's bundle has a fixed shape (https://help.make.com/webhooks) and the mail gateway learns
        // nothing.
        learning: typeName === WEBHOOK_TYPE_NAME,
        now: services.clock.now(),
      });
      return { hook: hookShape(services, hook) };
    },
  );

  app.patch<{ Params: IdParams; Body: RenameHookBody }>(
    '/hooks/:id',
    { schema: renameHookSchema },
    async (request) => {
      const hook = services.hooks.get(request.params.id);
      if (!hook) throw notFound('Hook');
      const renamed = services.hooks.update(hook.id, { name: request.body.name }) ?? hook;
      return { hook: hookShape(services, renamed) };
    },
  );

  app.delete<{ Params: IdParams; Querystring: ConfirmedQuery }>(
    '/hooks/:id',
    { schema: deleteHookSchema },
    async (request) => {
      const hook = services.hooks.get(request.params.id);
      if (!hook) throw notFound('Hook');
      if (hook.scenarioId !== null && !request.query.confirmed) throw confirmationRequired();
      // The hook's queued requests go with it, in one transaction.
      services.db.transaction(() => {
        services.queue.purge(hook.id, 'all');
        services.hooks.delete(hook.id);
      })();
      return { hook: hook.id };
    },
  );
}

/** A webhook's booleans: required unless `useDefaults=requiredOnly` (then false). */
function webhookFlags(body: CreateHookBody, defaults: boolean, problems: string[]): Flags {
  const flags: Flags = {};
  for (const flag of FLAGS) {
    const value = body[flag];
    if (value !== undefined) flags[flag] = value;
    else if (!defaults) problems.push(`Missing value of required parameter '${flag}'.`);
  }
  return flags;
}

/** A mailhook has none of the webhook's request options: sending one is a 400, not ignored. */
function mailhookFlags(body: CreateHookBody, problems: string[]): Flags {
  for (const flag of FLAGS)
    if (body[flag] !== undefined)
      problems.push(`Parameter '${flag}' is for webhooks only; a gateway-mailhook takes no '${flag}'.`);
  return {};
}
