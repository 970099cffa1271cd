/**
 * One intake (server/gateway/intake.ts): a webhook request is converted to its bundle once, and
 * that bundle is what the hook log, the data-structure check and the run's trigger see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { convertRequest } from '../../../server/runner/make-engine.ts';
import type { ConvertRequest } from '../../../server/services.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

function countingConvert(): { convert: ConvertRequest; calls: () => number } {
  let calls = 0;
  return {
    convert: (request, hook) => {
      calls += 1;
      return convertRequest(request, hook);
    },
    calls: () => calls,
  };
}

const firstOutput = (scenarioId: number) =>
  server.services.executions.list({ scenarioId, offset: 0, limit: 1, sortDir: 'asc' })[0]?.record.modules[0]
    ?.outputs[0];

describe('one intake of a webhook request', () => {
  it('converts a request once for the log, the structure check and the run', async () => {
    const counting = countingConvert();
    server = testServer({ convert: counting.convert });
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const structure = (
      await api('POST', '/data-structures', { teamId: 1, name: 'N', spec: [{ name: 'n', type: 'number' }] })
    ).json().dataStructure;
    await api('POST', `/hooks/${scenario.hookId}/set-data`, { udt: structure.id });
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 7 } });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    await server.services.runner.idle();
    expect(firstOutput(scenario.id)).toEqual({ n: 7 });
    expect(counting.calls()).toBe(1);
  });

  it('converts a request read back from the queue from its stored description', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    await server.app.inject({ method: 'POST', url: `/${udid}?q=1`, payload: { n: 3 } });
    await api('POST', `/scenarios/${scenario.id}/start`);
    await server.services.runner.idle();
    expect(firstOutput(scenario.id)).toEqual({ n: 3, q: '1' });
  });
});
