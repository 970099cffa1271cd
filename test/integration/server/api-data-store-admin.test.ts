/**
 * Data stores created, changed and deleted over the Make API v2
 * (https://developers.make.com/api-documentation/api-reference/data-stores), through `inject`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);
const MB = 1024 * 1024;

async function structure(spec: unknown[], strict = false): Promise<number> {
  return (await api('POST', '/data-structures', { teamId: 1, name: 'S', spec, strict })).json().dataStructure
    .id;
}

async function createStore(body: Record<string, unknown>) {
  const res = await api('POST', '/data-stores', { teamId: 1, maxSizeMB: 1, ...body });
  expect(res.statusCode).toBe(200);
  return res.json().dataStore as { id: number; datastructureId: number | null };
}

/** Webhook → Data store "Add/replace a record" into store `storeId`, key and `n` from the request. */
function addRecordBlueprint(storeId: number) {
  const bp = blueprints.queued() as { flow: Array<Record<string, unknown>> };
  bp.flow[1] = {
    id: 2,
    module: 'datastore:AddRecord',
    version: 1,
    parameters: { datastore: storeId },
    mapper: { key: '{{1.k}}', overwrite: true, data: { n: '{{1.n}}' } },
    metadata: { designer: { x: 300, y: 0 } },
  };
  return bp;
}

