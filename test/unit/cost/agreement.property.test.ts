/**
 * Property: whatever the trigger brings (any number of bundles, any mix of route kinds, any line
 * counts), the model calibrated by the run reproduces the run's operations module by module.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../cost/calibration.ts';
import { modelScenario } from '../../../cost/model.ts';
import { loadFixture, measure } from './helpers.ts';

async function agrees(name: string, input: unknown): Promise<void> {
  const scenario = loadFixture(name);
  const runs = await measure(scenario, input);
  const model = modelScenario(scenario, { calibration: calibrate(runs.map((r) => r.record)) });
  const record = runs[0]?.record;
  for (const m of model.modules) {
    expect(m.operations).toBeCloseTo(record?.modules.find((x) => x.id === m.id)?.operations ?? -1, 9);
  }
}

describe('model agrees with any measured run', () => {
  it('through a router with a fallback route', async () => {
    const kind = fc.constantFrom('a', 'b', 'c');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kind }), { maxLength: 12 }), (rows) => agrees('router', rows)),
      { numRuns: 25 },
    );
  });

  it('through an iterator and an aggregator', async () => {
    const lines = fc.array(fc.integer(), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ lines }), { maxLength: 6 }), (rows) =>
        agrees('aggregator', rows),
      ),
      { numRuns: 25 },
    );
  });

  it('through an If-else and its Merge', async () => {
    const kind = fc.constantFrom('a', 'b');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kind }), { maxLength: 12 }), (rows) => agrees('if-else', rows)),
      { numRuns: 25 },
    );
  });
});
