/** Free assertions: jsonata expressions over the execution record, each must be exactly `true`. */
import jsonata from 'jsonata';
import { show } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

export async function checkAssertions({ expect, record }: CheckContext): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const [i, source] of (expect.assert ?? []).entries()) {
    const path = `assert[${i}]`;
    let result: unknown;
    try {
      result = await jsonata(source).evaluate(record);
    } catch (error) {
      const detail = error as { message?: string; position?: number };
      const where = detail.position === undefined ? '' : ` at position ${detail.position}`;
      failures.push({
        path,
        message: `jsonata expression "${source}" is invalid${where}: ${detail.message ?? String(error)}`,
      });
      continue;
    }
    if (result !== true) {
      failures.push({
        path,
        expected: true,
        actual: result,
        message: `"${source}" is ${show(result)}, expected true`,
      });
    }
  }
  return failures;
}
