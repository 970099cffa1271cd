/**
 * IML conformance: every case of every file in ./cases becomes one named test
 * (Make's help: https://help.make.com/mapping; case format in case-format.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../../engine/errors/expression-error.ts';
import { MakeError } from '../../../engine/errors/make-error.ts';
import { compileFilter, compileTemplate } from '../../../engine/expression/index.ts';
import type { EvalContext } from '../../../engine/expression/types.ts';
import { type ImlCase, revive } from './case-format.ts';

const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function contextFor(c: ImlCase): EvalContext {
  const data = (revive(c.data ?? {}) ?? {}) as Record<string, unknown>;
  return {
    output: (id) => (Object.hasOwn(data, String(id)) ? data[String(id)] : undefined),
    vars: (revive(c.vars ?? {}) ?? {}) as EvalContext['vars'],
    now: new Date(c.now ?? '2024-01-15T10:30:00.000Z'),
    timezone: c.timezone ?? 'UTC',
    executionId: c.executionId ?? 'exec-0001',
    random: () => 0.25,
    uuid: () => '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  };
}

function run(c: ImlCase): unknown {
  const ctx = contextFor(c);
  if (c.condition !== undefined) {
    const problems: string[] = [];
    const filter = compileFilter({ conditions: [[c.condition]] }, '', (pointer, message) =>
      problems.push(`${pointer}: ${message}`),
    );
    if (problems.length > 0) throw new Error(`filter did not compile: ${problems.join('; ')}`);
    return filter.test(ctx);
  }
  return compileTemplate(c.template ?? '').evaluate(ctx);
}

function errorKind(error: unknown): string {
  if (error instanceof ExpressionError) return error.code;
  if (error instanceof MakeError) return error.type;
  return `unexpected ${String(error)}`;
}

for (const file of files) {
  const cases = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as ImlCase[];
  describe(file, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      if (c.expectError !== undefined) {
        let caught: unknown;
        try {
          run(c);
        } catch (error) {
          caught = error;
        }
        expect(errorKind(caught)).toBe(c.expectError);
        return;
      }
      expect(run(c)).toEqual(revive(c.expect));
    });
  });
}
