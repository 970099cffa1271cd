/**
 * The eight data store modules (Make's help: https://help.make.com/data-stores), run as the engine calls
 * them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModuleContext } from '../../../../engine/registry/define-module.ts';
import addRecord from '../../../../modules/datastore/add-record.ts';
import deleteAllRecords from '../../../../modules/datastore/delete-all-records.ts';
import deleteRecord from '../../../../modules/datastore/delete-record.ts';
import existRecord from '../../../../modules/datastore/exist-record.ts';
import getRecord from '../../../../modules/datastore/get-record.ts';
import searchRecord from '../../../../modules/datastore/search-record.ts';
import type { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';
import stats from '../../../../modules/datastore/stats.ts';
import updateRecord from '../../../../modules/datastore/update-record.ts';
import { failureType, memoryStore, moduleContext, runModule, STORE_ID } from './harness.ts';

let port: SqliteDataStore;
let ctx: ModuleContext;

beforeEach(() => {
  port = memoryStore();
  ctx = moduleContext(port, ['8f716282-8bc0-4000-8000-000000000000', 'aaaaaaaa-bbbb-4000-8000-000000000000']);
});
afterEach(() => port.close());

const store = () => port.store(STORE_ID);

describe('datastore:AddRecord', () => {
  it('adds a record and outputs it as { key, data }', async () => {
    const out = await runModule(addRecord, { input: { key: 'k1', data: { name: 'Ann' } }, ctx });
    expect(out).toEqual([{ key: 'k1', data: { name: 'Ann' } }]);
    expect(store().get('k1')?.data).toEqual({ name: 'Ann' });
  });

  it('generates a 12-hex key when the key is blank', async () => {
    const out = await runModule(addRecord, { input: { key: '', data: { a: 1 } }, ctx });
    expect(out[0]?.key).toBe('8f7162828bc0');
    expect(store().has('8f7162828bc0')).toBe(true);
  });

  it('draws another key when the generated one is taken', async () => {
    store().put('8f7162828bc0', {});
    const out = await runModule(addRecord, { input: { data: {} }, ctx });
    expect(out[0]?.key).toBe('aaaaaaaabbbb');
  });

  it('fails with DuplicateDataError when the key exists and overwrite is off', async () => {
    store().put('k1', { v: 1 });
    expect(await failureType(runModule(addRecord, { input: { key: 'k1', data: { v: 2 } }, ctx }))).toBe(
      'DuplicateDataError',
    );
    expect(store().get('k1')?.data).toEqual({ v: 1 });
  });

  it('replaces the whole record when overwrite is on', async () => {
    store().put('k1', { v: 1, old: true });
    await runModule(addRecord, { input: { key: 'k1', overwrite: true, data: { v: 2 } }, ctx });
    expect(store().get('k1')?.data).toEqual({ v: 2 });
  });

  it('takes a number key as text', async () => {
    await runModule(addRecord, { input: { key: 42, data: {} }, ctx });
    expect(store().has('42')).toBe(true);
  });

  it('fails with BundleValidationError for an object key', async () => {
    expect(await failureType(runModule(addRecord, { input: { key: { a: 1 } }, ctx }))).toBe(
      'BundleValidationError',
    );
  });

  it('fails with a setup error when the run has no data stores', async () => {
    const bare = moduleContext(undefined);
    expect(await failureType(runModule(addRecord, { input: { key: 'k' }, ctx: bare }))).toBe('SetupError');
  });
});

describe('datastore:GetRecord', () => {
  beforeEach(() => store().put('k1', { name: 'Ann', age: 30 }));

  it('outputs the fields at the top level', async () => {
    expect(await runModule(getRecord, { input: { key: 'k1', returnWrapped: false }, ctx })).toEqual([
      { name: 'Ann', age: 30 },
    ]);
  });

  it('outputs { key, data } when returnWrapped is on, like Search records', async () => {
    expect(await runModule(getRecord, { input: { key: 'k1', returnWrapped: true }, ctx })).toEqual([
      { key: 'k1', data: { name: 'Ann', age: 30 } },
    ]);
  });

  it('outputs one empty bundle for a missing key, so the route continues', async () => {
    expect(await runModule(getRecord, { input: { key: 'nope' }, ctx })).toEqual([{}]);
  });

  it('fails with BundleValidationError without a key', async () => {
    expect(await failureType(runModule(getRecord, { input: {}, ctx }))).toBe('BundleValidationError');
  });
});

describe('datastore:ExistRecord', () => {
  it('outputs { exist } for present and missing keys', async () => {
    store().put('k1', {});
    expect(await runModule(existRecord, { input: { key: 'k1' }, ctx })).toEqual([{ exist: true }]);
    expect(await runModule(existRecord, { input: { key: 'k2' }, ctx })).toEqual([{ exist: false }]);
  });
});

describe('datastore:UpdateRecord', () => {
  it('changes only the mapped fields', async () => {
    store().put('k1', { name: 'Ann', age: 30 });
    const out = await runModule(updateRecord, { input: { key: 'k1', data: { age: 31, name: '' } }, ctx });
    expect(out).toEqual([{ key: 'k1', data: { name: 'Ann', age: 31 } }]);
  });

  it('fails with DataError for a missing key without upsert, and inserts it with upsert', async () => {
    expect(await failureType(runModule(updateRecord, { input: { key: 'k9', data: { a: 1 } }, ctx }))).toBe(
      'DataError',
    );
    expect(store().has('k9')).toBe(false);
    await runModule(updateRecord, { input: { key: 'k9', upsert: true, data: { a: 1 } }, ctx });
    expect(store().get('k9')?.data).toEqual({ a: 1 });
  });

  it('appends array items unless overwriteArrays is on', async () => {
    store().put('k1', { ids: [1, 2] });
    await runModule(updateRecord, { input: { key: 'k1', overwriteArrays: false, data: { ids: [3] } }, ctx });
    expect(store().get('k1')?.data.ids).toEqual([1, 2, 3]);
    await runModule(updateRecord, { input: { key: 'k1', overwriteArrays: true, data: { ids: [9] } }, ctx });
    expect(store().get('k1')?.data.ids).toEqual([9]);
  });

  it('keeps a field named __proto__ a plain field through the merge', async () => {
    store().put('k1', { a: 1 });
    const data = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    await runModule(updateRecord, { input: { key: 'k1', data }, ctx });
    const stored = store().get('k1')?.data ?? {};
    expect(Object.hasOwn(stored, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('datastore:DeleteRecord and DeleteAllRecords', () => {
  it('deletes one record and outputs its key', async () => {
    store().put('k1', {});
    store().put('k2', {});
    expect(await runModule(deleteRecord, { input: { key: 'k1' }, ctx })).toEqual([{ key: 'k1' }]);
    expect(store().count()).toBe(1);
  });

  it('wipes the whole store', async () => {
    store().put('k1', {});
    store().put('k2', {});
    await runModule(deleteAllRecords, { ctx });
    expect(store().count()).toBe(0);
  });
});

describe('datastore:Stats', () => {
  it('outputs { count }', async () => {
    store().put('a', {});
    store().put('b', {});
    expect(await runModule(stats, { ctx })).toEqual([{ count: 2 }]);
  });
});

describe('datastore:SearchRecord', () => {
  beforeEach(() => {
    store().put('k1', { 'Email ID': 'a@x.io', n: 3 });
    store().put('k2', { 'Email ID': 'b@x.io', n: 1 });
    store().put('k3', { 'Email ID': 'a@x.io', n: 2 });
  });

  it('outputs one { key, data } bundle per matching record (corpus filter shape)', async () => {
    const out = await runModule(searchRecord, {
      parameters: { datastore: STORE_ID, limit: null, continueWhenNoRes: false },
      input: { sort: [], filter: [[{ a: 'Email ID', b: 'a@x.io', o: 'text:equal' }]] },
      ctx,
    });
    expect(out).toEqual([
      { key: 'k1', data: { 'Email ID': 'a@x.io', n: 3 } },
      { key: 'k3', data: { 'Email ID': 'a@x.io', n: 2 } },
    ]);
  });

  it('sorts and limits', async () => {
    const out = await runModule(searchRecord, {
      parameters: { datastore: STORE_ID, limit: 2 },
      input: { sort: [{ key: 'n', order: 'asc' }] },
      ctx,
    });
    expect(out.map((b) => b.key)).toEqual(['k2', 'k3']);
  });

  it('outputs nothing when no record matches and continueWhenNoRes is off', async () => {
    const input = { filter: [[{ a: 'n', o: 'number:greater', b: 10 }]] };
    expect(
      await runModule(searchRecord, {
        parameters: { datastore: STORE_ID, continueWhenNoRes: false },
        input,
        ctx,
      }),
    ).toEqual([]);
  });

  it('outputs one bundle of length 0 when nothing matches and continueWhenNoRes is on', async () => {
    const input = { filter: [[{ a: 'n', o: 'number:greater', b: 10 }]] };
    expect(
      await runModule(searchRecord, {
        parameters: { datastore: STORE_ID, continueWhenNoRes: true },
        input,
        ctx,
      }),
    ).toEqual([{ __IMTINDEX__: 0, __IMTLENGTH__: 0 }]);
  });

  it('fails with BundleValidationError for a limit that is not a whole number', async () => {
    expect(
      await failureType(runModule(searchRecord, { parameters: { datastore: STORE_ID, limit: 'many' }, ctx })),
    ).toBe('BundleValidationError');
  });
});

describe('every data store module', () => {
  const all = [
    addRecord,
    getRecord,
    existRecord,
    updateRecord,
    deleteRecord,
    deleteAllRecords,
    searchRecord,
    stats,
  ];

  it('is ACID, so the engine wraps it in a transaction (https://help.make.com/data-stores)', () => {
    expect(all.every((m) => m.acid === true)).toBe(true);
  });

  it('reports a blueprint without parameters.datastore at load time', () => {
    for (const m of all) {
      const node = { id: 5, key: m.key, version: 1, label: undefined, parameters: {}, raw: {} };
      expect(m.validate?.(node).map((p) => p.pointer)).toEqual(['/parameters/datastore']);
    }
  });
});
