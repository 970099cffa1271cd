/**
 * Blueprints and a server factory for the server's integration tests: the real engine (built-in
 * modules, `:memory:` run environment), never the network.
 */
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { Clock } from '../../../engine/ports/clock.ts';
import { type BuildAppOptions, buildApp, type ServerApp } from '../../../server/app.ts';
import { createScenario } from '../../../server/project/admin.ts';
import { convertRequest, createMakeEngine } from '../../../server/runner/make-engine.ts';
import type { StoredScenario } from '../../../server/store/scenarios.ts';

export const TOKEN = '0f3c2d1e-1234-4abc-8def-0123456789ab';

const hook = (id = 1) => ({
  id,
  module: 'gateway:CustomWebHook',
  version: 1,
  parameters: { hook: 1, maxResults: 1 },
  mapper: {},
  metadata: { designer: { x: 0, y: 0 } },
});

const setVariable = (id: number, value: string, name = 'seen') => ({
  id,
  module: 'util:SetVariable2',
  version: 1,
  parameters: {},
  mapper: { name, scope: 'roundtrip', value },
  metadata: { designer: { x: 300, y: 0 } },
});

const respond = (id: number, body: string, status = '200') => ({
  id,
  module: 'gateway:WebhookRespond',
  version: 1,
  parameters: {},
  mapper: { status, body, headers: [{ key: 'Content-Type', value: 'application/json' }] },
  metadata: { designer: { x: 600, y: 0 } },
});

const mailHook = (id = 1) => ({ ...hook(id), module: 'gateway:CustomMailHook' });

const parseJson = (id: number, json: string) => ({
  id,
  module: 'json:ParseJSON',
  version: 1,
  parameters: { type: '' },
  mapper: { json },
  metadata: { designer: { x: 300, y: 0 } },
});

export interface ScenarioSettingsInput {
  sequential?: boolean;
  maxErrors?: number;
}

function blueprint(name: string, flow: unknown[], settings: ScenarioSettingsInput = {}) {
  return {
    name,
    flow,
    metadata: {
      version: 1,
      instant: true,
      scenario: {
        roundtrips: 1,
        maxErrors: settings.maxErrors ?? 3,
        autoCommit: true,
        sequential: settings.sequential ?? false,
      },
      designer: { orphans: [] },
    },
  };
}

/** An input of a scenario interface (`required` when the run must be given it). */
interface InterfaceField {
  name: string;
  type: string;
  required?: boolean;
}

/**
 * A scenario that returns `greeting` (the template, over `var.input`) through a Return output
 * module, with the given interface inputs: for API runs, their inputs and outputs.
 */
export function greeter(
  greeting = 'Hello, {{var.input.name}}!',
  input: InterfaceField[] = [{ name: 'name', type: 'text' }],
): Record<string, unknown> {
  return {
    name: 'Greeter',
    flow: [
      { id: 1, module: 'scenario-service:ReturnData', version: 2, parameters: {}, mapper: { greeting } },
    ],
    interface: { input, output: [{ name: 'greeting', type: 'text' }] },
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
  };
}

/** Data store 1 (`records` in STORE_CONFIG) → Add a record with a generated key and field `n`. */
const addRecord = (id: number) => ({
  id,
  module: 'datastore:AddRecord',
  version: 1,
  parameters: { datastore: 1 },
  mapper: { key: '', overwrite: false, data: { n: '{{1.n}}' } },
  metadata: { designer: { x: 300, y: 0 } },
});

/** The default setup: no `database`, so the stores live in the server's `.makesim/makesim.db`. */
export const STORE_CONFIG = { dataStores: [{ name: 'records', makeId: 1, maxBytes: 100_000_000 }] };

const sleep = (id: number, seconds: number) => ({
  id,
  module: 'util:FunctionSleep',
  version: 1,
  parameters: {},
  mapper: { duration: String(seconds) },
  metadata: { designer: { x: 300, y: 0 } },
});

