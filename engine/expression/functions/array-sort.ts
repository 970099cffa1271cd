/**
 * `sort(array; [order]; [key])` (Help Center https://help.make.com/array-functions;
 * https://help.make.com/array-functions,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml). Orders: `asc` (default), `desc`,
 * `asc ci`, `desc ci`. Text compares by UTF-16 code unit ("A, B, C, a, b, c"); `ci` compares lower-cased
 * forms ("A, a, B, b"). The sort is stable: items with equal keys keep their input order, in every
 * order mode. `sort(Contacts[]; name)` (the example in https://help.make.com/array-functions) passes the key
 * as argument 2.
 */
import { toText } from '../coerce.ts';
import { argumentError, asArray, isBlank } from './general-args.ts';
import { readPath } from './general-path.ts';
import type { FunctionSpec } from './types.ts';

interface Order {
  readonly descending: boolean;
  readonly caseInsensitive: boolean;
}

const ORDERS: ReadonlyMap<string, Order> = new Map([
  ['asc', { descending: false, caseInsensitive: false }],
  ['desc', { descending: true, caseInsensitive: false }],
  ['asc ci', { descending: false, caseInsensitive: true }],
  ['desc ci', { descending: true, caseInsensitive: true }],
]);

const DEFAULT_ORDER: Order = { descending: false, caseInsensitive: false };

/** `"Desc  CI"` reads as `desc ci`: case and spacing of the order word are forgiven. */
function lookupOrder(value: unknown): Order | undefined {
  return ORDERS.get(toText(value).trim().toLowerCase().replace(/\s+/g, ' '));
}

/** Splits the optional arguments into order and key (argument 2 may be the key itself). */
function readOptions(order: unknown, key: unknown, argCount: number): { order: Order; key: unknown } {
  if (isBlank(order)) return { order: DEFAULT_ORDER, key };
  const known = lookupOrder(order);
  if (known !== undefined) return { order: known, key };
  if (argCount <= 2) return { order: DEFAULT_ORDER, key: order };
  throw argumentError(
    'sort',
    2,
    `must be a sort order, got "${toText(order)}"`,
    'Use asc, desc, asc ci or desc ci (or leave it empty for asc).',
  );
}

/**
 * Type ranks for mixed arrays (undocumented; our choice): numbers, then dates, text, booleans,
 * other values (kept in input order). Missing values (undefined, null, NaN) always go last.
 */
const MISSING_RANK = 9;

function rank(value: unknown): number {
  if (typeof value === 'number') return Number.isNaN(value) ? MISSING_RANK : 0;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? MISSING_RANK : 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return value === undefined || value === null ? MISSING_RANK : 4;
}

const sign = <T extends number | string>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

function compareSameRank(a: unknown, b: unknown, caseInsensitive: boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return sign(a, b);
  if (a instanceof Date && b instanceof Date) return sign(a.getTime(), b.getTime());
  if (typeof a === 'string' && typeof b === 'string') {
    return caseInsensitive ? sign(a.toLowerCase(), b.toLowerCase()) : sign(a, b);
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return sign(Number(a), Number(b));
  return 0;
}

/** The comparator for one order; missing values stay last even when descending. */
export function comparatorFor(order: Order): (a: unknown, b: unknown) => number {
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra === MISSING_RANK || rb === MISSING_RANK) return ra - rb;
    const result = ra !== rb ? ra - rb : compareSameRank(a, b, order.caseInsensitive);
    return order.descending ? -result : result;
  };
}

function sortImpl(args: unknown[]): unknown {
  const [array, orderArg, keyArg] = args;
  const { order, key } = readOptions(orderArg, keyArg, args.length);
  const compare = comparatorFor(order);
  const keyOf = isBlank(key) ? (item: unknown) => item : (item: unknown) => readPath(item, key);
  const keyed = asArray(array).map((item) => ({ item, key: keyOf(item) }));
  // Array.prototype.sort is stable (ES2019), which is what keeps equal keys in input order.
  return keyed.sort((x, y) => compare(x.key, y.key)).map((entry) => entry.item);
}

export const sortFunction: FunctionSpec = { name: 'sort', minArgs: 1, maxArgs: 3, impl: sortImpl };
