import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, greeter, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

/** Inputs `name` (required) and `title`, greeting through Return output. */
const titledGreeter = () =>
  greeter('Hello, {{var.input.title}} {{var.input.name}}!', [
    { name: 'name', type: 'text', required: true },
    { name: 'title', type: 'text' },
  ]);

describe('POST /scenarios/{id}/run: inputs and outputs (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('refuses a run without its required inputs, one suberror per field, and runs nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, titledGreeter(), { scheduling: { type: 'on-demand' } });
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
    const { scenario } = addScenario(server, titledGreeter(), { scheduling: { type: 'on-demand' } });
    const res = await api('POST', `/scenarios/${scenario.id}/run`, {
      data: { name: 'John Doe', title: 'Mr.' },
      responsive: true,
    });
    expect(res.json()).toMatchObject({ status: 1, outputs: { greeting: 'Hello, Mr. John Doe!' } });
  });
});
