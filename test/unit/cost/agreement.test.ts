/**
 * The calibrated model and the measured count agree exactly, module by module, on every example
 * blueprint of the project (blueprints/*.test.json, every case) and on the hand-costed fixtures.
 * The model only takes rates from the measurement; the structure (products, routes, branches,
 * aggregations) is its own, so a structural mistake shows up as a mismatch.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../cost/calibration.ts';
import { type MeasuredRun, measureTestFile } from '../../../cost/measure.ts';
import { modelScenario } from '../../../cost/model.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { loadScenarioFile } from '../../../engine/index.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';
import { bundles, loadFixture, measure } from './helpers.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const examples = readdirSync(join(repoRoot, 'blueprints')).filter((f) => f.endsWith('.test.json'));

function expectAgreement(scenario: Scenario, runs: readonly MeasuredRun[]): void {
  const model = modelScenario(scenario, { calibration: calibrate(runs.map((r) => r.record)) });
  const n = runs.length;
  for (const m of model.modules) {
    const measured = runs.reduce(
      (total, r) => total + (r.record.modules.find((x) => x.id === m.id)?.operations ?? 0),
      0,
    );
    // Per-run means are fractions; over all n runs both are whole operation counts.
    expect({ id: m.id, operations: Math.round(m.operations * n * 1e6) / 1e6 }).toEqual({
      id: m.id,
      operations: measured,
    });
  }
  const total = runs.reduce((sum, r) => sum + r.record.centicredits / 100, 0) / n;
  expect(model.credits).toBeCloseTo(total, 6);
}

describe('model and measurement agree', () => {
  it('has example blueprints to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const file of examples) {
    it(`on blueprints/${file}`, async () => {
      const path = join(repoRoot, 'blueprints', file);
      const scenario = loadScenarioFile(path.replace(/\.test\.json$/, '.blueprint.json'), {
        registry: new ModuleRegistry(builtinModules),
      });
      expectAgreement(scenario, await measureTestFile(scenario, path));
    });
  }

  const fixtures: Array<[string, unknown[]]> = [
    ['thirty-one', [bundles(10), bundles(3), []]],
    ['iterator', [{ items: [1, 2, 3, 4, 5] }, { items: [] }, { items: 'one' }]],
    ['filter', [bundles(7, (i) => ({ paid: i < 3 ? 'yes' : 'no' }))]],
    ['router', [bundles(6, (i) => ({ kind: ['a', 'b', 'c'][i % 3] })), [{ kind: 'c' }]]],
    ['aggregator', [[{ lines: [1, 2, 3] }, { lines: [] }], [{ lines: [4] }]]],
    ['if-else', [bundles(5, (i) => ({ kind: i === 0 ? 'a' : 'b' }))]],
    ['late-filter', [bundles(4, (i) => ({ paid: i === 0 ? 'yes' : 'no' }))]],
  ];
  for (const [name, inputs] of fixtures) {
    it(`on the ${name} fixture`, async () => {
      const scenario = loadFixture(name);
      expectAgreement(scenario, await measure(scenario, ...inputs));
    });
  }
});
