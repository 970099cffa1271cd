import Fastify, { type FastifyInstance } from 'fastify';
import { getGlobalDispatcher, MockAgent, request, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, auth, blueprints, greeter, testServer } from './fixtures.ts';

let server: ServerApp;
let receiver: FastifyInstance | undefined;
afterEach(async () => {
  await server?.close();
  await receiver?.close();
  receiver = undefined;
});

const api = apiClient(() => server);

interface Callback {
  body: { executionId: string; statusUrl: string };
  contentType: string | undefined;
  /** Whether the execution was already in history when the callback arrived. */
  stored: boolean;
}

/** A real HTTP server on 127.0.0.1 that records each callback and answers `status`. */
async function startReceiver(status = 200) {
  const calls: Callback[] = [];
  const waiting: Array<() => void> = [];
  receiver = Fastify({ logger: false });
  receiver.post('/done', async (req, reply) => {
    const body = req.body as Callback['body'];
    calls.push({
      body,
      contentType: req.headers['content-type'],
      stored: server.services.executions.get(body.executionId) !== undefined,
    });
    for (const wake of waiting.splice(0)) wake();
    return reply.code(status).send({ ok: status < 400 });
  });
  const base = await receiver.listen({ host: '127.0.0.1', port: 0 });
  const nextCall = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`callback ${count} never came`)), 5_000);
      const check = () => (calls.length >= count ? resolve(clearTimeout(timer)) : waiting.push(check));
      check();
    });
  return { url: `${base}/done`, calls, nextCall };
}

const onDemand = (bp: Record<string, unknown>) =>
  addScenario(server, bp, { scheduling: { type: 'on-demand' } }).scenario;

describe('POST /scenarios/{id}/run with callbackUrl (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('POSTs {executionId, statusUrl} as JSON once the run is stored, and statusUrl shows the result', async () => {
    server = testServer();
    // Listening for real, so the statusUrl the server builds is fetched as a client would.
    const apiOrigin = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { url, calls, nextCall } = await startReceiver();
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));

    const res = await api('POST', `/scenarios/${scenario.id}/run`, {
      data: { name: 'Cy' },
      callbackUrl: url,
    });
    await nextCall(1);

    const { executionId } = res.json();
    expect(calls).toEqual([
      {
        body: {
          executionId,
          statusUrl: expect.stringMatching(
            /^http:\/\/localhost:80\/api\/v2\/scenarios\/\d+\/executions\/[0-9a-f]{32}$/,
          ),
        },
        contentType: 'application/json',
        stored: true,
      },
    ]);
    expect(calls[0]?.body.statusUrl).toBe(
      `http://localhost:80/api/v2/scenarios/${scenario.id}/executions/${executionId}`,
    );
    // Through the listening server the statusUrl is built from the address the caller used.
    const live = await request(`${apiOrigin}/api/v2/scenarios/${scenario.id}/run`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { name: 'Di' }, callbackUrl: url }),
    });
    expect(live.statusCode).toBe(200);
    await live.body.dump();
    await nextCall(2);
    const status = await request(calls[1]?.body.statusUrl ?? '', { headers: auth });
    expect(await status.body.json()).toEqual({ status: 'SUCCESS', outputs: { greeting: 'Hi Di' } });
  });

  it('does not call back when a responsive run already returned its result', async () => {
    server = testServer();
    const { url, calls, nextCall } = await startReceiver();
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));

    const responsive = await api('POST', `/scenarios/${scenario.id}/run`, {
      responsive: true,
      callbackUrl: url,
    });
    expect(responsive.json()).toMatchObject({ status: 1 });
    // A later run's callback arrives after any callback the first run would have sent.
    const later = await api('POST', `/scenarios/${scenario.id}/run`, { callbackUrl: url });
    await nextCall(1);

    expect(calls.map((call) => call.body.executionId)).toEqual([later.json().executionId]);
  });

  it.each([
    ['an ftp URL', 'ftp://127.0.0.1/done'],
    ['text that is not a URL', 'not a url'],
    ['a number', 42],
  ])('refuses %s with 400 and runs nothing', async (_what, callbackUrl) => {
    server = testServer();
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));

    const res = await api('POST', `/scenarios/${scenario.id}/run`, { callbackUrl });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', message: 'Bad Request' });
    await server.services.runner.idle();
    expect(server.services.executions.count(scenario.id)).toBe(0);
  });

  it('keeps the run and its history when the callback answers an error', async () => {
    server = testServer();
    const { url, calls, nextCall } = await startReceiver(500);
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));

    const res = await api('POST', `/scenarios/${scenario.id}/run`, {
      data: { name: 'Ed' },
      callbackUrl: url,
    });
    await nextCall(1);

    expect(res.statusCode).toBe(200);
    expect(calls).toHaveLength(1);
    const detail = await api('GET', `/scenarios/${scenario.id}/executions/${res.json().executionId}`);
    expect(detail.json()).toEqual({ status: 'SUCCESS', outputs: { greeting: 'Hi Ed' } });
  });

  it('keeps the run and its history when nothing listens at the callback URL', async () => {
    server = testServer();
    const { url } = await startReceiver();
    await receiver?.close(); // the port is free again: the callback's connection is refused
    const scenario = onDemand(blueprints.scheduled());

    const res = await api('POST', `/scenarios/${scenario.id}/run`, { callbackUrl: url });
    await server.services.runner.idle();

    expect(res.statusCode).toBe(200);
    expect(server.services.executions.get(res.json().executionId)?.status).toBe(1);
    const again = await api('POST', `/scenarios/${scenario.id}/run`, { responsive: true });
    expect(again.json()).toMatchObject({ status: 1 });
  });

  it('refuses a callbackUrl the network policy blocks, before any run or connection', async () => {
    server = testServer();
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));
    // Any connection attempt would fail loudly instead of reaching the network.
    const previous = getGlobalDispatcher();
    const agent = new MockAgent();
    agent.disableNetConnect();
    setGlobalDispatcher(agent);
    try {
      const res = await api('POST', `/scenarios/${scenario.id}/run`, {
        callbackUrl: 'http://192.0.2.10/done',
      });
      await server.services.runner.idle();

      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SC400', message: 'Bad Request' });
      expect(res.json().detail).toContain('192.0.2.10');
      expect(server.services.executions.count(scenario.id)).toBe(0);
      expect(agent.pendingInterceptors()).toEqual([]);
    } finally {
      setGlobalDispatcher(previous);
      await agent.close();
    }
  });

  it('calls back a host the network.allow list names', async () => {
    server = testServer({ http: { allowNet: ['callback.example'] } });
    const scenario = onDemand(greeter('Hi {{var.input.name}}'));
    const previous = getGlobalDispatcher();
    const agent = new MockAgent();
    agent.disableNetConnect();
    let received: unknown;
    agent
      .get('http://callback.example')
      .intercept({ path: '/done', method: 'POST' })
      .reply(200, (options) => {
        received = JSON.parse(String(options.body));
        return {};
      });
    setGlobalDispatcher(agent);
    try {
      const res = await api('POST', `/scenarios/${scenario.id}/run`, {
        callbackUrl: 'http://callback.example/done',
      });
      expect(res.statusCode).toBe(200);
      await vi.waitFor(() => expect(received).toMatchObject({ executionId: res.json().executionId }));
    } finally {
      setGlobalDispatcher(previous);
      await agent.close();
    }
  });
});
