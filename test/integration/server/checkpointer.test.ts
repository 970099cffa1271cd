import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../server/queue/checkpointer.ts';
import { type Db, openDatabase } from '../../../server/queue/db.ts';

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fill(target: Db, rows: number): void {
  const insert = target.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  target.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`k${i}`, 'x'.repeat(500));
  })();
}

async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

describe('WAL checkpoints off the event loop (server/queue/checkpointer.ts)', () => {
  it('turns off checkpoints in the serving connection and copies its commits from a worker', async () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-checkpoint-'));
    const path = join(dir, 'makesim.db');
    db = openDatabase(path);
    const checkpointer = startCheckpointer(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    fill(db, 2000);
    // Nothing in this thread checkpoints, yet the rows reach the database file itself.
    expect(await eventually(() => statSync(path).size > before + 500_000)).toBe(true);
    await checkpointer.stop();
    expect(db.prepare('SELECT COUNT(*) AS n FROM meta').get()).toEqual({ n: 2000 });
  });
});
