/**
 * Argument handling shared by the General, Math and Array functions (Make's help:
 * https://help.make.com/type-coercion "Type coercion", Help Center https://help.make.com/type-coercion): how
 * a function reads an array, a collection or a number argument, and the DataError it raises when Make would
 * reject the value.
 */
import { dataError, type MakeError } from '../../errors/make-error.ts';
import { isCollection, toNumber, toText } from '../coerce.ts';

/**
 * Missing references, `null` and `emptystring`: Make treats them as "no value"
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml).
 */
export function isBlank(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** A DataError naming the function and the 1-based argument, with what would fix it. */
export function argumentError(fn: string, position: number, problem: string, fix: string): MakeError {
  return dataError(`Function '${fn}': argument ${position} ${problem}. ${fix}`, {
    function: fn,
    argument: position,
  });
}

/** How a value reads in an error message: its kind and a short preview. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'an empty value';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return `the date ${toText(value)}`;
  if (value instanceof Uint8Array) return 'binary data';
  if (isCollection(value)) return 'a collection';
  const text = toText(value);
  return `${typeof value === 'string' ? 'the text' : 'the value'} "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/**
 * https://help.make.com/type-coercion "Array expected": an array is used as is, anything else becomes a
 * one-item array. A blank value (missing, null) is an empty array, so `add(1.missing; 5)` gives `[5]`.
 */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  return [value];
}

/**
 * https://help.make.com/type-coercion "Number expected": text is parsed; a value that is not a number is a
 * DataError.
 */
export function numberArg(fn: string, position: number, value: unknown): number {
  const n = toNumber(value);
  if (n === undefined) {
    throw argumentError(
      fn,
      position,
      `must be a number, got ${describe(value)}`,
      'Map a number or numeric text.',
    );
  }
  return n;
}

/** Like numberArg, but a blank value gives `fallback` (for optional arguments). */
export function optionalNumberArg(fn: string, position: number, value: unknown, fallback: number): number {
  return isBlank(value) ? fallback : numberArg(fn, position, value);
}

/** An integer argument (decimal places, depth, index): fractional values are truncated. */
export function integerArg(fn: string, position: number, value: unknown, fallback: number): number {
  return Math.trunc(optionalNumberArg(fn, position, value, fallback));
}

/** https://help.make.com/type-coercion "Collection expected": anything but a collection is a DataError. */
export function collectionArg(fn: string, position: number, value: unknown): Record<string, unknown> {
  if (!isCollection(value)) {
    throw argumentError(
      fn,
      position,
      `must be a collection, got ${describe(value)}`,
      'Map a collection (object) here.',
    );
  }
  return value;
}

/** Key arguments (`pick`, `omit`): each argument is a key or an array of keys. */
export function keyList(args: readonly unknown[]): string[] {
  return args.flatMap((arg) => asArray(arg)).map((key) => toText(key));
}
