/**
 * The cost sweep over every corpus blueprint (../shared/corpus/blueprints), each run once under its
 * starter test (`makesim test --init`): the calibrated model agrees with the measured run module by
 * module; a run that stops early is counted as measured and must be listed, with its reason, in
 * corpus-exceptions.json; and no plan "fits" without a volume.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../cost/calibration.ts';
import { estimate } from '../../../cost/estimate.ts';
import { modelScenario } from '../../../cost/model.ts';
import { planTable } from '../../../cost/plans.ts';
import { STOPPING_MODULES, stoppedEarly } from '../../../cost/run-mix.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../../../engine/runtime/record.ts';
import { runCase } from '../../../test-runner/run-case.ts';
import type { TestCase } from '../../../test-runner/types.ts';
import { corpusFiles, loadCorpus, starterProject } from './corpus.ts';

const exceptions = JSON.parse(readFileSync(new URL('./corpus-exceptions.json', import.meta.url), 'utf8')) as {
  stopsEarly: Record<string, string>;
};

/**
 * The blueprint's starter case run as `makesim test` runs it: the starter file and its
 * makesim.config.json (data stores, connections) written beside a copy of the blueprint
 * (corpus.ts starterProject), so the run finds the config the way `makesim test` does.
 */
async function starterRuns(
  file: string,
  changes: ReadonlyArray<(c: TestCase) => TestCase>,
): Promise<{ scenario: Scenario; records: ExecutionRecord[] }> {
  const project = starterProject(file);
  try {
    const testCase = project.file.cases[0];
    if (!testCase) throw new Error('starter test without a case');
    const records: ExecutionRecord[] = [];
    for (const change of changes) {
      const { record } = await runCase({
        scenario: project.scenario,
        file: project.file,
        testCase: change(testCase),
      });
      // A setup error is a gap in the starter or its config, never how the blueprint behaves.
      expect(record.error?.type, `${file}: ${record.error?.message}`).not.toBe('SetupError');
      records.push(record);
    }
    return { scenario: project.scenario, records };
  } finally {
    project.remove();
  }
}

/** The listed reason names how the run stopped: its error type and module, or the stopping module. */
function expectReasonMatches(reason: string, record: ExecutionRecord): void {
  expect(reason.startsWith(`${record.status}`), reason).toBe(true);
  if (record.error) {
    expect(reason).toContain(`${record.error.type} at module ${record.error.moduleId}`);
    return;
  }
  const stoppers = record.modules.filter((m) => STOPPING_MODULES.has(m.module) && m.bundlesIn > 0);
  const warned = record.warnings.map((w) => w.type);
  expect(
    [...stoppers.map((m) => m.module), ...warned].some((what) => reason.includes(what)),
    reason,
  ).toBe(true);
}

/** App modules the starter test mocks (at most `n`), in blueprint order. */
function mockedApps(scenario: Scenario, n: number): number[] {
  return scenario.modules
    .filter((m) => !m.definition && m !== scenario.flow[0])
    .map((m) => m.id)
    .slice(0, n);
}

function disagreements(model: ReturnType<typeof modelScenario>, record: ExecutionRecord): string[] {
  const out: string[] = [];
  for (const m of model.modules) {
    const measured = record.modules.find((r) => r.id === m.id)?.operations ?? 0;
    if (Math.abs(measured - m.operations) > 1e-9)
      out.push(`module ${m.id}: model ${m.operations} vs measured ${measured}`);
  }
  if (Math.abs(model.credits - record.centicredits / 100) > 1e-9)
    out.push(`credits: model ${model.credits} vs measured ${record.centicredits / 100}`);
  return out;
}

const DEFAULT_SCHEDULE = { type: 'indefinitely' as const, interval: 900 };
const MONTH = { year: 2027, month: 1, timezone: 'UTC' };

describe('cost sweep over the corpus', () => {
  const files = corpusFiles();

  it('has the corpus to sweep', () => {
    expect(files.length).toBeGreaterThanOrEqual(98);
  });

  it.each(files)('%s', async (file) => {
    const { scenario, records } = await starterRuns(file, [(c) => c]);
    const record = records[0] as ExecutionRecord;
    const reason = exceptions.stopsEarly[file];
    if (stoppedEarly(record)) {
      expect(reason, `${file} stops early: list it with its reason`).toBeTruthy();
      expectReasonMatches(reason as string, record);
    } else {
      expect(reason, `${file} runs to the end: remove it from corpus-exceptions.json`).toBeUndefined();
      // The flow model, calibrated by this run alone, reproduces it module by module.
      expect(disagreements(modelScenario(scenario, { calibration: calibrate([record]) }), record)).toEqual(
        [],
      );
    }
    const e = estimate({
      scenario,
      runs: [{ name: 'starter', record }],
      model: {},
      table: planTable(),
      ...(scenario.instant
        ? {}
        : { basis: { kind: 'schedule' as const, scheduling: DEFAULT_SCHEDULE, month: MONTH } }),
    });
    // The report's model (stopped runs as measured) agrees with the measurement.
    expect(disagreements(e.model, record)).toEqual([]);
    expect(e.unit).toBe(scenario.instant ? 'event' : 'run');
    if (scenario.instant) {
      expect(e.monthly).toBeNull();
      expect(e.plans.filter((p) => p.fits !== null).map((p) => p.plan.id)).toEqual([]);
    }
    expect(e.whereCreditsGo.length > 0 || e.model.credits === 0).toBe(true);
  });
});

describe('cost sweep over the corpus: a traffic mix with failing cases', () => {
  // The starter case plus one case per app module (up to 4) whose mock fails, all weighted 1: the
  // report's model must give the weighted mean of the runs, module by module, whatever stopped where.
  it.each(corpusFiles())('%s', async (file) => {
    const failing =
      (id: number) =>
      (c: TestCase): TestCase => ({
        ...c,
        mocks: { ...c.mocks, [id]: { error: { type: 'ConnectionError', message: 'down' } } },
      });
    const { scenario, records } = await starterRuns(file, [
      (c) => c,
      ...mockedApps(loadCorpus(file), 4).map((id) => failing(id)),
    ]);
    const e = estimate({
      scenario,
      runs: records.map((record, i) => ({ name: `case ${i}`, record, weight: 1 })),
      model: {},
      table: planTable(),
    });
    const mean = (id: number) =>
      records.reduce((sum, r) => sum + (r.modules.find((m) => m.id === id)?.operations ?? 0), 0) /
      records.length;
    const off = e.model.modules
      .filter((m) => Math.abs(m.operations - mean(m.id)) > 1e-9)
      .map((m) => `module ${m.id}: model ${m.operations} vs measured ${mean(m.id)}`);
    expect(off).toEqual([]);
  });
});
