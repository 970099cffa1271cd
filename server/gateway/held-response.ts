/**
 * Callers held for a Webhook response (Make's help: https://help.make.com/webhooks), answered the moment the
 * response module runs — the run goes on — or when the run ends without one. When the scenario can run at
 * once, the request runs without a queue row: the response IS the acknowledgement (a crash before it leaves
 * the caller unanswered, not acknowledged). Only when the timeout forces `200 Accepted` is a
 * running queue row committed first, so an acknowledged request still survives a crash.
 */
import type { FastifyReply } from 'fastify';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { PreparedScenario } from '../runner/engine-port.ts';
import type { PendingItem } from '../runner/run-request.ts';
import type { ServerServices } from '../services.ts';
import { ANSWERS } from './answers.ts';
import type { Intake } from './intake.ts';
import { sendAnswer, sendWebhookResponse } from './reply.ts';

/** What a finished run answers: its response, else 500 on error, else `Accepted`. */
export function answerFinished(reply: FastifyReply, record: ExecutionRecord): FastifyReply {
  if (record.response) return sendWebhookResponse(reply, record.response);
  return sendAnswer(reply, record.status === 'error' ? ANSWERS.scenarioFailed : ANSWERS.accepted);
}

export async function answerHeld(
  services: Pick<ServerServices, 'clock' | 'commits' | 'queue' | 'runner'>,
  reply: FastifyReply,
  held: { prepared: PreparedScenario; hookId: number; scenarioId: number; intake: Intake },
): Promise<FastifyReply> {
  const pending: PendingItem = { hookId: held.hookId, stored: false };
  const outcome = await services.runner.waiters.hold((settle) =>
    services.runner.startDirect(held.prepared, {
      scenarioId: held.scenarioId,
      type: 'auto',
      input: held.intake,
      pendingItem: pending,
      onRespond: (response) => settle({ kind: 'responded', response }),
      onRecord: (record) => settle({ kind: 'finished', record }),
    }),
  );
  if (outcome.kind === 'responded') return sendWebhookResponse(reply, outcome.response);
  if (outcome.kind === 'finished') return answerFinished(reply, outcome.record);
  await services.commits.run(() => {
    if (pending.stored) return;
    pending.itemId = services.queue.enqueue({
      hookId: held.hookId,
      scenarioId: held.scenarioId,
      request: held.intake.request,
      limit: Number.POSITIVE_INFINITY,
      now: services.clock.now(),
      claimed: true,
    });
  });
  return sendAnswer(reply, ANSWERS.accepted);
}
