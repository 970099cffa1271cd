/**
 * Route schemas (Fastify + ajv) answer bad parameters and bodies with Make's validation error:
 * 400 SC400 "Validation failed for N parameter(s)." and one suberror per problem, all at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

describe('API route schemas', () => {
  it('lists every problem of a create body in Make’s validation error', async () => {
    server = testServer();
    const res = await api('POST', '/scenarios', { teamId: 'team one', blueprint: '{}' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SC400',
      message: 'Bad Request',
      detail: 'Validation failed for 2 parameter(s).',
    });
    expect(res.json().suberrors).toEqual(
      expect.arrayContaining([
        { message: "Missing value of required parameter 'scheduling'.", name: 'Error' },
        { message: "Parameter 'teamId' must be of type integer.", name: 'Error' },
      ]),
    );
    expect(server.services.scenarios.list()).toHaveLength(0);
  });

  it('refuses a scenario id that is not a whole number', async () => {
    server = testServer();
    const res = await api('PATCH', '/scenarios/abc', { name: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 1 parameter(s).' });
  });

  it('refuses a name over 120 characters and a description that is not text, and changes nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const res = await api('PATCH', `/scenarios/${scenario.id}`, {
      name: 'n'.repeat(121),
      description: { text: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toHaveLength(2);
    expect(server.services.scenarios.get(scenario.id)?.name).toBe('Queued');
  });

  it('takes an update with no body', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({
      method: 'PATCH',
      url: `/api/v2/scenarios/${scenario.id}`,
      headers: { authorization: 'Token 0f3c2d1e-1234-4abc-8def-0123456789ab' },
    });
    expect(res.statusCode).toBe(200);
  });

  it.each(['/hooks/abc', '/data-stores/1.5', '/data-structures/-1', '/scenarios/x/logs'])(
    'answers %s with a validation error: every {id} is a whole number',
    async (url) => {
      server = testServer();
      const res = await api('GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 1 parameter(s).' });
    },
  );

  it('refuses run data that is not an object before anything runs', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const res = await api('POST', `/scenarios/${scenario.id}/run`, { data: ['a'], responsive: 'maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toHaveLength(2);
    await server.services.runner.idle();
    expect(server.services.executions.count(scenario.id)).toBe(0);
  });

  it('lists every mistyped hook option of set-data in one answer, and changes nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const before = server.services.hooks.get(scenario.hookId ?? -1)?.data;
    const res = await api('POST', `/hooks/${scenario.hookId}/set-data`, {
      headers: 'yes',
      apiKeys: ['k'.repeat(513)],
      udt: 'first',
      ip: { list: '10.0.0.1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 4 parameter(s).' });
    expect(res.json().suberrors).toEqual(
      expect.arrayContaining([
        { message: "Parameter 'headers' must be of type boolean.", name: 'Error' },
        { message: "Parameter 'udt' must be of type integer or null.", name: 'Error' },
        { message: "Parameter 'ip' must be of type string or null.", name: 'Error' },
      ]),
    );
    expect(server.services.hooks.get(scenario.hookId ?? -1)?.data).toEqual(before);
  });

  it('refuses a set-data body that is not an object with Make’s validation error', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued());
    const res = await api('POST', `/hooks/${scenario.hookId}/set-data`, [true]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 1 parameter(s).' });
  });

  it('lists every problem of a data-structure body in one answer, and creates nothing', async () => {
    server = testServer();
    const res = await api('POST', '/data-structures', { name: '   ', teamId: 'team one', strict: 'maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 4 parameter(s).' });
    expect(res.json().suberrors).toEqual(
      expect.arrayContaining([
        { message: "Missing value of required parameter 'spec'.", name: 'Error' },
        { message: "Parameter 'teamId' must be of type integer.", name: 'Error' },
        { message: "Parameter 'strict' must be of type boolean.", name: 'Error' },
      ]),
    );
    expect(server.services.dataStructures.list()).toHaveLength(0);
  });
});
