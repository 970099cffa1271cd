/**
 * The one intake of a webhook request: its description (what the queue stores and the API shows)
 * and its bundle (what the hook log, the data-structure check and the run use), converted once.
 * A request read back from the queue (after a restart, or after waiting its turn) is converted
 * again from the stored description by `fromStored` — the bundle itself is not stored: binary
 * parts of a multipart body do not survive JSON.
 */
import type { Bundle } from '../../engine/registry/define-module.ts';
import { WebhookIntake } from '../../modules/gateway/webhook-intake.ts';
import type { RequestDescription } from '../queue/queue.ts';
import type { ConvertRequest } from '../services.ts';
import { DEFAULT_HOOK_DATA, type HookData } from '../store/hooks.ts';

export type Intake = WebhookIntake<RequestDescription>;

/** Describes and converts; throws (the gateway's 400) when the body cannot be parsed. */
export function takeIn(convert: ConvertRequest, description: RequestDescription, hook: HookData): Intake {
  return new WebhookIntake(description, convert(description, hook) as Bundle);
}

/** A queued request as the run needs it, with the hook flags it arrived under. */
export function fromStored(convert: ConvertRequest, request: RequestDescription): Intake {
  return new WebhookIntake(request, convert(request, { ...DEFAULT_HOOK_DATA, ...request.hook }) as Bundle);
}
