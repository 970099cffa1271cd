/**
 * Stores created, changed and removed while running (the dev server's data store API,
 * https://developers.make.com/api-documentation/api-reference/data-stores).
 */

import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

const MB = 1024 * 1024;

function port() {
  return new SqliteDataStore({ database: ':memory:', stores: [{ name: 'config', makeId: 1 }] });
}

function errorOf(fn: () => unknown): MakeError | SetupError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MakeError || error instanceof SetupError) return error;
    throw error;
  }
  return undefined;
}

describe('SqliteDataStore create/update/remove', () => {
  it('serves a created store by its Make id at once', () => {
    const stores = port();
    stores.create({ name: 'orders', makeId: 7, maxBytes: MB });
    stores.store(7).put('a', { n: 1 });
    expect(stores.store('orders').get('a')?.data).toEqual({ n: 1 });
    expect(stores.list().map((s) => s.name)).toEqual(['config', 'orders']);
  });

  it('refuses a name or id another store has', () => {
    const stores = port();
    expect(errorOf(() => stores.create({ name: 'config', makeId: 9, maxBytes: MB }))?.type).toBe(
      'InvalidConfigurationError',
    );
    expect(errorOf(() => stores.create({ name: 'new', makeId: 1, maxBytes: MB }))?.type).toBe(
      'InvalidConfigurationError',
    );
    expect(stores.list()).toHaveLength(1);
  });

  it('keeps the records through a rename', () => {
    const stores = port();
    stores.create({ name: 'orders', makeId: 7, maxBytes: MB });
    stores.store(7).put('a', { n: 1 });
    stores.update(7, { name: 'purchases' });
    expect(stores.store('purchases').count()).toBe(1);
    expect(errorOf(() => stores.store('orders'))?.type).toBe('SetupError');
  });

  it('checks later writes against a new structure and leaves stored records as they were', () => {
    const stores = port();
    stores.create({ name: 'orders', makeId: 7, maxBytes: MB });
    stores.store(7).put('a', { total: 'ten' });
    stores.update(7, { structure: { strict: false, fields: [{ name: 'total', type: 'number' }] } });
    expect(stores.store(7).get('a')?.data).toEqual({ total: 'ten' });
    expect(errorOf(() => stores.store(7).put('b', { total: 'ten' }))?.type).toBe('BundleValidationError');
    stores.update(7, { structure: null });
    expect(stores.store(7).put('b', { total: 'ten' }).data).toEqual({ total: 'ten' });
  });

  it('removes a store with its records', () => {
    const stores = port();
    stores.create({ name: 'orders', makeId: 7, maxBytes: MB });
    stores.store(7).put('a', { n: 1 });
    stores.remove(7);
    expect(errorOf(() => stores.store(7))?.type).toBe('SetupError');
    const count = stores.database.prepare('SELECT COUNT(*) AS n FROM datastore_records').get() as {
      n: number;
    };
    expect(count.n).toBe(0);
  });

  it('leaves the config stores to the config', () => {
    const stores = port();
    expect(stores.isEditable(1)).toBe(false);
    expect(errorOf(() => stores.update(1, { name: 'x' }))?.type).toBe('InvalidConfigurationError');
    expect(errorOf(() => stores.remove(1))?.type).toBe('InvalidConfigurationError');
    expect(stores.list()[0]?.name).toBe('config');
  });
});
