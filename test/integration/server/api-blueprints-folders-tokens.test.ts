import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, TOKEN, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

describe('GET /scenarios/{id}/blueprints and blueprintId (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('lists the one kept blueprint as version 1, created at the last edit', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), { isActive: false });
    await api('PATCH', `/scenarios/${scenario.id}`, { name: 'Edited' });
    const { lastEdit } = (await api('GET', `/scenarios/${scenario.id}`)).json().scenario;
    const res = await api('GET', `/scenarios/${scenario.id}/blueprints`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      scenariosBlueprints: [{ created: lastEdit, version: 1, scenarioId: scenario.id, draft: false }],
    });
  });

  it('answers blueprintId 1 with the current blueprint and another version with 404', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.scheduled(), { isActive: false });
    const current = await api('GET', `/scenarios/${scenario.id}/blueprint?blueprintId=1`);
    expect(current.json()).toMatchObject({ code: 'OK', response: { blueprint: { name: 'Scheduled' } } });
    const other = await api('GET', `/scenarios/${scenario.id}/blueprint?blueprintId=2`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('SC404');
    expect((await api('GET', `/scenarios/${scenario.id}/blueprint?blueprintId=x`)).statusCode).toBe(400);
  });

  it('answers the versions of an unknown scenario with 404', async () => {
    server = testServer();
    expect((await api('GET', '/scenarios/5/blueprints')).statusCode).toBe(404);
  });
});

describe('GET /scenarios-folders (https://developers.make.com/api-documentation)', () => {
  it('answers no folders for a team, and needs teamId', async () => {
    server = testServer();
    const res = await api('GET', '/scenarios-folders?teamId=1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ scenariosFolders: [] });
    const missing = await api('GET', '/scenarios-folders');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('SC400');
  });
});

describe('GET /users/me/api-tokens (https://developers.make.com/api-documentation)', () => {
  it('lists the server token masked after its first segment, with the authorization’s scopes', async () => {
    server = testServer();
    const res = await api('GET', '/users/me/api-tokens');
    expect(res.statusCode).toBe(200);
    const { scope } = (await api('GET', '/users/me/current-authorization')).json().authorization;
    const [entry, ...others] = res.json().apiTokens;
    expect(others).toEqual([]);
    expect(entry).toEqual({
      token: '0f3c2d1e-****-****-****-************',
      scope,
      label: expect.any(String),
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(TOKEN.split('-')[0]).toBe('0f3c2d1e');
    expect(res.body).not.toContain(TOKEN.slice(9));
  });

  it('shows none of a token that has no dash', async () => {
    const token = 'plainsecrettoken';
    server = testServer({ token });
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v2/users/me/api-tokens',
      headers: { authorization: `Token ${token}` },
    });
    expect(res.json().apiTokens[0].token).toBe('*'.repeat(token.length));
    expect(res.body).not.toContain('plain');
  });
});
