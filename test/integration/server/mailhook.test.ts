import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { updateScenario } from '../../../server/project/admin.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

const EMAIL = [
  'From: "Ann Lee" <ann@example.com>',
  'To: Bob Stone <bob@example.org>',
  'Cc: carol@example.org',
  'Subject: Order 42',
  'Message-ID: <m42@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain',
  '',
  'Plain body',
  '--B',
  'Content-Type: text/html',
  '',
  '<p>Html body</p>',
  '--B--',
  '',
].join('\r\n');

const executionsOf = (id: number) =>
  server.services.executions.list({ scenarioId: id, offset: 0, limit: 100, sortDir: 'asc' });

function post(udid: string, body: string | Buffer, contentType = 'message/rfc822') {
  return server.app.inject({
    method: 'POST',
    url: `/mailhook/${udid}`,
    headers: { 'content-type': contentType },
    payload: body,
  });
}

function queued(udid: string): number {
  const hook = server.services.hooks.byUdid(udid, 'any');
  return server.services.queue.count(hook?.id ?? 0);
}

describe('mailhooks in makesim serve (https://help.make.com/webhooks)', () => {
  it('turns a raw email into an execution whose trigger output is the mail bundle', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn());
    const res = await post(udid, EMAIL);
    expect([res.statusCode, res.body]).toEqual([200, 'Accepted']);
    await server.services.runner.idle();
    const runs = executionsOf(scenario.id);
    expect(runs).toHaveLength(1);
    const record = runs[0]?.record;
    const bundle = record?.modules[0]?.outputs[0] as Record<string, unknown>;
    expect(bundle.from).toEqual({ address: 'ann@example.com', name: 'Ann Lee' });
    expect(bundle.to).toEqual([{ address: 'bob@example.org', name: 'Bob Stone' }]);
    expect(bundle.cc).toEqual([{ address: 'carol@example.org', name: '' }]);
    expect(bundle.subject).toBe('Order 42');
    expect(String(bundle.text).trim()).toBe('Plain body');
    expect(String(bundle.html).trim()).toBe('<p>Html body</p>');
    expect((bundle.headers as Record<string, unknown>)['message-id']).toBe('<m42@example.com>');
    expect(record?.modules[1]?.outputs[0]).toEqual({ subject: 'Order 42 / Ann Lee' });
  });

  it('lets a scheduled mailhook scenario take up to maxResults queued emails per run', async () => {
    server = testServer({ clock: new SimulatedClock('2026-03-02T10:00:00Z') });
    const bp = blueprints.mailIn();
    (bp.flow[0] as { parameters: Record<string, unknown> }).parameters.maxResults = 2;
    const { udid, scenario } = addScenario(server, bp, {
      scheduling: { type: 'indefinitely', interval: 900 },
    });
    for (const subject of ['A', 'B', 'C']) await post(udid, EMAIL.replace('Order 42', subject));
    await server.services.scheduler.advance(900_000);
    const runs = executionsOf(scenario.id);
    expect(runs.map((run) => run.record.modules[1]?.outputs.map((out) => out.subject))).toEqual([
      ['A / Ann Lee', 'B / Ann Lee'],
    ]);
    expect(queued(udid)).toBe(1);
  });

  it('accepts a raw email sent as text/plain', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn());
    expect((await post(udid, EMAIL, 'text/plain')).statusCode).toBe(200);
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)[0]?.record.modules[0]?.outputs[0]).toMatchObject({
      subject: 'Order 42',
    });
  });

  it('takes a JSON object as the bundle itself', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn());
    const bundle = { subject: 'From JSON', from: { address: 'x@y.z', name: 'X' } };
    expect((await post(udid, JSON.stringify(bundle), 'application/json')).statusCode).toBe(200);
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)[0]?.record.modules[0]?.outputs[0]).toEqual(bundle);
  });

  it.each([
    ['a body that is not an email', 'just some words', 'text/plain'],
    ['an empty body', '', 'message/rfc822'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['malformed JSON', '{"subject":', 'application/json'],
  ])('answers 400 to %s and queues nothing', async (_name, body, type) => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn());
    const res = await post(udid, body, type);
    expect(res.statusCode).toBe(400);
    expect(res.body.startsWith('Bad Request.')).toBe(true);
    expect(res.body.length).toBeGreaterThan('Bad Request.'.length);
    expect(queued(udid)).toBe(0);
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)).toHaveLength(0);
  });

  it('answers 410 for an unknown udid and across hook types', async () => {
    server = testServer();
    const mail = addScenario(server, blueprints.mailIn());
    const web = addScenario(server, blueprints.queued());
    expect((await post('a'.repeat(32), EMAIL)).statusCode).toBe(410);
    expect((await post(web.udid, EMAIL)).statusCode).toBe(410);
    const onWebhookUrl = await server.app.inject({ method: 'POST', url: `/${mail.udid}`, payload: EMAIL });
    expect(onWebhookUrl.statusCode).toBe(410);
    expect(queued(mail.udid) + queued(web.udid)).toBe(0);
  });

  it('answers 413 past the 5 MB limit', async () => {
    server = testServer();
    const { udid } = addScenario(server, blueprints.mailIn());
    const res = await post(udid, `${EMAIL}${'x'.repeat(5 * 1024 * 1024)}`);
    expect(res.statusCode).toBe(413);
    expect(queued(udid)).toBe(0);
  });

  it('applies the per-hook rate limit', async () => {
    server = testServer({ rateLimit: { max: 1, windowMs: 60_000 } });
    const { udid } = addScenario(server, blueprints.mailIn(), { isActive: false });
    expect((await post(udid, EMAIL)).statusCode).toBe(200);
    expect((await post(udid, EMAIL)).statusCode).toBe(429);
    expect(queued(udid)).toBe(1);
  });

  it('keeps an email queued while the scenario is inactive, durably in the same queue', async () => {
    server = testServer();
    const { udid, scenario } = addScenario(server, blueprints.mailIn(), { isActive: false });
    expect((await post(udid, EMAIL)).statusCode).toBe(200);
    expect(queued(udid)).toBe(1);
    await server.services.runner.idle();
    expect(executionsOf(scenario.id)).toHaveLength(0);
  });

  it('shows the hook as a mail hook with a <udid>@hook.local address in the API', async () => {
    server = testServer();
    const { scenario, udid } = addScenario(server, blueprints.mailIn());
    const res = await api('GET', `/hooks/${scenario.hookId}`);
    expect(res.json().hook).toMatchObject({
      udid,
      type: 'mail',
      typeName: 'gateway-mailhook',
      url: `${udid}@hook.local`,
    });
    expect(scenario.scheduling).toEqual({ type: 'immediately' });
  });

  it('keeps a configured udid and retypes the hook when the trigger changes', async () => {
    server = testServer();
    const udid = 'm'.repeat(32);
    const { scenario } = addScenario(server, blueprints.mailIn(), { udid });
    expect(server.services.hooks.byUdid(udid, 'gateway-mailhook')?.scenarioId).toBe(scenario.id);
    updateScenario(server.services, scenario.id, { blueprint: blueprints.queued() });
    expect(server.services.hooks.byUdid(udid)?.typeName).toBe('gateway-webhook');
    expect(server.services.hooks.byUdid(udid, 'gateway-mailhook')).toBeUndefined();
  });
});
