import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { blockingEngine as blockingEngineOf } from './blocking-engine.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
let releaseBlocked = () => {};
afterEach(async () => {
  // A failed assertion must not leave a run blocked: close() waits for runs in flight.
  releaseBlocked();
  await server?.close();
});

const api = apiClient(() => server);

const BLOCKING = 'Blocking';

/** Runs of the blueprint named `Blocking` wait until release(); afterEach releases them too. */
function blockingEngine() {
  const blocking = blockingEngineOf((blueprint) => blueprint.name === BLOCKING);
  releaseBlocked = blocking.release;
  return blocking;
}

/** A Set-variable scenario run only on demand (the scheduler never starts it). */
function onDemand(name: string) {
  return addScenario(server, { ...blueprints.scheduled(), name }, { scheduling: { type: 'on-demand' } })
    .scenario;
}

describe('POST /scenarios/{id}/run while the scenario runs (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('refuses a second run of a running scenario with 400 and stores nothing for it', async () => {
    const { engine, release } = blockingEngine();
    server = testServer({ engine });
    const a = onDemand(BLOCKING);
    const first = await api('POST', `/scenarios/${a.id}/run`, {});
    expect(first.statusCode).toBe(200);
    expect(server.services.runner.isRunning(a.id)).toBe(true);
    const before = server.services.executions.count();

    const res = await api('POST', `/scenarios/${a.id}/run`, {});

    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      detail: 'Scenario is already being executed',
      message: 'Bad Request',
      code: 'SC400',
    });
    expect(server.services.executions.count()).toBe(before);
    release();
    await server.services.runner.idle();
    // Only the first run reached history: the refused one never ran.
    expect(server.services.executions.count(a.id)).toBe(1);
  });

  it('lets another scenario run while the first one is running', async () => {
    const { engine, release } = blockingEngine();
    server = testServer({ engine });
    const a = onDemand(BLOCKING);
    const b = onDemand('Free');
    expect((await api('POST', `/scenarios/${a.id}/run`, {})).statusCode).toBe(200);

    const res = await api('POST', `/scenarios/${b.id}/run`, { responsive: true });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ executionId: expect.stringMatching(/^[0-9a-f]{32}$/), status: 1 });
    expect(server.services.executions.count(b.id)).toBe(1);
    expect(server.services.runner.isRunning(a.id)).toBe(true);
    release();
  });

  it('runs the scenario again once its run has finished', async () => {
    const { engine, release } = blockingEngine();
    server = testServer({ engine });
    const a = onDemand(BLOCKING);
    expect((await api('POST', `/scenarios/${a.id}/run`, {})).statusCode).toBe(200);
    release();
    await server.services.runner.idle();

    const res = await api('POST', `/scenarios/${a.id}/run`, {});

    expect(res.statusCode).toBe(200);
    expect(res.json().executionId).toMatch(/^[0-9a-f]{32}$/);
    await server.services.runner.idle();
    expect(server.services.executions.count(a.id)).toBe(2);
  });

  it('starts exactly one run when two requests arrive at once', async () => {
    const { engine, release } = blockingEngine();
    server = testServer({ engine });
    const a = onDemand(BLOCKING);

    const answers = await Promise.all([
      api('POST', `/scenarios/${a.id}/run`, {}),
      api('POST', `/scenarios/${a.id}/run`, {}),
    ]);

    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 400]);
    release();
    await server.services.runner.idle();
    expect(server.services.executions.count(a.id)).toBe(1);
  });
});
