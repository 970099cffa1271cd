/**
 * The per-run model on blueprints whose cost is known by hand (https://help.make.com/operations counting
 * rules, docs/cost.md). Expected numbers are worked out in each test's comment from the rules, not read from
 * the program.
 */
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../cost/calibration.ts';
import { modelScenario } from '../../../cost/model.ts';
import { bundles, loadFixture, measure } from './helpers.ts';

const items = (pairs: Record<string, number>) => new Map(Object.entries(pairs));

function ops(model: ReturnType<typeof modelScenario>, id: number): number | undefined {
  return model.modules.find((m) => m.id === id)?.operations;
}

describe('cost model', () => {
  it('prices the worked example of https://help.make.com/operations: 10 trigger bundles and three modules are 31 operations', () => {
    // https://help.make.com/operations: 1 for the trigger + 3 modules × 10 bundles.
    const model = modelScenario(loadFixture('thirty-one'), { items: items({ 1: 10 }) });
    expect(model.operations).toBe(31);
    expect(model.credits).toBe(31);
    expect(ops(model, 2)).toBe(10);
  });

  it('multiplies the modules after an iterator by the --items size', () => {
    // trigger 1 + iterator 1 (one split) + 5 items × 1 action = 7.
    const model = modelScenario(loadFixture('iterator'), { items: items({ 2: 5 }) });
    expect(model.operations).toBe(7);
    expect(model.modules.find((m) => m.id === 3)?.formula).toBe('bundles(1) × items(2)');
  });

  it('scales a filtered module and everything after it by the --pass rate', () => {
    // 10 bundles; filter on module 2 lets 30 % through: 1 + 3 + 3 = 7.
    const model = modelScenario(loadFixture('filter'), { items: items({ 1: 10 }), pass: items({ 2: 0.3 }) });
    expect(ops(model, 2)).toBe(3);
    expect(ops(model, 3)).toBe(3);
    expect(model.operations).toBe(7);
  });

  it('sends bundles down every passing route and the fallback only when none matched', () => {
    // 10 bundles; route 1 passes 50 %, route 2 passes 20 % (2 modules), fallback gets
    // 10 × (1 − 0.5) × (1 − 0.2) = 4; router itself is free: 1 + 5 + 2 + 2 + 4 = 14.
    const model = modelScenario(loadFixture('router'), {
      items: items({ 1: 10 }),
      pass: items({ 3: 0.5, 4: 0.2 }),
    });
    expect(ops(model, 2)).toBe(0);
    expect(ops(model, 6)).toBe(4);
    expect(model.operations).toBe(14);
  });

  it('charges an aggregator once per operation of its feeder', () => {
    // 2 trigger bundles, 3 lines each: 1 + 2 splits + 6 actions + 2 aggregations + 2 after = 13.
    const model = modelScenario(loadFixture('aggregator'), { items: items({ 1: 2, 2: 3 }) });
    expect(ops(model, 4)).toBe(2);
    expect(ops(model, 5)).toBe(2);
    expect(model.operations).toBe(13);
  });

  it('costs an empty polling check the trigger alone', () => {
    // A trigger costs 1 even when it finds nothing; nothing after it runs (https://help.make.com/operations).
    const model = modelScenario(loadFixture('thirty-one'), { items: items({ 1: 0 }) });
    expect(model.operations).toBe(1);
    expect(model.credits).toBe(1);
  });

  it('measures an empty polling check as 1 operation, and the calibrated model agrees', async () => {
    const scenario = loadFixture('thirty-one');
    const runs = await measure(scenario, []);
    expect(runs[0]?.record.operations).toBe(1);
    expect(modelScenario(scenario, { calibration: calibrate(runs.map((r) => r.record)) }).operations).toBe(1);
  });

  it('counts If-else and Merge operations without credits and runs exactly one branch', () => {
    // 4 bundles, first condition passes 25 %: branch 1 gets 1, else gets 3; If-else 4 ops and Merge
    // 4 ops but no credits (https://help.make.com/if-else-and-merge). Ops 1 + 4 + 1 + 3 + 4 + 4 = 17; credits
    // 1 + 1 + 3 + 4 = 9.
    const model = modelScenario(loadFixture('if-else'), {
      items: items({ 1: 4 }),
      pass: items({ '2.1': 0.25 }),
    });
    expect(ops(model, 3)).toBe(1);
    expect(ops(model, 4)).toBe(3);
    expect(model.operations).toBe(17);
    expect(model.credits).toBe(9);
  });

  it('reports a usage-billed AI module as a range with its assumption', () => {
    // 3 rows × AI agent at 1–10 credits each, plus the trigger's 1: 4–31.
    const model = modelScenario(loadFixture('ai-agent'), { items: items({ 1: 3 }) });
    expect(model.creditsRange).toEqual({ min: 4, max: 31 });
    expect(model.modules.find((m) => m.id === 2)?.usage?.assumption).toMatch(/token/);
  });

  it('lets --usage override the assumed range', () => {
    const model = modelScenario(loadFixture('ai-agent'), {
      items: items({ 1: 3 }),
      usage: { 'ai-agent': { min: 2, max: 2 } },
    });
    expect(model.creditsRange).toEqual({ min: 7, max: 7 });
  });

  it('takes iterator sizes and pass rates from a measured run when one exists', async () => {
    // Measured: 4 rows, 2 paid → pass(2) = 0.5; the model then reproduces 1 + 2 + 2 = 5.
    const scenario = loadFixture('filter');
    const runs = await measure(
      scenario,
      bundles(4, (i) => ({ paid: i % 2 === 0 ? 'yes' : 'no' })),
    );
    const model = modelScenario(scenario, { calibration: calibrate(runs.map((r) => r.record)) });
    expect(model.factors.find((f) => f.name === 'pass(2)')).toMatchObject({ value: 0.5, source: 'measured' });
    expect(model.operations).toBe(5);
  });

  it('prefers a rate set on the command line over the measured one', async () => {
    const scenario = loadFixture('filter');
    const runs = await measure(
      scenario,
      bundles(4, () => ({ paid: 'yes' })),
    );
    const model = modelScenario(scenario, {
      pass: items({ 2: 0 }),
      calibration: calibrate(runs.map((r) => r.record)),
    });
    expect(model.operations).toBe(1);
  });
});
