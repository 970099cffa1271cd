import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { setActive } from '../../../server/project/admin.ts';
import { addScenario, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const executionsOf = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 100, sortDir: 'asc' });

describe('webhook gateway answers (https://help.make.com/webhooks)', () => {
  it('answers 200 Accepted as text/plain with CORS once the request is queued', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('Accepted');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    await server.services.runner.idle();
    const runs = executionsOf(scenario.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.record.modules[0]?.outputs[0]).toMatchObject({ n: 1 });
  });

  it('accepts every method and the /hook/<udid> form', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await server.app.inject({ method, url: `/hook/${udid}?n=2` });
      expect([method, res.statusCode, res.body]).toEqual([method, 200, 'Accepted']);
    }
    const head = await server.app.inject({ method: 'HEAD', url: `/${udid}` });
    expect(head.statusCode).toBe(200);
  });

  it('answers 410 Webhook not found. without CORS for an unknown udid', async () => {
    server = testServer();
    const res = await server.app.inject({
      method: 'POST',
      url: '/abcdefghijklmnopqrstuvwxyz012345',
      payload: {},
    });
    expect(res.statusCode).toBe(410);
    expect(res.body).toBe('Webhook not found.');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('carries Allow and x-powered-by on every answer, whatever its status (https://help.make.com/webhooks)', async () => {
    server = testServer();
    const queued = addScenario(server, blueprints.queued()).udid;
    const responder = addScenario(server, blueprints.responder()).udid;
    const answers = [
      await server.app.inject({ method: 'POST', url: `/${queued}`, payload: {} }),
      await server.app.inject({ method: 'POST', url: `/${responder}`, payload: { name: 'Ada' } }),
      await server.app.inject({ method: 'OPTIONS', url: `/${queued}` }),
      await server.app.inject({ method: 'POST', url: `/${'z'.repeat(32)}`, payload: {} }),
    ];
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 410]);
    for (const res of answers) {
      expect(res.headers['x-powered-by']).toBe('Make Gateway/production');
      expect(res.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    }
  });

  it('answers 200 Accepted at once for a switched-off scenario with a response module, and keeps the item (https://help.make.com/webhooks)', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.responder(), { isActive: false });
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'Ada' } });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(1);
    expect(executionsOf(scenario.id)).toHaveLength(0);
    setActive(server.services, scenario.id, true);
    await server.services.runner.idle();
    const runs = executionsOf(scenario.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.record.response).toMatchObject({ status: 200, body: '{"hello":"Ada"}' });
    expect(server.services.queue.count(scenario.hookId ?? 0)).toBe(0);
  });

  it('answers a preflight with 200 ok and echoes the requested headers', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({
      method: 'OPTIONS',
      url: `/${udid}`,
      headers: {
        origin: 'http://example.test',
        'access-control-request-headers': 'x-make-apikey, x-made-up',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('ok');
    expect(res.headers['access-control-allow-headers']).toBe('x-make-apikey, x-made-up');
    expect(res.headers['access-control-allow-methods']).toBe('GET, PUT, POST, PATCH, DELETE, HEAD, OPTIONS');
  });

  it('sends the Webhook response module reply', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.responder());
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'Ada' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(JSON.parse(res.body)).toEqual({ hello: 'Ada' });
  });

  it('answers 500 Scenario failed to complete. when the scenario fails before responding', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.failing());
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: {} });
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('Scenario failed to complete.');
  });

  it('answers 200 Accepted when the response does not come within the timeout', async () => {
    server = testServer({ responseTimeoutMs: 50 });
    const { udid } = addScenario(server, blueprints.responder(), { isActive: false });
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'late' } });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    expect(server.services.queue.count(server.services.hooks.byUdid(udid)?.id ?? 0)).toBe(1);
  });

  it('commits a held request before answering Accepted on timeout, and runs it once', async () => {
    server = testServer({ responseTimeoutMs: 100 });
    const { udid, scenario } = addScenario(server, blueprints.slowResponder());
    const res = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'slow' } });
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    const hookId = scenario.hookId ?? 0;
    expect(server.services.queue.list(hookId, { offset: 0, limit: 10 })).toHaveLength(1);
    await server.services.runner.idle();
    expect(server.services.queue.count(hookId)).toBe(0);
    const runs = executionsOf(scenario.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.queueItem).not.toBeNull();
  });

  it('answers 429 to a responding scenario past its maximum runs per minute', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.responder(), {
      scheduling: { type: 'immediately', maximum_runs_per_minute: 2 },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { name: 'x' } })).statusCode,
      );
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('answers 400 Queue is full. past the queue limit and stores nothing more', async () => {
    server = testServer({ queueLimit: 2 });
    const { udid } = addScenario(server, blueprints.queued(), { isActive: false });
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push((await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { i } })).body);
    expect(answers).toEqual(['Accepted', 'Accepted', 'Queue is full.']);
    const full = await server.app.inject({ method: 'POST', url: `/${udid}`, payload: {} });
    expect(full.statusCode).toBe(400);
    expect(server.services.queue.count(server.services.hooks.byUdid(udid)?.id ?? 0)).toBe(2);
  });

  it('answers 429 past 300 requests in 10 seconds on one hook', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued(), { isActive: false });
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++)
      statuses.push((await server.app.inject({ method: 'GET', url: `/${udid}?i=${i}` })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    expect(statuses[300]).toBe(429);
  });

  it('refuses a payload over 5 MB without queueing it', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x'.repeat(5 * 1024 * 1024 + 1),
    });
    expect(res.statusCode).toBe(413);
    expect(server.services.queue.count(server.services.hooks.byUdid(udid)?.id ?? 0)).toBe(0);
  });

  it('accepts a payload of exactly 5 MB', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x'.repeat(5 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(200);
  });

  it('rejects a malformed JSON body with 400 and queues nothing', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.queued(), { isActive: false });
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(res.statusCode).toBe(400);
    expect(server.services.queue.count(server.services.hooks.byUdid(udid)?.id ?? 0)).toBe(0);
  });

  it('takes an unknown content type as raw text in `value`', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'probe=m3',
    });
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)[0]?.record.modules[0]?.outputs[0]).toEqual({ value: 'probe=m3' });
  });
});
