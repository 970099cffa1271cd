/**
 * The data store contract (Make's help: https://help.make.com/rollback-error-handler,
 * https://help.make.com/data-stores), run against a file database in a temp
 * directory and against `:memory:`: every operation, structure, limits, nested transactions.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

const KB = 1024;

function backends(): Array<{ name: string; open: () => { database: string; cleanup: () => void } }> {
  return [
    { name: ':memory:', open: () => ({ database: ':memory:', cleanup: () => {} }) },
    {
      name: 'file (WAL)',
      open: () => {
        const dir = mkdtempSync(join(tmpdir(), 'makesim-ds-'));
        return {
          database: join(dir, '.makesim', 'makesim.db'),
          cleanup: () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
}

function errorType(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MakeError || error instanceof SetupError
      ? error.type
      : `not a MakeError: ${String(error)}`;
  }
  return undefined;
}

describe.each(backends())('SqliteDataStore on $name', ({ open }) => {
  let port: SqliteDataStore;
  let cleanup: () => void;

  beforeEach(() => {
    const opened = open();
    cleanup = opened.cleanup;
    port = new SqliteDataStore({
      database: opened.database,
      stores: [
        { name: 'contacts', makeId: 36975 },
        {
          name: 'typed',
          makeId: 2,
          structure: {
            strict: true,
            fields: [
              { name: 'email', type: 'text', required: true },
              { name: 'age', type: 'number' },
              { name: 'vip', type: 'boolean', default: false },
              { name: 'seen', type: 'date' },
              { name: 'tags', type: 'array', spec: { name: 'tag', type: 'text' } },
              { name: 'address', type: 'collection', spec: [{ name: 'city', type: 'text' }] },
            ],
          },
        },
        { name: 'tiny', makeId: 3, maxBytes: 2 * KB },
      ],
    });
  });

  afterEach(() => {
    port.close();
    cleanup();
  });

  describe('records', () => {
    it('finds a store by Make id, by numeric text and by local name', () => {
      expect(port.store(36975).info.name).toBe('contacts');
      expect(port.store('36975').info.name).toBe('contacts');
      expect(port.store('typed').info.makeId).toBe(2);
    });

    it('fails with a setup error for a store the config does not define', () => {
      expect(errorType(() => port.store(999))).toBe('SetupError');
    });

    it('puts, gets, checks and deletes a record', () => {
      const store = port.store('contacts');
      store.put('a', { name: 'Ann', n: 1 });
      expect(store.get('a')).toEqual({ key: 'a', data: { name: 'Ann', n: 1 } });
      expect(store.has('a')).toBe(true);
      expect(store.has('b')).toBe(false);
      expect(store.get('b')).toBeUndefined();
      expect(store.delete('a')).toBe(true);
      expect(store.delete('a')).toBe(false);
      expect(store.count()).toBe(0);
    });

    it('replaces a record under the same key without adding one', () => {
      const store = port.store('contacts');
      store.put('a', { v: 1 });
      store.put('a', { v: 2 });
      expect(store.count()).toBe(1);
      expect(store.get('a')?.data).toEqual({ v: 2 });
    });

    it('keeps stores apart', () => {
      port.store('contacts').put('k', { v: 1 });
      expect(port.store('tiny').has('k')).toBe(false);
      port.store('tiny').put('k', { v: 2 });
      expect(port.store('contacts').get('k')?.data).toEqual({ v: 1 });
    });

    it('deletes all records of one store only', () => {
      port.store('contacts').put('a', {});
      port.store('contacts').put('b', {});
      port.store('tiny').put('c', {});
      expect(port.store('contacts').deleteAll()).toBe(2);
      expect(port.store('contacts').count()).toBe(0);
      expect(port.store('contacts').size()).toBe(0);
      expect(port.store('tiny').count()).toBe(1);
    });

    it('stores __proto__ and constructor as plain keys and fields without polluting prototypes', () => {
      const store = port.store('contacts');
      const data = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') as Record<
        string,
        unknown
      >;
      store.put('__proto__', data);
      store.put('constructor', { a: 1 });
      const back = store.get('__proto__');
      expect(back?.key).toBe('__proto__');
      expect(Object.hasOwn(back?.data ?? {}, '__proto__')).toBe(true);
      expect(back?.data.constructor).toBe('x');
      expect(store.get('constructor')?.data).toEqual({ a: 1 });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(back?.data)).toBe(Object.prototype);
      expect(store.count()).toBe(2);
    });
  });

  describe('search', () => {
    beforeEach(() => {
      const store = port.store('contacts');
      store.put('k1', { name: 'Bob', age: 30 });
      store.put('k2', { name: 'Ann', age: 25 });
      store.put('k3', { name: 'Cid' });
    });

    it('returns every record in insertion order without a filter', () => {
      expect(
        port
          .store('contacts')
          .search({})
          .map((r) => r.key),
      ).toEqual(['k1', 'k2', 'k3']);
    });

    it('ORs the groups and ANDs the conditions inside a group', () => {
      const found = port.store('contacts').search({
        filter: [
          [
            { a: 'age', o: 'number:greater', b: 20 },
            { a: 'name', o: 'text:equal', b: 'Ann' },
          ],
          [{ a: 'name', o: 'text:equal', b: 'Cid' }],
        ],
      });
      expect(found.map((r) => r.key)).toEqual(['k2', 'k3']);
    });

    it('filters on the record key and on existence', () => {
      const store = port.store('contacts');
      expect(store.search({ filter: [[{ a: 'key', o: 'text:equal', b: 'k3' }]] }).map((r) => r.key)).toEqual([
        'k3',
      ]);
      expect(store.search({ filter: [[{ a: 'age', o: 'exist' }]] }).map((r) => r.key)).toEqual(['k1', 'k2']);
    });

    it('sorts ascending and descending with missing values last, then limits', () => {
      const store = port.store('contacts');
      expect(store.search({ sort: [{ key: 'age', order: 'asc' }] }).map((r) => r.key)).toEqual([
        'k2',
        'k1',
        'k3',
      ]);
      expect(store.search({ sort: [{ key: 'age', order: 'desc' }] }).map((r) => r.key)).toEqual([
        'k1',
        'k2',
        'k3',
      ]);
      expect(store.search({ sort: [{ key: 'name', order: 'asc' }], limit: 2 }).map((r) => r.key)).toEqual([
        'k2',
        'k1',
      ]);
    });

    it('fails with InvalidConfigurationError on an unknown operator', () => {
      expect(
        errorType(() => port.store('contacts').search({ filter: [[{ a: 'x', o: 'text:nope', b: 1 }]] })),
      ).toBe('InvalidConfigurationError');
    });
  });

  describe('data structure', () => {
    it('converts mapped text to the field types and fills defaults', () => {
      const record = port
        .store('typed')
        .put('k', { email: 'a@b.c', age: '42', seen: '2024-01-02T03:04:05+01:00' });
      expect(record.data).toEqual({ email: 'a@b.c', age: 42, vip: false, seen: '2024-01-02T02:04:05.000Z' });
    });

    it('rejects a field outside a strict structure with BundleValidationError', () => {
      expect(errorType(() => port.store('typed').put('k', { email: 'a', extra: 1 }))).toBe(
        'BundleValidationError',
      );
    });

    it('rejects a missing required field', () => {
      expect(errorType(() => port.store('typed').put('k', { age: 1 }))).toBe('BundleValidationError');
    });

    it('rejects values that are not of the field type', () => {
      const typed = port.store('typed');
      expect(errorType(() => typed.put('k', { email: 'a', age: 'forty' }))).toBe('BundleValidationError');
      expect(errorType(() => typed.put('k', { email: 'a', seen: 'not a date' }))).toBe(
        'BundleValidationError',
      );
      expect(errorType(() => typed.put('k', { email: 'a', tags: [{ x: 1 }] }))).toBe('BundleValidationError');
      expect(errorType(() => typed.put('k', { email: 'a', address: { city: 'X', zip: 1 } }))).toBe(
        'BundleValidationError',
      );
      expect(typed.count()).toBe(0);
    });

    it('accepts nested collections and arrays of the declared types', () => {
      const record = port
        .store('typed')
        .put('k', { email: 'a', tags: ['x', 1], address: { city: 'Prague' } });
      expect(record.data.tags).toEqual(['x', '1']);
      expect(record.data.address).toEqual({ city: 'Prague' });
    });

    it('stores any fields in a store without a structure', () => {
      expect(port.store('contacts').put('k', { anything: [1, { b: true }] }).data).toEqual({
        anything: [1, { b: true }],
      });
    });
  });

  describe('size limit', () => {
    it("defaults a store to Make's 1 MB minimum", () => {
      expect(port.store('contacts').info.maxBytes).toBe(1024 * 1024);
    });

    it('counts key plus JSON bytes and gives them back on delete', () => {
      const store = port.store('contacts');
      store.put('ab', { x: 1 });
      // "ab" = 2 bytes, '{"x":1}' = 7 bytes (limits.ts: key + record JSON, UTF-8).
      expect(store.size()).toBe(9);
      store.put('ab', { x: 10 });
      expect(store.size()).toBe(10);
      store.delete('ab');
      expect(store.size()).toBe(0);
    });

    it('fails with OutOfSpaceError when a write would pass the limit, and keeps the store as it was', () => {
      const store = port.store('tiny');
      store.put('a', { text: 'x'.repeat(1500) });
      expect(errorType(() => store.put('b', { text: 'y'.repeat(1000) }))).toBe('OutOfSpaceError');
      expect(store.has('b')).toBe(false);
      expect(store.count()).toBe(1);
    });

    it('allows a replacement that makes the record smaller in a full store', () => {
      const store = port.store('tiny');
      store.put('a', { text: 'x'.repeat(2000) });
      expect(() => store.put('a', { text: 'short' })).not.toThrow();
    });
  });

  describe('transactions', () => {
    it('rollback restores the rows and the size as they were at begin', () => {
      const store = port.store('contacts');
      store.put('a', { v: 1 });
      const size = store.size();
      port.begin();
      store.put('a', { v: 2 });
      store.put('b', { v: 3 });
      store.delete('a');
      port.rollback();
      expect(store.get('a')?.data).toEqual({ v: 1 });
      expect(store.has('b')).toBe(false);
      expect(store.size()).toBe(size);
    });

    it('commit keeps the writes', () => {
      const store = port.store('contacts');
      port.begin();
      store.put('a', { v: 1 });
      port.commit();
      expect(store.get('a')?.data).toEqual({ v: 1 });
      expect(port.depth).toBe(0);
    });

    it('nests: rolling back the inner transaction keeps the outer one’s writes', () => {
      const store = port.store('contacts');
      port.begin();
      store.put('outer', {});
      port.begin();
      store.put('inner', {});
      port.rollback();
      port.commit();
      expect(store.has('outer')).toBe(true);
      expect(store.has('inner')).toBe(false);
    });

    it('nests: rolling back the outer transaction undoes a committed inner one', () => {
      const store = port.store('contacts');
      port.begin();
      port.begin();
      store.put('inner', {});
      port.commit();
      store.put('outer', {});
      port.rollback();
      expect(store.count()).toBe(0);
    });

    it('deleteAll is undone by rollback', () => {
      const store = port.store('contacts');
      store.put('a', {});
      port.begin();
      store.deleteAll();
      port.rollback();
      expect(store.has('a')).toBe(true);
    });

    it('a failed write inside a transaction leaves the transaction usable', () => {
      const store = port.store('tiny');
      port.begin();
      store.put('a', {});
      expect(errorType(() => store.put('b', { t: 'z'.repeat(3000) }))).toBe('OutOfSpaceError');
      port.commit();
      expect(store.has('a')).toBe(true);
    });

    it('fails with InconsistencyError on a commit or rollback with nothing open', () => {
      expect(errorType(() => port.commit())).toBe('InconsistencyError');
      expect(errorType(() => port.rollback())).toBe('InconsistencyError');
    });
  });
});

describe('SqliteDataStore on a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-ds-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () =>
    new SqliteDataStore({ database: join(dir, '.makesim', 'db.sqlite'), stores: [{ name: 's' }] });

  it('creates the database (and its directory) on first use only', () => {
    const port = open();
    expect(existsSync(join(dir, '.makesim'))).toBe(false);
    port.store('s').put('k', {});
    expect(existsSync(join(dir, '.makesim', 'db.sqlite'))).toBe(true);
    expect(port.database.pragma('journal_mode', { simple: true })).toBe('wal');
    port.close();
  });

  it('keeps committed records across reopening, and close rolls back what is still open', () => {
    const first = open();
    first.store('s').put('kept', { v: 1 });
    first.begin();
    first.store('s').put('lost', {});
    first.close();
    const second = open();
    expect(second.store('s').get('kept')?.data).toEqual({ v: 1 });
    expect(second.store('s').has('lost')).toBe(false);
    second.close();
  });

  it('commits writes to the file at the next event-loop turn, never while a transaction is open', async () => {
    const path = join(dir, '.makesim', 'db.sqlite');
    const port = open();
    const store = port.store('s');
    const reader = () => {
      const db = new Database(path, { readonly: true });
      const n = (db.prepare('SELECT COUNT(*) AS n FROM datastore_records').get() as { n: number }).n;
      db.close();
      return n;
    };
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    store.put('a', {});
    expect(reader()).toBe(0);
    await nextTurn();
    expect(reader()).toBe(1);
    port.begin();
    store.put('b', {});
    await nextTurn();
    expect(reader()).toBe(1);
    port.commit();
    await nextTurn();
    expect(reader()).toBe(2);
    port.close();
  });
});
