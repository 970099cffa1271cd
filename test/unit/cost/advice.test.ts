/** Advice: the standard fixes, each with the saving the model computes (worked out by hand below). */
import { describe, expect, it } from 'vitest';
import { advise, dominantModules } from '../../../cost/advice.ts';
import { modelScenario } from '../../../cost/model.ts';
import { monthly } from '../../../cost/monthly.ts';
import { loadFixture } from './helpers.ts';

const rates = (pairs: Record<string, number>) => new Map(Object.entries(pairs));
const november = { year: 2026, month: 11, timezone: 'UTC' };
const every15 = { type: 'indefinitely' as const, interval: 900 };

function perRunOf(model: ReturnType<typeof modelScenario>) {
  return {
    operations: model.operations,
    credits: model.credits,
    creditsRange: model.creditsRange,
    emptyCheckCredits: 1,
    emptyCheckOperations: 1,
  };
}

describe('advice', () => {
  it('suggests filtering before a module the filter does not read, saving what that module would not run', () => {
    // 10 rows, 20 % paid: Slack [2] runs 10 times, but only 2 would reach it if the filter came first: saves 8.
    const scenario = loadFixture('late-filter');
    const model = modelScenario(scenario, { items: rates({ 1: 10 }), pass: rates({ 3: 0.2 }) });
    const advice = advise({ scenario, model, polling: true });
    expect(advice.find((a) => a.code === 'filter-earlier')).toMatchObject({
      moduleIds: [3, 2],
      savingPerRun: 8,
    });
  });

  it('does not suggest moving a filter before a module whose output it reads', () => {
    const scenario = loadFixture('late-filter-needed');
    const model = modelScenario(scenario, { items: rates({ 1: 10 }), pass: rates({ 3: 0.2 }) });
    expect(advise({ scenario, model, polling: true }).map((a) => a.code)).not.toContain('filter-earlier');
  });

  it('suggests batching an app call made once per item, saving all but one aggregation and one call', () => {
    // 5 items → 5 Slack calls; batched: 1 aggregation + 1 call per iterator operation = 2: saves 3.
    const scenario = loadFixture('iterator');
    const model = modelScenario(scenario, { items: rates({ 2: 5 }) });
    expect(
      advise({ scenario, model, polling: true }).find((a) => a.code === 'batch-with-aggregator'),
    ).toMatchObject({ savingPerRun: 3 });
  });

  it('prices a longer interval and a webhook trigger by the checks they remove', () => {
    // November every 15 min: 2,880 checks; every 30 min: 1,440 → 1,440 fewer checks at 1 credit.
    // 10 % of checks find data → 2,592 empty checks a webhook would not make.
    const scenario = loadFixture('thirty-one');
    const model = modelScenario(scenario, { items: rates({ 1: 10 }) });
    const basis = { kind: 'schedule' as const, scheduling: every15, month: november };
    const month = monthly({ basis, perRun: perRunOf(model), polling: true, dataRate: 0.1 });
    const advice = advise({
      scenario,
      model,
      monthly: month,
      scheduling: every15,
      month: november,
      polling: true,
    });
    expect(advice.find((a) => a.code === 'lengthen-interval')?.savingPerMonth).toBe(1440);
    expect(advice.find((a) => a.code === 'webhook-instead-of-polling')?.savingPerMonth).toBe(2592);
  });

  it('names the modules that carry most of the credits', () => {
    // 1 + 3 × 10: each action carries 10 of 31 credits (32 %); the trigger 1 (3 %) is not dominant.
    const model = modelScenario(loadFixture('thirty-one'), { items: rates({ 1: 10 }) });
    expect(dominantModules(model).map((d) => d.id)).toEqual([2, 3, 4]);
  });
});
