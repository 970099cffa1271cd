/**
 * Cycles — https://help.make.com/scenario-execution-cycles-and-phases,
 * https://help.make.com/scenario-settings. Instant triggers: one queued event per cycle (each element of the
 * input is one event). Polling triggers: the input is the trigger's bundles of cycle 1; further cycles
 * (maxCycles > 1) take their bundles from a trigger mock given as a sequence (call N = cycle N). A cycle
 * whose trigger returns nothing ends the run.
 */

/**
 * Make runs at most 100 queued webhook events per execution (Workfront Fusion docs, webhooks reference); the
 * rest wait for the next run. We run every event given, but cap like Make.
 */
export const MAX_INSTANT_CYCLES = 100;

export interface CyclePlan {
  /** Number of cycles to attempt. */
  readonly count: number;
  /** The trigger input of cycle `n` (1-based). */
  inputOf(cycle: number): unknown;
}

export function planCycles(instant: boolean, input: unknown, maxCycles: number): CyclePlan {
  if (instant) {
    const events = Array.isArray(input) ? input : input === undefined ? [] : [input];
    return new InstantCycles(events);
  }
  return new PolledCycles(input, maxCycles);
}

// Classes rather than object literals of arrow functions: a plan is made per run, and under tsx
// (esbuild keepNames) every named closure costs a defineProperty when it is created.
class InstantCycles implements CyclePlan {
  readonly count: number;
  readonly #events: unknown[];

  constructor(events: unknown[]) {
    this.#events = events;
    this.count = Math.max(1, Math.min(events.length, MAX_INSTANT_CYCLES));
  }

  inputOf(cycle: number): unknown {
    return this.#events[cycle - 1];
  }
}

class PolledCycles implements CyclePlan {
  readonly count: number;
  readonly #input: unknown;

  constructor(input: unknown, maxCycles: number) {
    this.#input = input;
    this.count = Math.max(1, Math.floor(maxCycles));
  }

  inputOf(cycle: number): unknown {
    return cycle === 1 ? this.#input : undefined;
  }
}
