/**
 * Reading items out of bundles (https://help.make.com/mapping,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml; DESIGN principle 8).
 * Only own data properties are read: `__proto__`, `constructor`, `prototype` are ordinary
 * missing keys. Missing anything → undefined, silently.
 */
import { isCollection, toNumber } from './coerce.ts';

/**
 * `a.key`. On an array of collections Make maps the key over the elements (`1.items.name` →
 * every item's name); elements without the key are skipped. A numeric key on an array is a
 * 1-based index, as in `get(array; "2")`.
 */
export function readKey(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return readKeyOfArray(value, key);
  if (!isCollection(value) || !Object.hasOwn(value, key)) return undefined;
  return value[key];
}

/**
 * readKey for a key that names nothing on Object.prototype: on a collection (prototype
 * Object.prototype or null) such a key can only be found as the object's own, so the hasOwn test
 * is left out — `1.name` is read for every bundle. (Nothing a scenario runs can add keys to
 * Object.prototype: a mapped `__proto__` is data, DESIGN principle 8.)
 */
export function readOwnKey(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return readKeyOfArray(value, key);
  return isCollection(value) ? value[key] : undefined;
}

function readKeyOfArray(items: readonly unknown[], key: string): unknown {
  const index = toNumber(key);
  if (index !== undefined && Number.isInteger(index)) return readIndex(items, index);
  const out: unknown[] = [];
  for (const item of items) {
    if (isCollection(item) && Object.hasOwn(item, key)) out.push(item[key]);
  }
  return out;
}

/**
 * `a[n]`: 1-based; negative counts from the end
 * (`[-1]` last). `[0]`, fractions and out-of-range → undefined (docs/fidelity.md, open question 6). A text
 * index on a collection reads that key (a mapped key such as `a[2.field]`).
 */
export function readIndex(value: unknown, index: unknown): unknown {
  if (!Array.isArray(value)) {
    return typeof index === 'string' && isCollection(value) ? readKey(value, index) : undefined;
  }
  const n = typeof index === 'number' ? index : toNumber(index);
  if (n === undefined || !Number.isInteger(n) || n === 0) return undefined;
  return n > 0 ? value[n - 1] : value[value.length + n];
}

/**
 * `a[]`: the UI's default when a sub-item of an array is mapped — the first element
 * (https://help.make.com/mapping).
 */
export function readFirst(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}
