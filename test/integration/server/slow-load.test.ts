/**
 * A blueprint that is slow to load does not block the server (issue 15 §2): while a
 * 20,000-module scenario is created over the API, a webhook to another scenario is answered; and
 * of two updates racing while one loads, the one that arrived last is the one kept. Over loopback
 * HTTP, ordered by events the loader reports — no timing assumptions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedBlueprint } from '../../../bench/generated-blueprint.ts';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { PaceOptions } from '../../../engine/blueprint/pace.ts';
import type { ServerApp } from '../../../server/app.ts';
import { loadDirectory } from '../../../server/project/load-dir.ts';
import type { ServerEngine } from '../../../server/runner/engine-port.ts';
import { createMakeEngine } from '../../../server/runner/make-engine.ts';
import { addScenario, auth, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const BIG = 20_000;

/** A promise with its resolver, to wait for an event the test observes. */
function signal() {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}

/**
 * The real engine, reporting when a load of a blueprint named `watched` first pauses for the event
 * loop — or, if the server prepared it synchronously, when that began (the test must then fail).
 */
function watchingEngine(real: ServerEngine, watched: string) {
  const began = signal();
  const seen = (blueprint: Record<string, unknown>) => blueprint.name === watched;
  const engine: ServerEngine = {
    ...real,
    prepare(blueprint, source) {
      if (seen(blueprint)) began.fire();
      return real.prepare(blueprint, source);
    },
    prepareAsync(blueprint, source, pace?: PaceOptions) {
      const onPause = () => {
        if (seen(blueprint)) began.fire();
        pace?.onPause?.();
      };
      return (
        real.prepareAsync?.(blueprint, source, { ...pace, onPause }) ?? Promise.reject(new Error('none'))
      );
    },
  };
  return { engine, began: began.fired };
}

/**
 * A server with the real engine, watching loads of the blueprint named `watched`
 * (watchingEngine), listening on loopback: its address, and when that load began.
 */
async function listeningWhileWatching(watched: string): Promise<{ base: string; began: Promise<void> }> {
  const config = parseConfig({ database: ':memory:' }, { root: process.cwd() });
  const real = createMakeEngine(createRunEnvironment(config, { database: ':memory:' }));
  const { engine, began } = watchingEngine(real, watched);
  server = testServer({ engine });
  return { base: await server.app.listen({ host: '127.0.0.1', port: 0 }), began };
}

/** A webhook to `udid`: `'webhook'` goes into `order` as soon as it is answered, and it must be accepted. */
async function expectAcceptedWebhook(base: string, udid: string, order: string[]): Promise<void> {
  const hook = await fetch(`${base}/${udid}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n: 1 }),
  });
  order.push('webhook');
  expect([hook.status, await hook.text()]).toEqual([200, 'Accepted']);
}

function api(base: string, method: 'POST' | 'PATCH', path: string, body: unknown) {
  return fetch(`${base}/api/v2${path}`, {
    method,
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const big = (name: string) => ({ ...generatedBlueprint(BIG), name });
const definition = (bp: Record<string, unknown>) => ({
  teamId: 1,
  blueprint: JSON.stringify(bp),
  scheduling: JSON.stringify({ type: 'immediately' }),
});

// Generating and loading 20,000 modules takes seconds on a loaded machine.
describe('a slow blueprint load does not block the server (issue 15 §2)', { timeout: 60_000 }, () => {
  it('answers a webhook to another scenario while a 20,000-module scenario is being created', async () => {
    const { base, began } = await listeningWhileWatching('Big');
    const { udid } = addScenario(server, blueprints.queued());
    const order: string[] = [];
    const create = api(base, 'POST', '/scenarios', definition(big('Big'))).then(async (res) => {
      order.push('create');
      return { status: res.status, body: (await res.json()) as { scenario: { id: number } } };
    });
    await began;
    await expectAcceptedWebhook(base, udid, order);
    const created = await create;
    expect(order).toEqual(['webhook', 'create']);
    expect(created.status).toBe(200);
    expect(server.services.catalog.prepared(created.body.scenario.id)?.name).toBe('Big');
  });

  it('keeps the update that arrived last when an earlier, larger one finishes loading after it', async () => {
    const { base, began } = await listeningWhileWatching('Big update');
    const { scenario } = addScenario(server, blueprints.queued());
    const first = api(base, 'PATCH', `/scenarios/${scenario.id}`, {
      blueprint: JSON.stringify(big('Big update')),
    }).then((res) => res.status);
    await began;
    // Arrives while the first is still loading; loads faster, but must be written after it.
    const second = await api(base, 'PATCH', `/scenarios/${scenario.id}`, {
      blueprint: JSON.stringify({ ...blueprints.responder(), name: 'Small update' }),
    });
    expect([await first, second.status]).toEqual([200, 200]);
    const stored = server.services.scenarios.get(scenario.id);
    expect(stored?.name).toBe('Small update');
    expect((stored?.blueprint.flow as unknown[] | undefined)?.length).toBeLessThan(10);
    expect(server.services.catalog.prepared(scenario.id)?.name).toBe('Small update');
  });

  it('answers a webhook while the served folder loads a 20,000-module blueprint file', async () => {
    const { base, began } = await listeningWhileWatching('Big file');
    const { udid } = addScenario(server, blueprints.queued());
    const dir = mkdtempSync(join(tmpdir(), 'makesim-slow-'));
    writeFileSync(join(dir, 'big.blueprint.json'), JSON.stringify(big('Big file')));
    const order: string[] = [];
    const loading = loadDirectory(server.services, dir, parseConfig({}, { root: dir })).then((entries) => {
      order.push('folder');
      return entries;
    });
    await began;
    await expectAcceptedWebhook(base, udid, order);
    const [entry] = await loading;
    expect(order).toEqual(['webhook', 'folder']);
    expect(server.services.catalog.prepared(entry?.scenario?.id ?? 0)?.name).toBe('Big file');
  });
});
