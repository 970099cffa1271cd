/**
 * The local mailhook gateway (Make's help: https://help.make.com/webhooks): `POST /mailhook/<udid>` takes one
 * email — a raw RFC 822 message (`message/rfc822`, `text/plain`, or any non-JSON type) or a JSON object
 * already in bundle shape — and queues it exactly as the webhook gateway queues a request
 * (https://help.make.com/webhooks: same queue and durability, `200 Accepted` once committed, 410 for unknown
 * udids, 5 MB, rate limit). The address users see is `<udid>@hook.local` (api/shapes.ts); nothing listens for
 * SMTP. A webhook udid here is 410, as a mailhook udid is on `/<udid>` (hooks are looked up by type).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MakeError } from '../../engine/errors/make-error.ts';
import { mailInputToBundle } from '../../modules/gateway/mail-input.ts';
import type { ServerServices } from '../services.ts';
import { MAILHOOK_TYPE_NAME } from '../store/hooks.ts';
import { hookRefusal } from './admit.ts';
import { ANSWERS, type GatewayAnswer, PAYLOAD_LIMIT_BYTES } from './answers.ts';
import { describeRequest } from './describe-request.ts';
import { enableHookLogs, logAnswer } from './hook-log.ts';
import { HookRateLimiter } from './rate-limit.ts';
import { sendAnswer } from './reply.ts';

/**
 * docs/fidelity.md, Open question 1 (our choice): a 400 that starts as the gateway's other 400 and says what
 * is wrong.
 */
export function badEmailAnswer(reason: string): GatewayAnswer {
  return { status: 400, body: `Bad Request. ${reason}`, cors: true };
}

/** What the mail gateway uses: mailhooks, their queue and logs, and the runner. */
type MailServices = Pick<
  ServerServices,
  'clock' | 'commits' | 'hooks' | 'hookLogs' | 'queue' | 'runner' | 'settings'
>;

export async function mailRoutes(app: FastifyInstance, options: { services: MailServices }): Promise<void> {
  const { services } = options;
  const limiter = new HookRateLimiter(services.settings.rateLimit);
  app.removeAllContentTypeParsers();
  enableHookLogs(app);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PAYLOAD_LIMIT_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    const udid = (request.params as { udid?: string }).udid ?? '';
    const hook = services.hooks.byUdid(udid, MAILHOOK_TYPE_NAME);
    if (hook) logAnswer(services, hook.id, reply);
    return sendAnswer(reply, error.statusCode === 413 ? ANSWERS.tooLarge : ANSWERS.badRequest);
  });
  app.post('/mailhook/:udid', { bodyLimit: PAYLOAD_LIMIT_BYTES }, (request, reply) =>
    receiveMail(services, limiter, request as FastifyRequest<{ Params: { udid: string } }>, reply),
  );
}

async function receiveMail(
  services: MailServices,
  limiter: HookRateLimiter,
  request: FastifyRequest<{ Params: { udid: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const hook = services.hooks.byUdid(request.params.udid, MAILHOOK_TYPE_NAME);
  if (!hook) return sendAnswer(reply, ANSWERS.notFound);
  const log = logAnswer(services, hook.id, reply);
  const refusal = hookRefusal(hook, request, { limiter, clock: services.clock });
  if (refusal) return sendAnswer(reply, refusal);
  const description = describeRequest(request);
  const email = await readEmail(description);
  if ('problem' in email) return sendAnswer(reply, badEmailAnswer(email.problem));
  log.parsed = email.bundle;
  if (hook.scenarioId === null) return sendAnswer(reply, ANSWERS.noScenario);
  const { scenarioId } = hook;
  if (services.queue.count(hook.id) >= services.settings.queueLimit)
    return sendAnswer(reply, ANSWERS.queueFull);
  const itemId = await services.commits.run(() =>
    services.queue.enqueue({
      hookId: hook.id,
      scenarioId,
      request: description,
      limit: services.settings.queueLimit,
      now: services.clock.now(),
    }),
  );
  if (itemId === undefined) return sendAnswer(reply, ANSWERS.queueFull);
  services.runner.kick(scenarioId);
  return sendAnswer(reply, ANSWERS.accepted);
}

/**
 * The module's own conversion, run once before queuing: a message it cannot read is refused; the
 * bundle it reads is the request's parsed items in the hook's log.
 */
async function readEmail(
  description: ReturnType<typeof describeRequest>,
): Promise<{ bundle: unknown } | { problem: string }> {
  try {
    return { bundle: await mailInputToBundle(description) };
  } catch (error) {
    if (error instanceof MakeError) return { problem: error.message };
    return { problem: 'The message could not be parsed as an RFC 822 email.' };
  }
}
