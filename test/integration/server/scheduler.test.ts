import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { cronPattern, nextRunAfter } from '../../../server/scheduler/next-run.ts';
import { addScenario, auth, blueprints, breakBlueprint, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const START = '2026-03-02T00:00:00Z'; // a Monday
const advance = (ms: number) =>
  server.app.inject({ method: 'POST', url: '/api/v2/makesim/clock/advance', headers: auth, payload: { ms } });
const runs = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 1000, sortDir: 'asc' });

describe('next run from the scheduling object (https://help.make.com/schedule-a-scenario)', () => {
  const after = new Date(START);

  it('runs `indefinitely` every interval seconds', () => {
    expect(nextRunAfter({ type: 'indefinitely', interval: 900 }, after, 'UTC')?.toISOString()).toBe(
      '2026-03-02T00:15:00.000Z',
    );
  });

  it('runs `daily` at the time in the organization time zone', () => {
    expect(nextRunAfter({ type: 'daily', time: '09:30' }, after, 'Europe/Prague')?.toISOString()).toBe(
      '2026-03-02T08:30:00.000Z',
    );
  });

  it('runs `weekly` on the listed days, Sunday = 0', () => {
    expect(nextRunAfter({ type: 'weekly', days: [3], time: '10:00' }, after, 'UTC')?.toISOString()).toBe(
      '2026-03-04T10:00:00.000Z',
    );
  });

  it('skips a day that does not exist in a month for `monthly`', () => {
    const from = new Date('2026-04-01T00:00:00Z');
    expect(nextRunAfter({ type: 'monthly', days: [31], time: '00:00' }, from, 'UTC')?.toISOString()).toBe(
      '2026-05-31T00:00:00.000Z',
    );
  });

  it('runs `yearly` on the given months and days', () => {
    expect(cronPattern({ type: 'yearly', months: [12], days: [24], time: '18:05' })).toBe('5 18 24 12 *');
    expect(
      nextRunAfter({ type: 'yearly', months: [12], days: [24], time: '18:05' }, after, 'UTC')?.toISOString(),
    ).toBe('2026-12-24T18:05:00.000Z');
  });

  it('runs `once` at its date and never again', () => {
    const once = { type: 'once', date: '2026-03-05T12:00:00Z' };
    expect(nextRunAfter(once, after, 'UTC')?.toISOString()).toBe('2026-03-05T12:00:00.000Z');
    expect(nextRunAfter(once, new Date('2026-03-05T12:00:00Z'), 'UTC')).toBeNull();
  });

  it('never runs `immediately` or `on-demand` on a timer', () => {
    expect(nextRunAfter({ type: 'immediately' }, after, 'UTC')).toBeNull();
    expect(nextRunAfter({ type: 'on-demand' }, after, 'UTC')).toBeNull();
  });

  it('keeps runs inside `between` and the `restrict` windows', () => {
    const scheduling = {
      type: 'indefinitely',
      interval: 3600,
      between: ['2026-03-02T05:00:00Z', '2026-03-03T00:00:00Z'],
      restrict: [{ time: ['08:00', '09:00'] }],
    };
    expect(nextRunAfter(scheduling, after, 'UTC')?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(nextRunAfter(scheduling, new Date('2026-03-02T09:00:00Z'), 'UTC')).toBeNull();
  });
});

describe('schedules on the simulated clock', () => {
  it('runs an interval scenario once per interval as time is advanced', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { scenario } = addScenario(server, blueprints.scheduled(), {
      scheduling: { type: 'indefinitely', interval: 3600 },
    });
    const res = await advance(24 * 3600_000);
    expect(res.statusCode).toBe(200);
    expect(runs(scenario.id)).toHaveLength(24);
    expect(runs(scenario.id)[0]?.started).toBe('2026-03-02T01:00:00.000Z');
  });

  it('runs a weekly schedule through a simulated week', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { scenario } = addScenario(server, blueprints.scheduled(), {
      scheduling: { type: 'weekly', days: [1, 3, 5], time: '07:00' },
    });
    await advance(7 * 24 * 3600_000);
    expect(runs(scenario.id).map((run) => run.started)).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-04T07:00:00.000Z',
      '2026-03-06T07:00:00.000Z',
    ]);
  });

  it('does not run a stopped scenario', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { scenario } = addScenario(server, blueprints.scheduled(), {
      isActive: false,
      scheduling: { type: 'daily', time: '01:00' },
    });
    await advance(3 * 24 * 3600_000);
    expect(runs(scenario.id)).toHaveLength(0);
  });

  it('retries a Break incomplete execution on its interval until its attempts are used', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { scenario, udid } = addScenario(server, breakBlueprint());
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'broken' } });
    await server.services.runner.idle();
    await advance(60 * 60_000);
    const types = runs(scenario.id).map((run) => run.type);
    expect(types).toEqual(['auto', 'dlq', 'dlq', 'dlq']);
    const [item] = server.services.incompletes.list(scenario.id);
    expect(item).toMatchObject({ attempts: 3, retry: false, resolved: false });
  });

  it('switches a scheduled scenario off after maxErrors runs in a row end in error', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const failing = {
      name: 'Always failing',
      flow: [
        { id: 1, module: 'json:ParseJSON', version: 1, parameters: { type: '' }, mapper: { json: '{bad' } },
      ],
      metadata: {
        version: 1,
        scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true },
        designer: { orphans: [] },
      },
    };
    const { scenario } = addScenario(server, failing, {
      scheduling: { type: 'indefinitely', interval: 600 },
    });
    await advance(2 * 3600_000);
    expect(runs(scenario.id).map((run) => run.status)).toEqual([3, 3, 3]);
    expect(server.services.scenarios.get(scenario.id)).toMatchObject({
      isActive: false,
      isInvalid: true,
      nextExec: null,
    });
  });

  it('switches a scheduled webhook scenario off after maxErrors failed runs, not its first (https://help.make.com/webhooks)', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { scenario, udid } = addScenario(server, blueprints.sometimesFailing({ maxErrors: 3 }), {
      scheduling: { type: 'indefinitely', interval: 900 },
    });
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'not json' } });
    await advance(15 * 60_000);
    expect(runs(scenario.id).map((run) => run.status)).toEqual([3]);
    expect(server.services.scenarios.get(scenario.id)).toMatchObject({
      isActive: true,
      consecutiveErrors: 1,
    });
    await advance(30 * 60_000);
    expect(runs(scenario.id).map((run) => run.status)).toEqual([3, 3, 3]);
    expect(server.services.scenarios.get(scenario.id)).toMatchObject({ isActive: false, isInvalid: true });
  });

  it('takes up to maxResults queued requests per scheduled run of a webhook scenario', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const bp = blueprints.queued() as { flow: Array<{ parameters: Record<string, unknown> }> };
    (bp.flow[0] as { parameters: Record<string, unknown> }).parameters.maxResults = 2;
    const { scenario, udid } = addScenario(server, bp, {
      scheduling: { type: 'indefinitely', interval: 900 },
    });
    for (const n of [1, 2, 3]) await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    await advance(15 * 60_000);
    const [first] = runs(scenario.id);
    expect(first?.record.cycles).toBe(2);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(1);
  });

  it('refuses to advance a system clock', async () => {
    server = testServer();
    const res = await advance(1000);
    expect([res.statusCode, res.json().code]).toEqual([400, 'SC400']);
  });
});
