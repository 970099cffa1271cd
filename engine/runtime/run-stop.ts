/**
 * A run's stop switch (the dev server's "stop execution",
 * https://developers.make.com/api-documentation/api-reference/scenarios): once `stop()` is called
 * no further module runs (Make's help: https://help.make.com/operations: later modules do not run); `force`
 * also aborts what is in flight (an HTTP request, a Sleep). The AbortSignal modules hand to those is made
 * only when a module asks for it: reading an AbortController's `signal` costs ~2 µs, as much as the rest of a
 * short run's bookkeeping, and most runs never need it.
 */
export class RunStop {
  #requested = false;
  #forced = false;
  #controller: AbortController | undefined;

  get requested(): boolean {
    return this.#requested;
  }

  /** The signal for in-flight work; aborted when a forced stop was asked, before or after. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#forced) this.#controller.abort(stopReason());
    }
    return this.#controller.signal;
  }

  stop(options: { force?: boolean } = {}): void {
    this.#requested = true;
    if (!options.force || this.#forced) return;
    this.#forced = true;
    this.#controller?.abort(stopReason());
  }
}

function stopReason(): Error {
  return new Error('The run was stopped.');
}
