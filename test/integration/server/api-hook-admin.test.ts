import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

const webhook = { name: 'Orders', teamId: 1, typeName: 'gateway-webhook' };

describe('Make API v2: hooks create, rename, delete (https://developers.make.com/api-documentation/api-reference/hooks)', () => {
  it('creates a gateway-webhook hook that answers on its udid', async () => {
    server = testServer();
    const res = await api('POST', '/hooks', { ...webhook, method: true, headers: false, stringify: false });
    expect(res.statusCode).toBe(200);
    const { hook } = res.json();
    expect(hook).toMatchObject({ name: 'Orders', typeName: 'gateway-webhook', enabled: true });
    expect(hook.data).toMatchObject({ method: true, headers: false, stringify: false });
    expect(hook.udid).toMatch(/^[a-z0-9]{32}$/);
  });

  it('starts a created webhook in learning mode: its first request is Accepted and ends learning', async () => {
    server = testServer();
    const { hook } = (await api('POST', '/hooks?useDefaults=requiredOnly', webhook)).json();
    expect((await api('GET', `/hooks/${hook.id}/ping`)).json()).toMatchObject({
      attached: false,
      learning: true,
    });
    const first = await server.app.inject({ method: 'POST', url: `/${hook.udid}`, payload: { sample: 1 } });
    expect([first.statusCode, first.body]).toEqual([200, 'Accepted']);
    expect((await api('GET', `/hooks/${hook.id}/ping`)).json().learning).toBe(false);
    // Learning over and no scenario listening: the gateway's 410 "no scenario", not "not found"
    // (https://help.make.com/webhooks).
    const second = await server.app.inject({ method: 'POST', url: `/${hook.udid}`, payload: {} });
    expect([second.statusCode, second.body]).toEqual([
      410,
      'There is no scenario listening for this webhook.',
    ]);
    // A served blueprint's hook has its learned interface in the blueprint already.
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    expect((await api('GET', `/hooks/${scenario.hookId}/ping`)).json().learning).toBe(false);
  });

  it('creates a gateway-mailhook: type mail, an email address, found by the mail gateway', async () => {
    server = testServer();
    const res = await api('POST', '/hooks', { name: 'Inbox', teamId: 1, typeName: 'gateway-mailhook' });
    expect(res.statusCode).toBe(200);
    const { hook } = res.json();
    const address = `${hook.udid}@hook.local`;
    expect(hook).toMatchObject({
      type: 'mail',
      typeName: 'gateway-mailhook',
      url: address,
      scenarioId: null,
    });
    expect((await api('GET', `/hooks/${hook.id}/ping`)).json()).toMatchObject({ address, learning: false });
    // Known to the mail gateway (410 "no scenario", not "not found"), unknown as a webhook.
    const mail = await server.app.inject({
      method: 'POST',
      url: `/mailhook/${hook.udid}`,
      headers: { 'content-type': 'message/rfc822' },
      payload: 'From: ann@example.com\r\nSubject: Hi\r\n\r\nBody\r\n',
    });
    expect(mail.body).toBe('There is no scenario listening for this webhook.');
    const web = await server.app.inject({ method: 'POST', url: `/${hook.udid}`, payload: {} });
    expect(web.statusCode).toBe(410);
    expect(web.body).not.toBe(mail.body);
  });

  it('refuses the webhook-only method, headers and stringify on a gateway-mailhook', async () => {
    server = testServer();
    const mailhook = { name: 'Inbox', teamId: 1, typeName: 'gateway-mailhook' };
    const res = await api('POST', '/hooks?useDefaults=requiredOnly', {
      ...mailhook,
      method: false,
      stringify: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', message: 'Bad Request' });
    expect(res.json().suberrors.map((error: { message: string }) => error.message)).toEqual([
      "Parameter 'method' is for webhooks only; a gateway-mailhook takes no 'method'.",
      "Parameter 'stringify' is for webhooks only; a gateway-mailhook takes no 'stringify'.",
    ]);
    expect(server.services.hooks.list()).toHaveLength(0);
  });

  it('needs method, headers and stringify unless useDefaults=requiredOnly', async () => {
    server = testServer();
    const missing = await api('POST', '/hooks', webhook);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('SC400');
    expect(missing.json().suberrors).toHaveLength(3);
    const defaulted = await api('POST', '/hooks?useDefaults=requiredOnly', webhook);
    expect(defaulted.json().hook.data).toMatchObject({ method: false, headers: false, stringify: false });
  });

  it('takes an IP allow-list at creation and refuses one with a bad entry, naming ip', async () => {
    server = testServer();
    const bad = await api('POST', '/hooks?useDefaults=requiredOnly', { ...webhook, ip: '10.0.0.0/33' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'SC400']);
    expect(bad.json().suberrors[0].message).toMatch(/^Parameter 'ip': '10\.0\.0\.0\/33' /);
    expect(server.services.hooks.list()).toHaveLength(0);
    const good = await api('POST', '/hooks?useDefaults=requiredOnly', { ...webhook, ip: '10.0.0.0/8' });
    const { hook } = good.json();
    expect(hook.data.ip).toBe('10.0.0.0/8');
    await server.app.inject({ method: 'POST', url: `/${hook.udid}`, payload: {}, remoteAddress: '10.1.1.1' });
    const outside = await server.app.inject({
      method: 'POST',
      url: `/${hook.udid}`,
      payload: {},
      remoteAddress: '192.168.1.1',
    });
    expect(outside.statusCode).toBe(403);
  });

  it('refuses an unknown hook type with IM005 and writes nothing', async () => {
    server = testServer();
    const res = await api('POST', '/hooks?useDefaults=requiredOnly', { ...webhook, typeName: 'mail' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'IM005']);
    expect(server.services.hooks.list()).toHaveLength(0);
  });

  it('renames a hook and refuses an empty name', async () => {
    server = testServer();
    const { hook } = (await api('POST', '/hooks?useDefaults=requiredOnly', webhook)).json();
    expect((await api('PATCH', `/hooks/${hook.id}`, { name: 'Renamed' })).json().hook.name).toBe('Renamed');
    expect((await api('PATCH', `/hooks/${hook.id}`, { name: '' })).statusCode).toBe(400);
    expect((await api('PATCH', '/hooks/999', { name: 'x' })).statusCode).toBe(404);
  });

  it('deletes an unused hook at once, and a used one only with confirmed=true', async () => {
    server = testServer();
    const { hook } = (await api('POST', '/hooks?useDefaults=requiredOnly', webhook)).json();
    expect((await api('DELETE', `/hooks/${hook.id}`)).json()).toEqual({ hook: hook.id });
    expect((await api('GET', `/hooks/${hook.id}`)).statusCode).toBe(404);

    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 1 } });
    const refused = await api('DELETE', `/hooks/${scenario.hookId}`);
    expect([refused.statusCode, refused.json().code]).toEqual([406, 'IM004']);
    expect((await api('DELETE', `/hooks/${scenario.hookId}?confirmed=true`)).statusCode).toBe(200);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
    expect((await server.app.inject({ method: 'POST', url: `/${udid}`, payload: {} })).statusCode).toBe(410);
  });
});

describe('Make API v2: data stores of the config (https://developers.make.com/api-documentation/api-reference/data-stores)', () => {
  // Stores of makesim.config.json are changed there; the API answers Make's error body pointing there.
  it('refuses to update or delete a config store with a 400 error body and keeps it', async () => {
    const config = parseConfig(
      { database: ':memory:', dataStores: [{ name: 'customers', makeId: 137 }] },
      { root: process.cwd() },
    );
    const environment = createRunEnvironment(config, { database: ':memory:' });
    server = testServer({ dataStores: environment.dataStores });
    const calls = [
      api('PATCH', '/data-stores/137', { name: 'Renamed' }),
      api('DELETE', '/data-stores?ids%5B%5D=137&confirmed=true'),
      api('DELETE', '/data-stores/137?confirmed=true'),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SC400', message: 'Bad Request' });
    }
    expect((await api('GET', '/data-stores/137')).json().dataStore.name).toBe('customers');
  });
});
