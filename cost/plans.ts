/**
 * Make's plans (cost/plans.json: dated, with sources and what is unconfirmed) and which of them
 * a monthly usage fits — spec/execution-spec.md §3.4 (limits by plan).
 */
import { readFileSync } from 'node:fs';

export interface Plan {
  id: string;
  name: string;
  /** Base tier; null = negotiated (Enterprise). */
  monthlyCredits: number | null;
  priceUsd: number | null;
  minIntervalMinutes: number;
  maxExecutionMinutes: number;
  dataStoreMbPer1000Credits: number;
}

export interface PlanTable {
  /** Date of the newest source the figures come from. */
  asOf: string;
  /** When the sources were read for this file. */
  retrieved: string;
  currency: string;
  sources: string[];
  unconfirmed: string[];
  plans: Plan[];
}

let table: PlanTable | undefined;

export function planTable(): PlanTable {
  table ??= JSON.parse(readFileSync(new URL('./plans.json', import.meta.url), 'utf8')) as PlanTable;
  return table;
}

export function findPlan(id: string): Plan | undefined {
  return planTable().plans.find((plan) => plan.id === id.toLowerCase());
}

export type PlanWarningCode = 'credits-exceeded' | 'interval-below-minimum' | 'execution-time-exceeded';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
}

export interface PlanFit {
  plan: Plan;
  fits: boolean;
  /** Share of the plan's credits left over (0.25 = 25 %); null when the plan's credits are negotiated. */
  headroom: number | null;
  warnings: PlanWarning[];
}

export interface Usage {
  creditsPerMonth: number;
  /** Seconds between scheduled runs, when the schedule is an interval. */
  intervalSeconds?: number;
  /** Longest measured run, in minutes. */
  longestRunMinutes?: number;
}

export function fitPlan(plan: Plan, usage: Usage): PlanFit {
  const warnings: PlanWarning[] = [];
  const credits = plan.monthlyCredits;
  if (credits !== null && usage.creditsPerMonth > credits) {
    warnings.push({
      code: 'credits-exceeded',
      message: `needs ${fmt(usage.creditsPerMonth)} credits a month; ${plan.name}'s base tier has ${fmt(credits)} (buy a larger tier or extra credits)`,
    });
  }
  if (usage.intervalSeconds !== undefined && usage.intervalSeconds < plan.minIntervalMinutes * 60) {
    warnings.push({
      code: 'interval-below-minimum',
      message: `runs every ${usage.intervalSeconds / 60} min; ${plan.name} allows at most every ${plan.minIntervalMinutes} min`,
    });
  }
  if (usage.longestRunMinutes !== undefined && usage.longestRunMinutes > plan.maxExecutionMinutes) {
    warnings.push({
      code: 'execution-time-exceeded',
      message: `a run took ${usage.longestRunMinutes.toFixed(1)} min; ${plan.name} stops runs after ${plan.maxExecutionMinutes} min`,
    });
  }
  const headroom = credits === null || credits === 0 ? null : (credits - usage.creditsPerMonth) / credits;
  return { plan, fits: warnings.length === 0, headroom, warnings };
}

export function fitPlans(usage: Usage): PlanFit[] {
  return planTable().plans.map((plan) => fitPlan(plan, usage));
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
