/**
 * Measured runs are not traffic (issue 16 §3), on corpus blueprints: a case's `weight` is its share;
 * an error-path case does not count unless weighted; a run that stops early counts as measured;
 * with --data-rate the empty checks are not counted twice.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { estimate } from '../../../cost/estimate.ts';
import { measureInputs, measureTestFile } from '../../../cost/measure.ts';
import { planTable } from '../../../cost/plans.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { starterTestFile } from '../../../test-runner/init.ts';
import type { TestCase } from '../../../test-runner/types.ts';
import { corpusPath, loadCorpus, starterProject } from './corpus.ts';

const LEADS = 'faizsolangi__Lead_Capture_Automation_Make.com__Lead_Capture_Automation.json';
const REVIEWS = 'climbautomation-oss__Make.com-automations__Google-Review-Request-Automation.json';
const ROUTES =
  'Abidasharif__make-lead-qualification-automation__Integration-Tools-Google-Sheets-Microsoft-365-Excel.json';
const UPWORK = 'NicolaB1208__make.com_upwork_scraper__makeBlueprint_upwork_Webscraper_toSheets.json';
/** Upwork's job search, every page: the URL HTTP [2] requests in each repeat. */
const SEARCH_PAGE = '/^https:\\/\\/www\\.upwork\\.com\\/nx\\/search\\/jobs\\//';

/**
 * The starter test of a corpus blueprint with extra cases, written beside the starter project
 * (a copy of the blueprint and the makesim.config.json `makesim test --init` writes).
 */
function testFile(_scenario: Scenario, name: string, cases: (starter: TestCase) => TestCase[]): string {
  const project = starterProject(name);
  const path = join(project.dir, 'mix.test.json');
  const first = project.file.cases[0] as TestCase;
  const { path: _path, blueprintPath: _blueprintPath, ...file } = project.file;
  writeFileSync(path, JSON.stringify({ ...file, cases: cases(first) }));
  return path;
}

function estimateOf(
  scenario: Scenario,
  runs: Awaited<ReturnType<typeof measureTestFile>>,
  dataRate?: number,
) {
  return estimate({
    scenario,
    runs,
    model: {},
    table: planTable(),
    basis: { kind: 'runs-per-month', runs: 100 },
    ...(dataRate === undefined ? {} : { dataRate }),
  });
}

