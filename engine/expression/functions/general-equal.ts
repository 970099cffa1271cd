/**
 * Value equality used by `switch`, `equal`, `contains`, `remove`, `deduplicate`, `distinct`
 * and the array set functions. Make's engine documentation says "All equality operations are
 * strict" (https://developers.make.com/custom-apps-documentation/block-elements/iml); collections
 * and type mixing are undocumented (docs/fidelity.md, "Equality"). Our choice, kept here and nowhere else:
 * - primitives compare strictly (`1` ≠ `"1"`), NaN equals NaN;
 * - dates compare by instant, binary data by bytes;
 * - arrays and collections compare deeply (same own keys, equal values), so two bundles with
 *   the same content are duplicates even though they are distinct objects.
 */
import { isBinary, isCollection } from '../coerce.ts';

export function imlEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b) || a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (isBinary(a) || isBinary(b)) return isBinary(a) && isBinary(b) && Buffer.compare(a, b) === 0;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => imlEqual(x, b[i]))
    );
  }
  if (isCollection(a) && isCollection(b)) return collectionsEqual(a, b);
  return false;
}

function collectionsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && imlEqual(a[key], b[key]));
}

/** Index of the first element equal to `value`, or -1. */
export function indexOfEqual(items: readonly unknown[], value: unknown): number {
  return items.findIndex((item) => imlEqual(item, value));
}

/**
 * The items with later duplicates removed (first occurrence kept), by the key `keyOf` gives.
 * Primitive keys go through a Set (SameValueZero = strict equality here); objects are compared
 * deeply against the ones seen so far.
 */
export function uniqueBy(items: readonly unknown[], keyOf: (item: unknown) => unknown): unknown[] {
  const primitives = new Set<unknown>();
  const objects: unknown[] = [];
  const out: unknown[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (typeof key === 'object' && key !== null) {
      if (indexOfEqual(objects, key) !== -1) continue;
      objects.push(key);
    } else {
      if (primitives.has(key)) continue;
      primitives.add(key);
    }
    out.push(item);
  }
  return out;
}
