/**
 * Every route's schema answers a bad request with Make's error body before its handler runs
 * (https://developers.make.com/api-documentation, "HTTP status error codes"): a wrong type or a
 * missing required parameter is 400 "Validation failed for N parameter(s)." naming it; a query
 * number that does not read is 400 "Invalid <name>, not parsable to integer."; a path id that is
 * not a whole number is 400; parameters the API does not know are ignored, not a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
const api = apiClient(() => server);
let scenarioId: number;
let hookId: number;
let storeId: number;

beforeAll(async () => {
  server = testServer();
  const { scenario } = addScenario(server, blueprints.queued(), { isActive: false });
  scenarioId = scenario.id;
  hookId = scenario.hookId ?? -1;
  const store = await api('POST', '/data-stores', { name: 'schemas', teamId: 1, maxSizeMB: 1 });
  storeId = store.json().dataStore.id;
});
afterAll(async () => server?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
type Case = [what: string, method: Method, url: () => string, body: unknown, problem: string];

async function expectProblem(method: Method, url: string, body: unknown, problem: string) {
  const res = await api(method, url, body);
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({
    code: 'SC400',
    message: 'Bad Request',
    detail: 'Validation failed for 1 parameter(s).',
  });
  expect(res.json().suberrors).toEqual([{ message: problem, name: 'Error' }]);
}

describe('a body of the wrong type names the parameter (no coercion of JSON values)', () => {
  const cases: Case[] = [
    [
      'data store teamId as text',
      'POST',
      () => '/data-stores',
      { name: 's', teamId: '1', maxSizeMB: 1 },
      "Parameter 'teamId' must be of type integer.",
    ],
    [
      'record key as a number',
      'POST',
      () => `/data-stores/${storeId}/data`,
      { key: 5 },
      "Parameter 'key' must be of type string.",
    ],
    [
      'record keys as one text',
      'DELETE',
      () => `/data-stores/${storeId}/data?confirmed=true`,
      { keys: 'k' },
      "Parameter 'keys' must be of type array.",
    ],
    [
      'store ids as texts',
      'DELETE',
      () => '/data-stores',
      { ids: ['1'] },
      "Parameter 'ids.0' must be of type integer.",
    ],
    [
      'webhook method as "yes"',
      'POST',
      () => '/hooks',
      { name: 'h', typeName: 'gateway-webhook', method: 'yes', headers: true, stringify: false },
      "Parameter 'method' must be of type boolean.",
    ],
    [
      'webhook headers as "true"',
      'POST',
      () => '/hooks',
      { name: 'h', typeName: 'gateway-webhook', method: true, headers: 'true', stringify: false },
      "Parameter 'headers' must be of type boolean.",
    ],
    [
      'hook name as a number',
      'PATCH',
      () => `/hooks/${hookId}`,
      { name: 5 },
      "Parameter 'name' must be of type string.",
    ],
    [
      'clone teamId as text',
      'POST',
      () => `/scenarios/${scenarioId}/clone`,
      { name: 'c', teamId: '1' },
      "Parameter 'teamId' must be of type integer.",
    ],
    [
      'clone name of blanks',
      'POST',
      () => `/scenarios/${scenarioId}/clone`,
      { name: '   ', teamId: 1 },
      "Parameter 'name' must be a non-empty string.",
    ],
    [
      'interface input as text',
      'PATCH',
      () => `/scenarios/${scenarioId}/interface`,
      { interface: { input: 'x' } },
      "Parameter 'interface.input' must be of type array.",
    ],
    [
      'stop force as "yes"',
      'POST',
      () => `/scenarios/${scenarioId}/executions/abc/stop`,
      { force: 'yes' },
      "Parameter 'force' must be of type boolean.",
    ],
    [
      'negative clock step',
      'POST',
      () => '/makesim/clock/advance',
      { ms: -1 },
      "Parameter 'ms' must be at least 0.",
    ],
    [
      'dlq failer as text',
      'PATCH',
      () => '/dlqs/abc',
      { failer: 'x' },
      "Parameter 'failer' must be of type integer.",
    ],
    [
      'dlq ids as numbers',
      'POST',
      () => '/dlqs/retry',
      { ids: [1] },
      "Parameter 'ids.0' must be of type string.",
    ],
    [
      'incoming ids as texts',
      'DELETE',
      () => `/hooks/${hookId}/incomings?confirmed=true`,
      { ids: ['1'] },
      "Parameter 'ids.0' must be of type integer.",
    ],
  ];
  it.each(cases)('%s', async (_what, method, url, body, problem) => {
    await expectProblem(method, url(), body, problem);
  });
});

describe('a missing required parameter is named', () => {
  const cases: Case[] = [
    ['data store name', 'POST', () => '/data-stores', { teamId: 1, maxSizeMB: 1 }, 'name'],
    ['hook typeName', 'POST', () => '/hooks', { name: 'h' }, 'typeName'],
    ['hook rename name', 'PATCH', () => `/hooks/${hookId}`, {}, 'name'],
    ['clone name', 'POST', () => `/scenarios/${scenarioId}/clone`, { teamId: 1 }, 'name'],
    ['interface', 'PATCH', () => `/scenarios/${scenarioId}/interface`, {}, 'interface'],
    ['interface input', 'PATCH', () => `/scenarios/${scenarioId}/interface`, { interface: {} }, 'input'],
  ];
  it.each(cases)('%s', async (_what, method, url, body, name) => {
    await expectProblem(method, url(), body, `Missing value of required parameter '${name}'.`);
  });

  it('answers a route that needs a body and gets none with the JSON-object message', async () => {
    const res = await api('POST', '/hooks');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      detail: 'The request body must be a JSON object.',
      message: 'Bad Request',
      code: 'SC400',
    });
  });
});

describe('query parameters are read from text by their schema', () => {
  it.each([
    ['/data-stores?pg[limit]=abc', 'pg[limit]'],
    ['/dlqs?scenarioId=x', 'scenarioId'],
    ['/scenarios?teamId=1&id[]=x', 'id[]'],
    // An indexed list names the key that was sent.
    ['/scenarios?teamId=1&id%5B0%5D=2&id%5B1%5D=y', 'id[1]'],
    ['/hooks?viewForScenarioId=1.5', 'viewForScenarioId'],
    ['/scenarios-folders?teamId=one', 'teamId'],
  ])('%s is Make’s "not parsable to integer"', async (url, name) => {
    const res = await api('GET', url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      detail: `Invalid ${name}, not parsable to integer.`,
      message: 'Bad Request',
      code: 'SC400',
    });
  });

  it.each([
    ['/scenarios?teamId=1&type=flow', "Parameter 'type' must be one of: scenario, tool."],
    ['/hooks?assigned=maybe', "Parameter 'assigned' must be of type boolean."],
    ['/data-stores?pg[offset]=-1', "Parameter 'pg[offset]' must be at least 0."],
    ['/data-structures?pg[limit]=0', "Parameter 'pg[limit]' must be at least 1."],
  ])('%s names the parameter', async (url, problem) => {
    await expectProblem('GET', url, undefined, problem);
  });

  it('refuses a confirmation that is not true or false', async () => {
    const url = `/hooks/${hookId}/incomings?confirmed=sure`;
    await expectProblem('DELETE', url, { all: true }, "Parameter 'confirmed' must be of type boolean.");
  });

  it('reads numbers, booleans and bracket lists from text', async () => {
    const other = addScenario(server, blueprints.queued(), { isActive: false }).scenario.id;
    const res = await api('GET', `/scenarios?teamId=1&id[]=${other}&isActive=false&pg[limit]=5`);
    expect(res.statusCode).toBe(200);
    expect(res.json().scenarios.map((s: { id: number }) => s.id)).toEqual([other]);
    expect(res.json().pg.limit).toBe(5);
    const active = await api('GET', `/scenarios?teamId=1&id[]=${other}&isActive=true`);
    expect(active.json().scenarios).toEqual([]);
  });
});

describe('path parameters', () => {
  const cases: Array<[Method, () => string, string]> = [
    ['GET', () => `/hooks/${hookId}/incomings/abc`, 'incomingId'],
    ['GET', () => `/hooks/${hookId}/logs/abc`, 'logId'],
    ['PUT', () => '/data-stores/abc/data/k', 'id'],
    ['GET', () => '/teams/abc', 'id'],
    ['GET', () => '/organizations/abc', 'id'],
    ['GET', () => '/scenarios/abc/executions/x', 'id'],
  ];
  it.each(cases)('%s %s is refused with the parameter named', async (method, url, name) => {
    await expectProblem(method, url(), { a: 1 }, `Parameter '${name}' must be of type integer.`);
  });
});

describe('parameters the API does not know are ignored', () => {
  it('creates a store, a hook and a clone despite extra fields and query junk', async () => {
    const junk = { junk: { deep: [1, { x: null }] }, __proto_x: 'y' };
    const store = await api('POST', '/data-stores?foo[bar]=1', {
      name: 'extra',
      teamId: 1,
      maxSizeMB: 1,
      ...junk,
    });
    expect(store.statusCode).toBe(200);
    expect(store.json().dataStore).not.toHaveProperty('junk');
    const hook = await api('POST', '/hooks?useDefaults=requiredOnly&x=1', {
      name: 'extra',
      typeName: 'gateway-webhook',
      ...junk,
    });
    expect(hook.statusCode).toBe(200);
    const clone = await api('POST', `/scenarios/${scenarioId}/clone?notAnalyze=true`, {
      name: 'extra',
      teamId: 1,
      ...junk,
    });
    expect(clone.statusCode).toBe(200);
    expect(clone.json().scenario.name).toBe('extra');
  });
});
