/**
 * Argument helpers shared by the text and binary functions (Make's help:
 * https://help.make.com/text-and-binary-functions, coercion https://help.make.com/type-coercion).
 * Errors read like Make's own ("Function 'decodeURL' finished with error! …") and carry the
 * function name and the 1-based argument position in `details`, so a user can find the place.
 */
import { dataError, type MakeError } from '../../errors/make-error.ts';
import { isBinary, toNumber, toText } from '../coerce.ts';

/** A DataError naming the function, the argument and what would fix it. */
export function argumentError(fn: string, position: number, problem: string, fix: string): MakeError {
  return dataError(`Function '${fn}' finished with error! Argument ${position}: ${problem} ${fix}`, {
    function: fn,
    argument: position,
  });
}

/** Missing references arrive as undefined; Make treats null and '' as "not given" too. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The argument as text (https://help.make.com/type-coercion "Text expected"): missing → '', buffers decoded
 * as UTF-8.
 */
export function textArg(args: readonly unknown[], index: number): string {
  return toText(args[index]);
}

/**
 * An optional numeric argument: missing → `fallback`; text that is not a number is rejected
 * (https://help.make.com/type-coercion: number expected, text not parsable → validation error).
 */
export function numberArg(fn: string, args: readonly unknown[], index: number, fallback: number): number {
  const value = args[index];
  if (isMissing(value)) return fallback;
  const n = toNumber(value);
  if (n === undefined) {
    throw argumentError(fn, index + 1, `"${toText(value)}" is not a number.`, 'Map or type a number here.');
  }
  return n;
}

/**
 * Bytes of a value: buffers as they are, anything else as its UTF-8 text (https://help.make.com/type-coercion
 * "Buffer expected").
 */
export function bytesOf(value: unknown): Buffer {
  if (isBinary(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(toText(value), 'utf8');
}
