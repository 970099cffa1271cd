import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { setActive } from '../../../server/project/admin.ts';
import { addScenario, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const post = (udid: string, payload: Record<string, unknown>) =>
  server.app.inject({ method: 'POST', url: `/${udid}`, payload });
const runs = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 100, sortDir: 'asc' });

// Make's help: https://help.make.com/overview-of-error-handling: an unhandled error with incomplete
// executions off rolls the cycle
// back, and for an instant trigger the event goes back into the webhook queue (Make's help:
// https://help.make.com/webhooks).
describe('rolled-back cycles put their webhook item back (https://help.make.com/overview-of-error-handling)', () => {
  it('returns the item of a failed run to the queue and runs it again when the scenario is started', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.sometimesFailing());
    expect((await post(udid, { doc: 'not json' })).body).toBe('Accepted');
    await server.services.runner.idle();
    // Instant scenarios are switched off on their first error
    // (https://help.make.com/overview-of-error-handling), so the item waits.
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(false);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(1);
    expect(server.services.queue.waiting(scenario.id)).toBe(1);
    setActive(server.services, scenario.id, true);
    for (let i = 0; i < 50 && runs(scenario.id).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await server.services.runner.idle();
    const inputs = runs(scenario.id).map((run) => run.record.modules[0]?.outputs[0]);
    expect(inputs).toEqual([{ doc: 'not json' }, { doc: 'not json' }]);
  });

  it('deletes the item of a successful run so it never runs twice', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.sometimesFailing());
    await post(udid, { doc: '{"ok":true}' });
    await server.services.runner.idle();
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
    setActive(server.services, scenario.id, false);
    setActive(server.services, scenario.id, true);
    await server.services.runner.idle();
    expect(runs(scenario.id).map((run) => run.status)).toEqual([1]);
  });
});
