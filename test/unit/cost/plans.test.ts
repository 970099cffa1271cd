/** Which Make plans a monthly usage fits (cost/plans.json; spec §3.4 limits). */
import { describe, expect, it } from 'vitest';
import { findPlan, fitPlan, planTable } from '../../../cost/plans.ts';

function plan(id: string) {
  const found = findPlan(id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
}

describe('plans', () => {
  it('is dated and names its sources and what is unconfirmed', () => {
    const table = planTable();
    expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(table.sources.length).toBeGreaterThan(0);
    expect(table.unconfirmed.length).toBeGreaterThan(0);
    expect(table.plans.map((p) => p.id)).toEqual(['free', 'core', 'pro', 'teams', 'enterprise']);
  });

  it('fits a usage within the credits and reports the headroom', () => {
    // Free has 1,000 credits (HC data-stores): 750 leaves 25 %.
    const fit = fitPlan(plan('free'), { creditsPerMonth: 750 });
    expect(fit.fits).toBe(true);
    expect(fit.headroom).toBeCloseTo(0.25);
  });

  it('warns when the credits exceed the plan', () => {
    expect(fitPlan(plan('free'), { creditsPerMonth: 1001 }).warnings.map((w) => w.code)).toEqual([
      'credits-exceeded',
    ]);
  });

  it('warns when the interval is below the plan minimum', () => {
    // Free: 15 minutes minimum; paid plans: 1 minute.
    expect(
      fitPlan(plan('free'), { creditsPerMonth: 10, intervalSeconds: 300 }).warnings.map((w) => w.code),
    ).toEqual(['interval-below-minimum']);
    expect(fitPlan(plan('core'), { creditsPerMonth: 10, intervalSeconds: 300 }).fits).toBe(true);
  });

  it('warns when a run takes longer than the plan allows', () => {
    // Free stops runs after 5 minutes, paid plans after 40.
    expect(
      fitPlan(plan('free'), { creditsPerMonth: 10, longestRunMinutes: 6 }).warnings.map((w) => w.code),
    ).toEqual(['execution-time-exceeded']);
    expect(fitPlan(plan('core'), { creditsPerMonth: 10, longestRunMinutes: 6 }).fits).toBe(true);
  });

  it('has no headroom figure for negotiated Enterprise credits', () => {
    expect(fitPlan(plan('enterprise'), { creditsPerMonth: 5_000_000 }).headroom).toBeNull();
  });
});
