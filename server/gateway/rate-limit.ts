/**
 * The gateway's per-webhook rate limit (https://help.make.com/webhooks): at most `max` requests per window,
 * then
 * 429. Fixed windows per hook: Make does not say whether its window slides (docs/fidelity.md, open question
 * 2).
 */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export class HookRateLimiter {
  readonly #limit: RateLimit | false;
  readonly #windows = new Map<number, { start: number; count: number }>();

  constructor(limit: RateLimit | false) {
    this.#limit = limit;
  }

  /** Counts one request; false when it is over the limit. */
  allow(hookId: number, nowMs: number): boolean {
    if (this.#limit === false) return true;
    const window = this.#windows.get(hookId);
    if (!window || nowMs - window.start >= this.#limit.windowMs) {
      this.#windows.set(hookId, { start: nowMs, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.#limit.max;
  }
}
