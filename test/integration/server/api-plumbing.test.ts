import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, auth, blueprints, breakBlueprint, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

/** Stores 137 (a strict structure), 138 (no structure), 139 (a required field). */
function withStores() {
  const fields = [
    { name: 'name', type: 'text' },
    { name: 'age', type: 'number', default: 18 },
    { name: 'address', type: 'collection', spec: [{ name: 'city', type: 'text' }] },
  ];
  const config = parseConfig(
    {
      database: ':memory:',
      dataStores: [
        { name: 'customers', makeId: 137, structure: { strict: true, fields } },
        { name: 'loose', makeId: 138 },
        {
          name: 'strictRequired',
          makeId: 139,
          structure: { strict: true, fields: [{ name: 'email', type: 'text', required: true }] },
        },
      ],
    },
    { root: process.cwd() },
  );
  return testServer({ dataStores: createRunEnvironment(config, { database: ':memory:' }).dataStores });
}

/** A POST with `Content-Type: application/json` (or `type`) and exactly `payload` as the body. */
function rawPost(url: string, payload: string, type = 'application/json') {
  return server.app.inject({
    method: 'POST',
    url: `/api/v2${url}`,
    headers: { ...auth, 'content-type': type },
    payload,
  });
}

describe('Make API v2: an empty JSON body is no body (https://developers.make.com/api-documentation)', () => {
  it('starts and stops a scenario', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const started = await rawPost(`/scenarios/${scenario.id}/start`, '');
    expect(started.statusCode).toBe(200);
    expect(started.json()).toEqual({ scenario: { id: scenario.id, isActive: true, islinked: true } });
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(true);
    const stopped = await rawPost(`/scenarios/${scenario.id}/stop`, '', 'application/json; charset=utf-8');
    expect(stopped.statusCode).toBe(200);
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(false);
  });

  it('enables a hook, also when the body is only white space', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const hookId = scenario.hookId ?? 0;
    server.services.hooks.update(hookId, { enabled: false });
    const res = await rawPost(`/hooks/${hookId}/enable`, ' \n');
    expect([res.statusCode, res.json()]).toEqual([200, { success: true }]);
    expect(server.services.hooks.get(hookId)?.enabled).toBe(true);
  });

  it('retries an incomplete execution', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, breakBlueprint());
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'broken' } });
    await server.services.runner.idle();
    const { dlqs } = (await api('GET', `/dlqs?scenarioId=${scenario.id}`)).json();
    const res = await rawPost(`/dlqs/${dlqs[0].id}/retry`, '');
    expect(res.statusCode).toBe(200);
    expect((await api('GET', `/dlqs/${dlqs[0].id}`)).json().dlq.attempts).toBe(1);
  });

  it('runs an active scenario as if no body had been sent', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), {
      scheduling: { type: 'on-demand' },
    });
    const res = await rawPost(`/scenarios/${scenario.id}/run`, '');
    expect(res.statusCode).toBe(200);
    expect(res.json().executionId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves a route that needs a body to answer its own Make error', async () => {
    server = withStores();
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/v2/data-stores/138/data/k',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      detail: 'The request body must be a JSON object.',
      message: 'Bad Request',
      code: 'SC400',
    });
  });

  it('still refuses malformed JSON with Make’s error body, and changes nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await rawPost(`/scenarios/${scenario.id}/start`, '{"force":');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ message: 'Bad Request', code: 'SC400', detail: expect.any(String) });
    expect(server.services.scenarios.get(scenario.id)?.isActive).toBe(false);
  });

  it('still refuses a body that would poison a prototype', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await rawPost(`/scenarios/${scenario.id}/start`, '{"__proto__": {"isAdmin": true}}');
    expect([res.statusCode, res.json().code]).toEqual([400, 'SC400']);
  });

  it('asks for the token before reading the body', async () => {
    server = testServer();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v2/scenarios/1/start',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect([res.statusCode, res.json().code]).toEqual([401, 'SC401']);
  });
});

describe('Make API v2: token scopes and the organization (https://developers.make.com/api-documentation)', () => {
  it('lists the data structure scopes with the others', async () => {
    server = testServer();
    const { authorization } = (await api('GET', '/users/me/current-authorization')).json();
    expect(authorization.scope).toEqual(
      expect.arrayContaining(['udts:read', 'udts:write', 'datastores:read', 'scenarios:run']),
    );
  });

  it('shows the REST request limit as license.apiLimit, requests per minute', async () => {
    server = testServer();
    const { organization } = (await api('GET', '/organizations/1')).json();
    expect(organization).toMatchObject({ id: 1, license: { apiLimit: 1000 } });
  });

  it('knows only its one organization and team: another id is a 404', async () => {
    server = testServer();
    expect((await api('GET', '/organizations/2')).statusCode).toBe(404);
    expect((await api('GET', '/teams/7')).json()).toMatchObject({ code: 'SC404' });
    expect((await api('GET', '/teams/1')).json().team).toMatchObject({ id: 1, organizationId: 1 });
  });
});

describe('Make API v2: a record created without data (https://developers.make.com/api-documentation/api-reference/data-stores)', () => {
  it("stores every field of the store's data structure as null, defaults included", async () => {
    server = withStores();
    const res = await api('POST', '/data-stores/137/data', { key: 'k1' });
    const empty = { name: null, age: null, address: null };
    expect([res.statusCode, res.json()]).toEqual([200, { key: 'k1', data: empty }]);
    expect((await api('GET', '/data-stores/137/data')).json().records).toEqual([{ key: 'k1', data: empty }]);
  });

  it('creates one with a generated key from an empty JSON body', async () => {
    server = withStores();
    const res = await rawPost('/data-stores/137/data', '');
    expect(res.statusCode).toBe(200);
    expect(res.json().key).toMatch(/^[0-9a-f]{12}$/);
    expect(res.json().data).toEqual({ name: null, age: null, address: null });
  });

  it('stores an empty record in a store without a data structure', async () => {
    server = withStores();
    expect((await api('POST', '/data-stores/138/data', { key: 'k' })).json()).toEqual({ key: 'k', data: {} });
  });

  it('refuses one for a structure with a required field, and writes nothing', async () => {
    server = withStores();
    const res = await api('POST', '/data-stores/139/data', { key: 'k' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'SC400']);
    expect(res.json().detail).toContain('email');
    expect((await api('GET', '/data-stores/139/data')).json().count).toBe(0);
  });
});
