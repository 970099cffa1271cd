/**
 * The data stores load better-sqlite3 (a native addon) only when a database is opened, so that
 * `makesim run` of a scenario without data stores does not pay for it (issue 14 §2). Checked in
 * a fresh Node process: this test process has loaded the library long ago.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

const script = `
import { createRequire } from 'node:module';
import { SqliteDataStore } from './modules/datastore/sqlite-data-store.ts';
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('better-sqlite3'));
const stores = new SqliteDataStore({ database: ':memory:', stores: [{ name: 'people', makeId: 1 }] });
const before = { loaded: loaded(), stores: stores.list().length };
stores.store('people').put('k1', { name: 'Ada' });
const after = { loaded: loaded(), record: stores.store('people').get('k1')?.data };
stores.close();
console.log(JSON.stringify({ before, after }));
`;

describe('SqliteDataStore', () => {
  it('loads better-sqlite3 when a store is first used, not when it is imported or listed', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      before: { loaded: false, stores: 1 },
      after: { loaded: true, record: { name: 'Ada' } },
    });
  });
});
