import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { blockingEngine } from './blocking-engine.ts';
import { addScenario, apiClient, blueprints, greeter, testServer } from './fixtures.ts';

let server: ServerApp;
let releaseBlocked = () => {};
afterEach(async () => {
  // A failed assertion must not leave a run blocked: close() waits for runs in flight.
  releaseBlocked();
  await server?.close();
});

const api = apiClient(() => server);

/** Every run waits until the test calls releaseBlocked(). */
function blocked() {
  const { engine, release } = blockingEngine();
  releaseBlocked = release;
  return engine;
}

const onDemand = (bp: Record<string, unknown>) =>
  addScenario(server, bp, { scheduling: { type: 'on-demand' } }).scenario;

describe('GET /scenarios/{id}/executions/{executionId} (https://developers.make.com/api-documentation/api-reference/scenarios/logs)', () => {
  it('answers RUNNING for a run that has started and is not stored yet, then its final status', async () => {
    server = testServer({ engine: blocked() });
    const scenario = onDemand(greeter());
    const { executionId } = (
      await api('POST', `/scenarios/${scenario.id}/run`, { data: { name: 'Ann' } })
    ).json();

    const running = await api('GET', `/scenarios/${scenario.id}/executions/${executionId}`);

    expect(running.statusCode).toBe(200);
    expect(running.json()).toEqual({ status: 'RUNNING' });
    releaseBlocked();
    await server.services.runner.idle();
    const done = await api('GET', `/scenarios/${scenario.id}/executions/${executionId}`);
    expect(done.json()).toEqual({ status: 'SUCCESS', outputs: { greeting: 'Hello, Ann!' } });
    expect(server.services.runner.unstoredRunScenario(executionId)).toBeUndefined();
  });

  it('answers 404 for a running execution asked for under another scenario', async () => {
    server = testServer({ engine: blocked() });
    const running = onDemand(greeter());
    const other = onDemand({ ...blueprints.scheduled(), name: 'Other' });
    const { executionId } = (await api('POST', `/scenarios/${running.id}/run`, {})).json();

    const res = await api('GET', `/scenarios/${other.id}/executions/${executionId}`);

    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('SC404');
  });

  it('keeps the log entry of a running execution a 404 until it is stored', async () => {
    server = testServer({ engine: blocked() });
    const scenario = onDemand(greeter());
    const { executionId } = (await api('POST', `/scenarios/${scenario.id}/run`, {})).json();

    expect((await api('GET', `/scenarios/${scenario.id}/logs/${executionId}`)).statusCode).toBe(404);
    releaseBlocked();
    await server.services.runner.idle();
    const log = (await api('GET', `/scenarios/${scenario.id}/logs/${executionId}`)).json();
    expect(log.scenarioLog.id).toBe(executionId);
    // Make's TypeScript SDK reads the same log under `scenarioLogs`.
    expect(log.scenarioLogs).toEqual(log.scenarioLog);
  });

  it('shows the outputs the finished run returned, also for a dashed execution id', async () => {
    server = testServer();
    const scenario = onDemand(greeter());
    const { executionId } = (
      await api('POST', `/scenarios/${scenario.id}/run`, { data: { name: 'Bo' }, responsive: true })
    ).json();
    const dashed = `${executionId.slice(0, 8)}-${executionId.slice(8, 12)}-${executionId.slice(12)}`;

    const res = await api('GET', `/scenarios/${scenario.id}/executions/${dashed}`);

    expect(res.json()).toEqual({ status: 'SUCCESS', outputs: { greeting: 'Hello, Bo!' } });
  });

  it('answers empty outputs for a scenario without a Return output module', async () => {
    server = testServer();
    const scenario = onDemand({ ...blueprints.scheduled(), name: 'No outputs' });
    const { executionId } = (await api('POST', `/scenarios/${scenario.id}/run`, { responsive: true })).json();

    const res = await api('GET', `/scenarios/${scenario.id}/executions/${executionId}`);

    expect(res.json()).toEqual({ status: 'SUCCESS', outputs: {} });
  });
});
