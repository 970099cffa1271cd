/**
 * A test suite for the test-runner benches: the example blueprints' own test files' cases,
 * repeated under new names until there are `total`, written to `dir` (one file per example).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestFile } from '../test-runner/types.ts';

const EXAMPLES = ['webhook-router', 'iterator-aggregator', 'error-handling', 'data-store'];

/** Writes the suite and returns its test files' paths. */
export function writeExampleSuite(dir: string, total: number): string[] {
  const root = resolve(import.meta.dirname, '..');
  const perFile = Math.ceil(total / EXAMPLES.length);
  return EXAMPLES.map((name) => {
    const source = JSON.parse(
      readFileSync(join(root, 'blueprints', `${name}.test.json`), 'utf8'),
    ) as TestFile;
    const cases = Array.from({ length: perFile }, (_, i) => {
      const base = source.cases[i % source.cases.length]!;
      return { ...base, name: `${base.name} #${i}` };
    });
    const path = join(dir, `${name}.test.json`);
    const blueprint = join(root, 'blueprints', `${name}.blueprint.json`);
    writeFileSync(path, JSON.stringify({ ...source, blueprint, cases }));
    return path;
  });
}
