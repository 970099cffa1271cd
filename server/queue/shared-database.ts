/**
 * The server database and the data stores in ONE connection when they are one file — the default
 * (`makesim.config.json` without `database`: both `.makesim/makesim.db`). Two connections to one
 * file made each writer wait in SQLite's busy handler for the other's lock, on the event loop, and
 * let a run's rows commit apart from its execution record; one connection and one group commit
 * make them durable together (docs/serve.md, "What survives a crash").
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Db, openDatabase } from './db.ts';
import { GroupCommit } from './group-commit.ts';

export interface ServerDatabase {
  db: Db;
  commits: GroupCommit;
  /** Set when the data stores live in the same file: their connection and committer. */
  shared: { db: Db; batch: GroupCommit } | undefined;
}

export function openServerDatabase(serverPath: string, dataStorePath: string): ServerDatabase {
  const db = openDatabase(serverPath);
  const commits = new GroupCommit(db);
  const same = serverPath !== ':memory:' && sameFile(serverPath, dataStorePath);
  return { db, commits, shared: same ? { db, batch: commits } : undefined };
}

/** Whether two paths name one file (the server's exists by now; symlinked folders count). */
function sameFile(a: string, b: string): boolean {
  if (b === ':memory:') return false;
  try {
    return realpathSync(a) === resolve(realpathSync(dirname(b)), b.split(/[\\/]/).pop() ?? '');
  } catch {
    return resolve(a) === resolve(b);
  }
}
