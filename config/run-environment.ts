/**
 * Builds what a run needs from the project config — data stores, HTTP policy and connections,
 * scenario state, organization/team variables, timezone — so `makesim run`, the test runner and
 * the server all build runs the same way.
 */
import type { VariableScopes } from '../engine/expression/types.ts';
import type { HttpConnection, HttpPort } from '../engine/ports/http.ts';
import { memoryState, type ScenarioState } from '../engine/ports/state.ts';
import type { SubscenarioPort } from '../engine/ports/subscenarios.ts';
import type { MemoryDatabaseSource } from '../modules/datastore/memory-databases.ts';
import { SqliteDataStore, type SqliteDataStoreOptions } from '../modules/datastore/sqlite-data-store.ts';
import type { ConnectionConfig, ProjectConfig } from './types.ts';

export interface RunEnvironment {
  readonly dataStores: SqliteDataStore;
  readonly http: HttpPort;
  readonly state: ScenarioState;
  readonly vars: VariableScopes;
  readonly timezone: string;
  /** Set by whoever runs subscenarios (the scenario-service modules' owner). */
  subscenarios?: SubscenarioPort;
  /** Closes the database (rolling back anything left open). */
  close(): void;
}

export interface RunEnvironmentOptions {
  /** Overrides the config's database: a path or `:memory:` (tests). */
  database?: string;
  /**
   * An open connection to the config's database file (the dev server's own, when both are one
   * file): the stores write through it, committed with the server's writes.
   */
  connection?: SqliteDataStoreOptions['connection'];
  /** Where an in-memory database is borrowed from (the test runner's pool). */
  memory?: MemoryDatabaseSource;
  /** Widens `network.allow` (the `--allow-net` flag): true = any host, a list adds hosts. */
  allowNet?: boolean | string[];
  /** Scenario state kept between executions; default a fresh in-memory one. */
  state?: ScenarioState;
}

/** The config's connection minus its `type` tag: the fields HTTP modules read. */
export function toHttpConnection(connection: ConnectionConfig): HttpConnection {
  const { type: _type, ...fields } = connection;
  return fields;
}

function widen(allowed: boolean | string[], extra: boolean | string[] | undefined): boolean | string[] {
  if (allowed === true || extra === true) return true;
  if (!extra || extra.length === 0) return allowed;
  return [...(allowed === false ? [] : allowed), ...extra];
}

export function createRunEnvironment(
  config: ProjectConfig,
  opts: RunEnvironmentOptions = {},
): RunEnvironment {
  const dataStores = new SqliteDataStore({
    database: opts.database ?? config.database,
    stores: config.dataStores,
    timezone: config.timezone,
    ...(opts.connection ? { connection: opts.connection } : {}),
    ...(opts.memory ? { memory: opts.memory } : {}),
  });
  const connections = Object.fromEntries(
    Object.entries(config.connections).map(([id, connection]) => [id, toHttpConnection(connection)]),
  );
  return {
    dataStores,
    http: { allowNet: widen(config.network.allow, opts.allowNet), connections },
    state: opts.state ?? memoryState(),
    vars: { organization: { ...config.variables.organization }, team: { ...config.variables.team } },
    timezone: config.timezone,
    close: () => dataStores.close(),
  };
}
