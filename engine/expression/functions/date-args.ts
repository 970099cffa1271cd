/**
 * Argument handling for the date functions (Make's help: https://help.make.com/date-and-time-functions,
 * coercion https://help.make.com/type-coercion, zones https://help.make.com/manage-time-zones).
 * Errors name the function and the 1-based argument (text-args.ts wording) and say what to map.
 */
import { toNumber, toText } from '../coerce.ts';
import { toDate } from '../dates/coerce-date.ts';
import { resolveZone } from '../dates/zone.ts';
import { argumentError, isMissing } from './text-args.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/**
 * What a date function returns when its date argument is empty (a missing reference, null or
 * ''). Not documented; we keep the field empty rather than fail the module, as Make does for
 * other empty inputs to functions (fidelity.md). Functions return this value unchanged.
 */
export const EMPTY_DATE_RESULT = undefined;

/** The date argument at `index`, or undefined when it is empty; unreadable values are a DataError. */
export function dateArg(fn: string, args: readonly unknown[], index: number, zone: string): Date | undefined {
  const value = args[index];
  if (isMissing(value)) return undefined;
  const date = toDate(value, zone);
  if (date === undefined) {
    throw argumentError(
      fn,
      index + 1,
      `"${toText(value)}" is not a valid date.`,
      'Map a date, a number of milliseconds, or text such as 2016-06-20T17:26:44.356Z.',
    );
  }
  return date;
}

/**
 * A required number (text like "-3" is read as a number, https://help.make.com/type-coercion); anything else
 * is a DataError.
 */
export function amountArg(fn: string, args: readonly unknown[], index: number): number {
  const value = args[index];
  const n = isMissing(value) ? undefined : toNumber(value);
  if (n === undefined || !Number.isFinite(n)) {
    const shown = isMissing(value) ? 'An empty value' : `"${toText(value)}"`;
    throw argumentError(fn, index + 1, `${shown} is not a number.`, 'Map or type a whole number here.');
  }
  return n;
}

/** The function's own zone argument when it names an IANA zone, else the organization zone. */
export function zoneArg(args: readonly unknown[], index: number, ctx: FunctionContext): string {
  return resolveZone(args[index], ctx.timezone);
}

/** Moment rounds day and month amounts half away from zero before adding them. */
export function roundAmount(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

/** The organization zone from the context (an invalid name falls back to UTC). */
export function orgZone(ctx: FunctionContext): string {
  return resolveZone(undefined, ctx.timezone);
}

/**
 * A `(date; number)` function such as addDays or setHour. Both arguments are checked first, so a
 * bad number fails even when the date is empty; an empty date then gives EMPTY_DATE_RESULT.
 */
export function dateAmountFunction(
  name: string,
  apply: (date: Date, amount: number, ctx: FunctionContext) => unknown,
): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    impl: (args, ctx) => {
      const date = dateArg(name, args, 0, orgZone(ctx));
      const amount = amountArg(name, args, 1);
      if (date === undefined) return EMPTY_DATE_RESULT;
      return apply(date, amount, ctx);
    },
  };
}
