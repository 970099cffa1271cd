/**
 * Make's plans (cost/plans.json or the user's `--plans` table; schema in plans-schema.ts) and how a
 * monthly usage fits each: the smallest credit tier that covers it, else extra credits on top of
 * the largest known tier — at Make's surcharge (https://help.make.com/extra-credits), and never on Free,
 * which cannot buy them. Limits: minimum interval and longest run per plan (Make Academy;
 * https://help.make.com/types-of-warnings).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJsonText } from '../engine/errors/json-syntax.ts';
import type { Plan, PlanTable, Tier } from './plan-types.ts';
import { planTableProblems } from './plans-schema.ts';

export type { Plan, PlanTable, Tier } from './plan-types.ts';

export class PlanTableError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`--plans ${file}: ${problems.join('; ')}`);
    this.name = 'PlanTableError';
  }
}

let builtIn: PlanTable | undefined;

/** The table shipped with makesim (cost/plans.json), validated like a user's own. */
export function planTable(): PlanTable {
  builtIn ??= readPlanTable(fileURLToPath(new URL('./plans.json', import.meta.url)));
  return builtIn;
}

export function readPlanTable(file: string): PlanTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanTableError(file, [`cannot read the file (${(error as Error).message})`]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new PlanTableError(file, [parsed.problem.message]);
  const problems = planTableProblems(parsed.value);
  if (problems.length > 0) throw new PlanTableError(file, problems);
  return parsed.value as PlanTable;
}

export function findPlan(table: PlanTable, id: string): Plan | undefined {
  return table.plans.find((plan) => plan.id === id.toLowerCase());
}

export type PlanWarningCode =
  | 'credits-exceeded'
  | 'no-extra-credits'
  | 'interval-below-minimum'
  | 'execution-time-exceeded';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
}

export interface ExtraCredits {
  /** Credits bought, in whole purchase units. */
  credits: number;
  /** What they cost a month (null when the tier's price is unknown). */
  cost: number | null;
}

export interface PlanFit {
  plan: Plan;
  /** Null when no volume was given (nothing to fit) or the plan is negotiated. */
  fits: boolean | null;
  /** The smallest known tier that covers the usage, else the largest known tier. */
  tier: Tier | null;
  /** Extra credits needed on top of `tier` (never on a plan that cannot buy them). */
  extraCredits: ExtraCredits | null;
  /** Tier price + extra credits, per month billed monthly; null when unknown. */
  monthlyCost: number | null;
  /** Share of the tier's credits left over (0.25 = 25 %). */
  headroom: number | null;
  /** Without a volume: events (or runs) a month the smallest tier allows at the per-run cost. */
  runsAllowed: number | null;
  warnings: PlanWarning[];
}

export interface Usage {
  /** Null when no volume is known (an instant scenario without --events). */
  creditsPerMonth: number | null;
  /** Credits of one run / event (the high end for usage-billed modules). */
  creditsPerRun: number;
  /** Seconds between scheduled runs, when the schedule is an interval. */
  intervalSeconds?: number;
  /** Longest measured run, in minutes. */
  longestRunMinutes?: number;
}

export function fitPlan(plan: Plan, usage: Usage, table: PlanTable): PlanFit {
  const warnings = limitWarnings(plan, usage);
  const need = usage.creditsPerMonth;
  const smallest = plan.tiers[0] ?? null;
  const none = { extraCredits: null, monthlyCost: null, headroom: null };
  if (!smallest) return { plan, fits: null, tier: null, ...none, runsAllowed: null, warnings };
  if (need === null) {
    const runsAllowed = usage.creditsPerRun > 0 ? Math.floor(smallest.credits / usage.creditsPerRun) : null;
    return { plan, fits: null, tier: smallest, ...none, runsAllowed, warnings };
  }
  const covering = plan.tiers.find((t) => t.credits >= need);
  const tier = covering ?? (plan.tiers[plan.tiers.length - 1] as Tier);
  let extraCredits: ExtraCredits | null = null;
  if (!covering && plan.canBuyExtraCredits) {
    extraCredits = extraCreditsFor(need - tier.credits, tier, table);
  } else if (!covering) {
    warnings.unshift({
      code: 'no-extra-credits',
      message: `needs ${fmt(need)} credits a month; ${plan.name} has ${fmt(tier.credits)} and cannot buy extra credits`,
    });
  }
  const price = tier.monthly.price;
  const unpriced = price === null || (extraCredits !== null && extraCredits.cost === null);
  const monthlyCost =
    unpriced || (!covering && !extraCredits) ? null : round2(price + (extraCredits?.cost ?? 0));
  return {
    plan,
    fits: warnings.length === 0,
    tier,
    extraCredits,
    monthlyCost,
    headroom: covering ? (covering.credits - need) / covering.credits : null,
    runsAllowed: null,
    warnings,
  };
}

/**
 * Extra credits in whole units, priced per credit of `tier` plus Make's surcharge
 * (https://help.make.com/extra-credits).
 */
export function extraCreditsFor(missing: number, tier: Tier, table: PlanTable): ExtraCredits {
  const { unit, surcharge } = table.extraCredits;
  const credits = Math.ceil(missing / unit) * unit;
  const price = tier.monthly.price;
  const cost = price === null ? null : round2(credits * (price / tier.credits) * (1 + surcharge));
  return { credits, cost };
}

function limitWarnings(plan: Plan, usage: Usage): PlanWarning[] {
  const warnings: PlanWarning[] = [];
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
  return warnings;
}

export function fitPlans(usage: Usage, table: PlanTable): PlanFit[] {
  return table.plans.map((plan) => fitPlan(plan, usage, table));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
