/**
 * The project config, `makesim.config.json` (brief: modules-data). Other parts of makesim read
 * `connections` (HTTP modules), `network`, `scenarios` and `server` (the dev server); this file is
 * the one place their shape is defined. Validated by config/schema.ts.
 */
import type { DataStoreField } from '../engine/ports/data-store.ts';

export interface DataStoreConfig {
  /** Local name, used by the CLI (`makesim datastore show <name>`). */
  name: string;
  /** Make's numeric id, as blueprints write it in `parameters.datastore`. */
  makeId?: number;
  structure?: { strict: boolean; fields: DataStoreField[] };
  /** Storage limit in bytes; default and minimum Make's 1 MB (https://help.make.com/data-stores). */
  maxBytes?: number;
}

/**
 * A data structure (https://developers.make.com/api-documentation/api-reference/data-structures) the dev
 * server offers by id: hooks (`udt`) and stores use it.
 */
export interface DataStructureConfig {
  /** Its id over the API; default: the id stored for this name, or a new one. */
  id?: number;
  name: string;
  /** Refuse fields outside the structure (default false). */
  strict?: boolean;
  spec: DataStoreField[];
}

export interface BasicConnection {
  type: 'basic';
  username: string;
  password: string;
}

export interface ApiKeyConnection {
  type: 'apiKey';
  apiKey: string;
  /** Header or query parameter name; default `Authorization`-style header chosen by the module. */
  apiKeyName?: string;
  apiKeyPlacement?: 'header' | 'query';
}

export interface OAuthConnection {
  type: 'oauth';
  accessToken: string;
  /** Default `Bearer`. */
  tokenType?: string;
}

export type ConnectionConfig = BasicConnection | ApiKeyConnection | OAuthConnection;

export interface SchedulingConfig {
  /** Make's scheduling types (https://help.make.com/schedule-a-scenario). */
  type: 'indefinitely' | 'once' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'immediately' | 'on-demand';
  /** Seconds between runs for `indefinitely` (Make's API minimum is 60). */
  interval?: number;
  /** ISO date for `once`. */
  date?: string;
  /** `HH:mm` times for daily/weekly/monthly/yearly. */
  time?: string;
  days?: number[];
  months?: number[];
}

/**
 * Options of a webhook scenario's hook (https://help.make.com/webhooks), as the API's `set-data` sets them.
 * `makesim serve` writes them to the hook at every (re)load; options left out keep their stored value.
 */
export interface HookOptionsConfig {
  /** Add `__IMTHEADERS__` to the bundle ("Get request headers"). */
  headers?: boolean;
  /** Add `__IMTMETHOD__` to the bundle ("Get request HTTP method"). */
  method?: boolean;
  /** JSON pass-through: the body is not parsed. */
  stringify?: boolean;
  /** IP allow-list: comma-separated addresses or CIDR ranges. */
  ip?: string;
  /** Values accepted in `x-make-apikey`; any one matches. */
  apiKeys?: string[];
  /** Id or name of an entry of `dataStructures` that requests must satisfy (the hook's `udt`). */
  dataStructure?: number | string;
}

export interface ScenarioConfig {
  /** Path of the blueprint, relative to the config file's directory. */
  blueprint: string;
  /** 32-character hook udid the dev server serves this scenario at. */
  hookId?: string;
  /** Hook options; only for scenarios whose trigger is `gateway:CustomWebHook`. */
  hook?: HookOptionsConfig;
  scheduling?: SchedulingConfig;
  /** Mocks for the dev server's runs of this scenario (test-file format, test-runner/types.ts). */
  mocks?: Record<string, unknown>;
  /** Fake seeds for the dev server's runs; the fakes' state persists in the server's database. */
  fakes?: Record<string, unknown>;
}

export interface ServerConfig {
  /** Bearer token the Make API v2 emulation expects (`Authorization: Token …`). */
  token?: string;
  port?: number;
  hookPort?: number;
  /** How long a webhook waits for a Webhook response module before Make's "Accepted" reply. */
  responseTimeoutMs?: number;
  /** How much execution history the server keeps (docs/serve.md "History retention"). */
  history?: { maxAgeDays?: number; maxPerScenario?: number };
}

/** Credits per operation of a usage-billed module (AI, Make Code), for `makesim cost`. */
export interface UsageRange {
  min: number;
  max: number;
}

export interface ProjectConfig {
  /** Directory of the config file (or the cwd when none was found); relative paths resolve here. */
  readonly root: string;
  /** The config file, when one was found. */
  readonly file: string | undefined;
  /** IANA zone of the organization; default `UTC`. */
  timezone: string;
  variables: { organization: Record<string, unknown>; team: Record<string, unknown> };
  dataStores: DataStoreConfig[];
  /** Data structures served by the dev server (written to its database at start). */
  dataStructures: DataStructureConfig[];
  /** Keyed by `__IMTCONN__` id or connection name. */
  connections: Record<string, ConnectionConfig>;
  /** Keyed by Make's scenario id. */
  scenarios: Record<string, ScenarioConfig>;
  /** `allow: true` = any host; a list = loopback plus those hosts; absent = loopback only. */
  network: { allow: boolean | string[] };
  server: ServerConfig;
  /** `makesim cost` settings: `usage` by module key or app, overridden by `--usage`. */
  cost: { usage: Record<string, UsageRange> };
  /** SQLite file for data stores (absolute after loading); default `<root>/.makesim/makesim.db`. */
  database: string;
}
