/**
 * Writing gateway answers: Make's fixed text answers with their CORS and gateway headers
 * (as measured against Make's gateway; Make's help: https://help.make.com/webhooks), and a scenario's own
 * Webhook response (https://help.make.com/webhooks). Once a route knows the hook a
 * request is for, the answer, whichever it is, also goes into that hook's log (hook-log.ts).
 */
import type { FastifyReply } from 'fastify';
import type { WebhookResponse } from '../../engine/registry/define-module.ts';
import { ALLOW_METHODS, CORS_ALLOW_METHODS, type GatewayAnswer, POWERED_BY } from './answers.ts';
import { writeLog } from './hook-log.ts';

/**
 * Headers every gateway answer carried, whatever its status (as measured against Make's gateway; Make's help:
 * https://help.make.com/webhooks).
 */
function gatewayHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('allow', ALLOW_METHODS).header('x-powered-by', POWERED_BY);
}

export function sendAnswer(reply: FastifyReply, answer: GatewayAnswer): FastifyReply {
  gatewayHeaders(reply);
  if (answer.cors) reply.header('access-control-allow-origin', '*');
  reply
    .code(answer.status)
    .header('make-actual-status', String(answer.status))
    .header('content-type', 'text/plain; charset=utf-8')
    .send(answer.body);
  writeLog(reply, answer.status, answer.body);
  return reply;
}

/**
 * OPTIONS: `200 ok`, every method, and the requested headers echoed back (measured,
 * https://help.make.com/webhooks).
 */
export function sendPreflight(reply: FastifyReply, requested: string | undefined): FastifyReply {
  reply.header('access-control-allow-methods', CORS_ALLOW_METHODS);
  if (requested) reply.header('access-control-allow-headers', requested);
  return sendAnswer(reply, { status: 200, body: 'ok', cors: true });
}

/**
 * The Webhook response module's answer. Make's default content type is undocumented: we send
 * text/plain for text and application/json for anything else unless the module set one.
 */
export function sendWebhookResponse(reply: FastifyReply, response: WebhookResponse): FastifyReply {
  gatewayHeaders(reply).header('access-control-allow-origin', '*');
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  const hasType = Object.keys(response.headers).some((name) => name.toLowerCase() === 'content-type');
  const { body } = response;
  const isText = typeof body === 'string' || Buffer.isBuffer(body);
  if (!hasType)
    reply.header('content-type', isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  const payload = isText ? body : body === undefined || body === null ? '' : JSON.stringify(body);
  reply.code(response.status).header('make-actual-status', String(response.status)).send(payload);
  writeLog(reply, response.status, payload);
  return reply;
}
