/** Free assertions: jsonata expressions over the execution record, each must be exactly `true`. */
import jsonata from 'jsonata';
import { show } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

/**
 * Parsed expressions by source: a file's cases repeat the same assertions, and parsing one cost
 * more than evaluating it (issue 14 §4). jsonata 2 evaluates each call in a frame of its own, so
 * one parsed expression serves cases in flight at once. Bounded, oldest first out.
 */
const parsed = new Map<string, jsonata.Expression>();
const MAX_PARSED = 512;

function expression(source: string): jsonata.Expression {
  let compiled = parsed.get(source);
  if (compiled === undefined) {
    compiled = jsonata(source);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
    parsed.set(source, compiled);
  }
  return compiled;
}

export async function checkAssertions({ expect, record }: CheckContext): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const [i, source] of (expect.assert ?? []).entries()) {
    const path = `assert[${i}]`;
    let result: unknown;
    try {
      result = await expression(source).evaluate(record);
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
