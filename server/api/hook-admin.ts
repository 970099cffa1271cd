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
import { ipProblem, udtProblem } from './hooks.ts';
import { bodyObject, isConfirmed, type Query } from './params.ts';
import { type HookShapeServices, hookShape } from './shapes.ts';

const MAX_NAME = 128;
const HOOK_TYPES: readonly string[] = [WEBHOOK_TYPE_NAME, MAILHOOK_TYPE_NAME];
const FLAGS = ['method', 'headers', 'stringify'] as const;
type Flags = Partial<Record<(typeof FLAGS)[number], boolean>>;

export async function hookAdminRoutes(
  app: FastifyInstance,
  options: { services: HookShapeServices & Pick<ServerServices, 'hooks' | 'dataStructures' | 'db'> },
): Promise<void> {
  const { services } = options;

  app.post('/hooks', async (request) => {
    const body = bodyObject(request.body);
    const defaults = (request.query as Query).useDefaults === 'requiredOnly';
    const problems = [...nameProblems(body.name)];
    if (typeof body.typeName === 'string' && !HOOK_TYPES.includes(body.typeName))
      throw new ApiError(400, 'Invalid hook type', { code: 'IM005' });
    if (body.typeName === undefined) problems.push("Missing value of required parameter 'typeName'.");
    else if (typeof body.typeName !== 'string') problems.push("Parameter 'typeName' must be a string.");
    const typeName = (body.typeName ?? WEBHOOK_TYPE_NAME) as HookTypeName;
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
      name: String(body.name),
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
  });

  app.patch('/hooks/:id', async (request) => {
    const hook = services.hooks.get((request.params as { id: number }).id);
    if (!hook) throw notFound('Hook');
    const body = bodyObject(request.body);
    const problems = nameProblems(body.name);
    if (problems.length > 0) throw validationError(problems);
    const renamed = services.hooks.update(hook.id, { name: String(body.name) }) ?? hook;
    return { hook: hookShape(services, renamed) };
  });

  app.delete('/hooks/:id', async (request) => {
    const hook = services.hooks.get((request.params as { id: number }).id);
    if (!hook) throw notFound('Hook');
    if (hook.scenarioId !== null && !isConfirmed(request.query as Query)) throw confirmationRequired();
    // The hook's queued requests go with it, in one transaction.
    services.db.transaction(() => {
      services.queue.purge(hook.id, 'all');
      services.hooks.delete(hook.id);
    })();
    return { hook: hook.id };
  });
}

/** A webhook's booleans: required unless `useDefaults=requiredOnly` (then false). */
function webhookFlags(body: Record<string, unknown>, defaults: boolean, problems: string[]): Flags {
  const flags: Flags = {};
  for (const flag of FLAGS) {
    const value = body[flag];
    if (typeof value === 'boolean') flags[flag] = value;
    else if (value !== undefined) problems.push(`Parameter '${flag}' must be a boolean.`);
    else if (!defaults) problems.push(`Missing value of required parameter '${flag}'.`);
  }
  return flags;
}

/** A mailhook has none of the webhook's request options: sending one is a 400, not ignored. */
function mailhookFlags(body: Record<string, unknown>, problems: string[]): Flags {
  for (const flag of FLAGS)
    if (body[flag] !== undefined)
      problems.push(`Parameter '${flag}' is for webhooks only; a gateway-mailhook takes no '${flag}'.`);
  return {};
}

function nameProblems(name: unknown): string[] {
  if (name === undefined) return ["Missing value of required parameter 'name'."];
  if (typeof name !== 'string' || name.trim() === '') return ["Parameter 'name' must be a non-empty string."];
  if (name.length > MAX_NAME) return [`Parameter 'name' must be at most ${MAX_NAME} characters.`];
  return [];
}
