/**
 * Suite `http`: http:ActionSendData against a local server (127.0.0.1, never the internet) —
 * requests per second through the module, and its overhead over a bare undici request in the
 * same process (mapper → request, network policy, response shaping, JSON parse).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { SimulatedClock } from '../engine/ports/clock.ts';
import { silentLogger } from '../engine/ports/logger.ts';
import { memoryState } from '../engine/ports/state.ts';
import type { ModuleCall, ModuleContext } from '../engine/registry/define-module.ts';
import sendData from '../modules/http/action-send-data.ts';
import { measureAsync, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

/** Requests in flight per measured step (a scenario's bundles run one by one; a server runs several). */
const CONCURRENCY = 8;
const BODY = JSON.stringify({ ok: true, items: [1, 2, 3], name: 'bench' });

function context(): ModuleContext {
  const values = new Map<string, unknown>();
  const vars = {};
  return {
    clock: new SimulatedClock(0),
    http: { allowNet: false },
    dataStores: undefined,
    logger: silentLogger,
    signal: new AbortController().signal,
    state: memoryState(),
    subscenarios: undefined,
    variables: { get: (n) => values.get(n), set: (n, v) => void values.set(n, v) },
    vars,
    timezone: 'UTC',
    executionId: 'bench',
    cycle: 1,
    evalContext: {
      output: () => undefined,
      vars,
      now: new Date(0),
      timezone: 'UTC',
      executionId: 'bench',
      random: () => 0.5,
      uuid: () => '00000000-0000-4000-8000-000000000000',
    },
    triggerInput: undefined,
    respond: () => undefined,
    finishRun: () => undefined,
  };
}

async function run(): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
  const ctx = context();
  const call: ModuleCall = {
    input: {
      url,
      method: 'get',
      parseResponse: true,
      headers: [{ name: 'x-bench', value: '1' }],
      qs: [{ name: 'page', value: '1' }],
    },
    parameters: { handleErrors: true },
    node: { id: 1, key: 'http:ActionSendData', version: 3, label: undefined, parameters: {}, raw: {} },
  };
  const batch = async (one: () => Promise<unknown>) => {
    await Promise.all(Array.from({ length: CONCURRENCY }, one));
    return CONCURRENCY;
  };
  try {
    const bare = await measureAsync('bare undici', () =>
      batch(async () => {
        const res = await request(`${url}?page=1`, { headers: { 'x-bench': '1' } });
        return JSON.parse(await res.body.text()) as unknown;
      }),
    );
    const module = await measureAsync('http:ActionSendData', () =>
      batch(async () => sendData.run?.(call, ctx)),
    );
    const overheadUs = (1 / module.perSecond - 1 / bare.perSecond) * 1e6;
    console.log(verdict('http:ActionSendData requests (8 in flight)', module.perSecond, 1000, '/s'));
    console.log(verdict('bare undici requests (8 in flight)', bare.perSecond, 1000, '/s'));
    console.log(verdict('module / bare throughput', (module.perSecond / bare.perSecond) * 100, 70, '%'));
    console.log(verdict('module overhead per request', Math.max(0, overheadUs), 150, 'µs', false));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const httpSuite: BenchSuite = {
  name: 'http',
  title: 'HTTP module against a local server vs bare undici',
  run,
};
