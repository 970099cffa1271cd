/**
 * `makesim serve` runs scenarios with app modules from the fakes (and mocks) its config gives per
 * scenario; the fakes' state is kept between runs (docs/testing.md "Fakes in makesim serve").
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import { buildApp, type ServerApp } from '../../../server/app.ts';
import { createScenario } from '../../../server/project/admin.ts';
import { type AppDoubles, appDoublesFrom } from '../../../server/runner/app-doubles.ts';
import { convertRequest, createMakeEngine } from '../../../server/runner/make-engine.ts';
import { apiClient, TOKEN } from './fixtures.ts';

let server: ServerApp | undefined;
afterEach(async () => server?.close());
const api = apiClient(() => server as ServerApp);

const source = resolve(import.meta.dirname, '../../../blueprints/error-handling.blueprint.json');

function serve(scenarioConfig: Record<string, unknown>): { app: ServerApp; doubles: AppDoubles } {
  const config = parseConfig(
    { database: ':memory:', scenarios: { '1': { blueprint: source, ...scenarioConfig } } },
    { root: process.cwd() },
  );
  const environment = createRunEnvironment(config, { database: ':memory:' });
  const doubles = appDoublesFrom(config);
  const app = buildApp({
    engine: createMakeEngine(environment, doubles),
    convert: convertRequest,
    token: TOKEN,
    hookBase: 'http://127.0.0.1:9999',
    dataStores: environment.dataStores,
  });
  app.start();
  return { app, doubles };
}

async function post(app: ServerApp, udid: string, body: unknown) {
  await app.app.inject({ method: 'POST', url: `/${udid}`, payload: body as object });
  await app.services.runner.idle();
}

describe('makesim serve with fakes from the config', () => {
  it('answers the Sheets module from its fake and keeps the rows between runs', async () => {
    const { app, doubles } = serve({
      fakes: { 'google-sheets': { '1Signups/Signups': [{ A: 'zed@example.com' }] } },
    });
    server = app;
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(app.services, { source, blueprint, isActive: true });
    const udid = app.services.hooks.get(scenario.hookId as number)?.udid as string;
    await post(app, udid, { email: 'ada@example.com', name: 'Ada' });
    await post(app, udid, { email: 'bob@example.com', name: 'Bob' });
    const logs = (await api('GET', `/scenarios/${scenario.id}/logs`)).json().scenarioLogs;
    expect(logs.map((l: { status: number }) => l.status)).toEqual([1, 1]);
    expect(doubles.fakeState(source)).toEqual({
      'google-sheets': {
        '1Signups/Signups': [
          { '0': 'zed@example.com' },
          { '0': 'ada@example.com', '1': 'Ada' },
          { '0': 'bob@example.com', '1': 'Bob' },
        ],
      },
    });
  });

  it('answers from config mocks, which win over fakes', async () => {
    const { app, doubles } = serve({
      mocks: { '2': { error: { type: 'RateLimitError', message: 'slow down' } } },
      fakes: { 'google-sheets': { '1Signups/Signups': [] } },
    });
    server = app;
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(app.services, { source, blueprint, isActive: true });
    const udid = app.services.hooks.get(scenario.hookId as number)?.udid as string;
    await post(app, udid, { email: 'ada@example.com', name: 'Ada' });
    const logs = (await api('GET', `/scenarios/${scenario.id}/logs`)).json().scenarioLogs;
    // The mock's RateLimitError took the Break route: a warning (status 2), not the fake's success.
    expect(logs.map((l: { status: number; operations: number }) => [l.status, l.operations])).toEqual([
      [2, 2],
    ]);
    expect(doubles.fakeState(source)).toEqual({ 'google-sheets': { '1Signups/Signups': [] } });
  });
});
