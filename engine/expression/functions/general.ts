/**
 * General functions (Help Center https://help.make.com/general-functions; Make's help:
 * https://help.make.com/mapping https://help.make.com/general-functions and appendix A): get, if, ifempty,
 * switch, omit, pick, and the newer set, equal.
 */
import { isEmpty, toBoolean, toText } from '../coerce.ts';
import { argumentError, collectionArg, isBlank, keyList } from './general-args.ts';
import { imlEqual } from './general-equal.ts';
import { defineKey, readPath, splitPath, writePath } from './general-path.ts';
import type { FunctionSpec } from './types.ts';

/**
 * `switch(expr; v1; r1; …; [else])`: first value equal to `expr` wins; an odd trailing argument
 * is the default. No match and no default gives an empty value (docs/fidelity.md, open question 12; equality
 * is the strict `imlEqual`).
 */
function switchImpl(args: unknown[]): unknown {
  const [subject, ...rest] = args;
  let i = 0;
  for (; i + 1 < rest.length; i += 2) {
    if (imlEqual(subject, rest[i])) return rest[i + 1];
  }
  return i < rest.length ? rest[i] : undefined;
}

/** `pick` / `omit` on a blank value give an empty value, like any function on missing data. */
function pickImpl(args: unknown[]): unknown {
  const [source, ...keys] = args;
  if (isBlank(source)) return undefined;
  const collection = collectionArg('pick', 1, source);
  const out: Record<string, unknown> = {};
  for (const key of keyList(keys)) {
    if (Object.hasOwn(collection, key)) defineKey(out, key, collection[key]);
  }
  return out;
}

function omitImpl(args: unknown[]): unknown {
  const [source, ...keys] = args;
  if (isBlank(source)) return undefined;
  const omitted = new Set(keyList(keys));
  const entries = Object.entries(collectionArg('omit', 1, source)).filter(([key]) => !omitted.has(key));
  return Object.fromEntries(entries);
}

/**
 * `set(object; path; value)` — 2026 palette only (docs/fidelity.md, https://help.make.com/general-functions).
 * Returns a copy with the dot path set; the input is not changed. A blank object starts a new collection.
 */
function setImpl(args: unknown[]): unknown {
  const [source, path, value] = args;
  const base = isBlank(source) ? {} : collectionArg('set', 1, source);
  const segments = typeof path === 'number' ? [String(path)] : splitPath(toText(path));
  if (segments.some((segment) => segment === '')) {
    throw argumentError(
      'set',
      2,
      `must be a key path like "address.city", got "${toText(path)}"`,
      'Name the key to set.',
    );
  }
  return writePath(base, segments, value);
}

export const generalFunctions: FunctionSpec[] = [
  { name: 'get', minArgs: 2, maxArgs: 2, impl: ([value, path]) => readPath(value, path) },
  // Condition truthiness follows https://help.make.com/type-coercion "Boolean expected" (number 0 is true,
  // text "false" is false).
  { name: 'if', minArgs: 2, maxArgs: 3, impl: ([condition, yes, no]) => (toBoolean(condition) ? yes : no) },
  {
    name: 'ifempty',
    minArgs: 2,
    maxArgs: 2,
    impl: ([value, fallback]) => (isEmpty(value) ? fallback : value),
  },
  { name: 'switch', minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, impl: switchImpl },
  { name: 'pick', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: pickImpl },
  { name: 'omit', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: omitImpl },
  { name: 'set', minArgs: 3, maxArgs: 3, impl: setImpl },
  // `equal(a; b)` — 2026 palette only (docs/fidelity.md, open question 16): deep, strict equality.
  { name: 'equal', minArgs: 2, maxArgs: 2, impl: ([a, b]) => imlEqual(a, b) },
];
