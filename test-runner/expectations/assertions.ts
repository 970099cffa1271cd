/** Free assertions: jsonata expressions over the execution record, each must be exactly `true`. */
import { createRequire } from 'node:module';
import type jsonataType from 'jsonata';
import { show } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

/**
 * Parsed expressions by source: a file's cases repeat the same assertions, and parsing one cost
 * more than evaluating it (issue 14 §4). jsonata 2 evaluates each call in a frame of its own, so
 * one parsed expression serves cases in flight at once. Bounded, oldest first out.
 */
const parsed = new Map<string, jsonataType.Expression>();
const MAX_PARSED = 512;

/**
 * jsonata loads with the first assertion, through require: imported, its CommonJS entry was
 * scanned by Node's export lexer (~20 ms) at the start of every test worker thread and every
 * command, asserting or not (bench/test-workers.bench.ts).
 */
const require = createRequire(import.meta.url);
let jsonata: typeof jsonataType | undefined;

function expression(source: string): jsonataType.Expression {
  let compiled = parsed.get(source);
  if (compiled === undefined) {
    jsonata ??= require('jsonata') as typeof jsonataType;
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
