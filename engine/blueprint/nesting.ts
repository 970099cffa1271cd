/**
 * A bound on how deeply a blueprint's JSON nests, checked without recursion before anything
 * else walks it: loading recurses into routes, branches, error routes and mapper values, and a
 * generated blueprint nested thousands deep would otherwise exhaust the call stack. Real exports
 * nest a few dozen levels (the deepest of the reference corpus: 36).
 */
import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import { escapePointer } from './scan.ts';

export const MAX_BLUEPRINT_NESTING = 1000;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly pointer: string;
}

/** The first place nested deeper than MAX_BLUEPRINT_NESTING, as a `too-deep` problem. */
export function nestingProblem(blueprint: unknown): BlueprintProblem | undefined {
  const stack: Frame[] = [{ value: blueprint, depth: 0, pointer: '' }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, depth, pointer } = frame;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BLUEPRINT_NESTING) {
      return {
        severity: 'error',
        code: 'too-deep',
        pointer,
        message: `the blueprint nests deeper than ${MAX_BLUEPRINT_NESTING} levels here`,
        hint: 'flatten the routes or the mapped value; exports from Make nest a few dozen levels',
      };
    }
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, pointer: `${pointer}/${escapePointer(String(key))}` });
    }
  }
  return undefined;
}
