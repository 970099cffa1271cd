/**
 * Key paths inside function arguments: `get(object; "a.b.1")`, `sort(array; "asc"; "sender.name")`,
 * `distinct(array; "name")`, `map(array; "email")`, `set(object; "address.city"; value)`.
 * Help Center https://help.make.com/general-functions and https://help.make.com/array-functions:
 * raw names, dot notation for nested properties, and "The first item in an array is index 1"
 * (https://help.make.com/general-functions,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml). Only own properties are read
 * (DESIGN.md principle 8).
 */
import { isCollection, toText } from '../coerce.ts';

/**
 * Splits `a.b[2].c` into `["a", "b", "2", "c"]`. Empty brackets (`items[]`) mean the first item
 * (https://help.make.com/mapping-arrays).
 */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  for (const part of path.split('.')) {
    const bracket = /^(.*?)((?:\[-?\d*\])+)$/.exec(part);
    if (bracket === null) {
      segments.push(part);
      continue;
    }
    if (bracket[1] !== '' && bracket[1] !== undefined) segments.push(bracket[1]);
    for (const index of (bracket[2] ?? '').match(/\[(-?\d*)\]/g) ?? []) {
      const inner = index.slice(1, -1);
      segments.push(inner === '' ? '1' : inner);
    }
  }
  return segments;
}

/** One step: 1-based (negative from the end) index into an array, own key of a collection. */
export function readSegment(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) {
    const position = arrayPosition(segment, value.length);
    return position === undefined ? undefined : value[position];
  }
  if (isCollection(value) && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}

/** 0-based position for a 1-based segment (`-1` = last); undefined when not an index or out of range. */
export function arrayPosition(segment: string, length: number): number | undefined {
  if (!/^-?\d+$/.test(segment)) return undefined;
  const n = Number(segment);
  const position = n > 0 ? n - 1 : n < 0 ? length + n : -1;
  return position >= 0 && position < length ? position : undefined;
}

/**
 * Reads `path` from `value`. A number is a single segment (`get(array; 1+1)`). A key that
 * exists as written wins over dot splitting, so a raw name containing a dot still works.
 */
export function readPath(value: unknown, path: unknown): unknown {
  if (path === undefined || path === null || path === '') return undefined;
  const text = toText(path);
  if (typeof path === 'number') return readSegment(value, text);
  if (isCollection(value) && Object.hasOwn(value, text)) return value[text];
  let current = value;
  for (const segment of splitPath(text)) {
    current = readSegment(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Defines an own data property, so `__proto__` and friends are ordinary keys. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A shallow copy with only own enumerable keys, safe for any key name. */
export function copyCollection(source: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source));
}

/**
 * A copy of `value` with `path` set to `item`; missing or non-collection steps become new
 * collections. Arrays on the way are copied and indexed 1-based; an index past the end + 1 leaves
 * that array as it was. The input is never mutated. A loop, so a path of any length is fine.
 */
export function writePath(value: unknown, segments: readonly string[], item: unknown): unknown {
  if (segments.length === 0) return item;
  const root = shallowCopy(value);
  let parent = root;
  let original = value;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const child = childOf(original, segment);
    const next = i === segments.length - 1 ? item : shallowCopy(child);
    if (!place(parent, segment, next)) break;
    parent = next as Record<string, unknown> | unknown[];
    original = child;
  }
  return root;
}

function shallowCopy(value: unknown): Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return [...value];
  return isCollection(value) ? copyCollection(value) : {};
}

function childOf(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) {
    const position = arrayPosition(segment, value.length);
    return position === undefined ? undefined : value[position];
  }
  return isCollection(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
}

/** Puts `next` at `segment` of the copy; false when an array index is out of reach. */
function place(parent: Record<string, unknown> | unknown[], segment: string, next: unknown): boolean {
  if (!Array.isArray(parent)) {
    defineKey(parent, segment, next);
    return true;
  }
  const position = arrayPosition(segment, parent.length);
  if (position !== undefined) parent[position] = next;
  else if (segment === String(parent.length + 1)) parent.push(next);
  else return false;
  return true;
}
