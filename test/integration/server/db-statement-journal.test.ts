import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../server/queue/db.ts';
import { GroupCommit } from '../../../server/queue/group-commit.ts';

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the server database keeps statement journals in memory (server/queue/db.ts)', () => {
  it('opens the file database with temp_store = MEMORY', () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-journal-'));
    db = openDatabase(join(dir, 'makesim.db'));
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('still undoes a failed write of a batch alone, through its in-memory savepoint', async () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-journal-'));
    db = openDatabase(join(dir, 'makesim.db'));
    const commits = new GroupCommit(db);
    const target = db;
    const insert = (key: string) => () =>
      target.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, 'x');
    const kept = commits.run(insert('kept'));
    const failed = commits.run(() => {
      insert('undone')();
      throw new Error('this write fails after its insert');
    });
    await expect(failed).rejects.toThrow();
    await kept;
    const keys = target.prepare('SELECT key FROM meta ORDER BY key').pluck().all();
    expect(keys).toEqual(['kept']);
  });
});
