/**
 * The longest event-loop delay while `POST /api/v2/scenarios` creates a scenario from a generated
 * 20,000-module blueprint on an in-memory server (through `inject`: body parsing, blueprint JSON,
 * loading, the store's writes, the answer). Part of the load-delay suite.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../config/load-config.ts';
import { createRunEnvironment } from '../config/run-environment.ts';
import { buildApp } from '../server/app.ts';
import { convertRequest, createMakeEngine } from '../server/runner/make-engine.ts';
import { generatedBlueprint } from './generated-blueprint.ts';

const TOKEN = '0f3c2d1e-1234-4abc-8def-0123456789ab';

/** Max event-loop delay (ms) of one create; the server is new each time. */
export async function createDelayMs(modules: number): Promise<number> {
  const payload = JSON.stringify({
    teamId: 1,
    blueprint: JSON.stringify(generatedBlueprint(modules)),
    scheduling: JSON.stringify({ type: 'immediately' }),
  });
  const config = parseConfig({ database: ':memory:' }, { root: process.cwd() });
  const environment = createRunEnvironment(config, { database: ':memory:' });
  const server = buildApp({
    engine: createMakeEngine(environment),
    convert: convertRequest,
    token: TOKEN,
    dataStores: environment.dataStores,
    http: environment.http,
  });
  server.start();
  (globalThis as { gc?: () => void }).gc?.();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v2/scenarios',
    headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
    payload,
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  await server.close();
  environment.close();
  if (res.statusCode !== 200) throw new Error(`create answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  return histogram.max / 1e6;
}
