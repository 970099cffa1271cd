import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

let open: SqliteDataStore[] = [];
afterEach(() => {
  for (const store of open) store.close();
  open = [];
});

/** A file-backed store (the journal only exists where a crash can be survived). */
function fileStore(path = join(mkdtempSync(join(tmpdir(), 'makesim-undo-')), 'db.sqlite')) {
  const store = new SqliteDataStore({ database: path, stores: [{ name: 'people', makeId: 1 }] });
  open.push(store);
  return { store, path };
}

const names = (store: SqliteDataStore) =>
  Object.fromEntries(
    store
      .store('people')
      .search({})
      .map((r) => [r.key, r.data.name]),
  );

describe('undo journal of the dev server runs', () => {
  it('puts back what a run that was never stored wrote: new rows go, replaced and deleted rows return', () => {
    const { store, path } = fileStore();
    store.store('people').put('kept', { name: 'Kept' });
    store.store('people').put('gone', { name: 'Gone' });
    const run = store.forRun('run-1').store('people');
    run.put('new', { name: 'New' });
    run.put('kept', { name: 'Changed' });
    run.put('kept', { name: 'Changed twice' });
    run.delete('gone');
    store.close();
    const { store: restarted } = fileStore(path);
    expect(restarted.recoverRuns(() => false)).toEqual({ undone: 1, rows: 3 });
    expect(names(restarted)).toEqual({ kept: 'Kept', gone: 'Gone' });
  });

  it('keeps the writes of a run whose execution was stored', () => {
    const { store, path } = fileStore();
    store.forRun('run-1').store('people').put('a', { name: 'A' });
    store.forRun('run-2').store('people').put('b', { name: 'B' });
    store.forgetRun('run-1');
    store.close();
    const { store: restarted } = fileStore(path);
    // run-2 has a stored execution the journal was not told about (another file): also kept.
    expect(restarted.recoverRuns((run) => run === 'run-2')).toEqual({ undone: 0, rows: 0 });
    expect(names(restarted)).toEqual({ a: 'A', b: 'B' });
  });

  it('leaves a row that a later, stored run changed after the lost run wrote it', () => {
    const { store, path } = fileStore();
    store.forRun('lost').store('people').put('k', { name: 'Lost run' });
    store.forRun('stored').store('people').put('k', { name: 'Stored run' });
    store.forgetRun('stored');
    store.close();
    const { store: restarted } = fileStore(path);
    restarted.recoverRuns(() => false);
    expect(names(restarted)).toEqual({ k: 'Stored run' });
  });

  it('restores every row a run cleared with Delete all records', () => {
    const { store, path } = fileStore();
    store.store('people').put('a', { name: 'A' });
    store.store('people').put('b', { name: 'B' });
    store.forRun('run-1').store('people').deleteAll();
    store.close();
    const { store: restarted } = fileStore(path);
    restarted.recoverRuns(() => false);
    expect(names(restarted)).toEqual({ a: 'A', b: 'B' });
  });

  it('forgets what an engine rollback already undid', () => {
    const { store, path } = fileStore();
    store.store('people').put('a', { name: 'A' });
    store.begin();
    store.forRun('run-1').store('people').put('a', { name: 'Rolled back' });
    store.rollback();
    store.forRun('run-1').store('people').put('b', { name: 'B' });
    store.close();
    const { store: restarted } = fileStore(path);
    expect(restarted.recoverRuns(() => false).rows).toBe(1);
    expect(names(restarted)).toEqual({ a: 'A' });
  });
});
