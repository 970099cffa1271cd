/**
 * Where the credits go and what would save some, on real corpus blueprints. Each saving is the
 * model re-run on the changed flow; the expected figures are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { advise } from '../../../cost/advice.ts';
import { estimate } from '../../../cost/estimate.ts';
import { modelScenario } from '../../../cost/model.ts';
import { monthly, type RunsBasis } from '../../../cost/monthly.ts';
import { planTable } from '../../../cost/plans.ts';
import type { Scenario } from '../../../engine/blueprint/scenario.ts';
import { loadScenario } from '../../../engine/index.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { builtinModules } from '../../../modules/index.ts';
import { loadCorpus } from './corpus.ts';
import { loadFixture } from './helpers.ts';

const rates = (pairs: Record<string, number>) => new Map(Object.entries(pairs));
const november = { year: 2026, month: 11, timezone: 'UTC' };
const every15 = { type: 'indefinitely' as const, interval: 900 };

function estimateOf(scenario: Scenario, items: Record<string, number>, basis?: RunsBasis) {
  return estimate({
    scenario,
    runs: [],
    model: { items: rates(items), pass: new Map(), usage: {} },
    table: planTable(),
    ...(basis ? { basis } : {}),
  });
}

const UPWORK = 'NicolaB1208__make.com_upwork_scraper__makeBlueprint_upwork_Webscraper_toSheets.json';
const OUTREACH = 'ShivaNetha1__Automated-Client-Email-Outreach---Make.com__Email-Automation-Agent.json';
const AGGREGATION = 'integromat__make-skills__aggregators-AGGREGATION.json';
const WEBHOOK = '6302Mohamed__make-automation-projects__project-02-blueprint-sanitized-reference.json';

describe('where the credits go', () => {
  it('is in the report of a webhook scenario too, largest first', () => {
    const e = estimateOf(loadCorpus(WEBHOOK), {});
    expect(e.whereCreditsGo.length).toBeGreaterThan(0);
    const credits = e.whereCreditsGo.map((d) => d.credits);
    expect(credits).toEqual([...credits].sort((a, b) => b - a));
  });

  it('gives each module its credits a month when a volume is known', () => {
    // thirty-one: each action carries 10 of 31 credits; 100 runs → 1,000 credits a month.
    const e = estimateOf(loadFixture('thirty-one'), { 1: 10 }, { kind: 'runs-per-month', runs: 100 });
    expect(e.whereCreditsGo.slice(0, 3).map((d) => [d.id, d.perMonth])).toEqual([
      [2, 1000],
      [3, 1000],
      [4, 1000],
    ]);
  });
});

describe('advice, priced by re-running the model', () => {
  it('replaces a Sheets addRow per item by one bulk add after an aggregator', () => {
    // Repeater [38] repeats 2 (literal), search [39] gives 20 rows: addRow [32] runs 2 × 20 = 40.
    // Batched: 2 aggregations + 2 bulk calls (one per search operation) = 4: saves 36 a run.
    const e = estimateOf(loadCorpus(UPWORK), { 39: 20 }, { kind: 'runs-per-month', runs: 100 });
    expect(e.advice.find((a) => a.code === 'bulk-instead-of-per-item')).toMatchObject({
      moduleIds: [32, 39],
      savingPerRun: 36,
      savingPerMonth: 3600,
    });
  });

  it('drops a Sleep that runs once per item', () => {
    // Iterator [2] over 10 rows: Sleep [6] runs 10 times, 1 credit each.
    const e = estimateOf(loadCorpus(OUTREACH), { 2: 10 });
    expect(e.advice.find((a) => a.code === 'sleep-in-loop')).toMatchObject({
      moduleIds: [6, 2],
      savingPerRun: 10,
    });
  });

  it('prices one pass of a Repeater', () => {
    // repeats "10": 1 + 10 increments + 1 aggregation + 1 = 13; one pass: 1 + 1 + 1 + 1 = 4.
    const e = estimateOf(loadCorpus(AGGREGATION), {});
    expect(e.model.operations).toBe(13);
    expect(e.advice.find((a) => a.code === 'repeater-multiplies')).toMatchObject({
      moduleIds: [3],
      savingPerRun: 9,
    });
  });

  it('moves a search that reads nothing of the item before the loop', () => {
    // Iterator [2] over 8 items; search [3] reads only the trigger: 8 searches → 1 before the loop.
    const scenario = loadScenario(
      {
        name: 'search in loop',
        flow: [
          { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: {}, mapper: {} },
          { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' } },
          { id: 3, module: 'google-sheets:filterRows', version: 2, mapper: { value: '{{1.customer}}' } },
          { id: 4, module: 'slack:CreateMessage', version: 1, mapper: { text: '{{2.name}} {{3.row}}' } },
        ],
        metadata: { instant: true, version: 1 },
      },
      { registry: new ModuleRegistry(builtinModules) },
    );
    const e = estimateOf(scenario, { 2: 8 });
    expect(e.advice.find((a) => a.code === 'search-before-loop')).toMatchObject({
      moduleIds: [3, 2],
      savingPerRun: 7,
    });
  });

  it('suggests filtering before a module the filter does not read', () => {
    // 10 rows, 20 % paid: Slack [2] runs 10 times, but only 2 would reach it if the filter came first: saves 8.
    const scenario = loadFixture('late-filter');
    const model = modelScenario(scenario, { items: rates({ 1: 10 }), pass: rates({ 3: 0.2 }) });
    const advice = advise({ scenario, model, remodel: () => model, polling: true });
    expect(advice.find((a) => a.code === 'filter-earlier')).toMatchObject({
      moduleIds: [3, 2],
      savingPerRun: 8,
    });
  });

  it('prices a longer interval and a webhook trigger by the checks they remove', () => {
    // November every 15 min: 2,880 checks; every 30 min: 1,440 → 1,440 fewer checks at 1 credit.
    // 10 % of checks find data → 2,592 empty checks a webhook would not make.
    const scenario = loadFixture('thirty-one');
    const model = modelScenario(scenario, { items: rates({ 1: 10 }) });
    const basis = { kind: 'schedule' as const, scheduling: every15, month: november };
    const perRun = { ...model, emptyCheckCredits: 1, emptyCheckOperations: 1 };
    const month = monthly({ basis, perRun, polling: true, dataRate: 0.1 });
    const advice = advise({
      scenario,
      model,
      remodel: () => model,
      monthly: month,
      scheduling: every15,
      month: november,
      polling: true,
    });
    expect(advice.find((a) => a.code === 'lengthen-interval')?.savingPerMonth).toBe(1440);
    expect(advice.find((a) => a.code === 'webhook-instead-of-polling')?.savingPerMonth).toBe(2592);
  });
});
