/**
 * Array ↔ collection conversions: map, toArray, toCollection (Help Center
 * https://help.make.com/array-functions, https://help.make.com/mapping-arrays;
 * Make's help: https://help.make.com/array-functions). Keys are raw names, case-sensitive, dot notation for
 * nested items.
 */
import { isCollection, toText } from '../coerce.ts';
import { argumentError, asArray, collectionArg, isBlank } from './general-args.ts';
import { defineKey, readPath } from './general-path.ts';
import type { FunctionSpec } from './types.ts';

/**
 * `map(array; key; [filterKey]; [filterValues])`. Filter values are comma-separated text
 * (`work,home`) or an array; an item passes when its filterKey, as text, equals one of them.
 * Parts are not trimmed (`"work, home"` matches " home"): the page shows no spaces, and a JS
 * `split(",")` is the plain reading. Items without `key` give an empty entry, so positions line up.
 */
function mapImpl([array, key, filterKey, filterValues]: unknown[]): unknown {
  if (isBlank(key))
    throw argumentError('map', 2, 'must name the key to extract', 'Write the raw name, e.g. "email".');
  let items = asArray(array);
  if (!isBlank(filterKey)) {
    const allowed = new Set(
      Array.isArray(filterValues)
        ? filterValues.map((value) => toText(value))
        : toText(filterValues).split(','),
    );
    items = items.filter((item) => allowed.has(toText(readPath(item, filterKey))));
  }
  return items.map((item) => readPath(item, key));
}

/**
 * The item shape of `toArray` (docs/fidelity.md, open question 10): Make's page says "an array of key-value
 * collections"; we produce `{ key, value }` items, the shape Make users map with
 * `map(toArray(x); "key")`. Fusion's page shows one-property objects instead.
 */
export function toArrayItem(key: string, value: unknown): Record<string, unknown> {
  return { key, value };
}

function toArrayImpl([value]: unknown[]): unknown {
  if (isBlank(value)) return [];
  if (Array.isArray(value)) return value;
  return Object.entries(collectionArg('toArray', 1, value)).map(([key, item]) => toArrayItem(key, item));
}

/**
 * `toCollection(array; keyField; valueField)` [FUSION]: items without the key field are
 * skipped; a repeated key keeps the last value. Keys are defined as own properties, so
 * `__proto__` is an ordinary key.
 */
function toCollectionImpl([array, keyField, valueField]: unknown[]): unknown {
  const out: Record<string, unknown> = {};
  for (const item of asArray(array)) {
    if (!isCollection(item)) continue;
    const key = readPath(item, keyField);
    if (isBlank(key)) continue;
    defineKey(out, toText(key), readPath(item, valueField));
  }
  return out;
}

export const arrayConvertFunctions: FunctionSpec[] = [
  { name: 'map', minArgs: 2, maxArgs: 4, impl: mapImpl },
  { name: 'toArray', minArgs: 1, maxArgs: 1, impl: toArrayImpl },
  { name: 'toCollection', minArgs: 3, maxArgs: 3, impl: toCollectionImpl },
];
