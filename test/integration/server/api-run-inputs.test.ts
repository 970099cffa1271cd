import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

/** An on-demand scenario with inputs `name` (required) and `title`, greeting through Return output. */
function greeter() {
  return {
    name: 'Greeter',
    flow: [
      {
        id: 1,
        module: 'scenario-service:ReturnData',
        version: 2,
        parameters: {},
        mapper: { greeting: 'Hello, {{var.input.title}} {{var.input.name}}!' },
      },
    ],
    interface: {
      input: [
        { name: 'name', type: 'text', required: true },
        { name: 'title', type: 'text' },
      ],
      output: [{ name: 'greeting', type: 'text' }],
    },
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
  };
}

describe('POST /scenarios/{id}/run: inputs and outputs (http-spec §2.3)', () => {
  it('refuses a run without its required inputs, one suberror per field, and runs nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, greeter(), { scheduling: { type: 'on-demand' } });
    const res = await api('POST', `/scenarios/${scenario.id}/run`, { data: { title: 'Dr.' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SC400',
      detail: 'Validation failed for 1 parameter(s).',
      suberrors: [{ message: "Missing value of required parameter 'name'." }],
    });
    await server.services.runner.idle();
    expect(server.services.executions.count(scenario.id)).toBe(0);
  });

  it('answers a responsive run with the outputs its Return output module returned', async () => {
    server = testServer();
    const { scenario } = addScenario(server, greeter(), { scheduling: { type: 'on-demand' } });
    const res = await api('POST', `/scenarios/${scenario.id}/run`, {
      data: { name: 'John Doe', title: 'Mr.' },
      responsive: true,
    });
    expect(res.json()).toMatchObject({ status: 1, outputs: { greeting: 'Hello, Mr. John Doe!' } });
  });
});
