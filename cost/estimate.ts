/**
 * One cost estimate, put together: measured runs (weighted as traffic, cost/run-mix.ts) calibrate
 * the model; the model gives the cost per run or per event; the volume gives the month; plans,
 * where the credits go and advice follow. Plain data — report.ts prints it, `--json` emits it.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { chargeFor } from '../engine/runtime/operations.ts';
import { type Advice, advise, type CreditShare, whereCreditsGo } from './advice.ts';
import { assumptions } from './assumptions.ts';
import { modelMix } from './blend.ts';
import { type MeasuredRun, type Measurement, summarise } from './measure.ts';
import type { CostModel } from './model.ts';
import { type Monthly, monthly, type PerRun, type RunsBasis } from './monthly.ts';
import type { ModelInputs } from './parameters.ts';
import { findPlan, fitPlans, type PlanFit, type PlanTable } from './plans.ts';
import { mixRuns } from './run-mix.ts';
import { clean } from './term.ts';

export interface EstimateOptions {
  scenario: Scenario;
  runs: readonly MeasuredRun[];
  model: Omit<ModelInputs, 'calibration'>;
  basis?: RunsBasis;
  dataRate?: number;
  plan?: string;
  table: PlanTable;
  /** Extra lines for the assumptions (where the schedule or the month came from, …). */
  notes?: readonly string[];
}

export interface ModuleComparison {
  id: number;
  measured: number;
  modelled: number;
  agree: boolean;
}

export interface CostEstimate {
  scenario: string;
  source: string | undefined;
  polling: boolean;
  /** What one unit of volume is: a scheduled run, or an event of an instant trigger. */
  unit: 'run' | 'event';
  measured:
    | (Omit<Measurement, 'runs'> & {
        runs: Array<{
          name: string;
          status: string;
          operations: number;
          credits: number;
          weight: number;
          role: string;
          stopped: boolean;
        }>;
      })
    | null;
  model: CostModel;
  /** Weighted mean measured operations vs the model, per module. */
  comparison: ModuleComparison[] | null;
  perRun: PerRun;
  /** Null when no volume is known: then nothing "fits", plans show what they allow. */
  monthly: Monthly | null;
  plans: PlanFit[];
  plan: PlanFit | null;
  currency: string;
  whereCreditsGo: CreditShare[];
  advice: Advice[];
  assumptions: string[];
}

export function estimate(options: EstimateOptions): CostEstimate {
  const { scenario } = options;
  const mix = mixRuns(options.runs, { scenario, dataRate: options.dataRate !== undefined });
  const remodel = (s: Scenario, items?: ReadonlyMap<string, number>) =>
    modelMix(
      s,
      items
        ? { ...options.model, items: new Map([...(options.model.items ?? []), ...items]) }
        : options.model,
      mix.runs,
    );
  const model = remodel(scenario);
  const first = scenario.flow[0];
  const polling = first !== undefined && !scenario.instant && first.kind === 'trigger';
  const perRun = perRunCost(scenario, model);
  const month = options.basis
    ? monthly({ basis: options.basis, perRun, polling, dataRate: options.dataRate })
    : null;
  const counted = mix.runs.filter((r) => r.weight > 0);
  const measurement = counted.length > 0 ? summarise(counted) : null;
  const plans = fitPlans(
    {
      creditsPerMonth: month ? month.creditsRange.max : null,
      creditsPerRun: perRun.creditsRange.max,
      intervalSeconds: month?.intervalSeconds,
      longestRunMinutes: measurement ? measurement.longestRunMs / 60_000 : undefined,
    },
    options.table,
  );
  const chosen = options.plan ? findPlan(options.table, options.plan) : undefined;
  const calendar = options.basis && 'month' in options.basis ? options.basis.month : undefined;
  return {
    scenario: scenario.name,
    source: scenario.source,
    polling,
    unit: scenario.instant ? 'event' : 'run',
    measured: measurement ? { ...measurement, runs: mix.runs.map(runLine) } : null,
    model,
    comparison: measurement ? compare(measurement, model) : null,
    perRun,
    monthly: month,
    plans,
    plan: chosen ? (plans.find((p) => p.plan.id === chosen.id) ?? null) : null,
    currency: options.table.currency,
    whereCreditsGo: whereCreditsGo(model, month),
    advice: advise({
      scenario,
      model,
      remodel,
      monthly: month ?? undefined,
      scheduling: options.basis?.kind === 'schedule' ? options.basis.scheduling : undefined,
      month: calendar,
      polling,
    }),
    assumptions: [...(options.notes ?? []), ...mix.notes, ...assumptions(model, month, polling)],
  };
}

/**
 * Per run of a scheduled scenario, or per event of an instant one (each webhook is its own cycle,
 * https://help.make.com/scenario-execution-cycles-and-phases): the model's total divided by the cycles per
 * run.
 */
function perRunCost(scenario: Scenario, model: CostModel): PerRun {
  const first = scenario.flow[0];
  const cycles = first ? (model.modules.find((m) => m.id === first.id)?.executions ?? 1) : 1;
  const per = scenario.instant && cycles > 0 ? cycles : 1;
  const check = first ? chargeFor(first.kind, first.definition) : { operations: 0, centicredits: 0 };
  return {
    operations: clean(model.operations / per),
    credits: clean(model.credits / per),
    creditsRange: { min: clean(model.creditsRange.min / per), max: clean(model.creditsRange.max / per) },
    emptyCheckCredits: check.centicredits / 100,
    emptyCheckOperations: check.operations,
  };
}

function runLine(run: ReturnType<typeof mixRuns>['runs'][number]) {
  return {
    name: run.name,
    status: run.record.status,
    operations: run.record.operations,
    credits: run.record.centicredits / 100,
    weight: run.weight,
    role: run.role,
    stopped: run.stopped,
  };
}

function compare(measurement: Measurement, model: CostModel): ModuleComparison[] {
  return measurement.modules.map((m) => {
    const modelled = model.modules.find((e) => e.id === m.id)?.operations ?? 0;
    const measured = clean(m.operations.mean);
    return { id: m.id, measured, modelled, agree: Math.abs(measured - modelled) < 1e-6 };
  });
}
