/**
 * Math functions (Help Center https://help.make.com/math-functions and
 * appendix A): abs, ceil, floor, round, trunc and the aggregates max, min, sum, average,
 * median, stdevP, stdevS. parseNumber/formatNumber live in math-format.ts.
 * Arithmetic is IEEE-754 double, unrounded, as in Make
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml: 16.22 + 9.2 =
 * 25.419999999999998).
 */
import { asArray, integerArg, isBlank, numberArg } from './general-args.ts';
import { mathFormatFunctions, shiftDecimal } from './math-format.ts';
import type { FunctionSpec } from './types.ts';

/** `-0` renders as "-0" nowhere in Make; normalise so `round(-0.4)` is plain 0. */
const noNegativeZero = (n: number): number => (Object.is(n, -0) ? 0 : n);

/**
 * A one-number function; a blank argument gives an empty result (missing data stays silent,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml).
 */
function unary(name: string, fn: (n: number) => number): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    impl: ([value]) => (isBlank(value) ? undefined : noNegativeZero(fn(numberArg(name, 1, value)))),
  };
}

/**
 * `trunc(number; [decimals])` keeps `decimals` digits (a third-party reference: trunc(3.789; 2) = 3.78).
 * Negative decimals truncate to tens, hundreds… (trunc(123.456; -2) = 100); the 3P examples
 * contradict each other (docs/fidelity.md, open question 9), this reading is the arithmetic one.
 */
function truncImpl([value, decimals]: unknown[]): unknown {
  if (isBlank(value)) return undefined;
  const n = numberArg('trunc', 1, value);
  const places = integerArg('trunc', 2, decimals, 0);
  return noNegativeZero(shiftDecimal(Math.trunc(shiftDecimal(n, places)), -places));
}

/**
 * The numbers of an aggregate: "an array or individual values" (https://help.make.com/math-functions), mixed
 * freely (`sum(1.prices; 5)`). Blank items are skipped; anything else must be numeric.
 */
function collectNumbers(name: string, args: readonly unknown[]): number[] {
  const numbers: number[] = [];
  args.forEach((arg, index) => {
    for (const item of asArray(arg)) {
      if (!isBlank(item)) numbers.push(numberArg(name, index + 1, item));
    }
  });
  return numbers;
}

/** Variadic aggregate; an empty list gives an empty result except where noted. */
function aggregate(name: string, fn: (numbers: number[]) => number | undefined): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    impl: (args) => fn(collectNumbers(name, args)),
  };
}

const total = (numbers: readonly number[]): number => numbers.reduce((sum, n) => sum + n, 0);
const mean = (numbers: readonly number[]): number | undefined =>
  numbers.length === 0 ? undefined : total(numbers) / numbers.length;

/**
 * Even count → mean of the two middle values (https://help.make.com/math-functions: median(2; 3; 5; 8) = 4).
 */
function median(numbers: number[]): number | undefined {
  if (numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Population (divide by n) or sample (divide by n − 1) standard deviation; too few values → empty. */
function stdev(sample: boolean) {
  return (numbers: number[]): number | undefined => {
    const average = mean(numbers);
    const divisor = sample ? numbers.length - 1 : numbers.length;
    if (average === undefined || divisor <= 0) return undefined;
    return Math.sqrt(total(numbers.map((n) => (n - average) ** 2)) / divisor);
  };
}

export const mathFunctions: FunctionSpec[] = [
  unary('abs', Math.abs),
  unary('ceil', Math.ceil),
  unary('floor', Math.floor),
  // JavaScript rounding: .5 goes up, so round(-1.5) = -1 (docs/fidelity.md, open question 9).
  unary('round', Math.round),
  { name: 'trunc', minArgs: 1, maxArgs: 2, impl: truncImpl },
  aggregate('max', (numbers) => (numbers.length === 0 ? undefined : Math.max(...numbers))),
  aggregate('min', (numbers) => (numbers.length === 0 ? undefined : Math.min(...numbers))),
  // The sum of nothing is 0, the neutral element; the other aggregates have no value for [].
  aggregate('sum', total),
  aggregate('average', mean),
  aggregate('median', median),
  aggregate('stdevP', stdev(false)),
  aggregate('stdevS', stdev(true)),
  ...mathFormatFunctions,
];
