/** Pooled in-memory databases (modules/datastore/memory-databases.ts): reused, but always lent empty. */
import { describe, expect, it } from 'vitest';
import { FAKE_SCHEMA, SqliteFakeState } from '../../../../fakes/state.ts';
import { MemoryDatabasePool } from '../../../../modules/datastore/memory-databases.ts';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

const SCHEMA = 'CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT);';

describe('MemoryDatabasePool', () => {
  it('lends a database back with its tables empty and its rowids starting over', () => {
    const pool = new MemoryDatabasePool();
    const db = pool.borrow(SCHEMA);
    db.prepare('INSERT INTO t VALUES (?, ?)').run('a', 'written by the first run');
    pool.giveBack(db);
    const again = pool.borrow(SCHEMA);
    expect(again).toBe(db);
    expect(again.prepare('SELECT * FROM t').all()).toEqual([]);
    again.prepare('INSERT INTO t VALUES (?, ?)').run('b', 'second');
    expect(again.prepare('SELECT rowid FROM t').get()).toEqual({ rowid: 1 });
  });

  it('rolls back what a run left open before lending the database again', () => {
    const pool = new MemoryDatabasePool();
    const db = pool.borrow(SCHEMA);
    db.exec("BEGIN; INSERT INTO t VALUES ('a', 'uncommitted'); SAVEPOINT s1;");
    pool.giveBack(db);
    const again = pool.borrow(SCHEMA);
    expect(again.inTransaction).toBe(false);
    expect(again.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('never lends again a database a run changed the shape of', () => {
    const pool = new MemoryDatabasePool();
    const db = pool.borrow(SCHEMA);
    db.exec('CREATE TABLE extra (x)');
    pool.giveBack(db);
    expect(db.open).toBe(false);
    expect(pool.borrow(SCHEMA)).not.toBe(db);
  });

  it('keeps databases apart by schema, and at most maxFree of each', () => {
    const pool = new MemoryDatabasePool(1);
    const one = pool.borrow(SCHEMA);
    const two = pool.borrow(SCHEMA);
    const other = pool.borrow('CREATE TABLE u (x);');
    pool.giveBack(one);
    pool.giveBack(two);
    pool.giveBack(other);
    expect(two.open).toBe(false);
    expect(pool.freeCount).toBe(2);
    expect(pool.borrow('CREATE TABLE u (x);')).toBe(other);
  });

  it('gives a data store and a fake state that reuse a database none of the last run’s rows', () => {
    const pool = new MemoryDatabasePool();
    const stores = [{ name: 'orders', makeId: 1 }];
    const first = new SqliteDataStore({ database: ':memory:', stores, memory: pool });
    first.store('orders').put('A-1', { total: 1 });
    const firstDb = first.database;
    first.close();
    const second = new SqliteDataStore({ database: ':memory:', stores, memory: pool });
    expect(second.database).toBe(firstDb);
    expect(second.store('orders').get('A-1')).toBeUndefined();
    expect(second.store('orders').count()).toBe(0);
    second.close();

    const db = pool.borrow(FAKE_SCHEMA);
    const state = new SqliteFakeState(db);
    state.put('slack', 'C1', 'm1', { text: 'from the first run' });
    state.setCursor('slack', 'seen', '5');
    state.close();
    pool.giveBack(db);
    const reused = pool.borrow(FAKE_SCHEMA);
    expect(reused).toBe(db);
    const next = new SqliteFakeState(reused);
    expect(next.list('slack', 'C1')).toEqual([]);
    expect(next.cursor('slack', 'seen')).toBeUndefined();
    next.close();
    pool.giveBack(reused);
  });
});
