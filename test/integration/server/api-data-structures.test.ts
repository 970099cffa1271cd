/**
 * Make API v2 data structures (https://developers.make.com/api-documentation/api-reference/data-structures)
 * through `inject`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { openDatabase } from '../../../server/queue/db.ts';
import { apiClient, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

const spec = [
  { name: 'email', type: 'text', required: true },
  { name: 'age', type: 'number' },
];

async function create(name: string, extra: Record<string, unknown> = {}) {
  const res = await api('POST', '/data-structures', { teamId: 1, name, spec, ...extra });
  expect(res.statusCode).toBe(200);
  return res.json().dataStructure as { id: number; name: string };
}

describe('Make API v2: data structures (https://developers.make.com/api-documentation/api-reference/data-structures)', () => {
  it('creates a structure and gets it with its full spec', async () => {
    server = testServer();
    const created = await create('Contacts', { strict: true });
    const got = (await api('GET', `/data-structures/${created.id}`)).json();
    expect(got).toEqual({
      dataStructure: { id: created.id, name: 'Contacts', teamId: 1, strict: true, spec },
    });
  });

  it('lists id, name and teamId by name with the default pg, and more columns on request', async () => {
    server = testServer();
    await create('Zeta');
    await create('Alpha');
    const list = (await api('GET', '/data-structures?teamId=1')).json();
    expect(list.dataStructures.map((s: { name: string }) => s.name)).toEqual(['Alpha', 'Zeta']);
    expect(Object.keys(list.dataStructures[0]).sort()).toEqual(['id', 'name', 'teamId']);
    expect(list.pg).toEqual({ sortBy: 'name', sortDir: 'asc', limit: 10000, offset: 0 });
    const cols = (await api('GET', '/data-structures?teamId=1&cols%5B%5D=name&cols%5B%5D=strict')).json();
    expect(cols.dataStructures[0]).toEqual({ name: 'Alpha', strict: false });
  });

  it('replaces the whole spec on PATCH', async () => {
    server = testServer();
    const { id } = await create('Contacts');
    const next = [{ name: 'phone', type: 'text' }];
    const patched = (await api('PATCH', `/data-structures/${id}`, { spec: next, name: 'People' })).json();
    expect(patched.dataStructure).toMatchObject({ id, name: 'People', spec: next });
  });

  it('refuses a bad spec with a suberror naming the field, and writes nothing', async () => {
    server = testServer();
    const res = await api('POST', '/data-structures', {
      teamId: 1,
      name: 'Bad',
      spec: [
        { name: 'ok', type: 'text' },
        { name: 'when', type: 'datetime' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'SC400', message: 'Bad Request' });
    expect(body.suberrors).toHaveLength(1);
    expect(body.suberrors[0].message).toContain('spec/1/type');
    expect((await api('GET', '/data-structures')).json().dataStructures).toEqual([]);
  });

  it('names each missing required parameter of a create', async () => {
    server = testServer();
    const res = await api('POST', '/data-structures', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toHaveLength(3);
  });

  it('refuses a PATCH with a bad spec and keeps the old one', async () => {
    server = testServer();
    const { id } = await create('Contacts');
    const res = await api('PATCH', `/data-structures/${id}`, {
      spec: [{ name: 'x', type: 'text', spec: [] }],
    });
    expect(res.statusCode).toBe(400);
    expect((await api('GET', `/data-structures/${id}`)).json().dataStructure.spec).toEqual(spec);
  });

  it('clones a structure under a new name', async () => {
    server = testServer();
    const { id } = await create('Contacts', { strict: true });
    const clone = (await api('POST', `/data-structures/${id}/clone`, { name: 'Copy' })).json().dataStructure;
    expect(clone.id).not.toBe(id);
    expect(clone).toMatchObject({ name: 'Copy', strict: true, spec });
  });

  it('deletes an unused structure without confirmation', async () => {
    server = testServer();
    const { id } = await create('Contacts');
    expect((await api('DELETE', `/data-structures/${id}`)).json()).toEqual({ dataStructure: id });
    expect((await api('GET', `/data-structures/${id}`)).statusCode).toBe(404);
  });

  it('needs confirmed=true to delete a structure a hook or a data store uses, then detaches them', async () => {
    server = testServer();
    const { id } = await create('Contacts');
    const hook = (
      await api('POST', '/hooks?useDefaults=requiredOnly', {
        name: 'h',
        teamId: 1,
        typeName: 'gateway-webhook',
        udt: id,
      })
    ).json().hook;
    const store = (
      await api('POST', '/data-stores', { name: 'people', teamId: 1, datastructureId: id, maxSizeMB: 1 })
    ).json().dataStore;
    const refused = await api('DELETE', `/data-structures/${id}`);
    expect([refused.statusCode, refused.json().code]).toEqual([406, 'IM004']);
    expect((await api('GET', `/data-structures/${id}`)).statusCode).toBe(200);
    expect((await api('DELETE', `/data-structures/${id}?confirmed=true`)).statusCode).toBe(200);
    expect((await api('GET', `/hooks/${hook.id}`)).json().hook.data.udt).toBeNull();
    expect((await api('GET', `/data-stores/${store.id}`)).json().dataStore.datastructureId).toBeNull();
  });
});

describe('data structures of makesim.config.json', () => {
  it('serves the config structures by their ids, and the config wins over API changes at the next start', async () => {
    const dataStructures = [{ id: 40, name: 'Lead', strict: true, spec }];
    const database = openDatabase(':memory:');
    server = testServer({ database, dataStructures });
    expect((await api('GET', '/data-structures/40')).json().dataStructure).toEqual({
      id: 40,
      name: 'Lead',
      teamId: 1,
      strict: true,
      spec,
    });
    await api('PATCH', '/data-structures/40', { name: 'Changed' });
    await server.close();
    server = testServer({ database, dataStructures });
    expect((await api('GET', '/data-structures/40')).json().dataStructure.name).toBe('Lead');
    database.close();
  });
});
