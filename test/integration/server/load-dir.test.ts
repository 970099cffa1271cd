import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import type { ServerApp } from '../../../server/app.ts';
import { startServer } from '../../../server/main.ts';
import { loadDirectory } from '../../../server/project/load-dir.ts';
import { blueprints, testServer } from './fixtures.ts';

let server: ServerApp | undefined;
afterEach(async () => server?.close());

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-dir-'));
  writeFileSync(join(dir, 'orders.blueprint.json'), JSON.stringify(blueprints.queued()));
  writeFileSync(join(dir, 'report.blueprint.json'), JSON.stringify(blueprints.scheduled()));
  writeFileSync(join(dir, 'report.scheduling.json'), JSON.stringify({ type: 'daily', time: '06:00' }));
  writeFileSync(join(dir, 'shared.json'), JSON.stringify(blueprints.responder()));
  writeFileSync(join(dir, 'broken.blueprint.json'), '{ not json');
  const config = parseConfig(
    {
      database: ':memory:',
      scenarios: { '4242': { blueprint: 'shared.json', hookId: 'teamsharedhook000000000000000001' } },
    },
    { root: dir },
  );
  return { dir, config };
}

describe('serving a blueprint directory', () => {
  it('serves every blueprint file and config scenario, with sidecar scheduling and the config udid', async () => {
    const { dir, config } = project();
    server = testServer({ database: join(dir, 'server.db') });
    const entries = await loadDirectory(server.services, dir, config);
    const byName = new Map(entries.flatMap((e) => (e.scenario ? [[e.scenario.name, e.scenario]] : [])));
    expect(entries.find((e) => e.source.endsWith('broken.blueprint.json'))?.problem).toBeTruthy();
    expect(byName.get('Scheduled')?.scheduling).toEqual({ type: 'daily', time: '06:00' });
    expect(byName.get('Queued')?.scheduling).toEqual({ type: 'immediately' });
    expect(byName.get('Responder')?.id).toBe(4242);
    const hook = server.services.hooks.get(byName.get('Responder')?.hookId ?? 0);
    expect(hook?.udid).toBe('teamsharedhook000000000000000001');
    expect([...byName.values()].every((s) => s.isActive)).toBe(true);
  });

  it('keeps scenario ids, hook udids and activation across restarts', async () => {
    const { dir, config } = project();
    const db = join(dir, 'server.db');
    server = testServer({ database: db });
    const first = await loadDirectory(server.services, dir, config);
    const orders = first.find((e) => e.scenario?.name === 'Queued')?.scenario;
    const udid = server.services.hooks.get(orders?.hookId ?? 0)?.udid;
    server.services.scenarios.setActive(orders?.id ?? 0, false);
    await server.close();
    server = testServer({ database: db });
    const again = (await loadDirectory(server.services, dir, config)).find(
      (e) => e.scenario?.name === 'Queued',
    )?.scenario;
    expect(again?.id).toBe(orders?.id);
    expect(server.services.hooks.get(again?.hookId ?? 0)?.udid).toBe(udid);
    expect(again?.isActive).toBe(false);
  });

  it('reloads an edited blueprint', async () => {
    const { dir, config } = project();
    server = testServer({ database: join(dir, 'server.db') });
    await loadDirectory(server.services, dir, config);
    writeFileSync(
      join(dir, 'orders.blueprint.json'),
      JSON.stringify({ ...blueprints.queued(), name: 'Orders v2' }),
    );
    const entry = (await loadDirectory(server.services, dir, config)).find((e) =>
      e.source.endsWith('orders.blueprint.json'),
    );
    expect(entry?.scenario?.name).toBe('Orders v2');
  });

  it('stops the scenario of a blueprint file that was removed', async () => {
    const { dir, config } = project();
    server = testServer({ database: join(dir, 'server.db') });
    const orders = (await loadDirectory(server.services, dir, config)).find(
      (e) => e.scenario?.name === 'Queued',
    )?.scenario;
    rmSync(join(dir, 'orders.blueprint.json'));
    await loadDirectory(server.services, dir, config);
    expect(server.services.scenarios.get(orders?.id ?? 0)?.isActive).toBe(false);
  });

  it('reloads a blueprint when its file changes while serving', async () => {
    const { dir } = project();
    const running = await startServer({ dir, port: 0, db: join(dir, 'watched.db') });
    try {
      const name = () =>
        running.server.services.scenarios.list().find((s) => s.source?.endsWith('orders.blueprint.json'))
          ?.name;
      expect(name()).toBe('Queued');
      writeFileSync(
        join(dir, 'orders.blueprint.json'),
        JSON.stringify({ ...blueprints.queued(), name: 'Orders edited' }),
      );
      await expect.poll(name, { timeout: 5_000 }).toBe('Orders edited');
    } finally {
      await running.close();
    }
  });

  it('gives the server the data structures declared in makesim.config.json', async () => {
    const { dir } = project();
    const spec = [{ name: 'email', type: 'text', required: true }];
    writeFileSync(
      join(dir, 'makesim.config.json'),
      JSON.stringify({ database: ':memory:', dataStructures: [{ id: 7, name: 'Lead', strict: true, spec }] }),
    );
    const running = await startServer({ dir, port: 0, db: ':memory:', watch: false });
    try {
      const structures = running.server.services.dataStructures.list();
      expect(structures.map((s) => [s.id, s.name, s.strict, s.spec])).toEqual([[7, 'Lead', true, spec]]);
    } finally {
      await running.close();
    }
  });
});
