/**
 * buildApp: the whole dev server as a Fastify instance that NEVER listens (tests use
 * `app.inject()`); server/main.ts listens. Gateway at `/<udid>` and `/hook/<udid>`, Make API v2
 * at `/api/v2`, the run inspector at `/`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Clock, systemClock } from '../engine/ports/clock.ts';
import type { HttpPort } from '../engine/ports/http.ts';
import { connectionSecrets } from '../modules/http/redact.ts';
import { createRedactor } from '../modules/http/redactor.ts';
import { restoreDataStores } from './api/data-store-admin.ts';
import { apiRoutes } from './api/routes.ts';
import { DEFAULT_QUEUE_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_RESPONSE_TIMEOUT_MS } from './gateway/answers.ts';
import { mailRoutes } from './gateway/mail-routes.ts';
import type { RateLimit } from './gateway/rate-limit.ts';
import { gatewayRoutes } from './gateway/routes.ts';
import { startCheckpointer } from './queue/checkpointer.ts';
import { type Db, getMeta, openDatabase, setMeta } from './queue/db.ts';
import { GroupCommit } from './queue/group-commit.ts';
import { WebhookQueue } from './queue/queue.ts';
import { ScenarioCatalog } from './runner/catalog.ts';
import type { ServerEngine } from './runner/engine-port.ts';
import { Runner } from './runner/runner.ts';
import { Backoff } from './scheduler/backoff.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import type { ConvertRequest, RunJournal, ServerDataStores, ServerServices } from './services.ts';
import { BackoffStateStore } from './store/backoff-state.ts';
import { DataStoreDefStore } from './store/data-store-defs.ts';
import { type ConfigDataStructure, DataStructureStore } from './store/data-structures.ts';
import { ExecutionStore } from './store/executions.ts';
import { DEFAULT_RETENTION, HistoryPruner, type HistoryRetention } from './store/history-retention.ts';
import { HookLogStore } from './store/hook-logs.ts';
import { HookStore } from './store/hooks.ts';
import { IncompleteStore } from './store/incompletes.ts';
import { ScenarioStore } from './store/scenarios.ts';
import { InspectorAccess } from './ui/access.ts';
import { uiRoutes } from './ui/routes.ts';

export interface BuildAppOptions {
  engine: ServerEngine;
  convert: ConvertRequest;
  /** SQLite file or an open database; default `:memory:`. */
  database?: string | Db;
  /** The open database's committer, when the data stores already use it (server/queue/shared-database.ts). */
  commits?: GroupCommit;
  clock?: Clock;
  /** API token; default: the one stored on first start (generated then). */
  token?: string;
  responseTimeoutMs?: number;
  queueLimit?: number;
  /** `false` turns the gateway rate limit off (load tests, benchmarks). */
  rateLimit?: RateLimit | false;
  hookBase?: string;
  timezone?: string;
  dataStores?: ServerDataStores;
  /** The run's HTTP port: its network policy binds `callbackUrl`, its credentials are redacted. Default: loopback only. */
  http?: Pick<HttpPort, 'allowNet' | 'connections'>;
  /** Execution history kept (server/store/history-retention.ts); default DEFAULT_RETENTION. */
  history?: Partial<HistoryRetention>;
  /** The config's `dataStructures`, written to the server database at start (config wins). */
  dataStructures?: ConfigDataStructure[];
}

export interface ServerApp {
  app: FastifyInstance;
  services: ServerServices;
  /** Who may read the run page (sign-in links, allowed Host names). */
  access: InspectorAccess;
  /** Re-queues work of a dead process, starts queued items and the scheduler. */
  start(): void;
  close(): Promise<void>;
}

