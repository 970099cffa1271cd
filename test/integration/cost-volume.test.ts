/**
 * `makesim cost` volume (issue 16 §2) on corpus blueprints: an instant scenario without a volume
 * gets its cost per event and what each plan allows, never a verdict; `--events` gives the volume;
 * scheduled scenarios starting with a built-in action are runs; the month is stated; `--from-history`
 * projects what `makesim serve` recorded; a bad `--plans` table is refused with JSON pointers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostEstimate } from '../../cost/estimate.ts';
import { SimulatedClock } from '../../engine/ports/clock.ts';
import { runScenario } from '../../engine/runtime/run-scenario.ts';
import { openDatabase } from '../../server/queue/db.ts';
import { ExecutionStore } from '../../server/store/executions.ts';
import { ScenarioStore } from '../../server/store/scenarios.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';
import { corpusPath, loadCorpus } from '../unit/cost/corpus.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const cli = (...argv: string[]) => runCli(['cost', ...argv], { cwd: repoRoot, env: NO_COLOR_ENV });
const json = (out: string) => JSON.parse(out) as CostEstimate;

// Webhook [1] → local AI agent [2] → webhook response [5]: 3 credits per event.
const WEBHOOK = corpusPath('integromat__make-skills__ai-agent-full-blueprint.json');
// Scheduled; first module Set variable (a built-in action), not a trigger.
const ITERATION = corpusPath('integromat__make-skills__iterations-ITERATION.json');
const NOW = ['--now', '2026-12-07T10:00:00Z'];

describe('makesim cost: volume', () => {
  it('gives an instant scenario without a volume its cost per event, and no plan verdict', async () => {
    const { code, out } = await cli(WEBHOOK, ...NOW);
    expect(code).toBe(0);
    expect(out).toContain('No volume given, so no monthly total and no plan verdict');
    expect(out).toContain('--events 500/day');
    expect(out).toContain('Events a month it allows');
    expect(out).not.toMatch(/\byes\b/);
    const e = json((await cli(WEBHOOK, ...NOW, '--json')).out);
    expect(e.monthly).toBeNull();
    expect(e.plans.map((p) => p.fits)).toEqual([null, null, null, null, null]);
    // Free's 1,000 credits at the per-event cost.
    expect(e.plans[0]?.runsAllowed).toBe(Math.floor(1000 / e.perRun.credits));
  });

  it('takes --events per day over the days of the month, or per month', async () => {
    const perDay = json((await cli(WEBHOOK, '--events', '500/day', '--month', '2027-02', '--json')).out);
    expect(perDay.monthly?.runs).toBe(500 * 28);
    expect(perDay.monthly?.credits).toBe(500 * 28 * perDay.perRun.credits);
    // 14,000 events × 3 credits = 42,000: Free cannot buy extra credits; Core needs 32,000 extra at
    // $12 / 10,000 credits + 25 % = $48, so $60 a month.
    const free = perDay.plans.find((p) => p.plan.id === 'free');
    expect(free).toMatchObject({ fits: false, extraCredits: null });
    expect(perDay.plans.find((p) => p.plan.id === 'core')).toMatchObject({
      fits: true,
      extraCredits: { credits: 32_000, cost: 48 },
      monthlyCost: 60,
    });
    const perMonth = json((await cli(WEBHOOK, '--events', '12000/month', '--json')).out);
    expect(perMonth.monthly?.runs).toBe(12_000);
  });

  it('refuses a malformed --events with exit code 2 and an example', async () => {
    const { code, err } = await cli(WEBHOOK, '--events', '500 a day');
    expect(code).toBe(2);
    expect(err).toContain('--events needs <number>/day or <number>/month, e.g. 500/day');
  });

  it('calls the runs of a scheduled scenario that starts with a built-in action runs, not events', async () => {
    const { out } = await cli(ITERATION, ...NOW);
    expect(json((await cli(ITERATION, ...NOW, '--json')).out).unit).toBe('run');
    expect(out).toContain('2,976 runs in 2027-01');
    expect(out).not.toContain('event');
  });

  it('states the month it counted, the next calendar month by default', async () => {
    const { out } = await cli(ITERATION, ...NOW);
    expect(out).toContain('Month: 2027-01, the next calendar month (choose one with --month YYYY-MM).');
    const chosen = await cli(ITERATION, ...NOW, '--month', '2027-02');
    expect(chosen.out).toContain('2,688 runs in 2027-02');
  });

  it('projects the month from the executions makesim serve recorded', async () => {
    // 6 recorded events over 5 hours (one an hour) → 6 × 31 × 24 / 5 = 892.8 → 893 in January.
    const dir = mkdtempSync(join(tmpdir(), 'makesim-cost-history-'));
    const dbFile = join(dir, 'makesim.db');
    const db = openDatabase(dbFile);
    const scenario = loadCorpus('integromat__make-skills__ai-agent-full-blueprint.json');
    const stored = new ScenarioStore(db).create({
      name: scenario.name,
      source: WEBHOOK,
      blueprint: scenario.blueprint as Record<string, unknown>,
      scheduling: { type: 'immediately' },
      isActive: true,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    const executions = new ExecutionStore(db);
    for (let hour = 0; hour < 6; hour++) {
      const clock = new SimulatedClock(new Date(Date.UTC(2026, 11, 1, hour)));
      const mocks = { 2: { output: { response: 'hello' } } };
      const record = await runScenario(scenario, { input: { message: 'hi' }, clock, mocks });
      executions.add({ scenarioId: stored.id, queueItem: null, type: 'auto', instant: true, record });
    }
    db.close();
    const { code, out } = await cli(
      WEBHOOK,
      '--from-history',
      '--db',
      dbFile,
      '--month',
      '2027-01',
      '--json',
    );
    expect(code).toBe(0);
    const e = json(out);
    expect(e.measured?.runs.map((r) => r.status)).toEqual(Array(6).fill('success'));
    expect(e.perRun.credits).toBe(3);
    expect(e.monthly?.runs).toBe(893);
    expect(e.assumptions.join(' ')).toContain('Volume projected from 6 recorded execution(s)');
  });

  it('refuses --from-history without a server database, naming the file', async () => {
    const { code, err } = await cli(WEBHOOK, '--from-history', '--db', '/nonexistent/makesim.db');
    expect(code).toBe(2);
    expect(err).toContain('no server database at /nonexistent/makesim.db');
  });

  it('refuses a --plans table that breaks the schema, with JSON pointers', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'makesim-plans-')), 'plans.json');
    writeFileSync(file, JSON.stringify({ currency: 'usd', plans: [] }));
    const { code, err } = await cli(WEBHOOK, '--plans', file);
    expect(code).toBe(2);
    expect(err).toContain('/currency: must match pattern');
    expect(err).toContain("/: must have required property 'retrieved'");
  });
});
