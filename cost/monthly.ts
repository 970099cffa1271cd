/**
 * Credits per month = runs per month × credits per run — https://help.make.com/operations (a trigger costs 1
 * credit per check even when it finds nothing), https://help.make.com/schedule-a-scenario (scheduling). A
 * polling trigger's scheduled checks that find no new data still pay the trigger (empty checks); instant
 * triggers run once per event.
 */
import { monthLabel } from './calendar-month.ts';
import { type CalendarMonth, daysInMonth, runsInMonth, type Scheduling } from './schedule.ts';

export type RunsBasis =
  | { kind: 'schedule'; scheduling: Scheduling; month: CalendarMonth }
  | { kind: 'runs-per-month'; runs: number; month?: CalendarMonth }
  | { kind: 'webhooks-per-day'; perDay: number; month: CalendarMonth };

export interface PerRun {
  operations: number;
  credits: number;
  creditsRange: { min: number; max: number };
  /** Credits of a run whose trigger finds nothing: the trigger alone. */
  emptyCheckCredits: number;
  emptyCheckOperations: number;
}

export interface MonthlyOptions {
  basis: RunsBasis;
  perRun: PerRun;
  /** Polling trigger: scheduled runs are checks, and some find nothing. */
  polling: boolean;
  /** Share of checks that find new data (polling only); default 1 = every check, the upper bound. */
  dataRate?: number;
}

export interface Monthly {
  basis: RunsBasis['kind'];
  /** `2026-12`, when a calendar month was used. */
  month: string | undefined;
  runs: number;
  runsWithData: number;
  emptyRuns: number;
  operations: number;
  credits: number;
  creditsRange: { min: number; max: number };
  /** What the empty checks alone cost (the floor of a polling scenario). */
  emptyCheckCredits: number;
  /** Seconds between runs, for interval schedules (plan minimums). */
  intervalSeconds: number | undefined;
  dataRate: number;
}

export function monthlyRuns(basis: RunsBasis): number {
  switch (basis.kind) {
    case 'schedule':
      return runsInMonth(basis.scheduling, basis.month);
    case 'runs-per-month':
      return basis.runs;
    case 'webhooks-per-day':
      return basis.perDay * daysInMonth(basis.month);
  }
}

export function monthly(options: MonthlyOptions): Monthly {
  const { basis, perRun } = options;
  const runs = monthlyRuns(basis);
  const dataRate = options.polling ? Math.min(1, Math.max(0, options.dataRate ?? 1)) : 1;
  const runsWithData = Math.round(runs * dataRate);
  const emptyRuns = runs - runsWithData;
  const emptyCredits = emptyRuns * perRun.emptyCheckCredits;
  return {
    basis: basis.kind,
    month: 'month' in basis && basis.month ? monthLabel(basis.month) : undefined,
    runs,
    runsWithData,
    emptyRuns,
    operations: runsWithData * perRun.operations + emptyRuns * perRun.emptyCheckOperations,
    credits: runsWithData * perRun.credits + emptyCredits,
    creditsRange: {
      min: runsWithData * perRun.creditsRange.min + emptyCredits,
      max: runsWithData * perRun.creditsRange.max + emptyCredits,
    },
    emptyCheckCredits: emptyCredits,
    intervalSeconds:
      basis.kind === 'schedule' && basis.scheduling.type === 'indefinitely'
        ? (basis.scheduling.interval ?? 900)
        : undefined,
    dataRate,
  };
}
