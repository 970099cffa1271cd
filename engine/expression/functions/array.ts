/**
 * Array functions (Help Center https://help.make.com/array-functions and
 * appendix A). An array argument follows https://help.make.com/type-coercion "Array expected": a non-array is
 * a one-item array, a missing value an empty one (asArray). `length` and `contains` also serve text
 * (https://help.make.com/text-and-binary-functions): one
 * implementation each, dispatching on the first argument. Functions never mutate their input.
 */
import { isBinary, isCollection, toText } from '../coerce.ts';
import { arrayConvertFunctions } from './array-convert.ts';
import { arraySetFunctions } from './array-set.ts';
import { sortFunction } from './array-sort.ts';
import { asArray, integerArg, isBlank } from './general-args.ts';
import { indexOfEqual, uniqueBy } from './general-equal.ts';
import { readPath } from './general-path.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/** `join`'s separator when omitted: JavaScript's Array.prototype.join default. */
const JOIN_DEFAULT_SEPARATOR = ',';
/** `flatten` depth when omitted: Array.prototype.flat's default, which the page points to. */
const FLATTEN_DEFAULT_DEPTH = 1;

/**
 * `contains(array; value)` tests membership (imlEqual); `contains(text; search)` is a
 * case-sensitive substring test https://help.make.com/text-and-binary-functions. Numbers, dates and binary
 * data are read as text; a collection is a one-item array (https://help.make.com/type-coercion). A missing
 * first argument contains nothing.
 */
function containsImpl([haystack, needle]: unknown[]): boolean {
  if (haystack === undefined || haystack === null) return false;
  if (Array.isArray(haystack) || isCollection(haystack))
    return indexOfEqual(asArray(haystack), needle) !== -1;
  return toText(haystack).includes(toText(needle));
}

/**
 * `length`: items of an array, characters of text (UTF-16 units, as JavaScript counts them),
 * bytes of binary data https://help.make.com/text-and-binary-functions, own keys of a collection; other
 * values by their text form.
 */
function lengthImpl([value]: unknown[]): number {
  if (value === undefined || value === null) return 0;
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (isBinary(value)) return value.byteLength;
  if (isCollection(value)) return Object.keys(value).length;
  return toText(value).length;
}

/**
 * `keys(object)`: own key names of a collection; for an array its indexes as JavaScript's
 * Object.keys gives them (`"0"`, `"1"`…) — the page's wording is MDN's, docs/fidelity.md, open question 10.
 */
function keysImpl([value]: unknown[]): string[] {
  return Array.isArray(value) || isCollection(value) ? Object.keys(value) : [];
}

/** `add(array; v1; …)`: missing values (unmapped references, `ignore`) are not appended. */
function addImpl([array, ...values]: unknown[]): unknown[] {
  return [...asArray(array), ...values.filter((value) => value !== undefined)];
}

function removeImpl([array, ...values]: unknown[]): unknown[] {
  return asArray(array).filter((item) => indexOfEqual(values, item) === -1);
}

/**
 * `merge(array1; array2; …)` concatenates https://help.make.com/array-functions. When every given argument is
 * a collection the collections are merged instead, later keys winning (our extension; Make documents arrays
 * only).
 */
function mergeImpl(args: unknown[]): unknown {
  const given = args.filter((arg) => !isBlank(arg));
  const collections = given.filter((arg) => isCollection(arg));
  if (given.length > 0 && collections.length === given.length) {
    return Object.fromEntries(collections.flatMap((collection) => Object.entries(collection)));
  }
  return given.flatMap((arg) => asArray(arg));
}

/**
 * `slice(array; start; [end])`: 0-based, end exclusive, negatives from the end (JS semantics,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml).
 */
function sliceImpl([array, start, end]: unknown[]): unknown[] {
  const items = asArray(array);
  return items.slice(integerArg('slice', 2, start, 0), integerArg('slice', 3, end, items.length));
}

/** Fisher–Yates with the context's random source, so tests can fix the order. */
function shuffleImpl([array]: unknown[], ctx: FunctionContext): unknown[] {
  const items = [...asArray(array)];
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * `distinct(array; [key])`: first occurrence kept (docs/fidelity.md, open question 10); key is a dot path.
 */
function distinctImpl([array, key]: unknown[]): unknown[] {
  const keyOf = isBlank(key) ? (item: unknown) => item : (item: unknown) => readPath(item, key);
  return uniqueBy(asArray(array), keyOf);
}

export const arrayFunctions: FunctionSpec[] = [
  { name: 'add', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: addImpl },
  { name: 'remove', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: removeImpl },
  { name: 'contains', minArgs: 2, maxArgs: 2, impl: containsImpl },
  { name: 'length', minArgs: 1, maxArgs: 1, impl: lengthImpl },
  { name: 'first', minArgs: 1, maxArgs: 1, impl: ([array]) => asArray(array)[0] },
  { name: 'last', minArgs: 1, maxArgs: 1, impl: ([array]) => asArray(array).at(-1) },
  {
    name: 'join',
    minArgs: 1,
    maxArgs: 2,
    impl: ([array, separator]) =>
      asArray(array)
        .map((item) => toText(item))
        .join(separator === undefined ? JOIN_DEFAULT_SEPARATOR : toText(separator)),
  },
  { name: 'keys', minArgs: 1, maxArgs: 1, impl: keysImpl },
  { name: 'slice', minArgs: 2, maxArgs: 3, impl: sliceImpl },
  { name: 'merge', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: mergeImpl },
  { name: 'reverse', minArgs: 1, maxArgs: 1, impl: ([array]) => [...asArray(array)].reverse() },
  { name: 'shuffle', minArgs: 1, maxArgs: 1, impl: shuffleImpl },
  {
    name: 'flatten',
    minArgs: 1,
    maxArgs: 2,
    impl: ([array, depth]) =>
      asArray(array).flat(Math.max(integerArg('flatten', 2, depth, FLATTEN_DEFAULT_DEPTH), 0)),
  },
  { name: 'distinct', minArgs: 1, maxArgs: 2, impl: distinctImpl },
  {
    name: 'deduplicate',
    minArgs: 1,
    maxArgs: 1,
    impl: ([array]) => uniqueBy(asArray(array), (item) => item),
  },
  sortFunction,
  ...arrayConvertFunctions,
  ...arraySetFunctions,
];
