/**
 * Set operations on arrays: arrayIntersect, arrayDifference (alias arrayDiff). Only in the
 * 2026 palette and third-party/Fusion pages (docs/fidelity.md, https://help.make.com/array-functions):
 * arrayDifference(myArray; yourArray; classic) = [1,2], (…; symmetric) = [1,2,6,7] [FUSION];
 * arrayIntersect([1,2,3,4]; [3,4,5,6]) = [3,4] (a third-party reference). Equality is `imlEqual`.
 */
import { toText } from '../coerce.ts';
import { argumentError, asArray, isBlank } from './general-args.ts';
import { indexOfEqual, uniqueBy } from './general-equal.ts';
import type { FunctionSpec } from './types.ts';

/** Items of `a` that are not in `b`, in `a`'s order (duplicates of `a` kept). */
function without(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  return a.filter((item) => indexOfEqual(b, item) === -1);
}

/** Items of the first array present in every other one, each once, in first-array order. */
function intersectImpl(args: unknown[]): unknown {
  const [first, ...others] = args.map((arg) => asArray(arg));
  return uniqueBy(first ?? [], (item) => item).filter((item) =>
    others.every((other) => indexOfEqual(other, item) !== -1),
  );
}

/** `classic` (default): a − b; `symmetric`: (a − b) followed by (b − a). */
function difference(name: string) {
  return ([a, b, mode]: unknown[]): unknown => {
    const left = asArray(a);
    const right = asArray(b);
    const kind = isBlank(mode) ? 'classic' : toText(mode).trim().toLowerCase();
    if (kind === 'classic') return without(left, right);
    if (kind === 'symmetric') return [...without(left, right), ...without(right, left)];
    throw argumentError(
      name,
      3,
      `must be classic or symmetric, got "${toText(mode)}"`,
      'Leave it empty for classic.',
    );
  };
}

export const arraySetFunctions: FunctionSpec[] = [
  { name: 'arrayIntersect', minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, impl: intersectImpl },
  { name: 'arrayDifference', minArgs: 2, maxArgs: 3, impl: difference('arrayDifference') },
  { name: 'arrayDiff', minArgs: 2, maxArgs: 3, impl: difference('arrayDiff') },
];
