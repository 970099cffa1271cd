import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, breakBlueprint, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

describe('Make API v2: hooks (https://developers.make.com/api-documentation/api-reference/hooks)', () => {
  it('lists and gets hooks with udid, url and queue counts', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 1 } });
    const { hooks } = (await api('GET', '/hooks?teamId=1')).json();
    expect(hooks[0]).toMatchObject({
      udid,
      url: `http://127.0.0.1:9999/${udid}`,
      queueCount: 1,
      enabled: true,
      scenarioId: scenario.id,
    });
    expect((await api('GET', `/hooks/${hooks[0].id}`)).json().hook.typeName).toBe('gateway-webhook');
  });

  it('pings, disables, enables and toggles learning', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const id = scenario.hookId;
    expect((await api('GET', `/hooks/${id}/ping`)).json()).toEqual({
      address: `http://127.0.0.1:9999/${udid}`,
      attached: true,
      learning: false,
      gone: false,
    });
    expect((await api('POST', `/hooks/${id}/disable`)).json()).toEqual({ success: true });
    expect((await server.app.inject({ method: 'POST', url: `/${udid}`, payload: {} })).statusCode).toBe(410);
    await api('POST', `/hooks/${id}/enable`);
    expect((await server.app.inject({ method: 'POST', url: `/${udid}`, payload: {} })).statusCode).toBe(200);
    await api('POST', `/hooks/${id}/learn-start`);
    expect((await api('GET', `/hooks/${id}/ping`)).json().learning).toBe(true);
    await api('POST', `/hooks/${id}/learn-stop`);
    expect((await api('GET', `/hooks/${id}/ping`)).json().learning).toBe(false);
  });

  it('lists incomings and deletes them only with confirmed=true', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    for (const n of [1, 2]) await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    const id = scenario.hookId;
    const { incomings } = (await api('GET', `/hooks/${id}/incomings`)).json();
    expect(incomings).toHaveLength(2);
    const refused = await api('DELETE', `/hooks/${id}/incomings`, { all: true });
    expect([refused.statusCode, refused.json().code]).toEqual([406, 'IM004']);
    expect(
      (await api('DELETE', `/hooks/${id}/incomings?confirmed=true`, { ids: [incomings[0].id] })).json(),
    ).toEqual({
      incomings: [incomings[0].id],
    });
    expect((await api('GET', `/hooks/${id}/incomings/stats`)).json().incomingStat.queue).toBe(1);
  });

  it('deletes all incomings but the exceptIds and answers only the deleted ids', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    for (const n of [1, 2, 3]) await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n } });
    const id = scenario.hookId;
    const listed = async () =>
      (await api('GET', `/hooks/${id}/incomings`)).json().incomings.map((item: { id: number }) => item.id);
    const [first, kept, last] = await listed();
    // The body's types are checked as sent (no coercion of "5" or of a lone id into a list).
    for (const [exceptIds, problem] of [
      [kept, "Parameter 'exceptIds' must be of type array."],
      [[String(kept)], "Parameter 'exceptIds.0' must be of type integer."],
      ['all', "Parameter 'exceptIds' must be of type array."],
    ]) {
      const bad = await api('DELETE', `/hooks/${id}/incomings?confirmed=true`, { all: true, exceptIds });
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'SC400']);
      expect(bad.json().suberrors).toEqual([{ message: problem, name: 'Error' }]);
    }
    expect(await listed()).toEqual([first, kept, last]);
    const res = await api('DELETE', `/hooks/${id}/incomings?confirmed=true`, {
      all: true,
      exceptIds: [kept],
    });
    expect(res.json()).toEqual({ incomings: [first, last] });
    expect(await listed()).toEqual([kept]);
  });

  it('gives each incoming the bundle the trigger will get, under the options it arrived with', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const id = scenario.hookId;
    await api('POST', `/hooks/${id}/set-data`, { method: true });
    await server.app.inject({ method: 'POST', url: `/${udid}?q=x`, payload: { n: 1 } });
    // Switched off after arrival: the queued item keeps the method it was received with.
    await api('POST', `/hooks/${id}/set-data`, { method: false });
    const { incomings } = (await api('GET', `/hooks/${id}/incomings`)).json();
    expect(incomings).toEqual([
      {
        id: expect.any(Number),
        scope: 'hook',
        size: '{"n":1}'.length,
        created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { n: 1, q: 'x', __IMTMETHOD__: 'POST' },
      },
    ]);
    const { incoming } = (await api('GET', `/hooks/${id}/incomings/${incomings[0].id}`)).json();
    expect(incoming.data).toEqual(incomings[0].data);
  });

  it("gives a mailhook's incoming the mail bundle", async () => {
    server = testServer();
    const bp = blueprints.queued() as { flow: Array<Record<string, unknown>> };
    bp.flow[0] = { ...bp.flow[0], module: 'gateway:CustomMailHook' };
    const { udid, scenario } = addScenario(server, bp, { isActive: false });
    await server.app.inject({
      method: 'POST',
      url: `/mailhook/${udid}`,
      headers: { 'content-type': 'message/rfc822' },
      payload: 'From: "Ann Lee" <ann@example.com>\r\nSubject: Order 42\r\n\r\nBody\r\n',
    });
    const { incomings } = (await api('GET', `/hooks/${scenario.hookId}/incomings`)).json();
    expect(incomings).toHaveLength(1);
    expect(incomings[0].data).toMatchObject({
      from: { address: 'ann@example.com', name: 'Ann Lee' },
      subject: 'Order 42',
    });
  });

  it('filters hooks by typeName, assigned and viewForScenarioId, sorted by name', async () => {
    server = testServer();
    const queued = addScenario(server, blueprints.queued(), { isActive: false });
    addScenario(server, blueprints.responder(), { isActive: false });
    await api('POST', '/hooks?useDefaults=requiredOnly', {
      name: 'Loose webhook',
      teamId: 1,
      typeName: 'gateway-webhook',
    });
    await api('POST', '/hooks', { name: 'Loose mailbox', teamId: 1, typeName: 'gateway-mailhook' });
    const names = async (query: string) =>
      (await api('GET', `/hooks?teamId=1${query}`)).json().hooks.map((hook: { name: string }) => hook.name);
    expect(await names('')).toEqual([
      'Loose mailbox',
      'Loose webhook',
      'Queued webhook',
      'Responder webhook',
    ]);
    expect(await names('&typeName=gateway-mailhook')).toEqual(['Loose mailbox']);
    expect(await names('&assigned=true')).toEqual(['Queued webhook', 'Responder webhook']);
    expect(await names('&assigned=false')).toEqual(['Loose mailbox', 'Loose webhook']);
    // The hooks one scenario may take: the free ones and its own; `assigned` is then ignored.
    const forQueued = `&viewForScenarioId=${queued.scenario.id}`;
    expect(await names(`${forQueued}&assigned=true`)).toEqual([
      'Loose mailbox',
      'Loose webhook',
      'Queued webhook',
    ]);
    expect(await names(`${forQueued}&typeName=gateway-webhook`)).toEqual(['Loose webhook', 'Queued webhook']);
    const bad = await api('GET', '/hooks?teamId=1&assigned=yes');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'SC400']);
  });

  it('needs the token for a hook ping', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await server.app.inject({ method: 'GET', url: `/api/v2/hooks/${scenario.hookId}/ping` });
    expect(res.statusCode).toBe(401);
  });

  it('refuses set-data with a non-boolean flag and changes nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await api('POST', `/hooks/${scenario.hookId}/set-data`, { headers: 'yes', method: true });
    expect(res.statusCode).toBe(400);
    expect(server.services.hooks.get(scenario.hookId ?? 0)?.data.method).toBe(false);
  });

  it('refuses set-data with an IP allow-list entry it cannot read, naming ip, and changes nothing', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await api('POST', `/hooks/${scenario.hookId}/set-data`, { ip: '10.0.0.0/8, 10.0.0/8' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'SC400']);
    const [suberror] = res.json().suberrors;
    expect(suberror.message).toMatch(/^Parameter 'ip': '10\.0\.0\/8' /);
    expect(server.services.hooks.get(scenario.hookId ?? 0)?.data.ip).toBeNull();
    const ok = await api('POST', `/hooks/${scenario.hookId}/set-data`, { ip: '10.0.0.0/8, ::1' });
    expect(ok.json()).toEqual({ changed: true });
    expect(server.services.hooks.get(scenario.hookId ?? 0)?.data.ip).toBe('10.0.0.0/8, ::1');
  });
});

