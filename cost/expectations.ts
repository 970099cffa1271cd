/**
 * The cost expectation of test files (`expect.maxCreditsPerMonth`): the case's run, repeated as
 * often as the stated schedule runs it in a month, must stay within the budget — so CI fails when
 * a change makes a scenario more expensive. The test runner calls `checkCostExpectations` from its
 * list of checkers (test-runner/expectations/index.ts).
 */
import type { CheckContext } from '../test-runner/expectations/check-context.ts';
import type { Failure } from '../test-runner/types.ts';
import { monthly, type RunsBasis } from './monthly.ts';
import { type CalendarMonth, parseEvery } from './schedule.ts';

/**
 * A budget must hold in every month, so it is checked against a 31-day month (January 2025, UTC):
 * `every: "15m"` means 2,976 runs. Fixed, so a test does not pass in June and fail in July.
 */
export const BUDGET_MONTH: CalendarMonth = { year: 2025, month: 1, timezone: 'UTC' };

export function checkCostExpectations({ expect, record, scenario }: CheckContext): Failure[] {
  const budget = expect.maxCreditsPerMonth;
  if (budget === undefined) return [];
  const basis = basisOf(budget);
  if (typeof basis === 'string') return [{ path: 'maxCreditsPerMonth', expected: budget, message: basis }];
  // Instant triggers run once per event; a case with several events ran several cycles.
  const perEvent = scenario.instant && record.cycles > 1 ? record.cycles : 1;
  const credits = record.centicredits / 100 / perEvent;
  const operations = record.operations / perEvent;
  const month = monthly({
    basis,
    perRun: {
      operations,
      credits,
      creditsRange: { min: credits, max: credits },
      emptyCheckCredits: 0,
      emptyCheckOperations: 0,
    },
    polling: false,
  });
  if (month.credits <= budget.credits) return [];
  return [
    {
      path: 'maxCreditsPerMonth',
      expected: budget.credits,
      actual: month.credits,
      message: `${month.runs.toLocaleString('en-US')} runs a month × ${credits} credits = ${month.credits.toLocaleString('en-US')} credits, more than the allowed ${budget.credits.toLocaleString('en-US')}`,
    },
  ];
}

type Budget = NonNullable<CheckContext['expect']['maxCreditsPerMonth']>;

/** The stated schedule, or a message saying what to state. */
function basisOf(budget: Budget): RunsBasis | string {
  const stated = [budget.every, budget.runsPerMonth, budget.webhooksPerDay].filter(
    (v) => v !== undefined,
  ).length;
  if (stated !== 1)
    return 'maxCreditsPerMonth needs exactly one of "every" (e.g. "15m"), "runsPerMonth" or "webhooksPerDay"';
  if (budget.runsPerMonth !== undefined) return { kind: 'runs-per-month', runs: budget.runsPerMonth };
  if (budget.webhooksPerDay !== undefined)
    return { kind: 'webhooks-per-day', perDay: budget.webhooksPerDay, month: BUDGET_MONTH };
  const interval = parseEvery(budget.every ?? '');
  if (interval === undefined)
    return `maxCreditsPerMonth.every must be a duration such as "15m" or "1h", got "${budget.every}"`;
  return { kind: 'schedule', scheduling: { type: 'indefinitely', interval }, month: BUDGET_MONTH };
}
