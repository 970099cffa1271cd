import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);
const name = { name: 'name', type: 'text', label: 'Name', required: true };

function onDemand(bp: Record<string, unknown> = blueprints.scheduled()) {
  server = testServer();
  return addScenario(server, bp, { scheduling: { type: 'on-demand' } }).scenario;
}

// https://developers.make.com/api-documentation/api-reference/scenarios: GET/PATCH /scenarios/{id}/interface
// → {interface: {input, output}}.
describe('Make API v2: scenario interface (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('answers an empty input and a null output for a scenario without inputs', async () => {
    const scenario = onDemand();
    expect((await api('GET', `/scenarios/${scenario.id}/interface`)).json()).toEqual({
      interface: { input: [], output: null },
    });
  });

  it("reads the blueprint's deprecated io.input_spec / io.output_spec (https://help.make.com/blueprints)", async () => {
    const bp = {
      ...blueprints.scheduled(),
      io: { input_spec: [name], output_spec: [{ name: 'ok', type: 'boolean' }] },
    };
    const scenario = onDemand(bp);
    expect((await api('GET', `/scenarios/${scenario.id}/interface`)).json().interface).toEqual({
      input: [name],
      output: [{ name: 'ok', type: 'boolean' }],
    });
  });

  it('stores a PATCHed interface and answers it from then on', async () => {
    const scenario = onDemand();
    const patched = await api('PATCH', `/scenarios/${scenario.id}/interface`, {
      interface: { input: [name] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toEqual({ interface: { input: [name], output: null } });
    expect((await api('GET', `/scenarios/${scenario.id}/interface`)).json()).toEqual(patched.json());
  });

  it('refuses required inputs on a scenario that is not on demand with 422 IM016', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const response = await api('PATCH', `/scenarios/${scenario.id}/interface`, {
      interface: { input: [name] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('IM016');
    expect((await api('GET', `/scenarios/${scenario.id}/interface`)).json().interface.input).toEqual([]);
  });

  it.each([
    ['no interface', {}],
    ['an input that is not an array', { interface: { input: 'name' } }],
    ['a field without a name', { interface: { input: [{ type: 'text' }] } }],
    ['a field without a type', { interface: { input: [{ name: 'a' }] } }],
    ['two fields of one name', { interface: { input: [name, name] } }],
    ['a required that is not a boolean', { interface: { input: [{ ...name, required: 'yes' }] } }],
    ['an output that is not an array', { interface: { input: [], output: {} } }],
  ])('answers 400 with suberrors to %s and stores nothing', async (_what, payload) => {
    const scenario = onDemand();
    const response = await api('PATCH', `/scenarios/${scenario.id}/interface`, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'SC400', message: 'Bad Request' });
    expect(response.json().suberrors.length).toBeGreaterThan(0);
    expect((await api('GET', `/scenarios/${scenario.id}/interface`)).json().interface).toEqual({
      input: [],
      output: null,
    });
  });

  it('answers 404 for an unknown scenario', async () => {
    server = testServer();
    const response = await api('GET', '/scenarios/999/interface');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('SC404');
  });
});
