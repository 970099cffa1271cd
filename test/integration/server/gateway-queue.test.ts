import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { setActive } from '../../../server/project/admin.ts';
import { addScenario, auth, blueprints, breakBlueprint, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const post = (udid: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({
    method: 'POST',
    url: `/${udid}`,
    payload: payload as Record<string, unknown>,
    headers,
  });
const runs = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 100, sortDir: 'asc' });

describe('webhook queue and scenario state (https://help.make.com/webhooks, https://help.make.com/overview-of-error-handling)', () => {
  it('keeps items of an inactive scenario queued and runs them in order when it is started', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued({ sequential: true }), {
      isActive: false,
    });
    for (const n of [1, 2, 3]) expect((await post(udid, { n })).body).toBe('Accepted');
    await server.services.runner.idle();
    expect(runs(scenario.id)).toHaveLength(0);
    setActive(server.services, scenario.id, true);
    for (let i = 0; i < 20 && runs(scenario.id).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await server.services.runner.idle();
    expect(runs(scenario.id).map((run) => run.record.modules[0]?.outputs[0])).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
  });

  it('deactivates an instant scenario on its first error and keeps later requests queued', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.sometimesFailing());
    await post(udid, { doc: '{"ok":true}' });
    await server.services.runner.idle();
    await post(udid, { doc: 'not json' });
    await server.services.runner.idle();
    const after = server.services.scenarios.get(scenario.id);
    expect(after?.isActive).toBe(false);
    expect(after?.isInvalid).toBe(true);
    expect((await post(udid, { doc: '{}' })).body).toBe('Accepted');
    await server.services.runner.idle();
    expect(runs(scenario.id).map((run) => run.status)).toEqual([1, 3]);
    // The failed run's item was rolled back into the queue (https://help.make.com/overview-of-error-handling)
    // beside the new one.
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(2);
  });

  it('answers 410 There is no scenario listening for a hook without a scenario', async () => {
    server = testServer();
    const hook = server.services.hooks.create({ name: 'loose', scenarioId: null, now: new Date() });
    const res = await post(hook.udid, {});
    expect([res.statusCode, res.body]).toEqual([410, 'There is no scenario listening for this webhook.']);
  });

  it('accepts a request to an unattached hook in learning mode and leaves learning mode', async () => {
    server = testServer();
    const hook = server.services.hooks.create({ name: 'learn', scenarioId: null, now: new Date() });
    server.services.hooks.update(hook.id, { learning: true });
    expect((await post(hook.udid, { a: 1 })).body).toBe('Accepted');
    expect(server.services.hooks.get(hook.id)?.learning).toBe(false);
  });

  it('refuses a missing or wrong x-make-apikey with 401 and accepts a configured key', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const hook = server.services.hooks.get(scenario.hookId ?? 0);
    server.services.hooks.update(hook?.id ?? 0, {
      data: { ...(hook?.data ?? ({} as never)), apiKeys: ['k1', 'k2'] },
    });
    expect((await post(udid, {})).statusCode).toBe(401);
    expect((await post(udid, {}, { 'x-make-apikey': 'nope' })).statusCode).toBe(401);
    expect((await post(udid, {}, { 'x-make-apikey': 'k2' })).body).toBe('Accepted');
  });

  it('refuses an address outside the IP allow-list and accepts one inside a CIDR range', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued(), { isActive: false });
    const hook = server.services.hooks.get(scenario.hookId ?? 0);
    const data = hook?.data ?? ({} as never);
    server.services.hooks.update(hook?.id ?? 0, { data: { ...data, ip: '10.0.0.0/8' } });
    const outside = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      payload: {},
      remoteAddress: '192.168.1.5',
    });
    expect(outside.statusCode).toBe(403);
    const inside = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      payload: {},
      remoteAddress: '10.2.3.4',
    });
    expect(inside.body).toBe('Accepted');
  });

  it('answers a disabled hook as gone', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    server.services.hooks.update(scenario.hookId ?? 0, { enabled: false });
    expect((await post(udid, {})).statusCode).toBe(410);
  });

  it('adds __IMTHEADERS__ and __IMTMETHOD__ when the hook asks for them', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const hook = server.services.hooks.get(scenario.hookId ?? 0);
    server.services.hooks.update(hook?.id ?? 0, {
      data: { ...(hook?.data ?? ({} as never)), headers: true, method: true },
    });
    await post(udid, { n: 5 }, { 'x-trace': 'abc' });
    await server.services.runner.idle();
    const bundle = runs(scenario.id)[0]?.record.modules[0]?.outputs[0] as Record<string, unknown>;
    expect(bundle.__IMTMETHOD__).toBe('POST');
    expect(bundle.__IMTHEADERS__).toContainEqual({ name: 'x-trace', value: 'abc' });
  });

  it('keeps the hook udid given in the config', async () => {
    server = testServer();
    const udid = 'abcdefghijklmnopqrstuvwxyz012345';
    addScenario(server, blueprints.queued(), { udid });
    expect((await post(udid, { n: 1 })).body).toBe('Accepted');
  });
});

describe('sequential scenarios and incomplete executions (https://help.make.com/overview-of-error-handling)', () => {
  /** Webhook → Parse JSON with a Break handler (retry off): a bad `doc` leaves an incomplete execution. */
  function breaking(sequential: boolean) {
    const bp = breakBlueprint() as {
      flow: Array<Record<string, unknown>>;
      metadata: Record<string, unknown>;
    };
    const [handler] = (bp.flow[1]?.onerror ?? []) as Array<{ mapper: Record<string, unknown> }>;
    if (handler) handler.mapper.retry = false;
    (bp.metadata.scenario as Record<string, unknown>).sequential = sequential;
    return bp;
  }

  it('holds new requests of a sequential scenario until its incomplete executions are resolved', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, breaking(true));
    await post(udid, { doc: 'not json' });
    await server.services.runner.idle();
    const [incomplete] = server.services.incompletes.list(scenario.id);
    expect(incomplete?.resolved).toBe(false);
    await post(udid, { doc: '{"ok":1}' });
    await server.services.runner.idle();
    expect(runs(scenario.id)).toHaveLength(1);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(1);
    const shown = await server.app.inject({
      method: 'GET',
      url: `/api/v2/scenarios/${scenario.id}`,
      headers: auth,
    });
    expect(shown.json().scenario).toMatchObject({ iswaiting: true, dlqCount: 1 });
    server.services.incompletes.attempted(incomplete?.id ?? '', { resolved: true, now: new Date() });
    server.services.runner.kick(scenario.id);
    await server.services.runner.idle();
    expect(runs(scenario.id).map((run) => run.status)).toEqual([2, 1]);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
  });

  it('keeps running a parallel scenario that has incomplete executions', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, breaking(false));
    await post(udid, { doc: 'not json' });
    await server.services.runner.idle();
    await post(udid, { doc: '{"ok":1}' });
    await server.services.runner.idle();
    expect(runs(scenario.id)).toHaveLength(2);
  });
});