export const blueprints = {
  /**
   * Webhook → Add a data-store record `{n: 1.n}` under a generated key (needs STORE_CONFIG), then,
   * with `pauseSeconds`, a Sleep: a kill then lands while rows are written and the run not stored.
   */
  storeWriter: (pauseSeconds?: number) =>
    blueprint(
      'Store writer',
      pauseSeconds
        ? [hook(), addRecord(2), { ...sleep(3, pauseSeconds), metadata: { designer: { x: 600, y: 0 } } }]
        : [hook(), addRecord(2)],
    ),
  /** Mailhook → Set variable `{{1.subject}} / {{1.from.name}}`: the email must reach later modules through IML. */
  mailIn: () =>
    blueprint('Mail in', [mailHook(), setVariable(2, '{{1.subject}} / {{1.from.name}}', 'subject')]),
  /** Webhook → Set variable: no response module, so callers get `Accepted` at once. */
  queued: (settings?: ScenarioSettingsInput) =>
    blueprint('Queued', [hook(), setVariable(2, '{{1.n}}')], settings),
  /** Webhook → Webhook response echoing `name` as JSON. */
  responder: () => blueprint('Responder', [hook(), respond(2, '{"hello":"{{1.name}}"}')]),
  /** Webhook → Parse JSON of a broken document (fails) → Webhook response that never runs. */
  failing: () => blueprint('Failing', [hook(), parseJson(2, '{not json'), respond(3, 'never')]),
  /** Webhook → Parse JSON of `{{1.doc}}`: fails only when `doc` is not JSON. */
  sometimesFailing: (settings?: ScenarioSettingsInput) =>
    blueprint('Sometimes failing', [hook(), parseJson(2, '{{1.doc}}')], settings),
  /** Webhook → Sleep 1 s → Webhook response: slower than a short response timeout. */
  slowResponder: () =>
    blueprint('Slow responder', [
      hook(),
      {
        id: 2,
        module: 'util:FunctionSleep',
        version: 1,
        parameters: {},
        mapper: { duration: '1' },
        metadata: { designer: { x: 300, y: 0 } },
      },
      respond(3, '{"late":true}'),
    ]),
  /** A scheduled (non-webhook) scenario: a Set variable alone, started by the schedule. */
  scheduled: () => ({
    name: 'Scheduled',
    flow: [setVariable(1, 'tick')],
    metadata: {
      version: 1,
      scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true },
      designer: { orphans: [] },
    },
  }),
};

export function testServer(options: Partial<BuildAppOptions> & { clock?: Clock } = {}): ServerApp {
  const config = parseConfig({ database: ':memory:' }, { root: process.cwd() });
  const environment = createRunEnvironment(config, { database: ':memory:' });
  const server = buildApp({
    engine: createMakeEngine(environment),
    convert: convertRequest,
    token: TOKEN,
    hookBase: 'http://127.0.0.1:9999',
    dataStores: environment.dataStores,
    http: environment.http,
    ...options,
  });
  server.start();
  return server;
}

export function addScenario(
  server: ServerApp,
  bp: Record<string, unknown>,
  options: { isActive?: boolean; udid?: string; scheduling?: StoredScenario['scheduling'] } = {},
): { scenario: StoredScenario; udid: string } {
  const scenario = createScenario(server.services, {
    source: null,
    blueprint: bp,
    isActive: options.isActive ?? true,
    ...(options.udid ? { udid: options.udid } : {}),
    ...(options.scheduling ? { scheduling: options.scheduling } : {}),
  });
  const hook = scenario.hookId === null ? undefined : server.services.hooks.get(scenario.hookId);
  return { scenario, udid: hook?.udid ?? '' };
}

export const auth = { authorization: `Token ${TOKEN}` };

/** An authorised Make API v2 call through `inject`, for the server the test is using now. */
export function apiClient(current: () => ServerApp) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown) =>
    current().app.inject({
      method,
      url: `/api/v2${url}`,
      headers: auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/**
 * Webhook → Parse JSON of `{{1.doc}}` with a Break error route (retry every 15 min, 3 attempts):
 * a bad `doc` becomes an incomplete execution (Make's help:
 * https://help.make.com/quick-error-handling-reference).
 */
export function breakBlueprint() {
  const bp = blueprints.sometimesFailing() as {
    flow: Array<Record<string, unknown>>;
    metadata: Record<string, unknown>;
  };
  const parse = bp.flow[1] as Record<string, unknown>;
  parse.onerror = [
    {
      id: 3,
      module: 'builtin:Break',
      version: 1,
      parameters: {},
      mapper: { retry: true, count: '3', interval: '15' },
      metadata: { designer: { x: 300, y: 200 } },
    },
  ];
  (bp.metadata.scenario as Record<string, unknown>).dlq = true;
  bp.flow[1] = parse;
  return bp;
}
