/** `makesim cost` end to end: measured + modelled per run, per month, plans, diff, exit codes. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostDiff } from '../../cost/diff.ts';
import type { CostEstimate } from '../../cost/estimate.ts';
import { NO_COLOR_ENV, runCli } from '../helpers/cli.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => `test/unit/cost/fixtures/${name}`;

const cli = (...argv: string[]) => runCli(['cost', ...argv], { cwd: repoRoot, env: NO_COLOR_ENV });

const thirtyOne = [
  fixture('thirty-one.blueprint.json'),
  '--input',
  fixture('thirty-one.input.json'),
  '--mocks',
  fixture('mocks.json'),
];

describe('makesim cost', () => {
  it('measures the 31-operation example of https://help.make.com/operations and prices every 15 minutes in a 30-day month', async () => {
    // 2,880 runs in November 2026 × 31 credits = 89,280.
    const { code, out } = await cli(...thirtyOne, '--every', '15m', '--month', '2026-11', '--json');
    expect(code).toBe(0);
    const estimate = JSON.parse(out) as CostEstimate;
    expect(estimate.measured?.operations).toEqual({ min: 31, mean: 31, max: 31 });
    expect(estimate.model.operations).toBe(31);
    expect(estimate.comparison?.every((c) => c.agree)).toBe(true);
    expect(estimate.monthly).toMatchObject({ runs: 2880, credits: 89_280 });
  });

  it('uses the 31 days of December for the same schedule', async () => {
    const { out } = await cli(...thirtyOne, '--every', '15m', '--month', '2026-12', '--json');
    expect((JSON.parse(out) as CostEstimate).monthly).toMatchObject({ runs: 2976, credits: 92_256 });
  });

  it('prints a readable table with the per-run formula and the monthly total', async () => {
    const { code, out } = await cli(...thirtyOne, '--every', '15m', '--month', '2026-12');
    expect(code).toBe(0);
    expect(out).toContain('bundles(1) = 10');
    expect(out).toContain('92,256');
  });

  it('models a blueprint without any run from --items and --pass', async () => {
    // 10 bundles, filter passes 30 %: 1 + 3 + 3 = 7 operations.
    const { out } = await cli(
      fixture('filter.blueprint.json'),
      '--items',
      '1=10',
      '--pass',
      '2=0.3',
      '--runs-per-month',
      '100',
      '--json',
    );
    const estimate = JSON.parse(out) as CostEstimate;
    expect(estimate.measured).toBeNull();
    expect(estimate.model.operations).toBe(7);
    expect(estimate.monthly?.credits).toBe(700);
  });

  it('charges the empty checks of a polling trigger', async () => {
    // 100 checks, 10 % find the measured 10 rows: 10 × 31 + 90 × 1 = 400.
    const { out } = await cli(...thirtyOne, '--runs-per-month', '100', '--data-rate', '0.1', '--json');
    expect((JSON.parse(out) as CostEstimate).monthly).toMatchObject({ emptyRuns: 90, credits: 400 });
  });

  it('measures every case of a test file', async () => {
    const { out } = await cli(
      fixture('thirty-one.blueprint.json'),
      '--test',
      fixture('thirty-one.test.json'),
      '--runs-per-month',
      '10',
      '--json',
    );
    const estimate = JSON.parse(out) as CostEstimate;
    // Cases cost 31 and 4 operations.
    expect(estimate.measured?.operations).toEqual({ min: 4, mean: 17.5, max: 31 });
    expect(estimate.model.operations).toBe(17.5);
  });

  it('prices an instant scenario per webhook', async () => {
    // webhook-router: 11 operations over 4 events = 2.75 per event; 10 a day in November = 300 events.
    const { out } = await cli(
      'blueprints/webhook-router.blueprint.json',
      '--test',
      'blueprints/webhook-router.test.json',
      '--webhooks-per-day',
      '10',
      '--month',
      '2026-11',
      '--json',
    );
    expect((JSON.parse(out) as CostEstimate).monthly).toMatchObject({ runs: 300, credits: 825 });
  });

  it("counts Make's scheduling JSON over the month asked for", async () => {
    // Weekdays 09:00–17:00 every hour in December 2026: 23 weekdays × 8 runs = 184 runs × 31.
    const schedule = JSON.stringify({
      type: 'indefinitely',
      interval: 3600,
      restrict: [{ days: [1, 2, 3, 4, 5], time: ['09:00', '17:00'] }],
    });
    const { out } = await cli(...thirtyOne, '--schedule', schedule, '--month', '2026-12', '--json');
    expect((JSON.parse(out) as CostEstimate).monthly).toMatchObject({ runs: 184, credits: 184 * 31 });
  });

  it('takes usage-billed credit ranges from makesim.config.json, with --usage winning', async () => {
    // Trigger 1 + 3 agent runs × 2 credits = 7 (the range from the config); --usage 3..3 gives 1 + 9 = 10.
    const dir = mkdtempSync(join(tmpdir(), 'makesim-cost-config-'));
    copyFileSync(join(repoRoot, fixture('ai-agent.blueprint.json')), join(dir, 'ai-agent.blueprint.json'));
    writeFileSync(
      join(dir, 'makesim.config.json'),
      JSON.stringify({ cost: { usage: { 'ai-agent': { min: 2, max: 2 } } } }),
    );
    const args = [join(dir, 'ai-agent.blueprint.json'), '--items', '1=3', '--runs-per-month', '1', '--json'];
    const fromConfig = JSON.parse((await cli(...args)).out) as CostEstimate;
    expect(fromConfig.model.creditsRange).toEqual({ min: 7, max: 7 });
    const overridden = JSON.parse((await cli(...args, '--usage', 'ai-agent=3..3')).out) as CostEstimate;
    expect(overridden.model.creditsRange).toEqual({ min: 10, max: 10 });
  });

  it('exits 1 when the usage does not fit the --plan', async () => {
    const { code, out } = await cli(
      ...thirtyOne,
      '--every',
      '15m',
      '--month',
      '2026-12',
      '--plan',
      'free',
      '--json',
    );
    expect(code).toBe(1);
    expect((JSON.parse(out) as CostEstimate).plan?.warnings.map((w) => w.code)).toEqual(['no-extra-credits']);
  });

  it('compares two versions on the same inputs', async () => {
    // late-filter: 1 + 4 + 1 = 6 on 4 rows (1 paid); filter: 1 + 1 + 1 = 3.
    const input = resolve(repoRoot, fixture('paid-rows.input.json'));
    const { code, out } = await cli(
      fixture('late-filter.blueprint.json'),
      fixture('filter.blueprint.json'),
      '--input',
      input,
      '--mocks',
      fixture('mocks.json'),
      '--runs-per-month',
      '10',
      '--json',
    );
    expect(code).toBe(0);
    const { diff } = JSON.parse(out) as { diff: CostDiff };
    expect(diff.perRun).toEqual({ before: 6, after: 3, change: -3 });
    expect(diff.perMonth).toEqual({ before: 60, after: 30, change: -30 });
  });

  it('rejects a malformed option with exit code 2 and names it', async () => {
    const { code, err } = await cli(fixture('filter.blueprint.json'), '--pass', '2=1.5');
    expect(code).toBe(2);
    expect(err).toContain('--pass');
  });

  it('rejects two schedules at once', async () => {
    const { code } = await cli(fixture('filter.blueprint.json'), '--every', '15m', '--runs-per-month', '5');
    expect(code).toBe(2);
  });
});
