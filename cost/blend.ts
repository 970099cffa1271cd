/**
 * The per-run model of a traffic mix: the flow model calibrated by the runs that walked the whole
 * flow, for their share of the traffic, plus the runs that stopped early as they were measured
 * (cost/run-mix.ts). Weighted so that the result is the weighted mean of the measured runs.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { calibrate } from './calibration.ts';
import { type CostModel, modelScenario } from './model.ts';
import { type ModuleEstimate, summarise } from './module-estimate.ts';
import type { ModelInputs } from './parameters.ts';
import type { MixedRun } from './run-mix.ts';
import { clean, show } from './term.ts';

export function modelMix(
  scenario: Scenario,
  inputs: Omit<ModelInputs, 'calibration'>,
  runs: readonly MixedRun[],
): CostModel {
  const counted = runs.filter((r) => r.weight > 0);
  const full = counted.filter((r) => !r.stopped);
  const stopped = counted.filter((r) => r.stopped);
  const calibration = calibrate(
    full.map((r) => r.record),
    full.map((r) => r.weight),
  );
  const model = modelScenario(scenario, { ...inputs, calibration });
  if (stopped.length === 0) return model;
  const total = counted.reduce((sum, r) => sum + r.weight, 0);
  const fullShare = full.reduce((sum, r) => sum + r.weight, 0) / total;
  const modules = model.modules.map((m) => blendModule(m, fullShare, stopped, total));
  return summarise(modules);
}

function blendModule(
  m: ModuleEstimate,
  fullShare: number,
  stopped: readonly MixedRun[],
  total: number,
): ModuleEstimate {
  let executions = fullShare * m.executions;
  let operations = fullShare * m.operations;
  let credits = fullShare * m.credits;
  for (const run of stopped) {
    const measured = run.record.modules.find((r) => r.id === m.id);
    if (!measured) continue;
    const share = run.weight / total;
    operations += share * measured.operations;
    credits += share * (measured.centicredits / 100);
    executions += share * measured.operations;
  }
  const range = m.creditsRange && {
    min: clean(m.creditsRange.min * fullShare + (credits - fullShare * m.credits) * rangeRatio(m, 'min')),
    max: clean(m.creditsRange.max * fullShare + (credits - fullShare * m.credits) * rangeRatio(m, 'max')),
  };
  const mixed = fullShare === 0 ? 'measured' : `${show(fullShare)} × (${m.formula}) + stopped runs`;
  return {
    ...m,
    executions: clean(executions),
    operations: clean(operations),
    credits: clean(credits),
    creditsRange: range,
    formula: mixed,
    numbers:
      fullShare === 0
        ? show(clean(executions))
        : `${show(fullShare)} × ${show(m.executions)} + ${show(clean(executions - fullShare * m.executions))} = ${show(clean(executions))}`,
  };
}

/** A usage-billed module's range per credit, applied to its measured credits. */
function rangeRatio(m: ModuleEstimate, end: 'min' | 'max'): number {
  if (!m.creditsRange || m.credits === 0) return 1;
  return m.creditsRange[end] / m.credits;
}
