/**
 * Shared setup for the function catalogue tests: a fixed FunctionContext and a way to call a
 * function by name the way the evaluator does (`spec.impl(args, ctx)`).
 */
import { expect } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import type { FunctionContext, FunctionSpec } from '../../../../engine/expression/functions/types.ts';

export { makeErrorOf } from '../../../helpers/make-error.ts';

export const FIXED_UUID = '00000000-0000-4000-8000-000000000000';

/** A context with a fixed clock, random source and uuid; overrides replace single fields. */
export function functionContext(overrides: Partial<FunctionContext> = {}): FunctionContext {
  return {
    timezone: 'UTC',
    now: new Date('2024-01-01T00:00:00Z'),
    random: () => 0.5,
    uuid: () => FIXED_UUID,
    ...overrides,
  };
}

/** A category list (`mathFunctions`) or the merged catalogue (`functions`). */
export type Catalogue = readonly FunctionSpec[] | ReadonlyMap<string, FunctionSpec>;

export type Call = (name: string, ...args: unknown[]) => unknown;

export function findFunction(catalogue: Catalogue, name: string): FunctionSpec {
  const spec = isList(catalogue)
    ? catalogue.find((candidate) => candidate.name === name)
    : catalogue.get(name);
  if (spec === undefined) throw new Error(`function ${name} is not registered`);
  return spec;
}

function isList(catalogue: Catalogue): catalogue is readonly FunctionSpec[] {
  return Array.isArray(catalogue);
}

/** `call(name, ...args)` over one catalogue and context. */
export function callerFor(catalogue: Catalogue, ctx: FunctionContext): Call {
  return (name, ...args) => findFunction(catalogue, name).impl(args, ctx);
}

/**
 * `dataErrorOf(name, ...args)`: calls the function, expects a DataError that names it
 * (`details.function`) and returns it for further assertions.
 */
export function dataErrorThrower(call: Call): (name: string, ...args: unknown[]) => MakeError {
  return (name, ...args) => {
    try {
      call(name, ...args);
    } catch (error) {
      expect(error).toBeInstanceOf(MakeError);
      const makeError = error as MakeError;
      expect(makeError.type).toBe('DataError');
      expect(makeError.details?.function).toBe(name);
      return makeError;
    }
    throw new Error(`${name} did not throw`);
  };
}
