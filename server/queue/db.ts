/**
 * The server's SQLite database (better-sqlite3, WAL): scenarios, hooks, the webhook queue,
 * execution history, incomplete executions (with their edits and retry runs), backoff series,
 * scenario interfaces, data structures, the data stores created over the API, and webhook logs
 * (deleted with their hook by a trigger, whichever path deletes it). One file
 * (`.makesim/makesim.db` or `--db`);
 * WAL + synchronous=NORMAL keeps every committed row across a process crash (SIGKILL), which is
 * what "acknowledged only after it is committed" needs (Make's help: https://help.make.com/webhooks).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT UNIQUE,
  blueprint TEXT NOT NULL,
  scheduling TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 0,
  is_invalid INTEGER NOT NULL DEFAULT 0,
  consecutive_errors INTEGER NOT NULL DEFAULT 0,
  hook_id INTEGER,
  next_exec TEXT,
  created TEXT NOT NULL,
  last_edit TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS hooks (
  id INTEGER PRIMARY KEY,
  udid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  scenario_id INTEGER,
  enabled INTEGER NOT NULL DEFAULT 1,
  learning INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL DEFAULT '{}',
  created TEXT NOT NULL,
  unattached_since TEXT
);
CREATE TABLE IF NOT EXISTS queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hook_id INTEGER NOT NULL,
  scenario_id INTEGER,
  state TEXT NOT NULL DEFAULT 'queued',
  owner TEXT,
  request TEXT NOT NULL,
  body BLOB,
  size INTEGER NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_by_scenario ON queue (scenario_id, state, id);
CREATE INDEX IF NOT EXISTS queue_by_hook ON queue (hook_id, id);
CREATE TABLE IF NOT EXISTS executions (
  id TEXT PRIMARY KEY,
  scenario_id INTEGER NOT NULL,
  queue_item INTEGER UNIQUE,
  type TEXT NOT NULL,
  status INTEGER NOT NULL,
  operations INTEGER NOT NULL,
  centicredits INTEGER NOT NULL,
  duration INTEGER NOT NULL,
  started TEXT NOT NULL,
  instant INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS executions_by_scenario ON executions (scenario_id, started);
CREATE TABLE IF NOT EXISTS data_structures (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  strict INTEGER NOT NULL DEFAULT 0,
  spec TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS data_store_defs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  datastructure_id INTEGER,
  max_bytes INTEGER NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS backoff_state (
  scenario_id INTEGER PRIMARY KEY,
  attempt INTEGER NOT NULL,
  due TEXT
);
CREATE TABLE IF NOT EXISTS scenario_interfaces (
  scenario_id INTEGER PRIMARY KEY,
  scenario_created TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT
);
CREATE TABLE IF NOT EXISTS incomplete_edits (
  id TEXT PRIMARY KEY,
  blueprint TEXT,
  failer INTEGER,
  edited TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS incomplete_attempts (
  execution_id TEXT PRIMARY KEY,
  incomplete_id TEXT NOT NULL,
  started TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incomplete_attempts_by_item ON incomplete_attempts (incomplete_id, started);
CREATE TABLE IF NOT EXISTS incompletes (
  id TEXT PRIMARY KEY,
  scenario_id INTEGER NOT NULL,
  execution_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  created TEXT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  retry INTEGER NOT NULL DEFAULT 0,
  next_retry TEXT,
  input TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS hook_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hook_id INTEGER NOT NULL,
  logged INTEGER NOT NULL,
  status INTEGER NOT NULL,
  request_size INTEGER NOT NULL,
  response_size INTEGER NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  headers TEXT NOT NULL,
  parsed TEXT,
  response_headers TEXT NOT NULL,
  response_body BLOB,
  body BLOB
);
CREATE INDEX IF NOT EXISTS hook_logs_by_hook ON hook_logs (hook_id, logged);
CREATE TRIGGER IF NOT EXISTS hook_logs_go_with_their_hook AFTER DELETE ON hooks
  BEGIN DELETE FROM hook_logs WHERE hook_id = old.id; END;
`;

/**
 * Ids of these tables are never handed out twice, as Make's are not: a deleted scenario's id
 * would otherwise come back (SQLite reuses the highest rowid) with the old one's history. The
 * highest id ever used is kept in `meta` (`lastId:<table>`) by a trigger, so databases created
 * before this rule keep it from now on too.
 */
export const NEVER_REUSED = ['scenarios', 'hooks', 'data_structures'] as const;

const ID_COUNTERS = NEVER_REUSED.map(
  (table) => `
CREATE TRIGGER IF NOT EXISTS ${table}_last_id AFTER INSERT ON ${table} BEGIN
  INSERT INTO meta (key, value) VALUES ('lastId:${table}', new.id)
    ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), new.id);
END;`,
).join('');

/** SQL for the next id of a NEVER_REUSED table (used when the caller gives none). */
export function nextIdSql(table: (typeof NEVER_REUSED)[number]): string {
  return `(SELECT MAX(COALESCE((SELECT MAX(id) FROM ${table}), 0),
    COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'lastId:${table}'), 0)) + 1)`;
}

/** The WAL file is cut back to this size when it restarts (a burst of load must not leave it large). */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** Opens (creating when needed) the server database. `:memory:` for tests. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Pages freed by the history retention go back to the file system in small steps
  // (history-retention.ts); this only takes effect on a database created now.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  // One connection serves the whole process (data stores included, shared-database.ts): only
  // another process can hold the lock, and the event loop must not wait long for it.
  db.pragma('busy_timeout = 1000');
  // Every group commit runs its batch in a savepoint, whose statement journal SQLite otherwise
  // keeps in a new temporary file (created, written, deleted) per commit: in memory it is copies.
  db.pragma('temp_store = MEMORY');
  db.exec(SCHEMA);
  addMissingColumns(db);
  db.exec(ID_COUNTERS);
  return db;
}

/**
 * Columns added to a table after it first shipped: `CREATE TABLE IF NOT EXISTS` leaves a table of
 * an older database as it was, so each is added here when missing.
 */
const ADDED_COLUMNS = [{ table: 'hooks', column: 'unattached_since', type: 'TEXT' }] as const;

function addMissingColumns(db: Db): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
    if (!columns.some((existing) => existing.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
