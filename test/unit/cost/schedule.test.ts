/**
 * Runs per calendar month from Make's scheduling object (https://help.make.com/schedule-a-scenario), counted
 * by hand below.
 */
import { describe, expect, it } from 'vitest';
import { nextMonth, parseEvery, runsInMonth } from '../../../cost/schedule.ts';

const utc = (year: number, month: number) => ({ year, month, timezone: 'UTC' });

describe('runs per month', () => {
  it('runs every 15 minutes 2,880 times in a 30-day month and 2,976 in a 31-day month', () => {
    const every15 = { type: 'indefinitely' as const, interval: 900 };
    expect(runsInMonth(every15, utc(2026, 11))).toBe(2880); // November: 30 × 96
    expect(runsInMonth(every15, utc(2026, 12))).toBe(2976); // December: 31 × 96
    expect(runsInMonth(every15, utc(2027, 2))).toBe(2688); // February 2027: 28 × 96
  });

  it('counts a daily schedule once per day of the month', () => {
    expect(runsInMonth({ type: 'daily', time: '08:00' }, utc(2028, 2))).toBe(29); // leap February
  });

  it('counts a weekly schedule on the calendar weekdays of that month', () => {
    // December 2026 starts on a Tuesday: Mondays 7, 14, 21, 28; Wednesdays 2, 9, 16, 23, 30.
    expect(runsInMonth({ type: 'weekly', days: [1, 3], time: '09:30' }, utc(2026, 12))).toBe(9);
  });

  it('skips a day of the month that does not exist in that month', () => {
    // Workfront Fusion docs, schedule a scenario: the 31st in April is skipped.
    const monthly = { type: 'monthly' as const, days: [15, 31], time: '06:00' };
    expect(runsInMonth(monthly, utc(2026, 4))).toBe(1);
    expect(runsInMonth(monthly, utc(2026, 5))).toBe(2);
  });

  it('keeps only runs inside a time-of-day restriction', () => {
    // Hourly, restricted to 09:00–17:00 on weekdays: December 2026 has 23 weekdays × 8 hours.
    const hourly = {
      type: 'indefinitely' as const,
      interval: 3600,
      restrict: [{ days: [1, 2, 3, 4, 5], time: ['09:00', '17:00'] as [string, string] }],
    };
    expect(runsInMonth(hourly, utc(2026, 12))).toBe(184);
  });

  it('keeps only runs between the start and end dates', () => {
    const daily = {
      type: 'daily' as const,
      time: '00:00',
      between: { start: '2026-12-10T00:00:00Z', end: '2026-12-20T00:00:00Z' },
    };
    expect(runsInMonth(daily, utc(2026, 12))).toBe(10);
  });

  it('counts a one-off run only in its month, and no clock runs for on-demand or instant', () => {
    expect(runsInMonth({ type: 'once', date: '2026-12-24T10:00:00Z' }, utc(2026, 12))).toBe(1);
    expect(runsInMonth({ type: 'once', date: '2026-12-24T10:00:00Z' }, utc(2027, 1))).toBe(0);
    expect(runsInMonth({ type: 'on-demand' }, utc(2026, 12))).toBe(0);
    expect(runsInMonth({ type: 'immediately' }, utc(2026, 12))).toBe(0);
  });

  it('counts daily runs in the organization time zone across a DST change', () => {
    // Europe/Prague leaves summer time on 25 Oct 2026; a daily 02:30 run still happens 31 times.
    expect(
      runsInMonth({ type: 'daily', time: '02:30' }, { year: 2026, month: 10, timezone: 'Europe/Prague' }),
    ).toBe(31);
  });

  it('defaults to the month after now', () => {
    expect(nextMonth(new Date('2026-12-15T12:00:00Z'), 'UTC')).toEqual({
      year: 2027,
      month: 1,
      timezone: 'UTC',
    });
  });

  it('reads --every durations', () => {
    expect(parseEvery('15m')).toBe(900);
    expect(parseEvery('1h')).toBe(3600);
    expect(parseEvery('45')).toBe(2700);
    expect(parseEvery('soon')).toBeUndefined();
  });
});
