/** Make's plans as sold (cost/plans.json): tiers, extra credits at Make's surcharge, limits, schema. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findPlan,
  fitPlan,
  type PlanTable,
  PlanTableError,
  planTable,
  readPlanTable,
} from '../../../cost/plans.ts';
import { planTableProblems } from '../../../cost/plans-schema.ts';

const table = planTable();

function plan(id: string) {
  const found = findPlan(table, id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
}

const usage = (creditsPerMonth: number | null, extra: object = {}) => ({
  creditsPerMonth,
  creditsPerRun: 4,
  ...extra,
});

describe('the plan table', () => {
  it('gives every price a listed source, and a reason wherever Make did not confirm it', () => {
    expect(planTableProblems(table)).toEqual([]);
    for (const p of table.plans)
      for (const t of p.tiers)
        for (const figure of [t.monthly, t.yearly]) {
          if (!figure) continue;
          expect(table.sources[figure.source]?.url).toMatch(/^https:\/\//);
          if (!figure.confirmed) expect(figure.reason).toBeTruthy();
        }
  });

  it("carries the 2026-05 monthly prices ($12 / $21 / $38 for 10,000 credits) and Make's 25 % surcharge", () => {
    expect(['core', 'pro', 'teams'].map((id) => plan(id).tiers[0]?.monthly.price)).toEqual([12, 21, 38]);
    expect(plan('core').tiers[0]?.credits).toBe(10_000);
    expect(table.extraCredits).toMatchObject({ surcharge: 0.25, unit: 1000, confirmed: true });
    expect(table.sources[table.extraCredits.source]?.url).toBe('https://help.make.com/extra-credits');
  });

  it('prices each paid plan billed yearly 15 % below billed monthly, and says the figure is derived', () => {
    for (const id of ['core', 'pro', 'teams']) {
      const tier = plan(id).tiers[0];
      const monthly = tier?.monthly.price ?? Number.NaN;
      expect(tier?.yearly?.price).toBeCloseTo(monthly * 0.85, 2);
      expect(tier?.yearly).toMatchObject({ confirmed: false, source: 'community-annual-discount' });
      expect(tier?.yearly?.reason).toMatch(/derived/i);
    }
  });
});

describe('fitting a month to a plan', () => {
  it('names the smallest tier that covers the credits, with its headroom', () => {
    const fit = fitPlan(plan('core'), usage(7_500), table);
    expect(fit).toMatchObject({ fits: true, tier: { credits: 10_000 }, extraCredits: null, monthlyCost: 12 });
    expect(fit.headroom).toBeCloseTo(0.25);
  });

  it('prices extra credits in units of 1,000 at the tier price per credit plus 25 %', () => {
    // 12,500 on Core: 3,000 extra (units of 1,000) × $12/10,000 × 1.25 = $4.50; $16.50 a month.
    const fit = fitPlan(plan('core'), usage(12_500), table);
    expect(fit.extraCredits).toEqual({ credits: 3000, cost: 4.5 });
    expect(fit.monthlyCost).toBe(16.5);
    expect(fit.fits).toBe(true);
  });

  it('never advises Free to buy extra credits', () => {
    const fit = fitPlan(plan('free'), usage(1001), table);
    expect(fit.fits).toBe(false);
    expect(fit.extraCredits).toBeNull();
    expect(fit.warnings.map((w) => w.code)).toEqual(['no-extra-credits']);
  });

  it('gives no verdict without a volume, only how many runs the smallest tier allows', () => {
    // 4 credits a run: Free's 1,000 allow 250, Core's 10,000 allow 2,500.
    expect(fitPlan(plan('free'), usage(null), table)).toMatchObject({ fits: null, runsAllowed: 250 });
    expect(fitPlan(plan('core'), usage(null), table)).toMatchObject({ fits: null, runsAllowed: 2500 });
  });

  it('warns when the interval is below the plan minimum or a run is too long', () => {
    expect(fitPlan(plan('free'), usage(10, { intervalSeconds: 300 }), table).warnings[0]?.code).toBe(
      'interval-below-minimum',
    );
    expect(fitPlan(plan('core'), usage(10, { intervalSeconds: 300 }), table).fits).toBe(true);
    expect(fitPlan(plan('free'), usage(10, { longestRunMinutes: 6 }), table).warnings[0]?.code).toBe(
      'execution-time-exceeded',
    );
  });

  it('has no verdict for negotiated Enterprise', () => {
    expect(fitPlan(plan('enterprise'), usage(5_000_000), table).fits).toBeNull();
  });
});

describe('your own plan table (--plans)', () => {
  const write = (value: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'makesim-plans-')), 'plans.json');
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it('is read and used for the tiers it lists', () => {
    const own: PlanTable = structuredClone(table);
    own.plans = [
      {
        ...plan('core'),
        tiers: [
          ...plan('core').tiers,
          {
            credits: 40_000,
            monthly: { price: 34, source: 'pricing-copy-2026-05', confirmed: false, reason: 'quoted to us' },
          },
        ],
      },
    ];
    const read = readPlanTable(write(own));
    expect(fitPlan(read.plans[0] as never, usage(25_000), read)).toMatchObject({
      tier: { credits: 40_000 },
      monthlyCost: 34,
      extraCredits: null,
    });
  });

  it('is rejected with a JSON pointer to each problem', () => {
    const bad = structuredClone(table) as unknown as { plans: Array<Record<string, unknown>> };
    (bad.plans[1] as { tiers: Array<{ credits: unknown }> }).tiers[0] = { credits: -5 } as never;
    bad.plans[0] = { ...bad.plans[0], colour: 'red' };
    try {
      readPlanTable(write(bad));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanTableError);
      const message = (error as Error).message;
      expect(message).toContain('/plans/1/tiers/0/credits: must be >= 1');
      expect(message).toContain("/plans/1/tiers/0: must have required property 'monthly'");
      expect(message).toContain('/plans/0: must NOT have additional properties "colour"');
    }
  });

  it('rejects a price whose source is not listed, and an unconfirmed price without a reason', () => {
    const bad = structuredClone(table);
    const tier = bad.plans[1]?.tiers[0];
    if (!tier) throw new Error('no tier');
    tier.monthly = { price: 9, source: 'a-blog', confirmed: true };
    expect(planTableProblems(bad)).toEqual([
      '/plans/1/tiers/0/monthly/source: "a-blog" is not a key of /sources',
    ]);
    tier.monthly = { price: 9, source: 'pricing-copy-2026-05', confirmed: false };
    expect(planTableProblems(bad)[0]).toContain(
      "/plans/1/tiers/0/monthly: must have required property 'reason'",
    );
  });
});
