/**
 * One webhook request as the gateway received it and the bundle made from it, built once
 * (server/gateway/intake.ts): the hook log, the data-structure check, the queue and the run all
 * use this pair, so the request is converted one time and the Custom webhook trigger takes the
 * bundle as it is instead of guessing from the input's shape.
 */
import type { Bundle } from '../../engine/registry/define-module.ts';

export class WebhookIntake<Request = unknown> {
  readonly request: Request;
  readonly bundle: Bundle;

  constructor(request: Request, bundle: Bundle) {
    this.request = request;
    this.bundle = bundle;
  }

  /**
   * Written out (an incomplete execution's input) as the request received: its bundle may hold
   * binary parts JSON cannot carry, so a retry converts the request again.
   */
  toJSON(): Request {
    return this.request;
  }
}
