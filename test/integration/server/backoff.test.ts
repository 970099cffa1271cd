import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, blueprints, testServer } from './fixtures.ts';
import { scriptedEngine } from './scripted-engine.ts';

const MINUTE = 60_000;
let server: ServerApp;
afterEach(async () => server?.close());

function setUp(script: string[], dlq = false, webhook = false) {
  const clock = new SimulatedClock('2026-01-05T00:00:00Z');
  const { engine, runTimes } = scriptedEngine(script, clock, dlq);
  server = testServer({ engine, clock });
  const { scenario, udid } = webhook
    ? addScenario(server, blueprints.queued())
    : addScenario(server, blueprints.scheduled(), { scheduling: { type: 'on-demand' } });
  const start = clock.now().getTime();
  const minutes = () => runTimes.map((time) => (time - start) / MINUTE);
  return { clock, scenario, udid, minutes };
}

// Make's help: https://help.make.com/exponential-backoff: reruns after ConnectionError / ModuleTimeoutError /
// RateLimitError.
describe('exponential backoff reruns (https://help.make.com/exponential-backoff)', () => {
  it('reruns after 1 min and then 2 min without incomplete executions, and stops after a success', async () => {
    const { scenario, minutes } = setUp(['ConnectionError', 'ModuleTimeoutError', 'success']);
    await server.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    await server.services.scheduler.advance(MINUTE - 1);
    expect(minutes()).toEqual([0]);
    await server.services.scheduler.advance(24 * 60 * MINUTE);
    expect(minutes()).toEqual([0, 1, 3]);
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(true);
  });

  it('uses the "incomplete executions enabled" column: 1 min, then 10 min', async () => {
    const { scenario, minutes } = setUp(['RateLimitError', 'RateLimitError', 'success'], true);
    await server.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    await server.services.scheduler.advance(60 * MINUTE);
    expect(minutes()).toEqual([0, 1, 11]);
  });

  it('disables scheduling when the 8th rerun fails too', async () => {
    const { scenario, minutes } = setUp(['ConnectionError']);
    await server.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    await server.services.scheduler.advance(7 * 24 * 60 * MINUTE);
    // Cumulative waits of the "IE disabled" column: 1, 2, 5, 10 min, 1 h, 3 h, 12 h, 24 h.
    expect(minutes()).toEqual([0, 1, 3, 8, 18, 78, 258, 978, 2418]);
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(false);
  });

  it("holds an instant scenario's queue until the rerun, which then takes the waiting request", async () => {
    const { scenario, udid, minutes } = setUp(['ConnectionError', 'success'], false, true);
    const post = (n: number) => server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    expect((await post(1)).body).toBe('Accepted');
    await server.services.runner.idle();
    // A backoff failure neither deactivates the instant scenario nor lets the next request run now.
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(true);
    expect((await post(2)).body).toBe('Accepted');
    await server.services.runner.idle();
    expect(minutes()).toEqual([0]);
    await server.services.scheduler.advance(MINUTE);
    await server.services.runner.idle();
    expect(minutes()).toEqual([0, 1]);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
  });

  it('does not rerun after other errors', async () => {
    const { scenario, minutes } = setUp(['DataError']);
    await server.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    await server.services.scheduler.advance(24 * 60 * MINUTE);
    expect(minutes()).toEqual([0]);
  });
});
