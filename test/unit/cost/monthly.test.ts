/**
 * Credits per month: runs × credits per run, and a polling trigger's empty checks
 * (https://help.make.com/operations, https://help.make.com/schedule-a-scenario).
 */
import { describe, expect, it } from 'vitest';
import { monthly, type PerRun } from '../../../cost/monthly.ts';

const december = { year: 2026, month: 12, timezone: 'UTC' };
const perRun: PerRun = {
  operations: 31,
  credits: 31,
  creditsRange: { min: 31, max: 31 },
  emptyCheckCredits: 1,
  emptyCheckOperations: 1,
};

describe('monthly credits', () => {
  it('multiplies the runs of the calendar month by the credits per run', () => {
    // 2,976 runs in December × 31 credits.
    const m = monthly({
      basis: { kind: 'schedule', scheduling: { type: 'indefinitely', interval: 900 }, month: december },
      perRun,
      polling: true,
    });
    expect(m.runs).toBe(2976);
    expect(m.credits).toBe(2976 * 31);
    expect(m.intervalSeconds).toBe(900);
  });

  it('charges the checks of a polling trigger that find nothing one credit each', () => {
    // 2,880 checks in November, 10 % find data: 288 × 31 + 2,592 × 1.
    const november = { ...december, month: 11 };
    const m = monthly({
      basis: { kind: 'schedule', scheduling: { type: 'indefinitely', interval: 900 }, month: november },
      perRun,
      polling: true,
      dataRate: 0.1,
    });
    expect(m.runsWithData).toBe(288);
    expect(m.emptyRuns).toBe(2592);
    expect(m.credits).toBe(288 * 31 + 2592);
    expect(m.emptyCheckCredits).toBe(2592);
  });

  it('ignores the data rate for instant triggers: each webhook is a run with data', () => {
    // 50 webhooks a day in a 31-day month.
    const m = monthly({
      basis: { kind: 'webhooks-per-day', perDay: 50, month: december },
      perRun,
      polling: false,
      dataRate: 0.1,
    });
    expect(m.runs).toBe(1550);
    expect(m.emptyRuns).toBe(0);
    expect(m.credits).toBe(1550 * 31);
  });

  it('takes a stated number of runs per month as is', () => {
    const m = monthly({
      basis: { kind: 'runs-per-month', runs: 100 },
      perRun: { ...perRun, creditsRange: { min: 20, max: 40 } },
      polling: false,
    });
    expect(m.creditsRange).toEqual({ min: 2000, max: 4000 });
  });
});
