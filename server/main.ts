/**
 * startServer: builds the app for a blueprint directory and LISTENS (buildApp never does). The
 * gateway answers on the API port (`/<udid>`, `/hook/<udid>`) and, with `hookPort`, on its own port
 * as Make's separate hook host does. Watches the directory and reloads changed blueprints.
 */
import { type FSWatcher, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../config/load-config.ts';
import { createRunEnvironment } from '../config/run-environment.ts';
import { SimulatedClock, systemClock } from '../engine/ports/clock.ts';
import { buildApp, type ServerApp } from './app.ts';
import { PAYLOAD_LIMIT_BYTES } from './gateway/answers.ts';
import { mailRoutes } from './gateway/mail-routes.ts';
import { gatewayRoutes } from './gateway/routes.ts';
import { type LoadedEntry, loadDirectory } from './project/load-dir.ts';
import { openServerDatabase } from './queue/shared-database.ts';
import { appDoublesFrom } from './runner/app-doubles.ts';
import { convertRequest, createMakeEngine } from './runner/make-engine.ts';
import { machineAddresses } from './ui/host-check.ts';

export interface StartOptions {
  dir: string;
  host?: string;
  port?: number;
  hookPort?: number;
  /** Server database; default `<dir>/.makesim/makesim.db`. */
  db?: string;
  clock?: 'system' | 'simulated';
  configPath?: string;
  /** `false` turns the 300-per-10-s gateway limit off (load tests). */
  rateLimit?: boolean;
  queueLimit?: number;
  responseTimeoutMs?: number;
  watch?: boolean;
  /** Hosts the HTTP modules may reach beyond the config's network.allow (`--allow-net`); true = any. */
  allowNet?: true | string[];
}

export interface RunningServer {
  server: ServerApp;
  /** Where to reach the server from this machine (a loopback URL when bound to all interfaces). */
  url: string;
  /** With `--host 0.0.0.0` (or `::`): every address the server answers on, else just `url`. */
  addresses: string[];
  /** Bound to every interface: other machines can reach the gateway. */
  exposed: boolean;
  hookBase: string;
  entries: LoadedEntry[];
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const dir = resolve(options.dir);
  const config = loadConfig({
    startDir: dir,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
  const database = openServerDatabase(databasePath(dir, options.db), config.database);
  const environment = createRunEnvironment(config, {
    ...(database.shared ? { connection: database.shared } : {}),
    ...(options.allowNet ? { allowNet: options.allowNet } : {}),
  });
  const server = buildApp({
    engine: createMakeEngine(environment, appDoublesFrom(config, database.db)),
    convert: convertRequest,
    database: database.db,
    commits: database.commits,
    clock: options.clock === 'simulated' ? new SimulatedClock(Date.now()) : systemClock,
    timezone: config.timezone,
    dataStores: environment.dataStores,
    http: environment.http,
    dataStructures: config.dataStructures,
    ...(config.server.history ? { history: config.server.history } : {}),
    ...(config.server.token ? { token: config.server.token } : {}),
    ...(options.rateLimit === false ? { rateLimit: false as const } : {}),
    ...(options.queueLimit ? { queueLimit: options.queueLimit } : {}),
    ...((options.responseTimeoutMs ?? config.server.responseTimeoutMs)
      ? { responseTimeoutMs: options.responseTimeoutMs ?? config.server.responseTimeoutMs }
      : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const listened = await server.app.listen({ host, port: options.port ?? config.server.port ?? 8080 });
  server.access.hosts.bind(host);
  const { url, addresses, exposed } = reachableAt(
    host,
    (server.app.server.address() as { port: number }).port,
    listened,
  );
  const hookPort = options.hookPort ?? config.server.hookPort;
  const hookApp = hookPort === undefined ? undefined : await listenHooks(server, host, hookPort);
  const hookBase = hookApp ? baseOf(hookApp) : url;
  server.services.settings.hookBase = hookBase;
  const entries = await loadDirectory(server.services, dir, config);
  server.start();
  // One reload at a time: a reload pauses while it prepares blueprints, and the next must see its writes.
  let reloading: Promise<unknown> = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(() => loadDirectory(server.services, dir, config)).catch(() => undefined);
  };
  const watcher = options.watch === false ? undefined : watchDir(dir, reload);
  return {
    server,
    url,
    addresses,
    exposed,
    hookBase,
    entries,
    async close() {
      watcher?.close();
      await reloading;
      await hookApp?.close();
      await server.close();
      environment.close();
      database.db.close();
    },
  };
}

async function listenHooks(server: ServerApp, host: string, port: number): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: PAYLOAD_LIMIT_BYTES });
  app.register(gatewayRoutes, { services: server.services });
  app.register(mailRoutes, { services: server.services });
  await app.listen({ host, port });
  return app;
}

/** A wildcard bind is reached at this machine's own addresses, never at `0.0.0.0`. */
export function reachableAt(
  host: string,
  port: number,
  listened: string,
): { url: string; addresses: string[]; exposed: boolean } {
  if (host !== '0.0.0.0' && host !== '::') return { url: listened, addresses: [listened], exposed: false };
  const ipv4 = machineAddresses().filter((address) => address.includes('.'));
  return {
    url: `http://127.0.0.1:${port}`,
    addresses: ipv4.map((address) => `http://${address}:${port}`),
    exposed: true,
  };
}

function baseOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Reloads blueprints shortly after files change (editors write in several steps). */
function watchDir(dir: string, reload: () => void): FSWatcher | undefined {
  let timer: NodeJS.Timeout | undefined;
  try {
    return watch(dir, (_event, name) => {
      if (!name?.endsWith('.json')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, 200);
    });
  } catch {
    return undefined;
  }
}

/** `--db`: a file (relative to the working directory), or `:memory:` for a server that keeps nothing. */
function databasePath(dir: string, db: string | undefined): string {
  if (db === ':memory:') return db;
  return db ? resolve(db) : join(dir, '.makesim', 'makesim.db');
}
