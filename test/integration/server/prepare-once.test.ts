/**
 * A blueprint created or updated through the API is prepared (loaded, compiled) once, with the
 * paced loader that lets the event loop run: the validation's result is kept for the scenario, and
 * nothing prepares it again synchronously (a 20,000-module blueprint takes over a second; docs/serve.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerApp } from '../../../server/app.ts';
import { createMakeEngine } from '../../../server/runner/make-engine.ts';
import { apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());
const api = apiClient(() => server);

/** The real engine, counting how often a blueprint is prepared. */
function countingEngine() {
  const config = parseConfig({ database: ':memory:' }, { root: process.cwd() });
  const engine = createMakeEngine(createRunEnvironment(config, { database: ':memory:' }));
  const counts = { prepared: 0, synchronously: 0 };
  return {
    counts,
    engine: {
      ...engine,
      prepare: (...args: Parameters<typeof engine.prepare>) => {
        counts.prepared++;
        counts.synchronously++;
        return engine.prepare(...args);
      },
      prepareAsync: (...args: Parameters<NonNullable<typeof engine.prepareAsync>>) => {
        counts.prepared++;
        return engine.prepareAsync?.(...args) ?? Promise.reject(new Error('no paced loader'));
      },
    },
  };
}

const body = (bp: Record<string, unknown>) => ({
  teamId: 1,
  blueprint: JSON.stringify(bp),
  scheduling: JSON.stringify({ type: 'immediately' }),
});

describe('preparing API blueprints', () => {
  it('prepares a created scenario once, for the check and every later use', async () => {
    const { engine, counts } = countingEngine();
    server = testServer({ engine });
    const created = await api('POST', '/scenarios', body(blueprints.queued()));
    expect(created.statusCode).toBe(200);
    const id = created.json().scenario.id;
    expect((await api('GET', `/scenarios/${id}`)).statusCode).toBe(200);
    expect(server.services.catalog.prepared(id)?.name).toBe('Queued');
    expect(counts).toEqual({ prepared: 1, synchronously: 0 });
  });

  it('prepares an updated blueprint once, and the new blueprint is the one used', async () => {
    const { engine, counts } = countingEngine();
    server = testServer({ engine });
    const id = (await api('POST', '/scenarios', body(blueprints.queued()))).json().scenario.id;
    const updated = await api('PATCH', `/scenarios/${id}`, {
      blueprint: JSON.stringify(blueprints.responder()),
    });
    expect(updated.statusCode).toBe(200);
    expect(server.services.catalog.prepared(id)?.name).toBe('Responder');
    expect(counts).toEqual({ prepared: 2, synchronously: 0 });
  });
});
