/**
 * The checks every hook request passes before its body is looked at, for webhooks and mailhooks
 * alike (Make's help: https://help.make.com/webhooks): the hook is not gone (unattached over 120 h), is
 * enabled, under its rate limit, and the caller passes its API key and IP allow-list. `undefined` = admitted,
 * else the gateway's answer.
 */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../engine/ports/clock.ts';
import { isHookGone, type StoredHook } from '../store/hooks.ts';
import { ANSWERS, DISABLED_HOOK_ANSWER, type GatewayAnswer } from './answers.ts';
import { checkHookGuard } from './guard.ts';
import type { HookRateLimiter } from './rate-limit.ts';

export function hookRefusal(
  hook: StoredHook,
  request: FastifyRequest,
  gate: { limiter: HookRateLimiter; clock: Clock },
): GatewayAnswer | undefined {
  // The clock is read only for an unattached hook: an attached one cannot be gone.
  if (hook.unattachedSince !== null && isHookGone(hook, gate.clock.now())) return ANSWERS.gone;
  if (!hook.enabled) return DISABLED_HOOK_ANSWER;
  if (!gate.limiter.allow(hook.id, Date.now())) return ANSWERS.tooManyRequests;
  const apiKey = request.headers['x-make-apikey'];
  const verdict = checkHookGuard(hook.data, {
    apiKey: typeof apiKey === 'string' ? apiKey : undefined,
    // Only an allow-list reads the address (a getpeername call per request otherwise).
    ip: hook.data.ip ? request.ip : '',
  });
  return verdict === 'ok' ? undefined : ANSWERS[verdict];
}
