/** Cost test helpers: the hand-costed fixture blueprints, loaded with the real modules and run offline. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../config/load-config.ts';
import type { MeasuredRun } from '../../../cost/measure.ts';
import { measureInputs } from '../../../cost/measure.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { loadScenario } from '../../../engine/index.ts';
import type { Mocks } from '../../../engine/registry/mocks.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixturePath(name: string): string {
  return `${fixturesDir}${name}`;
}

export function loadFixture(name: string): Scenario {
  const raw: unknown = JSON.parse(readFileSync(fixturePath(`${name}.blueprint.json`), 'utf8'));
  return loadScenario(raw, { registry: new ModuleRegistry(builtinModules), source: name });
}

export const mocks = JSON.parse(readFileSync(fixturePath('mocks.json'), 'utf8')) as Mocks;

const config = parseConfig({ database: ':memory:' }, { root: fixturesDir });

/** One measured run per input, with the fixtures' mocks. */
export function measure(scenario: Scenario, ...inputs: unknown[]): Promise<MeasuredRun[]> {
  return measureInputs({
    scenario,
    inputs: inputs.map((input, i) => ({ name: `run ${i + 1}`, input })),
    mocks,
    config,
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

/** `n` trigger bundles `{ i }`, optionally with extra fields per bundle. */
export function bundles(
  n: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({ i, ...extra(i) }));
}
