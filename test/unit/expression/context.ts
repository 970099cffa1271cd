import type { FunctionSpec } from '../../../engine/expression/functions/types.ts';
import type { EvalContext } from '../../../engine/expression/types.ts';

/** An EvalContext over fixed bundles, for unit tests. */
export function evalContext(
  bundles: Record<number, unknown> = {},
  overrides: Partial<EvalContext> = {},
): EvalContext {
  return {
    output: (id) => bundles[id],
    vars: {},
    now: new Date('2024-01-15T10:30:00.000Z'),
    timezone: 'UTC',
    executionId: 'exec-1',
    random: () => 0.5,
    uuid: () => 'uuid-1',
    ...overrides,
  };
}

/** A tiny catalogue so that the compiler can be tested without the real one. */
export const testFunctions: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['upper', { name: 'upper', minArgs: 1, maxArgs: 1, impl: ([s]) => String(s ?? '').toUpperCase() }],
  ['join', { name: 'join', minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, impl: (args) => args.join('|') }],
  ['zone', { name: 'zone', minArgs: 0, maxArgs: 0, impl: (_args, ctx) => ctx.timezone }],
  [
    'boom',
    {
      name: 'boom',
      minArgs: 0,
      maxArgs: 0,
      impl: () => {
        throw new TypeError('kaput');
      },
    },
  ],
]);