describe('measured runs as a traffic mix', () => {
  const scenario = loadCorpus(LEADS);
  // One lead (1 event): webhook 1 + iterator 1 + aggregator 1 + addRow 1 + email 1 = 5 operations.
  const failing = (c: TestCase): TestCase => ({
    ...c,
    name: 'sheet is down',
    mocks: { ...c.mocks, 42: { error: { type: 'ConnectionError', message: 'down' } } },
  });

  it('does not let an unweighted error-path case make up part of the month', async () => {
    // The failing case stops at addRow [42] after 4 operations; unweighted it counts 0.
    const runs = await measureTestFile(
      scenario,
      testFile(scenario, LEADS, (c) => [c, failing(c)]),
    );
    expect(runs.map((r) => r.record.operations)).toEqual([5, 4]);
    const e = estimateOf(scenario, runs);
    expect(e.model.operations).toBe(5);
    expect(e.measured?.runs.map((r) => [r.role, r.weight])).toEqual([
      ['normal', 1],
      ['error-path', 0],
    ]);
    expect(e.assumptions.join(' ')).toContain('"sheet is down"');
  });

  it('weighs each case by its share of traffic, counting a stopped run as it was measured', async () => {
    // 9 parts normal (5 operations), 1 part failing (4, stopped early): (9 × 5 + 4) / 10 = 4.9.
    const path = testFile(scenario, LEADS, (c) => [
      { ...c, weight: 9 },
      { ...failing(c), weight: 1 },
    ]);
    const e = estimateOf(scenario, await measureTestFile(scenario, path));
    expect(e.model.operations).toBeCloseTo(4.9, 9);
    expect(e.measured?.operations.mean).toBeCloseTo(4.9, 9);
    expect(e.monthly?.credits).toBeCloseTo(490, 6);
    expect(e.comparison?.every((c) => c.agree)).toBe(true);
  });

  it('counts a run that stopped early as measured, not as the whole flow', async () => {
    // Upwork's search page answers 503, so HTTP [2] raises a ConnectionError (its "evaluate all states as errors" is on) in the Repeater's first
    // pass and, with no error handler, the run stops: Repeater [38] 1 + Set variable [37] 1 +
    // HTTP [2] 1 = 3 operations. Projected as the whole flow, the Repeater's 2 repeats would run
    // [37] and [2] twice and go on to the parsers and the sheet.
    const upwork = loadCorpus(UPWORK);
    const searchDown = (c: TestCase): TestCase => ({
      ...c,
      name: 'the search page is down',
      weight: 1,
      http: [
        { method: 'GET', url: SEARCH_PAGE, response: { status: 503, body: 'Service Unavailable' } },
        ...(c.http ?? []),
      ],
    });
    const runs = await measureTestFile(
      upwork,
      testFile(upwork, UPWORK, (c) => [searchDown(c)]),
    );
    expect(runs[0]?.record.error).toMatchObject({ type: 'ConnectionError', moduleId: 2 });
    const e = estimateOf(upwork, runs);
    expect(e.model.operations).toBe(3);
    expect(e.model.modules.filter((m) => m.operations > 0).map((m) => [m.id, m.operations])).toEqual([
      [38, 1],
      [37, 1],
      [2, 1],
    ]);
  });

  it('models a route skipped after an Ignore in an earlier route as measured', async () => {
    // Router [5]: route 2's search [24] fails and its Ignore ends the bundle, so route 3 ([34], [35])
    // is not tried (docs/fidelity.md); the other case tries all three routes. Weighted 1 each:
    // [34] and [35] run in one run of two, 0.5 a run.
    const routes = loadCorpus(ROUTES);
    const path = testFile(routes, ROUTES, (c) => [
      { ...c, weight: 1 },
      {
        ...c,
        name: 'search fails',
        weight: 1,
        mocks: { ...c.mocks, 24: { error: { type: 'ConnectionError', message: 'down' } } },
      },
    ]);
    const e = estimateOf(routes, await measureTestFile(routes, path));
    const ops = (id: number) => e.model.modules.find((m) => m.id === id)?.operations;
    expect([ops(34), ops(35)]).toEqual([0.5, 0.5]);
    expect(e.comparison?.every((c) => c.agree)).toBe(true);
  });

  it('with --data-rate, prices the empty checks once', async () => {
    // Reviews: watchRows [4] + router: 2 rows with data → 1 + 2 × (email + sheet) = 5 if the filter passes.
    // One measured check finds 2 rows, one finds nothing. With --data-rate 0.5 over 100 checks:
    // 50 × (the run with data) + 50 × 1 credit; the empty run must not also lower the per-run cost.
    const reviews = loadCorpus(REVIEWS);
    const starter = starterTestFile(reviews, corpusPath(REVIEWS), '/tmp/x.test.json');
    const mocks = (starter.file.cases[0] as TestCase).mocks;
    const runs = await measureInputs({
      scenario: reviews,
      inputs: [
        { name: 'two rows', input: [{}, {}] },
        { name: 'nothing new', input: [] },
      ],
      ...(mocks ? { mocks } : {}),
      config: parseConfig({ database: ':memory:' }, { root: tmpdir() }),
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const withData = runs[0]?.record.centicredits ?? 0;
    expect(runs[1]?.record.operations).toBe(1);
    const e = estimateOf(reviews, runs, 0.5);
    expect(e.perRun.credits).toBe(withData / 100);
    expect(e.monthly?.credits).toBe(50 * (withData / 100) + 50);
  });
});
