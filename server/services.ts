/**
 * The server's parts, built once by buildApp and handed to every route plugin.
 */
import type { EventEmitter } from 'node:events';
import type { Clock } from '../engine/ports/clock.ts';
import type { DataStorePort } from '../engine/ports/data-store.ts';
import type { HttpPort } from '../engine/ports/http.ts';
import type { DataStoreAdmin } from '../modules/datastore/store-admin.ts';
import type { RateLimit } from './gateway/rate-limit.ts';
import type { Db } from './queue/db.ts';
import type { GroupCommit } from './queue/group-commit.ts';
import type { RequestDescription, WebhookQueue } from './queue/queue.ts';
import type { ScenarioCatalog } from './runner/catalog.ts';
import type { Runner } from './runner/runner.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import type { DataStoreDefStore } from './store/data-store-defs.ts';
import type { DataStructureStore } from './store/data-structures.ts';
import type { ExecutionStore } from './store/executions.ts';
import type { HookLogStore } from './store/hook-logs.ts';
import type { HookData, HookStore } from './store/hooks.ts';
import type { IncompleteStore } from './store/incompletes.ts';
import type { ScenarioStore } from './store/scenarios.ts';

/** The shared request → bundle conversion (modules/gateway); throws on a body it cannot parse. */
export type ConvertRequest = (request: RequestDescription, hook: HookData) => unknown;

/** The data stores' undo journal (modules/datastore/undo-journal.ts), keyed by execution id. */
export interface RunJournal {
  forRun(run: string): DataStorePort;
  forgetRun(run: string): void;
  undoRun(run: string): number;
  recoverRuns(finished: (run: string) => boolean): { undone: number; rows: number };
}

export type ServerDataStores = DataStorePort & Partial<DataStoreAdmin> & Partial<RunJournal>;

export interface ServerSettings {
  /** Make API token (`Authorization: Token …`). */
  token: string;
  responseTimeoutMs: number;
  queueLimit: number;
  rateLimit: RateLimit | false;
  /** Base of hook URLs, e.g. `http://127.0.0.1:8080`; url = base + `/` + udid. */
  hookBase: string;
  timezone: string;
  /** The HTTP network policy (HttpPort.allowNet): `callbackUrl` obeys it as the HTTP modules do. */
  allowNet: HttpPort['allowNet'];
  /** Connection credentials, redacted from every record the API and the run page show. */
  secrets: readonly string[];
}

export interface ServerServices {
  db: Db;
  /** Every write of the hot path (queue items, executions) goes through one group commit. */
  commits: GroupCommit;
  clock: Clock;
  queue: WebhookQueue;
  hooks: HookStore;
  /** Every request the gateways answered for a known hook, written in the deferred commit lane. */
  hookLogs: HookLogStore;
  scenarios: ScenarioStore;
  executions: ExecutionStore;
  incompletes: IncompleteStore;
  catalog: ScenarioCatalog;
  runner: Runner;
  scheduler: Scheduler;
  convert: ConvertRequest;
  /** The engine's stores; with `DataStoreAdmin` (SqliteDataStore) the API can create and change them. */
  dataStores: ServerDataStores | undefined;
  dataStructures: DataStructureStore;
  /** Definitions of the data stores created over the API (restored into `dataStores` at start). */
  dataStoreDefs: DataStoreDefStore;
  settings: ServerSettings;
  /** `execution` (scenarioId, executionId) and `scenario` (scenarioId) events for live updates. */
  events: EventEmitter;
}
