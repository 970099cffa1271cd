import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const started = (id: number) =>
  server.services.executions
    .list({ scenarioId: id, offset: 0, limit: 100, sortDir: 'asc' })
    .map((run) => run.record.modules[0]?.outputs[0]);

describe('maximum runs to start per minute (scheduling.maximum_runs_per_minute)', () => {
  it('keeps queued webhooks past the limit in the queue, in order, until the minute has room', async () => {
    const clock = new SimulatedClock('2026-03-02T10:00:00Z');
    server = testServer({ clock });
    const { udid, scenario } = addScenario(server, blueprints.queued(), {
      scheduling: { type: 'immediately', maximum_runs_per_minute: 2 },
    });
    const hookId = scenario.hookId ?? 0;
    for (let n = 1; n <= 5; n++) {
      const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
      expect(res.body).toBe('Accepted');
    }
    await server.services.runner.idle();
    expect(started(scenario.id)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(server.services.queue.count(hookId)).toBe(3);

    // 59 s later the window is still full; at 60 s the two oldest waiting items may start.
    clock.advance(59_000);
    server.services.runner.kick(scenario.id);
    await server.services.runner.idle();
    expect(started(scenario.id)).toHaveLength(2);
    clock.advance(1_000);
    server.services.runner.kick(scenario.id);
    await server.services.runner.idle();
    expect(started(scenario.id)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    expect(server.services.queue.count(hookId)).toBe(1);
  });

  it('starts the held items when a simulated clock is advanced past the minute', async () => {
    server = testServer({ clock: new SimulatedClock('2026-03-02T10:00:00Z') });
    const { udid, scenario } = addScenario(server, blueprints.queued(), {
      scheduling: { type: 'immediately', maximum_runs_per_minute: 1 },
    });
    for (let n = 1; n <= 3; n++) await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    await server.services.runner.idle();
    expect(started(scenario.id)).toEqual([{ n: 1 }]);
    await server.services.scheduler.advance(60_000);
    await server.services.runner.idle();
    expect(started(scenario.id)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('does not throttle a scenario whose scheduling sets no limit', async () => {
    server = testServer({ clock: new SimulatedClock('2026-03-02T10:00:00Z') });
    const { udid, scenario } = addScenario(server, blueprints.queued());
    for (let n = 1; n <= 5; n++) await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    await server.services.runner.idle();
    expect(started(scenario.id)).toHaveLength(5);
  });
});