describe('Make API v2: data stores and records (https://developers.make.com/api-documentation/api-reference/data-stores)', () => {
  const withStore = () => {
    const config = parseConfig(
      { database: ':memory:', dataStores: [{ name: 'customers', makeId: 137 }] },
      { root: process.cwd() },
    );
    const environment = createRunEnvironment(config, { database: ':memory:' });
    return testServer({ dataStores: environment.dataStores });
  };

  it('creates, lists, replaces, merges and deletes records', async () => {
    server = withStore();
    expect((await api('GET', '/data-stores?teamId=1')).json().dataStores[0]).toMatchObject({
      id: 137,
      name: 'customers',
      records: 0,
    });
    const created = (
      await api('POST', '/data-stores/137/data', { key: 'a1', data: { name: 'Ada', age: 36 } })
    ).json();
    expect(created).toEqual({ key: 'a1', data: { name: 'Ada', age: 36 } });
    const generated = (await api('POST', '/data-stores/137/data', { data: { name: 'Bob' } })).json();
    expect(generated.key).toMatch(/^[0-9a-f]{12}$/);
    expect((await api('PUT', '/data-stores/137/data/a1', { name: 'Ada L.' })).json().data).toEqual({
      name: 'Ada L.',
    });
    expect((await api('PATCH', '/data-stores/137/data/a1', { age: 37 })).json().data).toEqual({
      name: 'Ada L.',
      age: 37,
    });
    const list = (await api('GET', '/data-stores/137/data?pg[limit]=1')).json();
    expect(list).toMatchObject({ count: 2, pg: { limit: 1, offset: 0 } });
    expect(list.records).toHaveLength(1);
    const refused = await api('DELETE', '/data-stores/137/data', { keys: ['a1'] });
    expect(refused.json().code).toBe('IM004');
    expect((await api('DELETE', '/data-stores/137/data?confirmed=true', { keys: ['a1'] })).json()).toEqual({
      keys: ['a1'],
    });
    expect((await api('GET', '/data-stores/137')).json().dataStore.records).toBe(1);
  });

  it('refuses a record whose data is not an object and writes nothing', async () => {
    server = withStore();
    const res = await api('POST', '/data-stores/137/data', { key: 'x', data: [1, 2] });
    expect(res.statusCode).toBe(400);
    expect((await api('GET', '/data-stores/137/data')).json().count).toBe(0);
  });

  it('answers 404 for an unknown store', async () => {
    server = withStore();
    expect((await api('GET', '/data-stores/999/data')).statusCode).toBe(404);
  });
});

