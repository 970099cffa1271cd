import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, auth, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

describe('Make API v2: auth and general (https://developers.make.com/api-documentation)', () => {
  it('refuses a wrong token with Make’s error body', async () => {
    server = testServer();
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v2/users/me',
      headers: { authorization: 'Token wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ code: 'SC401', message: 'Unauthorized' });
    expect(typeof res.json().detail).toBe('string');
  });

  it('accepts the Bearer scheme too and answers users/me in its envelope', async () => {
    server = testServer();
    const token = server.services.settings.token;
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v2/users/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.json().authUser).toMatchObject({ id: 1, email: expect.any(String) });
  });

  it('answers ping as text without a token', async () => {
    server = testServer();
    const res = await server.app.inject({ method: 'GET', url: '/api/v2/ping' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
  });

  it('answers an unknown path with a 404 in Make’s error body', async () => {
    server = testServer();
    const res = await api('GET', '/Scenarios?teamId=1');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('SC404');
  });
});

describe('Make API v2: scenarios (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  const createBody = () => ({
    teamId: 1,
    blueprint: JSON.stringify(blueprints.queued()),
    scheduling: JSON.stringify({ type: 'immediately' }),
  });

  it('creates an inactive scenario from JSON-string blueprint and scheduling', async () => {
    server = testServer();
    const res = await api('POST', '/scenarios', createBody());
    expect(res.statusCode).toBe(200);
    const { scenario } = res.json();
    expect(scenario).toMatchObject({
      name: 'Queued',
      isActive: false,
      islinked: false,
      isinvalid: false,
      teamId: 1,
    });
    expect(scenario.scheduling).toEqual({ type: 'immediately' });
    expect(typeof scenario.hookId).toBe('number');
  });

  it('refuses a blueprint that is not a JSON string with a validation error and writes nothing', async () => {
    server = testServer();
    const res = await api('POST', '/scenarios', {
      ...createBody(),
      blueprint: { flow: [] },
      scheduling: '{"type":"bogus"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 2 parameter(s).' });
    expect(res.json().suberrors).toHaveLength(2);
    expect(server.services.scenarios.list()).toHaveLength(0);
  });

  it('refuses a blueprint that does not load and writes nothing', async () => {
    server = testServer();
    const res = await api('POST', '/scenarios', {
      ...createBody(),
      blueprint: JSON.stringify({ name: 'x', flow: 'nope' }),
    });
    expect(res.statusCode).toBe(400);
    expect(server.services.scenarios.list()).toHaveLength(0);
    expect(server.services.hooks.list()).toHaveLength(0);
  });

  it('refuses a malformed JSON body with Make’s error body', async () => {
    server = testServer();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v2/scenarios',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"teamId": 1,',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SC400');
  });

  it('lists with teamId only, and pages with pg[offset]/pg[limit] given raw or encoded', async () => {
    server = testServer();
    for (let i = 0; i < 3; i++) addScenario(server, blueprints.queued());
    expect((await api('GET', '/scenarios')).json().code).toBe('SC400');
    const raw = await api(
      'GET',
      '/scenarios?teamId=1&pg[limit]=2&pg[offset]=0&pg[sortBy]=id&pg[sortDir]=asc',
    );
    expect(raw.json().scenarios.map((s: { id: number }) => s.id)).toEqual([1, 2]);
    expect(raw.json().pg).toMatchObject({ limit: 2, offset: 0, sortBy: 'id', sortDir: 'asc' });
    const encoded = await api(
      'GET',
      '/scenarios?teamId=1&pg%5Blimit%5D=2&pg%5Boffset%5D=2&pg%5BsortBy%5D=id&pg%5BsortDir%5D=asc',
    );
    expect(encoded.json().scenarios.map((s: { id: number }) => s.id)).toEqual([3]);
  });

  it('starts and stops with isActive in the answer, and runs only when active', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const inactive = await api('POST', `/scenarios/${scenario.id}/run`, { data: {} });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().code).toBe('IM325');
    expect((await api('POST', `/scenarios/${scenario.id}/start`)).json()).toEqual({
      scenario: { id: scenario.id, isActive: true, islinked: true },
    });
    const run = await api('POST', `/scenarios/${scenario.id}/run`, { data: { n: 7 }, responsive: true });
    expect(run.json()).toMatchObject({ executionId: expect.stringMatching(/^[0-9a-f]{32}$/), status: 1 });
    expect((await api('POST', `/scenarios/${scenario.id}/stop`)).json().scenario.isActive).toBe(false);
  });

  it('updates name and scheduling, returns the blueprint object and deletes', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), { isActive: false });
    const patched = await api('PATCH', `/scenarios/${scenario.id}`, {
      name: 'Renamed',
      scheduling: JSON.stringify({ type: 'indefinitely', interval: 120 }),
    });
    expect(patched.json().scenario).toMatchObject({
      name: 'Renamed',
      scheduling: { type: 'indefinitely', interval: 120 },
    });
    const bp = await api('GET', `/scenarios/${scenario.id}/blueprint`);
    expect(bp.json()).toMatchObject({ code: 'OK', response: { blueprint: { name: 'Scheduled' } } });
    expect((await api('DELETE', `/scenarios/${scenario.id}`)).json()).toEqual({ scenario: scenario.id });
    expect((await api('GET', `/scenarios/${scenario.id}`)).statusCode).toBe(404);
  });

  it('refuses an interval under 60 seconds', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), { isActive: false });
    const res = await api('PATCH', `/scenarios/${scenario.id}`, {
      scheduling: JSON.stringify({ type: 'indefinitely', interval: 5 }),
    });
    expect(res.statusCode).toBe(400);
    expect(server.services.scenarios.get(scenario.id)?.scheduling).toEqual({
      type: 'indefinitely',
      interval: 900,
    });
  });

  it('lists logs newest first with numeric status, filters by status and shows execution detail', async () => {
    server = testServer();
    const { scenario, udid } = addScenario(server, blueprints.sometimesFailing({ maxErrors: 5 }));
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: '{}' } });
    await server.services.runner.idle();
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'bad' } });
    await server.services.runner.idle();
    const logs = (await api('GET', `/scenarios/${scenario.id}/logs`)).json();
    expect(logs.scenarioLogs.map((log: { status: number }) => log.status)).toEqual([3, 1]);
    expect(logs.scenarioLogs[0].imtId).toMatch(
      new RegExp(`^\\d+_scenario\\.${scenario.id}\\.auto\\.[0-9a-f]{32}$`),
    );
    const errors = (await api('GET', `/scenarios/${scenario.id}/logs?status=3`)).json();
    expect(errors.scenarioLogs).toHaveLength(1);
    const detail = (
      await api('GET', `/scenarios/${scenario.id}/executions/${errors.scenarioLogs[0].id}`)
    ).json();
    expect(detail.status).toBe('ERROR');
    expect(detail.error.causeModule.name).toBe('json:ParseJSON');
  });

  it('shows the webhook as the scenario trigger', async () => {
    server = testServer();
    const { scenario, udid } = addScenario(server, blueprints.queued());
    const res = (await api('GET', `/scenarios/${scenario.id}/triggers`)).json();
    expect(res).toMatchObject({
      udid,
      scope: 'hook',
      typeName: 'gateway-webhook',
      url: `http://127.0.0.1:9999/${udid}`,
    });
  });
});
