/**
 * One loader, two drivers. The loading steps are generators that `yield` at checkpoints (once per
 * module, and every few thousand values while walking raw JSON); `runToEnd` runs them straight
 * through for the library and the CLI, `runPaced` lets the event loop run between slices so a
 * server keeps answering webhooks while a 20,000-module blueprint loads (issue 15 §2). Both drivers
 * run the very same steps, so they find the same problems in the same order.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work that may pause at each `yield`; its return value is the result. */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface PaceOptions {
  /** Longest stretch of work between two turns of the event loop, in ms (default 8). */
  sliceMs?: number;
  /** Called at each pause, before the event loop gets its turn (tests observe progress with it). */
  onPause?: () => void;
}

export const DEFAULT_SLICE_MS = 8;

export async function runPaced<T>(steps: Steps<T>, options: PaceOptions = {}): Promise<T> {
  const slice = options.sliceMs ?? DEFAULT_SLICE_MS;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < slice) continue;
    options.onPause?.();
    // setImmediate, not a promise tick: the event loop polls I/O (webhooks) before it runs again.
    await nextTurn();
    sliceStart = performance.now();
  }
}
