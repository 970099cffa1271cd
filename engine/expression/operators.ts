/**
 * IML operators (https://developers.make.com/custom-apps-documentation/block-elements/iml): JavaScript-like
 * arithmetic, `+` concatenating when a side is text, date − date / date − number in milliseconds, strict
 * equality, and/or/not.
 */
import type { BinaryOp } from './ast.ts';
import { isCollection, toBoolean, toNumber, toText } from './coerce.ts';

export type BinaryFn = (a: unknown, b: unknown) => unknown;

/**
 * Operand → number for arithmetic and ordering: numbers, numeric text, dates (epoch ms),
 * booleans 1/0, null 0 — JavaScript's rules, which the engine is described as following
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml); anything else is NaN,
 * rendered "NaN" like JavaScript.
 */
export function arithmeticNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  return toNumber(value) ?? Number.NaN;
}

function isTextual(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value) || isCollection(value);
}

/** `+` concatenates as soon as one side is text (or a structure rendered as text). */
function plus(a: unknown, b: unknown): unknown {
  if (isTextual(a) || isTextual(b)) return toText(a) + toText(b);
  return arithmeticNumber(a) + arithmeticNumber(b);
}

/**
 * Dates compare by instant; everything else strictly
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml "All equality operations are
 * strict").
 */
export function strictEquals(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** Two texts compare as text (code points); otherwise as numbers (dates as instants). */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return arithmeticNumber(a) - arithmeticNumber(b);
}

/**
 * and/or/not use Make's boolean coercion (https://help.make.com/type-coercion: text "false" and "" are false,
 * every number is true) so that formulas and filters share one notion of truth; they return booleans.
 */
export const BINARY_OPERATORS: Readonly<Record<Exclude<BinaryOp, 'and' | 'or'>, BinaryFn>> = {
  '+': plus,
  '-': (a, b) => arithmeticNumber(a) - arithmeticNumber(b),
  '*': (a, b) => arithmeticNumber(a) * arithmeticNumber(b),
  '/': (a, b) => arithmeticNumber(a) / arithmeticNumber(b),
  '%': (a, b) => arithmeticNumber(a) % arithmeticNumber(b),
  '<': (a, b) => compare(a, b) < 0,
  '<=': (a, b) => compare(a, b) <= 0,
  '>': (a, b) => compare(a, b) > 0,
  '>=': (a, b) => compare(a, b) >= 0,
  '=': strictEquals,
  '!=': (a, b) => !strictEquals(a, b),
};

export function negate(value: unknown): number {
  return -arithmeticNumber(value);
}

export function not(value: unknown): boolean {
  return !toBoolean(value);
}
