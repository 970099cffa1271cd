/**
 * A gateway request's entry in its hook's log (Make's help: https://help.make.com/webhooks): a route that
 * knows the hook calls `logAnswer` (and notes the bundle it converted); whichever answer then goes out
 * through reply.ts is written with it, in the deferred commit lane (server/store/hook-logs.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerServices } from '../services.ts';
import type { HookLogStore } from '../store/hook-logs.ts';

/** What a route adds to its request's log entry: the bundle it converted (the parsed items). */
export interface HookLogNote {
  parsed: unknown;
}

interface PendingLog extends HookLogNote {
  logs: HookLogStore;
  hookId: number;
  loggedAt: number;
}

/** Replies of a gateway plugin carry their request's pending log entry (set by `logAnswer`). */
type LoggingReply = FastifyReply & { hookLog: PendingLog | null };

/** Lets the plugin's routes log their answers (a declared reply field: no per-request map). */
export function enableHookLogs(app: FastifyInstance): void {
  app.decorateReply('hookLog', null);
}

/**
 * The answer this request gets, whichever it is, goes into the hook's log (https://help.make.com/webhooks).
 */
export function logAnswer(
  services: Pick<ServerServices, 'clock' | 'hookLogs'>,
  hookId: number,
  reply: FastifyReply,
): HookLogNote {
  const logging = reply as LoggingReply;
  // The error handler asks again for a request whose route already did (and knows more).
  logging.hookLog ??= {
    logs: services.hookLogs,
    hookId,
    loggedAt: services.clock.now().getTime(),
    parsed: undefined,
  };
  return logging.hookLog;
}

/** Raw pieces only, no copies: the store serialises in the deferred commit, after the answer left. */
export function writeLog(reply: FastifyReply, status: number, answer: string | Buffer): void {
  const pending = (reply as LoggingReply).hookLog;
  if (!pending) return;
  const { request } = reply;
  pending.logs.log({
    hookId: pending.hookId,
    loggedAt: pending.loggedAt,
    method: request.method,
    url: request.url,
    rawHeaders: request.raw.rawHeaders,
    body: request.body as Buffer | undefined,
    parsed: pending.parsed,
    status,
    answer,
    answerHeaders: reply.getHeaders(),
  });
}
