/**
 * The actions of `makesim datastore …` (see datastore.ts), one per subcommand, against an open
 * SqliteDataStore. They throw UsageError for bad usage and MakeError when the store refuses.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ConfigError } from '../../config/config-error.ts';
import { loadConfig } from '../../config/load-config.ts';
import type { ProjectConfig } from '../../config/types.ts';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreHandle } from '../../engine/ports/data-store.ts';
import { SqliteDataStore } from '../../modules/datastore/sqlite-data-store.ts';
import { type CliContext, UsageError } from '../context.ts';
import { recordsFromCsv, recordsFromJson, recordsToCsv } from './datastore-io.ts';

export type Action = (port: SqliteDataStore, args: string[], options: Record<string, unknown>) => number;

export function openPort(ctx: CliContext, configPath: string | undefined): SqliteDataStore {
  let config: ProjectConfig;
  try {
    config = loadConfig({ startDir: ctx.cwd, ...(configPath ? { configPath } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return new SqliteDataStore({
    database: config.database,
    stores: config.dataStores,
    timezone: config.timezone,
  });
}

function storeNamed(port: SqliteDataStore, name: string): DataStoreHandle {
  const known = port.list();
  if (!known.some((s) => s.name === name || String(s.makeId) === name)) {
    const names = known.map((s) => s.name).join(', ') || 'none';
    throw new UsageError(
      `no data store "${name}" in makesim.config.json (known: ${names}); add it to "dataStores"`,
    );
  }
  return port.store(name);
}

function parseObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON; quote it for your shell, e.g. '{"name":"Ann"}'`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${what} must be a JSON object of fields`);
  return value as Record<string, unknown>;
}

export function actions(ctx: CliContext): Record<string, Action> {
  const json = (value: unknown) => ctx.out(`${JSON.stringify(value, null, 2)}\n`);
  return {
    list: (port) => {
      for (const s of port.list()) {
        const store = port.store(s.name);
        ctx.out(
          `${s.name}\t${s.makeId ?? '-'}\t${store.count()} records\t${store.size()} / ${s.maxBytes} bytes\n`,
        );
      }
      return 0;
    },
    show: (port, [name = '']) => {
      json(storeNamed(port, name).search({}));
      return 0;
    },
    get: (port, [name = '', key = '']) => {
      const record = storeNamed(port, name).get(key);
      if (record === undefined) throw new MakeError('DataError', `no record with key "${key}" in "${name}"`);
      json(record.data);
      return 0;
    },
    put: (port, [name = '', key = '', text = '']) => {
      json(storeNamed(port, name).put(key, parseObject(text, '<json>')));
      return 0;
    },
    delete: (port, [name = '', key = '']) => {
      if (!storeNamed(port, name).delete(key))
        throw new MakeError('DataError', `no record with key "${key}" in "${name}"`);
      return 0;
    },
    import: (port, [name = '', file = '']) =>
      importFile(port, storeNamed(port, name), resolve(ctx.cwd, file), ctx),
    export: (port, [name = ''], options) => {
      const records = storeNamed(port, name).search({});
      if (options.csv === true) ctx.out(recordsToCsv(records));
      else json(records);
      return 0;
    },
  };
}

/** All records or none: one transaction, rolled back on the first refused record. */
function importFile(port: SqliteDataStore, store: DataStoreHandle, file: string, ctx: CliContext): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const records =
    extname(file).toLowerCase() === '.csv'
      ? recordsFromCsv(text, file)
      : recordsFromJson(parseJson(text, file), file);
  port.begin();
  try {
    for (const record of records) store.put(record.key, record.data);
    port.commit();
  } catch (error) {
    port.rollback();
    throw error;
  }
  ctx.out(`imported ${records.length} records into ${store.info.name}\n`);
  return 0;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