export function buildApp(options: BuildAppOptions): ServerApp {
  const db =
    typeof options.database === 'object' ? options.database : openDatabase(options.database ?? ':memory:');
  const services = createServices(db, options);
  services.dataStructures.seed(options.dataStructures ?? [], services.clock.now());
  restoreDataStores(services);
  const checkpointer = startCheckpointer(db);
  const access = new InspectorAccess(() => services.settings.token);
  const pruner = new HistoryPruner(db, { ...DEFAULT_RETENTION, ...options.history });
  let stopPruning: () => void = () => undefined;
  // Inspector event streams never go idle: close them with the server.
  const app = Fastify({
    logger: false,
    bodyLimit: 5 * 1024 * 1024,
    forceCloseConnections: true,
  });
  app.register(gatewayRoutes, { services });
  app.register(mailRoutes, { services });
  app.register(apiRoutes, { services, prefix: '/api/v2' });
  app.register(uiRoutes, { services, access });
  return {
    app,
    services,
    access,
    start() {
      // Rows written by runs a dead process never stored are put back before those runs run again.
      services.dataStores?.recoverRuns?.((run) => services.executions.get(run) !== undefined);
      services.queue.requeueAbandoned();
      services.scheduler.start();
      stopPruning = pruner.start(
        services.commits,
        () => services.clock.now(),
        () => services.executions.added,
      );
      for (const scenario of services.scenarios.list()) services.runner.kick(scenario.id);
    },
    async close() {
      services.scheduler.stop();
      stopPruning();
      await services.runner.close();
      services.commits.flush();
      await app.close();
      await checkpointer.stop();
      if (typeof options.database !== 'object') db.close();
    },
  };
}

function createServices(db: Db, options: BuildAppOptions): ServerServices {
  const clock = options.clock ?? systemClock;
  const scenarios = new ScenarioStore(db);
  const executions = new ExecutionStore(db);
  const incompletes = new IncompleteStore(db);
  const queue = new WebhookQueue(db, `${process.pid}-${randomUUID()}`);
  const catalog = new ScenarioCatalog(options.engine, scenarios);
  const commits = options.commits ?? new GroupCommit(db);
  commits.whenRolledBack(() => queue.recount());
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const backoff = new Backoff(new BackoffStateStore(db));
  let scheduler: Scheduler | undefined;
  const secrets = connectionSecrets(options.http ?? {});
  const redactor = createRedactor(secrets);
  const runner = new Runner({
    clock,
    queue,
    scenarios,
    executions,
    incompletes,
    catalog,
    commits,
    backoff,
    convert: options.convert,
    ...(options.dataStores?.forgetRun ? { journal: options.dataStores as RunJournal } : {}),
    responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
    redactor,
    onBackoff: () => scheduler?.wake(),
    onExecution: (scenarioId, executionId) => events.emit('execution', scenarioId, executionId),
  });
  const timezone = options.timezone ?? 'UTC';
  scheduler = new Scheduler({ clock, timezone, scenarios, incompletes, queue, catalog, runner, backoff });
  return {
    db,
    commits,
    clock,
    queue,
    hooks: new HookStore(db),
    hookLogs: new HookLogStore(db, commits, redactor),
    scenarios,
    executions,
    incompletes,
    catalog,
    runner,
    scheduler,
    convert: options.convert,
    dataStores: options.dataStores,
    dataStructures: new DataStructureStore(db),
    dataStoreDefs: new DataStoreDefStore(db),
    events,
    settings: {
      token: options.token ?? storedToken(db),
      responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      queueLimit: options.queueLimit ?? DEFAULT_QUEUE_LIMIT,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      hookBase: options.hookBase ?? 'http://127.0.0.1:8080',
      timezone,
      allowNet: options.http?.allowNet ?? false,
      secrets,
    },
  };
}

/** The API token generated on first start and kept in the database (UUIDv4-looking, as Make's). */
function storedToken(db: Db): string {
  const existing = getMeta(db, 'apiToken');
  if (existing) return existing;
  const hex = randomBytes(16).toString('hex');
  const token = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  setMeta(db, 'apiToken', token);
  return token;
}
