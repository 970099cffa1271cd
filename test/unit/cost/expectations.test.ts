/** `expect.maxCreditsPerMonth` in test files: the case's run × the stated schedule's runs in a 31-day month. */
import { describe, expect, it } from 'vitest';
import { checkCostExpectations } from '../../../cost/expectations.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../../../engine/runtime/record.ts';
import type { Expectations } from '../../../test-runner/types.ts';
import { bundles, loadFixture, measure } from './helpers.ts';

async function thirtyOne(): Promise<{ scenario: Scenario; record: ExecutionRecord }> {
  const scenario = loadFixture('thirty-one');
  const [run] = await measure(scenario, bundles(10));
  if (!run) throw new Error('no run');
  return { scenario, record: run.record };
}

function check(ctx: { scenario: Scenario; record: ExecutionRecord }, expect: Expectations) {
  return checkCostExpectations({ ...ctx, expect, httpRequests: [], storeContents: () => undefined });
}

describe('maxCreditsPerMonth', () => {
  it('passes when the monthly credits stay within the budget', async () => {
    // 31 credits per run × 2,976 runs (every 15 min in a 31-day month) = 92,256.
    expect(check(await thirtyOne(), { maxCreditsPerMonth: { credits: 92_256, every: '15m' } })).toEqual([]);
  });

  it('fails, with both numbers, when the schedule makes the run too expensive', async () => {
    const failures = check(await thirtyOne(), { maxCreditsPerMonth: { credits: 92_255, every: '15m' } });
    expect(failures).toEqual([
      expect.objectContaining({ path: 'maxCreditsPerMonth', expected: 92_255, actual: 92_256 }),
    ]);
  });

  it('accepts runs per month and webhooks per day as the stated schedule', async () => {
    const ctx = await thirtyOne();
    // 100 runs × 31 = 3,100; 10 webhooks a day × 31 days × 31 = 9,610.
    expect(check(ctx, { maxCreditsPerMonth: { credits: 3_099, runsPerMonth: 100 } })).toHaveLength(1);
    expect(check(ctx, { maxCreditsPerMonth: { credits: 9_610, webhooksPerDay: 10 } })).toEqual([]);
  });

  it('asks for a schedule when none or several are stated', async () => {
    const ctx = await thirtyOne();
    expect(check(ctx, { maxCreditsPerMonth: { credits: 10 } })[0]?.path).toBe('maxCreditsPerMonth');
    expect(check(ctx, { maxCreditsPerMonth: { credits: 10, every: 'often' } })[0]?.path).toBe(
      'maxCreditsPerMonth',
    );
  });

  it('checks nothing when the test states no budget', async () => {
    expect(check(await thirtyOne(), {})).toEqual([]);
  });
});
