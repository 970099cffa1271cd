/** Time as a port: the engine never reads the wall clock itself (DESIGN principle 5). */
export interface Clock {
  now(): Date;
  /** Waits `ms`; a simulated clock advances instead of waiting. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      // The listener goes when the sleep ends: a long-lived signal must not collect them.
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock that starts at `start` and only moves when slept on or advanced: Break retries and sleeps finish at once. */
export class SimulatedClock implements Clock {
  #ms: number;

  constructor(start: Date | string | number = 0) {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  async sleep(ms: number): Promise<void> {
    this.#ms += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.#ms += Math.max(0, ms);
  }

  set(to: Date | string | number): void {
    this.#ms = new Date(to).getTime();
  }
}
