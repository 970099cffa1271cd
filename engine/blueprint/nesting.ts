/**
 * A bound on how deeply a blueprint's JSON nests, checked without recursion before anything
 * else walks it: loading recurses into routes, branches, error routes and mapper values, and a
 * generated blueprint nested thousands deep would otherwise exhaust the call stack. Real exports
 * nest a few dozen levels (the deepest of the reference corpus: 36).
 */
import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import type { Steps } from './pace.ts';
import { escapePointer } from './scan.ts';

export const MAX_BLUEPRINT_NESTING = 1000;

/** Values walked between two pauses (pace.ts). */
const VALUES_PER_STEP = 4096;

/**
 * A value on the walk's stack. Its pointer is built only for the place reported: building one
 * string per object of a 20,000-module blueprint cost more than the walk itself.
 */
interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

/** The first place nested deeper than MAX_BLUEPRINT_NESTING, as a `too-deep` problem. */
export function* nestingProblem(blueprint: unknown): Steps<BlueprintProblem | undefined> {
  if (typeof blueprint !== 'object' || blueprint === null) return undefined;
  const stack: Frame[] = [{ value: blueprint, depth: 0, parent: undefined, key: '' }];
  let walked = 0;
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth >= MAX_BLUEPRINT_NESTING) {
      const pointer = pointerOf(frame);
      return {
        severity: 'error',
        code: 'too-deep',
        pointer,
        message: `the blueprint nests deeper than ${MAX_BLUEPRINT_NESTING} levels here`,
        hint: 'flatten the routes or the mapped value; exports from Make nest a few dozen levels',
      };
    }
    pushChildren(frame, stack);
    if (++walked % VALUES_PER_STEP === 0) yield;
  }
  return undefined;
}

/** Children in the order the walk always took (the last pushed is walked first). */
function pushChildren(frame: Frame, stack: Frame[]): void {
  const { value } = frame;
  const depth = frame.depth + 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth, parent: frame, key: i });
    }
    return;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) stack.push({ value: child, depth, parent: frame, key });
  }
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) {
    keys.push(escapePointer(String(at.key)));
  }
  return keys
    .reverse()
    .map((key) => `/${key}`)
    .join('');
}
