import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

/** Webhook → Webhook response → Sleep 1 s: the run goes on for a second after responding. */
function respondThenSleep(settings: { sequential?: boolean } = {}) {
  return {
    name: 'Respond then sleep',
    flow: [
      {
        id: 1,
        module: 'gateway:CustomWebHook',
        version: 1,
        parameters: { hook: 1, maxResults: 1 },
        mapper: {},
      },
      {
        id: 2,
        module: 'gateway:WebhookRespond',
        version: 1,
        parameters: {},
        mapper: { status: '201', body: 'hi {{1.name}}', headers: [] },
      },
      { id: 3, module: 'util:FunctionSleep', version: 1, parameters: {}, mapper: { duration: '1' } },
    ],
    metadata: {
      version: 1,
      instant: true,
      scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, sequential: settings.sequential ?? false },
    },
  };
}

const executionsOf = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 10, sortDir: 'asc' });

describe('held webhook callers are answered when the response module runs (https://help.make.com/webhooks)', () => {
  it('answers while the run is still going, and stores the run when it ends', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, respondThenSleep());
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'Ada' } });
    expect([res.statusCode, res.body]).toEqual([201, 'hi Ada']);
    expect(server.services.runner.isRunning(scenario.id)).toBe(true);
    expect(executionsOf(scenario.id)).toHaveLength(0);
    await server.services.runner.idle();
    const runs = executionsOf(scenario.id);
    expect(runs.map((run) => [run.status, run.operations])).toEqual([[1, 3]]);
  });

  it('answers a caller whose request waited in the queue as soon as its response module runs', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, respondThenSleep({ sequential: true }));
    // The second request finds the (sequential) scenario busy, so it is queued and waits its turn.
    const [first, second] = await Promise.all(
      ['Ada', 'Bob'].map((name) => server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name } })),
    );
    expect([first?.body, second?.body]).toEqual(['hi Ada', 'hi Bob']);
    expect(server.services.runner.isRunning(scenario.id)).toBe(true);
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)).toHaveLength(2);
  });
});
