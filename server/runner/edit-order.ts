/**
 * Edits of one scenario take effect in the order they arrived. Loading a blueprint now pauses for
 * the event loop (engine/blueprint/pace.ts), so a large update that arrived first may finish
 * loading after a small one that arrived second; written as they finish, the older one would
 * overwrite the newer. Here loads run side by side, and each write waits for the writes of the
 * edits that arrived before it (succeeded or failed), so the last edit to arrive is the one kept.
 */
export class EditOrder {
  /** Per scenario: settles once the latest edit to arrive has been written (or failed). */
  readonly #tails = new Map<number, Promise<unknown>>();

  /** Starts `load` now; runs `write` with its result after every earlier edit of `id` is written. */
  run<L, T>(id: number, load: () => Promise<L>, write: (loaded: L) => T): Promise<T> {
    const earlier = this.#tails.get(id);
    const loading = load();
    const done = (async () => {
      // Even a failed load waits its turn: the tail it leaves must not settle before `earlier`.
      await Promise.allSettled([loading, earlier]);
      return write(await loading);
    })();
    const tail = done.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(id, tail);
    void tail.then(() => {
      if (this.#tails.get(id) === tail) this.#tails.delete(id);
    });
    return done;
  }
}
