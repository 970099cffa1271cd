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
import { MAX_TEXT } from '../../../server/ui/truncate.ts';
import { apiClient, auth, TOKEN } from './fixtures.ts';

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

/** The run page's view of a scenario's fakes, asked as the page does (its Host, the token). */
const inspectFakes = (app: ServerApp, id: number | string, headers: Record<string, string> = auth) =>
  app.app.inject({
    method: 'GET',
    url: `/_inspector/api/scenarios/${id}/fakes`,
    headers: { host: '127.0.0.1:8080', ...headers },
  });

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

  it('shows the fakes on the run page: seeded before the first run, then what runs wrote', async () => {
    const long = 'x'.repeat(MAX_TEXT + 5);
    const { app } = serve({
      fakes: { 'google-sheets': { '1Signups/Signups': [{ A: 'zed@example.com', B: long }] } },
    });
    server = app;
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(app.services, { source, blueprint, isActive: true });
    const udid = app.services.hooks.get(scenario.hookId as number)?.udid as string;
    const before = (await inspectFakes(app, scenario.id)).json();
    expect(before.fakes).toHaveLength(1);
    expect(before.fakes[0].state['1Signups/Signups']).toHaveLength(1);
    await post(app, udid, { email: 'ada@example.com', name: 'Ada' });
    const res = await inspectFakes(app, scenario.id);
    expect(res.statusCode).toBe(200);
    const [fake] = res.json().fakes;
    expect(fake.name).toBe('google-sheets');
    // The seeded row's long text is cut as the run detail cuts it; the row the run wrote follows.
    expect(fake.truncated).toBe(true);
    expect(fake.state['1Signups/Signups']).toEqual([
      { '0': 'zed@example.com', '1': `${'x'.repeat(MAX_TEXT)}… [5 more characters]` },
      { '0': 'ada@example.com', '1': 'Ada' },
    ]);
  });

  it('keeps the fakes behind the run page sign-in and answers 404 for an unknown scenario', async () => {
    const { app } = serve({ fakes: { 'google-sheets': { '1Signups/Signups': [{ A: 'zed@example.com' }] } } });
    server = app;
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(app.services, { source, blueprint, isActive: true });
    const refused = await inspectFakes(app, scenario.id, {});
    expect(refused.statusCode).toBe(401);
    expect(refused.body).not.toContain('zed@example.com');
    expect((await inspectFakes(app, scenario.id, { ...auth, host: 'evil.example' })).statusCode).toBe(403);
    expect((await inspectFakes(app, 999)).statusCode).toBe(404);
  });

  it('shows no fakes for a scenario whose config gives it none', async () => {
    const { app } = serve({});
    server = app;
    const blueprint = JSON.parse(readFileSync(source, 'utf8'));
    const scenario = createScenario(app.services, { source, blueprint, isActive: true });
    expect((await inspectFakes(app, scenario.id)).json().fakes).toEqual([]);
  });
});
