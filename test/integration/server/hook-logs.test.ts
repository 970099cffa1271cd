/**
 * Webhook logs (Make's help: https://help.make.com/webhooks): every request the webhook and mail gateways
 * answer for a known hook is logged with its request, its answer and its parsed items, written in the
 * group commit's deferred lane (so read after `commits.flush()`), deleted with the hook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import type { HookLogEntry } from '../../../server/store/hook-logs.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

const START = '2026-03-02T10:00:00.000Z';

/** The hook's logs, newest first, after the deferred writes are committed. */
async function logsOf(hookId: number | null, query = ''): Promise<Array<Record<string, unknown>>> {
  server.services.commits.flush();
  const res = await api('GET', `/hooks/${hookId}/logs${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().hookLogs;
}

interface LogDetail {
  sizes: { request: number; response: number };
  data: {
    request: { headers: Record<string, unknown>; body: string; bodyEncoding?: string };
    response: { status: number; headers: Record<string, unknown>; body: string };
    parsedItems: Record<string, unknown> | null;
  };
}

async function detail(hookId: number | null, logId: unknown): Promise<LogDetail> {
  const res = await api('GET', `/hooks/${hookId}/logs/${logId}`);
  expect(res.statusCode).toBe(200);
  return res.json().hookLog;
}

const rowCount = () =>
  (server.services.db.prepare('SELECT COUNT(*) AS n FROM hook_logs').get() as { n: number }).n;

describe('webhook logs (https://help.make.com/webhooks)', () => {
  it('logs a request with its request, its answer and the parsed items the trigger got', async () => {
    server = testServer({ clock: new SimulatedClock(START) });
    const { udid, scenario } = addScenario(server, blueprints.responder());
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}?source=shop&tag=a&tag=b`,
      headers: { 'content-type': 'application/json', 'x-trace': 'abc' },
      payload: '{"name":"Ada"}',
    });
    expect([res.statusCode, res.body]).toEqual([200, '{"hello":"Ada"}']);
    const [item] = await logsOf(scenario.hookId);
    expect(item).toMatchObject({ loggedAt: START, statusId: 1, udids: [udid], replayable: false });
    expect(item).not.toHaveProperty('data');
    const log = await detail(scenario.hookId, item?.id);
    expect(log.sizes).toEqual({ request: 14, response: 15 });
    expect(log.data.request).toMatchObject({
      timestamp: START,
      method: 'POST',
      url: `/${udid}?source=shop&tag=a&tag=b`,
      query: { source: 'shop', tag: ['a', 'b'] },
      body: '{"name":"Ada"}',
    });
    expect(log.data.request.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'abc' });
    expect(log.data.response).toMatchObject({ status: 200, body: '{"hello":"Ada"}' });
    // The headers the caller got.
    expect(log.data.response.headers).toMatchObject({
      'content-type': res.headers['content-type'],
      'make-actual-status': '200',
      'access-control-allow-origin': '*',
    });
    // Query and body combined, as the trigger got them (one conversion, reused).
    expect(log.data.parsedItems).toEqual({ name: 'Ada', source: 'shop', tag: ['a', 'b'] });
  });

  it('logs refused requests with their answers, and hides the API key sent', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    await api('POST', `/hooks/${scenario.hookId}/set-data`, { apiKeys: ['s3cret'] });
    const post = (payload: string, headers: Record<string, string>) =>
      server.app.inject({ method: 'POST', url: `/${udid}`, headers, payload });
    const json = { 'content-type': 'application/json' };
    expect((await post('{"n":1}', json)).statusCode).toBe(401);
    expect((await post('{broken', { ...json, 'x-make-apikey': 's3cret' })).statusCode).toBe(400);
    const [malformed, unauthorized] = await logsOf(scenario.hookId);
    expect([malformed?.statusId, unauthorized?.statusId]).toEqual([3, 3]);
    const refused = await detail(scenario.hookId, unauthorized?.id);
    expect(refused.data.response).toMatchObject({ status: 401, body: 'Unauthorized.' });
    expect(refused.data.request.body).toBe('{"n":1}');
    expect(refused.data.parsedItems).toBeNull();
    const bad = await detail(scenario.hookId, malformed?.id);
    expect(bad.data.response).toMatchObject({ status: 400, body: 'Bad Request.' });
    expect(bad.data.request.body).toBe('{broken');
    expect(bad.data.request.headers['x-make-apikey']).toBe('[hidden]');
  });

  it('logs a body over 5 MB as refused (413), without the body it did not read', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const res = await server.app.inject({
      method: 'POST',
      url: `/${udid}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x'.repeat(5 * 1024 * 1024 + 1),
    });
    expect(res.statusCode).toBe(413);
    const [item] = await logsOf(scenario.hookId);
    const log = await detail(scenario.hookId, item?.id);
    expect(log.data.response).toMatchObject({ status: 413, body: 'Payload too large.' });
    expect(log.sizes.request).toBe(0);
  });

  it('keeps a binary body as base64 and a file in the parsed items as its size', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.queued());
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x01]);
    const payload = Buffer.concat([
      Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n'),
      Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
      bytes,
      Buffer.from('\r\n--B--\r\n'),
    ]);
    const headers = { 'content-type': 'multipart/form-data; boundary=B' };
    expect((await server.app.inject({ method: 'POST', url: `/${udid}`, headers, payload })).statusCode).toBe(
      200,
    );
    const [item] = await logsOf(scenario.hookId);
    const log = await detail(scenario.hookId, item?.id);
    expect(log.data.request.bodyEncoding).toBe('base64');
    expect(Buffer.from(log.data.request.body, 'base64').equals(payload)).toBe(true);
    expect(log.data.parsedItems).toMatchObject({
      file: { name: 'a.bin', data: { type: 'Buffer', byteLength: 4 } },
    });
  });

  it('logs nothing for an unknown udid (no hook, no log)', async () => {
    server = testServer();
    addScenario(server, blueprints.queued());
    const res = await server.app.inject({ method: 'POST', url: `/${'q'.repeat(32)}`, payload: {} });
    expect(res.statusCode).toBe(410);
    server.services.commits.flush();
    expect(rowCount()).toBe(0);
  });

  it('logs a mailhook request with the email it parsed', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn());
    const email = 'From: Ann <ann@example.com>\r\nSubject: Order 42\r\n\r\nHello\r\n';
    const res = await server.app.inject({
      method: 'POST',
      url: `/mailhook/${udid}`,
      headers: { 'content-type': 'message/rfc822' },
      payload: email,
    });
    expect(res.statusCode).toBe(200);
    const [item] = await logsOf(scenario.hookId);
    const log = await detail(scenario.hookId, item?.id);
    expect(log.data.request).toMatchObject({ method: 'POST', body: email });
    expect(log.data.response).toMatchObject({ status: 200, body: 'Accepted' });
    expect(log.data.parsedItems).toMatchObject({
      subject: 'Order 42',
      from: { address: 'ann@example.com', name: 'Ann' },
    });
  });

  it("deletes a hook's logs with the hook", async () => {
    server = testServer();
    const { hook } = (
      await api('POST', '/hooks?useDefaults=requiredOnly', {
        name: 'H',
        teamId: 1,
        typeName: 'gateway-webhook',
      })
    ).json();
    const other = addScenario(server, blueprints.queued());
    await server.app.inject({ method: 'POST', url: `/${hook.udid}`, payload: { a: 1 } });
    await server.app.inject({ method: 'POST', url: `/${other.udid}`, payload: { a: 1 } });
    expect(await logsOf(hook.id)).toHaveLength(1);
    expect((await api('DELETE', `/hooks/${hook.id}`)).statusCode).toBe(200);
    expect(rowCount()).toBe(1);
    expect(await logsOf(other.scenario.hookId)).toHaveLength(1);
  });

  it('writes no row for a hook deleted before its log was committed', async () => {
    server = testServer();
    const hook = server.services.hooks.create({ name: 'gone', scenarioId: null, now: new Date() });
    server.services.hookLogs.log(entry(hook.id, { a: 1 }));
    server.services.hooks.delete(hook.id);
    server.services.commits.flush();
    expect(rowCount()).toBe(0);
  });

  it('drops a log it cannot write without losing the others of its batch', async () => {
    server = testServer();
    const hook = server.services.hooks.create({ name: 'h', scenarioId: null, now: new Date() });
    server.services.hookLogs.log(entry(hook.id, { big: 1n }));
    server.services.hookLogs.log(entry(hook.id, { a: 1 }));
    server.services.commits.flush();
    expect(rowCount()).toBe(1);
  });
});

/** A log entry as the gateway hands it over, with `parsed` as given. */
function entry(hookId: number, parsed: unknown): HookLogEntry {
  return {
    hookId,
    loggedAt: Date.now(),
    method: 'POST',
    url: '/x',
    rawHeaders: ['Content-Type', 'application/json'],
    body: Buffer.from('{}'),
    parsed,
    status: 200,
    answer: 'Accepted',
    answerHeaders: {},
  };
}
