import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFER_MAX, GroupCommit } from '../../../server/queue/group-commit.ts';

const db = new Database(':memory:');
db.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
afterEach(() => {
  vi.restoreAllMocks();
  db.exec('DELETE FROM t');
});

describe('group commit deferred lane (history writes nobody waits on)', () => {
  it('commits deferred writes together with the next immediate commit', async () => {
    const commits = new GroupCommit(db);
    const transactions = vi.spyOn(db, 'transaction');
    const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;
    const deferred = commits.later(insert(1));
    const immediate = commits.run(insert(2));
    expect(await Promise.all([deferred, immediate])).toEqual([1, 1]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(db.prepare('SELECT COUNT(*) AS c FROM t').get()).toEqual({ c: 2 });
  });

  it('commits deferred writes on their own after a short wait', async () => {
    const commits = new GroupCommit(db);
    expect(await commits.later(() => db.prepare('INSERT INTO t (n) VALUES (1)').run().changes)).toBe(1);
  });

  it('commits at once when DEFER_MAX deferred writes are pending', () => {
    const commits = new GroupCommit(db);
    for (let i = 0; i < DEFER_MAX; i++)
      void commits.later(() => db.prepare('INSERT INTO t (n) VALUES (?)').run(i));
    // No timer or turn of the event loop has passed: the size threshold alone committed them.
    expect(db.prepare('SELECT COUNT(*) AS c FROM t').get()).toEqual({ c: DEFER_MAX });
  });
});
