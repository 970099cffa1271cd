/**
 * `when` on a mock response (DESIGN.md "Mocks"): a deep-partial object matched against the
 * module's mapped input, as `toMatchObject` does (objects may hold more keys, arrays must have
 * the same length, dates compare with their ISO text), or a jsonata expression over the input
 * whose result must be `true`. Expressions are compiled once per text.
 */
import { createRequire } from 'node:module';
import type jsonataType from 'jsonata';

type Expression = ReturnType<typeof jsonataType>;

/**
 * jsonata is loaded the first time a mock's `when` is an expression, not when the engine is
 * imported: it costs about 10 MB of memory (issue 14 §5, bench/engine.bench.ts W2 peak RSS)
 * and most runs never use it. Its entry is CommonJS, so it loads synchronously.
 */
const require = createRequire(import.meta.url);
let jsonataLibrary: typeof jsonataType | undefined;

function jsonata(text: string): Expression {
  jsonataLibrary ??= require('jsonata') as typeof jsonataType;
  return jsonataLibrary(text);
}

export type When = Record<string, unknown> | string;

export function matchesPartial(pattern: unknown, actual: unknown): boolean {
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(actual) &&
      actual.length === pattern.length &&
      pattern.every((item, i) => matchesPartial(item, actual[i]))
    );
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(pattern).every(([key, value]) =>
      value === undefined ? true : Object.hasOwn(record, key) && matchesPartial(value, record[key]),
    );
  }
  if (actual instanceof Date) return typeof pattern === 'string' && actual.toISOString() === pattern;
  return Object.is(pattern, actual) || (pattern === 0 && actual === 0);
}

export class WhenMatcher {
  readonly #compiled = new Map<string, Expression>();

  /** Whether the input satisfies `when`; a jsonata `when` answers asynchronously. */
  matches(when: When, input: Record<string, unknown>): boolean | Promise<boolean> {
    if (typeof when !== 'string') return matchesPartial(when, input);
    return Promise.resolve(this.#expression(when).evaluate(input)).then((result) => result === true);
  }

  #expression(text: string): Expression {
    let expression = this.#compiled.get(text);
    if (!expression) {
      try {
        expression = jsonata(text);
      } catch (error) {
        const message = (error as { message?: string }).message ?? String(error);
        throw new SyntaxError(
          `the mock's "when" expression ${JSON.stringify(text)} is not valid jsonata: ${message}`,
        );
      }
      this.#compiled.set(text, expression);
    }
    return expression;
  }
}
