/**
 * Webhook data-structure validation (Make's help: https://help.make.com/webhooks): a hook whose `udt` names a
 * data structure refuses requests that do not fit it with 400 and queues nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

const spec = [
  { name: 'email', type: 'text', required: true },
  { name: 'age', type: 'number' },
];

/** An inactive webhook scenario (items stay queued) whose hook validates against a new structure. */
async function validatingHook(options: { strict?: boolean; headers?: boolean } = {}) {
  const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
  const structure = (
    await api('POST', '/data-structures', { teamId: 1, name: 'Lead', spec, strict: options.strict ?? false })
  ).json().dataStructure;
  const set = await api('POST', `/hooks/${scenario.hookId}/set-data`, {
    udt: structure.id,
    ...(options.headers ? { headers: true } : {}),
  });
  expect(set.json()).toEqual({ changed: true });
  return { udid, hookId: scenario.hookId ?? 0, structureId: structure.id as number };
}

const post = (udid: string, payload: object, query = '') =>
  server.app.inject({ method: 'POST', url: `/${udid}${query}`, payload });

describe('webhook data structure validation (https://help.make.com/webhooks)', () => {
  it('queues a request that fits the structure', async () => {
    server = testServer();
    const { udid, hookId } = await validatingHook();
    const res = await post(udid, { email: 'a@b.c', age: 30 });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    expect(server.services.queue.count(hookId)).toBe(1);
  });

  it('refuses a wrong type with 400 naming the field, and queues nothing', async () => {
    server = testServer();
    const { udid, hookId } = await validatingHook();
    const res = await post(udid, { email: 'a@b.c', age: 'thirty' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('/age');
    // An optional field may be null, but that is no help to the caller: the answer does not say it.
    expect(res.body).not.toContain('null');
    expect(server.services.queue.count(hookId)).toBe(0);
  });

  it('refuses a request without a required field', async () => {
    server = testServer();
    const { udid, hookId } = await validatingHook();
    const res = await post(udid, { age: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('/email');
    expect(server.services.queue.count(hookId)).toBe(0);
  });

  it('converts numeric query text as Make maps it, so ?age=30 fits a number field', async () => {
    server = testServer();
    const { udid } = await validatingHook();
    expect((await post(udid, {}, '?email=a@b.c&age=30')).statusCode).toBe(200);
  });

  it('accepts extra fields unless the structure is strict', async () => {
    server = testServer();
    const loose = await validatingHook();
    expect((await post(loose.udid, { email: 'a@b.c', extra: 1 })).statusCode).toBe(200);
    const strict = await validatingHook({ strict: true });
    const res = await post(strict.udid, { email: 'a@b.c', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('/extra');
  });

  it('does not count the gateway headers item as a payload field of a strict structure', async () => {
    server = testServer();
    const { udid } = await validatingHook({ strict: true, headers: true });
    expect((await post(udid, { email: 'a@b.c' })).statusCode).toBe(200);
  });

  it('stops validating when udt is set back to null', async () => {
    server = testServer();
    const { udid, hookId } = await validatingHook();
    await api('POST', `/hooks/${hookId}/set-data`, { udt: null });
    expect((await post(udid, { age: 'x' })).statusCode).toBe(200);
  });
});

describe('hook udt over the API (https://developers.make.com/api-documentation/api-reference/hooks)', () => {
  it('refuses set-data with an unknown data structure id and keeps the hook as it was', async () => {
    server = testServer();
    const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await api('POST', `/hooks/${scenario.hookId}/set-data`, { udt: 4242 });
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors[0].message).toContain('udt');
    expect((await api('GET', `/hooks/${scenario.hookId}`)).json().hook.data.udt).toBeNull();
  });

  it('creates a hook with a udt, and refuses an unknown one without creating a hook', async () => {
    server = testServer();
    const id = (await api('POST', '/data-structures', { teamId: 1, name: 'S', spec })).json().dataStructure
      .id;
    const body = { name: 'h', teamId: 1, typeName: 'gateway-webhook' };
    const created = await api('POST', '/hooks?useDefaults=requiredOnly', { ...body, udt: id });
    expect(created.json().hook.data.udt).toBe(id);
    const refused = await api('POST', '/hooks?useDefaults=requiredOnly', { ...body, udt: id + 100 });
    expect(refused.statusCode).toBe(400);
    expect((await api('GET', '/hooks')).json().hooks).toHaveLength(1);
  });
});