describe('Make API v2: data store create (https://developers.make.com/api-documentation/api-reference/data-stores)', () => {
  it('creates a store whose structure comes from its data structure', async () => {
    server = testServer();
    const id = await structure([{ name: 'n', type: 'number', required: true }]);
    const store = await createStore({ name: 'counts', datastructureId: id, maxSizeMB: 2 });
    expect(store).toMatchObject({ name: 'counts', datastructureId: id, records: 0, maxSize: String(2 * MB) });
    const data = (await api('GET', `/data-stores/${store.id}/data`)).json();
    expect(data.spec).toEqual([{ name: 'n', type: 'number', required: true }]);
    expect(
      (await api('POST', `/data-stores/${store.id}/data`, { key: 'a', data: { n: 'x' } })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/data-stores/${store.id}/data`, { key: 'a', data: { n: 3 } })).statusCode,
    ).toBe(200);
  });

  it('serves the new store to a scenario on its next run', async () => {
    server = testServer();
    const store = await createStore({ name: 'counts' });
    const { udid } = addScenario(server, addRecordBlueprint(store.id));
    expect(
      (await server.app.inject({ method: 'POST', url: `/${udid}`, payload: { k: 'a', n: 5 } })).statusCode,
    ).toBe(200);
    await server.services.runner.idle();
    const data = (await api('GET', `/data-stores/${store.id}/data`)).json();
    expect(data.records).toEqual([{ key: 'a', data: { n: 5 } }]);
  });

  it('names every bad parameter and creates nothing', async () => {
    server = testServer();
    const res = await api('POST', '/data-stores', { name: '', maxSizeMB: 0, datastructureId: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toEqual(
      expect.arrayContaining([
        { message: "Parameter 'name' must be a non-empty string.", name: 'Error' },
        { message: "Missing value of required parameter 'teamId'.", name: 'Error' },
        { message: "Parameter 'maxSizeMB' must be at least 1.", name: 'Error' },
        { message: "Parameter 'datastructureId' must be of type integer or null.", name: 'Error' },
      ]),
    );
    expect(res.json().suberrors).toHaveLength(4);
    // A well-typed body is then checked against the stored data structures.
    const unknown = await api('POST', '/data-stores', {
      name: 'a',
      teamId: 1,
      maxSizeMB: 1,
      datastructureId: 999,
    });
    expect(unknown.json().suberrors).toEqual([
      {
        message:
          "Parameter 'datastructureId': data structure 999 not found; create it first (POST /data-structures).",
        name: 'Error',
      },
    ]);
    expect((await api('GET', '/data-stores')).json().dataStores).toEqual([]);
  });

  it('refuses a second store with the same name and keeps the first', async () => {
    server = testServer();
    await createStore({ name: 'counts' });
    const res = await api('POST', '/data-stores', { name: 'counts', teamId: 1, maxSizeMB: 1 });
    expect(res.statusCode).toBe(400);
    expect((await api('GET', '/data-stores')).json().dataStores).toHaveLength(1);
    expect(server.services.dataStoreDefs.list()).toHaveLength(1);
  });
});

describe('Make API v2: data store update and delete (https://developers.make.com/api-documentation/api-reference/data-stores)', () => {
  it('renames, resizes and changes the structure without rewriting records', async () => {
    server = testServer();
    const store = await createStore({ name: 'counts' });
    await api('POST', `/data-stores/${store.id}/data`, { key: 'a', data: { n: 'text' } });
    const id = await structure([{ name: 'n', type: 'number' }]);
    const res = await api('PATCH', `/data-stores/${store.id}`, {
      name: 'totals',
      maxSizeMB: 3,
      datastructureId: id,
    });
    expect(res.json().dataStore).toMatchObject({
      name: 'totals',
      maxSize: String(3 * MB),
      datastructureId: id,
    });
    const data = (await api('GET', `/data-stores/${store.id}/data`)).json();
    expect(data.records).toEqual([{ key: 'a', data: { n: 'text' } }]);
    expect(
      (await api('POST', `/data-stores/${store.id}/data`, { key: 'b', data: { n: 'text' } })).statusCode,
    ).toBe(400);
  });

  it('applies a PATCHed data structure to the stores that use it', async () => {
    server = testServer();
    const id = await structure([{ name: 'n', type: 'text' }]);
    const store = await createStore({ name: 'counts', datastructureId: id });
    await api('PATCH', `/data-structures/${id}`, { spec: [{ name: 'n', type: 'number' }] });
    expect(
      (await api('POST', `/data-stores/${store.id}/data`, { key: 'b', data: { n: 'x' } })).statusCode,
    ).toBe(400);
  });

  it('refuses a bad PATCH and changes nothing', async () => {
    server = testServer();
    const store = await createStore({ name: 'counts' });
    const res = await api('PATCH', `/data-stores/${store.id}`, {
      name: 'x'.repeat(129),
      datastructureId: '5',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toHaveLength(2);
    expect(res.json().suberrors[0]).toEqual({
      message: "Parameter 'name' must be at most 128 characters.",
      name: 'Error',
    });
    expect((await api('PATCH', `/data-stores/${store.id}`, { datastructureId: 5 })).statusCode).toBe(400);
    expect((await api('GET', `/data-stores/${store.id}`)).json().dataStore.name).toBe('counts');
  });

  it('deletes an unused store with its records, and answers 404 afterwards', async () => {
    server = testServer();
    const store = await createStore({ name: 'counts' });
    await api('POST', `/data-stores/${store.id}/data`, { key: 'a', data: {} });
    expect((await api('DELETE', `/data-stores/${store.id}`)).json()).toEqual({ dataStore: store.id });
    expect((await api('GET', `/data-stores/${store.id}`)).statusCode).toBe(404);
    expect(server.services.dataStoreDefs.list()).toEqual([]);
  });

  it('needs confirmed=true to delete stores a scenario uses (ids[] in the query)', async () => {
    server = testServer();
    const used = await createStore({ name: 'used' });
    const free = await createStore({ name: 'free' });
    addScenario(server, addRecordBlueprint(used.id), { isActive: false });
    const url = `/data-stores?ids%5B%5D=${used.id}&ids%5B%5D=${free.id}`;
    const refused = await api('DELETE', url);
    expect([refused.statusCode, refused.json().code]).toEqual([406, 'IM004']);
    expect((await api('GET', '/data-stores')).json().dataStores).toHaveLength(2);
    expect((await api('DELETE', `${url}&confirmed=true`)).json()).toEqual({ dataStores: [used.id, free.id] });
    expect((await api('GET', '/data-stores')).json().dataStores).toEqual([]);
  });

  it('deletes nothing when one of the ids is unknown', async () => {
    server = testServer();
    const store = await createStore({ name: 'counts' });
    const res = await api('DELETE', '/data-stores?confirmed=true', { ids: [store.id, 999] });
    expect(res.statusCode).toBe(404);
    expect((await api('GET', '/data-stores')).json().dataStores).toHaveLength(1);
  });

  it('never hands out a deleted store id again', async () => {
    server = testServer();
    const first = await createStore({ name: 'a' });
    await api('DELETE', `/data-stores/${first.id}`);
    expect((await createStore({ name: 'b' })).id).toBeGreaterThan(first.id);
  });
});

describe('Make API v2: data stores across a restart', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('keeps a store created over the API, with its structure and records', async () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-stores-'));
    const start = () => {
      const config = parseConfig({ database: join(dir ?? '', 'stores.db') }, { root: dir ?? '' });
      const environment = createRunEnvironment(config);
      const app = testServer({ database: join(dir ?? '', 'server.db'), dataStores: environment.dataStores });
      return { app, environment };
    };
    let running = start();
    server = running.app;
    const id = await structure([{ name: 'n', type: 'number' }]);
    const store = await createStore({ name: 'counts', datastructureId: id });
    await api('POST', `/data-stores/${store.id}/data`, { key: 'a', data: { n: 1 } });
    await server.close();
    running.environment.close();

    running = start();
    server = running.app;
    const again = (await api('GET', `/data-stores/${store.id}`)).json().dataStore;
    expect(again).toMatchObject({ name: 'counts', datastructureId: id, records: 1 });
    expect(
      (await api('POST', `/data-stores/${store.id}/data`, { key: 'b', data: { n: 'x' } })).statusCode,
    ).toBe(400);
    running.environment.close();
  });
});
