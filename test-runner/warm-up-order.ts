/**
 * The order a thread runs a suite's cases in (reports keep file order whatever it is, in-order.ts).
 * Each thread starts with a warm-up: the first few cases of every test file, taking turns between
 * files. V8 optimises a function once it is hot, for the kinds of values and the code paths it
 * has seen so far; run file after file, every new test file brought new blueprints, modules and
 * case shapes to the hot functions (executeCase, the walker, the evaluator), so their optimised
 * code was thrown away ('wrong map', 'Insufficient type feedback') and compiled again, on every
 * thread. After an interleaved start the first optimisation already covers every file: on
 * bench/test-workers.child.mjs (2,000 cases, 4 files) deoptimisations fell from ~27 to ~7 and
 * optimisations from ~180 to ~145 with one worker, from ~29 to ~10 and ~208 to ~178 with two
 * (--trace-opt --trace-deopt).
 */

/** Cases of each file in a thread's warm-up: enough for the functions run per case to get hot. */
export const WARM_UP_CASES = 16;

/**
 * Cases in a whole warm-up, unless one per file is more. Reports keep file order, so the results
 * of a warm-up wait for the cases before them: a suite of many files must not hold back most of
 * its output until the end.
 */
export const WARM_UP_BUDGET = 64;

/** Cases of each of `files` files in a warm-up: up to WARM_UP_CASES, within the budget, at least one. */
export function warmUpCount(files: number): number {
  return Math.max(1, Math.min(WARM_UP_CASES, Math.floor(WARM_UP_BUDGET / Math.max(files, 1))));
}

/** The first `count` items of each list, the lists taking turns: a0, b0, c0, a1, b1, c1, … */
export function takingTurns<T>(lists: readonly (readonly T[])[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}

/** One thread's order: each file's first cases taking turns, then the rest file by file. */
export function warmUpFirst<T>(
  files: readonly (readonly T[])[],
  count = warmUpCount(files.length),
): {
  warmUp: T[];
  rest: T[][];
} {
  return { warmUp: takingTurns(files, count), rest: files.map((cases) => cases.slice(count)) };
}

/**
 * The order of a worker pool's queue, where this thread takes from the near end and worker
 * threads from the far end (worker-pool.ts): a warm-up at each end (at the far end, the cases
 * nearest the end come first in turn), the rest in file order between them.
 */
export function poolOrder<T>(files: readonly (readonly T[])[], count = warmUpCount(files.length)): T[] {
  const { warmUp: near, rest } = warmUpFirst(files, count);
  const tails = rest.map((cases) => cases.slice(Math.max(0, cases.length - count)).reverse());
  const middle = rest.flatMap((cases) => cases.slice(0, Math.max(0, cases.length - count)));
  return [...near, ...middle, ...takingTurns(tails, count).reverse()];
}