describe('Make API v2: incomplete executions (https://developers.make.com/api-documentation/api-reference/incomplete-executions)', () => {
  it('lists a Break incomplete execution, and a retry that succeeds resolves it', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, breakBlueprint());
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { doc: 'broken' } });
    await server.services.runner.idle();
    const { dlqs } = (await api('GET', `/dlqs?scenarioId=${scenario.id}`)).json();
    expect(dlqs).toHaveLength(1);
    expect(dlqs[0]).toMatchObject({ resolved: false, retry: true, attempts: 0 });
    const dlq = (await api('GET', `/dlqs/${dlqs[0].id}`)).json().dlq;
    expect(dlq).toMatchObject({
      scenarioId: scenario.id,
      executionId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    // The retry runs the same input again: still broken, so it stays unresolved with one attempt.
    expect((await api('POST', `/dlqs/${dlqs[0].id}/retry`)).json()).toEqual({ dlq: dlqs[0].id });
    expect((await api('GET', `/dlqs/${dlqs[0].id}`)).json().dlq).toMatchObject({
      attempts: 1,
      resolved: false,
    });
    const logs = (await api('GET', `/scenarios/${scenario.id}/logs`)).json().scenarioLogs;
    expect(logs.map((log: { type: string }) => log.type)).toEqual(['dlq', 'auto']);
  });
});
