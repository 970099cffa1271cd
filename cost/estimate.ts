/**
 * One cost estimate, put together: measured runs (if any) calibrate the model; the model gives the
 * per-run cost; the runs-per-month basis gives the monthly cost; plans, dominant modules and advice
 * follow. The result is plain data — report.ts prints it, `--json` emits it as is.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { chargeFor } from '../engine/runtime/operations.ts';
import { type Advice, advise, type Dominant, dominantModules } from './advice.ts';
import { calibrate } from './calibration.ts';
import { type MeasuredRun, type Measurement, summarise } from './measure.ts';
import { type CostModel, modelScenario } from './model.ts';
import { type Monthly, monthly, type PerRun, type RunsBasis } from './monthly.ts';
import type { ModelInputs } from './parameters.ts';
import { findPlan, fitPlans, type PlanFit } from './plans.ts';
import { clean } from './term.ts';

export interface EstimateOptions {
  scenario: Scenario;
  runs: readonly MeasuredRun[];
  model: Omit<ModelInputs, 'calibration'>;
  basis?: RunsBasis;
  dataRate?: number;
  plan?: string;
  /** Extra lines for the assumptions (where the schedule came from, …). */
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
  measured:
    | (Omit<Measurement, 'runs'> & {
        runs: Array<{ name: string; status: string; operations: number; credits: number }>;
      })
    | null;
  model: CostModel;
  /** Mean measured operations vs the calibrated model, per module. */
  comparison: ModuleComparison[] | null;
  perRun: PerRun;
  monthly: Monthly | null;
  plans: PlanFit[];
  plan: PlanFit | null;
  dominant: Dominant[];
  advice: Advice[];
  assumptions: string[];
}

export function estimate(options: EstimateOptions): CostEstimate {
  const { scenario, runs } = options;
  const model = modelScenario(scenario, {
    ...options.model,
    calibration: calibrate(runs.map((r) => r.record)),
  });
  const first = scenario.flow[0];
  const polling = first !== undefined && !scenario.instant && first.kind === 'trigger';
  const perRun = perRunCost(scenario, model);
  const month = options.basis
    ? monthly({ basis: options.basis, perRun, polling, dataRate: options.dataRate })
    : null;
  const measurement = runs.length > 0 ? summarise(runs) : null;
  const usage = {
    creditsPerMonth: month ? month.creditsRange.max : model.creditsRange.max,
    intervalSeconds: month?.intervalSeconds,
    longestRunMinutes: measurement ? measurement.longestRunMs / 60_000 : undefined,
  };
  const plans = fitPlans(usage);
  const scheduling = options.basis?.kind === 'schedule' ? options.basis.scheduling : undefined;
  const calendar = options.basis && 'month' in options.basis ? options.basis.month : undefined;
  return {
    scenario: scenario.name,
    source: scenario.source,
    polling,
    measured: measurement ? { ...measurement, runs: runs.map(runLine) } : null,
    model,
    comparison: measurement ? compare(measurement, model) : null,
    perRun,
    monthly: month,
    plans,
    plan: options.plan ? (plans.find((p) => p.plan.id === findPlan(options.plan ?? '')?.id) ?? null) : null,
    dominant: dominantModules(model),
    advice: advise({ scenario, model, monthly: month ?? undefined, scheduling, month: calendar, polling }),
    assumptions: [...(options.notes ?? []), ...assumptions(model, month, polling)],
  };
}

/**
 * Per run of a polling scenario, or per event of an instant one (each webhook is its own cycle,
 * spec §2.3): the model's total divided by the measured cycles per run.
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

function runLine(run: MeasuredRun): { name: string; status: string; operations: number; credits: number } {
  return {
    name: run.name,
    status: run.record.status,
    operations: run.record.operations,
    credits: run.record.centicredits / 100,
  };
}

function compare(measurement: Measurement, model: CostModel): ModuleComparison[] {
  return measurement.modules.map((m) => {
    const modelled = model.modules.find((e) => e.id === m.id)?.operations ?? 0;
    const measured = clean(m.operations.mean);
    return { id: m.id, measured, modelled, agree: Math.abs(measured - modelled) < 1e-6 };
  });
}

/** What each kind of assumed factor means, and the option that sets it. */
const ASSUMED: Record<string, string> = {
  pass: 'the filter lets every bundle through (set --pass <id>=<rate>)',
  branch:
    'each If-else condition passes and the first branch takes every bundle (set --pass <id>.<branch>=<rate>)',
  out: 'the module gives 1 bundle per execution (set --items <id>=<n>)',
};

function assumptions(model: CostModel, month: Monthly | null, polling: boolean): string[] {
  const out: string[] = [];
  for (const f of model.factors) {
    if (f.source !== 'assumed') continue;
    const kind = f.name.replace(/\(.*$/, '');
    // One line per If-else, not per branch.
    const what = kind === 'branch' ? f.name.replace(/\.\d+\)$/, '.*)') : `${f.name} = ${f.value}`;
    out.push(`${what}: nothing measured or set, so ${ASSUMED[kind] ?? ASSUMED.out}.`);
  }
  for (const m of model.modules) {
    if (m.usage && m.executions > 0)
      out.push(`${m.label ?? m.key} [${m.id}] is billed by usage: ${m.usage.assumption}.`);
  }
  if (month && polling && month.dataRate === 1) {
    out.push(
      'Every scheduled check is assumed to find data like the measured input (set --data-rate for the share of checks that find something).',
    );
  }
  return [...new Set(out)];
}
