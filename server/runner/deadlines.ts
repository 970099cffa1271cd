/**
 * Timeouts of held webhook callers (Make's help: https://help.make.com/webhooks), all of one length — the
 * server's response timeout. One sweeping interval serves them all instead of a timer armed and cleared per
 * request, which was a visible share of the held-response path under load. Entries expire in
 * the order they were added, so a sweep reads only the expired head. Precision: a tenth of the
 * timeout, between 10 ms and 1 s (18 s late at most on Make's 180 s would be 1 s here).
 */
export class Deadlines {
  readonly #timeoutMs: number;
  readonly #sweepMs: number;
  readonly #entries = new Map<number, { at: number; expire: () => void }>();
  #nextKey = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#sweepMs = Math.min(1000, Math.max(10, Math.floor(timeoutMs / 10)));
  }

  /** Calls `expire` once the timeout has passed, unless cancelled first; returns the key. */
  add(expire: () => void): number {
    const key = this.#nextKey++;
    this.#entries.set(key, { at: Date.now() + this.#timeoutMs, expire });
    this.#timer ??= setInterval(() => this.#sweep(), this.#sweepMs).unref();
    return key;
  }

  /**
   * The interval is left running when the last entry goes: under load the held callers often all
   * settle between two requests, and stopping and re-arming it each time cost more than the one
   * idle sweep that stops it.
   */
  cancel(key: number): void {
    this.#entries.delete(key);
  }

  /** Expires everything now (server closing). */
  expireAll(): void {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    this.#stop();
    for (const entry of entries) entry.expire();
  }

  #sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (entry.at > now) break;
      this.#entries.delete(key);
      entry.expire();
    }
    if (this.#entries.size === 0) this.#stop();
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
