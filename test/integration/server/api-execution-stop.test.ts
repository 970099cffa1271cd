import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { blockingEngine } from './blocking-engine.ts';
import { addScenario, apiClient, testServer } from './fixtures.ts';

let server: ServerApp;
let release = () => {};
afterEach(async () => {
  release();
  await server?.close();
});

const api = apiClient(() => server);

/** Sleep 20 s (real time) → Set variable: a run that is still going when the test stops it. */
const sleeper = {
  name: 'Sleeper',
  flow: [
    { id: 1, module: 'util:FunctionSleep', version: 1, parameters: {}, mapper: { duration: '20' } },
    {
      id: 2,
      module: 'util:SetVariable2',
      version: 1,
      parameters: {},
      mapper: { name: 'after', scope: 'roundtrip', value: 'ran' },
    },
  ],
  metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
};

const onDemand = (bp: Record<string, unknown>) =>
  addScenario(server, bp, { scheduling: { type: 'on-demand' } }).scenario;

describe('POST /scenarios/{id}/executions/{executionId}/stop (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('with force, aborts the Sleep in flight: the run ends as a warning and later modules do not run', async () => {
    server = testServer();
    const scenario = onDemand(sleeper);
    const { executionId } = (await api('POST', `/scenarios/${scenario.id}/run`, {})).json();
    const started = Date.now();
    const res = await api('POST', `/scenarios/${scenario.id}/executions/${executionId}/stop`, {
      force: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ executionId, stopped: true });
    await server.services.runner.idle();
    expect(Date.now() - started).toBeLessThan(10_000);
    const stored = server.services.executions.get(executionId);
    expect(stored?.status).toBe(2);
    expect(stored?.record.modules.find((module) => module.id === 1)?.errors[0]?.type).toBe(
      'ExecutionInterruptedError',
    );
    expect(stored?.record.modules.find((module) => module.id === 2)?.operations).toBe(0);
    const detail = await api('GET', `/scenarios/${scenario.id}/executions/${executionId}`);
    expect(detail.json().status).toBe('WARNING');
  });

  it('without force, lets no further module start', async () => {
    const blocking = blockingEngine();
    release = blocking.release;
    server = testServer({ engine: blocking.engine });
    const scenario = onDemand(sleeper);
    const { executionId } = (await api('POST', `/scenarios/${scenario.id}/run`, {})).json();
    expect((await api('POST', `/scenarios/${scenario.id}/executions/${executionId}/stop`)).statusCode).toBe(
      200,
    );
    release();
    await server.services.runner.idle();
    const stored = server.services.executions.get(executionId);
    expect(stored?.status).toBe(2);
    expect(stored?.record.operations).toBe(0);
  });

  it('refuses a finished execution with 400 and an unknown one with 404', async () => {
    server = testServer();
    const scenario = onDemand({ ...sleeper, flow: [sleeper.flow[1]] });
    const { executionId } = (await api('POST', `/scenarios/${scenario.id}/run`, {})).json();
    await server.services.runner.idle();
    const finished = await api('POST', `/scenarios/${scenario.id}/executions/${executionId}/stop`);
    expect([finished.statusCode, finished.json().detail]).toEqual([400, 'The execution is not running.']);
    const unknown = await api('POST', `/scenarios/${scenario.id}/executions/${'0'.repeat(32)}/stop`);
    expect(unknown.statusCode).toBe(404);
    expect(server.services.executions.get(executionId)?.status).toBe(1);
  });
});
