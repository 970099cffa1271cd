/** `expect.fakes`: deep partial match of each fake's state after the run (docs/testing.md "Fakes"). */
import { matchPartial } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

export function checkFakes(ctx: CheckContext): Failure[] {
  const expected = ctx.expect.fakes;
  if (!expected) return [];
  const actual = ctx.fakeContents?.() ?? {};
  const failures: Failure[] = [];
  for (const [name, state] of Object.entries(expected)) {
    const path = `fakes.${name}`;
    if (!Object.hasOwn(actual, name)) {
      failures.push({
        path,
        message: `the case seeds no fake "${name}": add it under "fakes" (an empty seed {} is enough)`,
      });
      continue;
    }
    failures.push(...matchPartial(state, actual[name], path));
  }
  return failures;
}
