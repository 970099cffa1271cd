/**
 * The webhook gateway (Make's help: https://help.make.com/webhooks): every method on `/<udid>` and
 * `/hook/<udid>`. A request is answered `200 Accepted` only after its queue item is committed to SQLite
 * (https://help.make.com/webhooks); a scenario with
 * a Webhook response module holds the caller until the response, the timeout, or its failure
 * (https://help.make.com/webhooks).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerServices } from '../services.ts';
import { hookRefusal } from './admit.ts';
import { ANSWERS, PAYLOAD_LIMIT_BYTES } from './answers.ts';
import { describeRequest } from './describe-request.ts';
import { drainBody } from './drain.ts';
import { answerFinished, answerHeld } from './held-response.ts';
import { enableHookLogs, logAnswer } from './hook-log.ts';
import { type Intake, takeIn } from './intake.ts';
import { HookRateLimiter } from './rate-limit.ts';
import { sendAnswer, sendPreflight, sendWebhookResponse } from './reply.ts';
import { structureMismatch } from './validate-structure.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Content types webhooks usually carry; any other is read by the same parser through '*'. */
const COMMON_CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data',
];

/** What the webhook gateway uses: hooks, their queue and logs, the runner, and the request conversion. */
type GatewayServices = Pick<
  ServerServices,
  | 'catalog'
  | 'clock'
  | 'commits'
  | 'convert'
  | 'dataStructures'
  | 'hooks'
  | 'hookLogs'
  | 'queue'
  | 'runner'
  | 'scenarios'
  | 'settings'
>;

export async function gatewayRoutes(
  app: FastifyInstance,
  options: { services: GatewayServices },
): Promise<void> {
  const { services } = options;
  const limiter = new HookRateLimiter(services.settings.rateLimit);
  app.removeAllContentTypeParsers();
  enableHookLogs(app);
  // Every body is kept as its bytes. The same parser is also registered under the usual webhook
  // types: Fastify caches the parser it finds for a content type, but not the catch-all, so with
  // '*' alone every request parsed its content-type header again to look it up.
  app.addContentTypeParser(
    ['*', ...COMMON_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: PAYLOAD_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler(async (error: { statusCode?: number }, request, reply) => {
    const hook = services.hooks.byUdid((request.params as { udid?: string }).udid ?? '');
    if (hook) logAnswer(services, hook.id, reply);
    if (error.statusCode !== 413) return sendAnswer(reply, ANSWERS.badRequest);
    await drainBody(request.raw);
    return sendAnswer(reply, ANSWERS.tooLarge);
  });
  const handler = (request: FastifyRequest<{ Params: { udid: string } }>, reply: FastifyReply) =>
    receive(services, limiter, request, reply);
  for (const url of ['/:udid', '/hook/:udid']) {
    app.route({ method: [...METHODS], url, exposeHeadRoute: false, bodyLimit: PAYLOAD_LIMIT_BYTES, handler });
  }
}

async function receive(
  services: GatewayServices,
  limiter: HookRateLimiter,
  request: FastifyRequest<{ Params: { udid: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const hook = services.hooks.byUdid(request.params.udid);
  if (!hook) return sendAnswer(reply, ANSWERS.notFound);
  const log = logAnswer(services, hook.id, reply);
  if (request.method === 'OPTIONS')
    return sendPreflight(reply, request.headers['access-control-request-headers']);
  const refusal = hookRefusal(hook, request, { limiter, clock: services.clock });
  if (refusal) return sendAnswer(reply, refusal);
  const { headers, method, stringify } = hook.data;
  const description = describeRequest(request, { headers, method, stringify });
  let intake: Intake;
  try {
    intake = takeIn(services.convert, description, hook.data);
  } catch {
    return sendAnswer(reply, ANSWERS.badRequest);
  }
  log.parsed = intake.bundle;
  const mismatch = hook.data.udt === null ? undefined : structureMismatch(services, hook.data, intake.bundle);
  if (mismatch) return sendAnswer(reply, mismatch);
  if (hook.learning) services.hooks.update(hook.id, { learning: false });
  if (hook.scenarioId === null)
    return sendAnswer(reply, hook.learning ? ANSWERS.accepted : ANSWERS.noScenario);
  const { scenarioId } = hook;
  if (services.queue.count(hook.id) >= services.settings.queueLimit)
    return sendAnswer(reply, ANSWERS.queueFull);
  if (!runRateAllows(services, scenarioId)) return sendAnswer(reply, ANSWERS.tooManyRequests);
  // A free run slot is taken before the write, so the item can be stored already claimed.
  const reserved = services.runner.reserve(scenarioId);
  if (reserved?.responds)
    return answerHeld(services, reply, { prepared: reserved, hookId: hook.id, scenarioId, intake });
  let itemId: number | undefined;
  try {
    itemId = await services.commits.run(() =>
      services.queue.enqueue({
        hookId: hook.id,
        scenarioId,
        request: description,
        limit: services.settings.queueLimit,
        now: services.clock.now(),
        claimed: reserved !== undefined,
      }),
    );
  } finally {
    if (reserved && itemId === undefined) services.runner.unreserve(scenarioId);
  }
  if (itemId === undefined) return sendAnswer(reply, ANSWERS.queueFull);
  const waiting = holdsCaller(services, scenarioId) ? services.runner.waiters.wait(itemId) : undefined;
  if (reserved) {
    const item = {
      id: itemId,
      hookId: hook.id,
      scenarioId,
      created: '',
      size: 0,
      request: description,
      intake,
    };
    services.runner.startReserved(reserved, item);
  } else {
    services.runner.kick(scenarioId);
  }
  if (!waiting) return sendAnswer(reply, ANSWERS.accepted);
  const outcome = await waiting;
  if (outcome.kind === 'timeout') return sendAnswer(reply, ANSWERS.accepted);
  if (outcome.kind === 'responded') return sendWebhookResponse(reply, outcome.response);
  return answerFinished(reply, outcome.record);
}

/**
 * A caller waits for the Webhook response only while the scenario is on: a switched-off scenario's
 * request is queued and answered `200 Accepted` at once, response module or not
 * (https://help.make.com/webhooks, measured).
 */
function holdsCaller(services: Pick<ServerServices, 'catalog' | 'scenarios'>, scenarioId: number): boolean {
  return (
    (services.catalog.prepared(scenarioId)?.responds ?? false) &&
    services.scenarios.get(scenarioId)?.isActive === true
  );
}

/**
 * Only callers waiting for a Webhook response are refused over the per-minute run limit
 * (https://help.make.com/webhooks).
 */
function runRateAllows(
  services: Pick<ServerServices, 'catalog' | 'scenarios' | 'runner'>,
  scenarioId: number,
): boolean {
  return !holdsCaller(services, scenarioId) || services.runner.mayStart(scenarioId);
}
