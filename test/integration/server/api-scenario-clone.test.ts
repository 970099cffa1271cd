import { afterEach, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../../server/app.ts';
import { addScenario, apiClient, blueprints, testServer } from './fixtures.ts';

let server: ServerApp;
afterEach(async () => server?.close());

const api = apiClient(() => server);

type Node = Record<string, unknown>;
const node = (id: number, module: string, parameters: Record<string, unknown>, extra: Node = {}) => ({
  id,
  module,
  version: 1,
  parameters,
  mapper: {},
  metadata: { designer: { x: 0, y: 0 } },
  ...extra,
});

/** A scheduled scenario naming data stores and data structures, one level down a router too. */
function storesBlueprint() {
  return {
    name: 'Stores',
    flow: [
      node(1, 'datastore:GetRecord', { datastore: 27969 }),
      node(2, 'json:ParseJSON', { type: 268265 }),
      node(
        3,
        'builtin:BasicRouter',
        {},
        {
          routes: [
            {
              flow: [
                node(4, 'datastore:AddRecord', { datastore: '27969', overwrite: false }),
                node(5, 'datastore:UpdateRecord', { datastore: 5 }),
                node(6, 'util:SetVariable2', { type: 268265, datastore: 27969 }),
                node(
                  7,
                  'json:CreateJSON',
                  { type: 268265 },
                  { onerror: [node(8, 'json:ParseJSON', { type: 268265 })] },
                ),
              ],
            },
          ],
        },
      ),
    ],
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
  };
}

/** Webhook → Set variable, whose trigger names Make's hook id (as an exported blueprint does). */
function webhookBlueprint(makeHookId: number) {
  const bp = blueprints.queued() as { flow: Node[] };
  bp.flow[0] = { ...bp.flow[0], parameters: { hook: makeHookId, maxResults: 1 } };
  return bp;
}

function mailhookBlueprint() {
  return {
    name: 'Mail',
    flow: [node(1, 'gateway:CustomMailHook', { hook: 7, maxResults: 1 })],
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
  };
}

async function freeHook(typeName = 'gateway-webhook'): Promise<number> {
  const res = await api('POST', '/hooks?useDefaults=requiredOnly', { name: 'spare', teamId: 1, typeName });
  expect(res.statusCode).toBe(200);
  return res.json().hook.id;
}

/** The stored blueprint's flow of a scenario (empty when there is none). */
function flowOf(scenarioId: number): Node[] {
  return (server.services.scenarios.get(scenarioId)?.blueprint.flow ?? []) as Node[];
}

function parametersOf(flow: Node[], id: number): Record<string, unknown> | undefined {
  for (const item of flow) {
    if (item.id === id) return item.parameters as Record<string, unknown>;
    const nested = [
      ...((item.routes as Array<{ flow: Node[] }> | undefined) ?? []).map((route) => route.flow),
      (item.onerror as Node[] | undefined) ?? [],
    ];
    for (const inner of nested) {
      const found = parametersOf(inner, id);
      if (found) return found;
    }
  }
  return undefined;
}

describe('POST /scenarios/{id}/clone (https://developers.make.com/api-documentation/api-reference/scenarios)', () => {
  it('creates an inactive copy with the renamed blueprint, the scheduling and a new hook of its own', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, blueprints.queued(), {
      scheduling: { type: 'immediately', maximum_runs_per_minute: 5 },
    });
    const res = await api('POST', `/scenarios/${source.id}/clone?organizationId=1`, {
      name: 'Copy',
      teamId: 1,
    });
    expect(res.statusCode).toBe(200);
    const { scenario } = res.json();
    expect(scenario).toMatchObject({ name: 'Copy', isActive: false, islinked: false });
    expect(scenario.id).not.toBe(source.id);
    expect(scenario.scheduling).toEqual({ type: 'immediately', maximum_runs_per_minute: 5 });
    expect(res.json()).toEqual((await api('GET', `/scenarios/${scenario.id}`)).json());
    const bp = (await api('GET', `/scenarios/${scenario.id}/blueprint`)).json().response.blueprint;
    expect(bp).toMatchObject({ name: 'Copy', flow: blueprints.queued().flow });

    expect(typeof scenario.hookId).toBe('number');
    expect(scenario.hookId).not.toBe(source.hookId);
    expect(server.services.hooks.get(scenario.hookId)).toMatchObject({
      scenarioId: scenario.id,
      typeName: 'gateway-webhook',
    });
    expect(server.services.hooks.get(source.hookId as number)?.scenarioId).toBe(source.id);
    expect(server.services.scenarios.get(source.id)).toMatchObject({ name: 'Queued', isActive: true });
  });

  it('gives a mailhook scenario a new mailhook', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, mailhookBlueprint(), { isActive: false });
    const { scenario } = (
      await api('POST', `/scenarios/${source.id}/clone`, { name: 'M', teamId: 1 })
    ).json();
    expect(scenario.hookId).not.toBe(source.hookId);
    expect(server.services.hooks.get(scenario.hookId)).toMatchObject({
      scenarioId: scenario.id,
      typeName: 'gateway-mailhook',
    });
  });

  it('attaches the hook mapped from the source hook id and rewrites the trigger parameter naming it', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, blueprints.queued());
    expect(source.hookId).toBe(1); // the blueprint's trigger names hook 1 too
    const spare = await freeHook();
    const res = await api('POST', `/scenarios/${source.id}/clone`, {
      name: 'Mapped',
      teamId: 1,
      hook: { [String(source.hookId)]: spare },
    });
    expect(res.statusCode).toBe(200);
    const { scenario } = res.json();
    expect(scenario.hookId).toBe(spare);
    expect(server.services.hooks.get(spare)?.scenarioId).toBe(scenario.id);
    expect(parametersOf(flowOf(scenario.id), 1)?.hook).toBe(spare);
    expect(server.services.hooks.list()).toHaveLength(2);
  });

  it('takes a hook map keyed by the id the trigger parameter names (Make’s id)', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, webhookBlueprint(1641606));
    const spare = await freeHook();
    const { scenario } = (
      await api('POST', `/scenarios/${source.id}/clone`, { name: 'C', teamId: 1, hook: { '1641606': spare } })
    ).json();
    expect(scenario.hookId).toBe(spare);
    expect(parametersOf(flowOf(scenario.id), 1)?.hook).toBe(spare);
  });

  it.each([
    ['already attached (the source’s own)', async () => 1],
    ['unknown', async () => 99],
    ['of the other type', async () => freeHook('gateway-mailhook')],
  ])('refuses a mapped hook that is %s with a 400 naming it, and writes nothing', async (_case, pick) => {
    server = testServer();
    const { scenario: source } = addScenario(server, blueprints.queued());
    const target = await pick();
    const hooksBefore = server.services.hooks.list().length;
    const res = await api('POST', `/scenarios/${source.id}/clone`, {
      name: 'Nope',
      teamId: 1,
      hook: { [String(source.hookId)]: target },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SC400');
    expect(res.json().suberrors[0].message).toContain(`hook ${target}`);
    expect(server.services.scenarios.list()).toHaveLength(1);
    expect(server.services.hooks.list()).toHaveLength(hooksBefore);
  });

  it('rewrites data store ids of datastore modules and data structure ids of JSON modules', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, storesBlueprint(), { isActive: false });
    const res = await api('POST', `/scenarios/${source.id}/clone`, {
      name: 'Stores 2',
      teamId: 1,
      datastore: { '27969': 31000 },
      udt: { '268265': 42 },
    });
    expect(res.statusCode).toBe(200);
    const flow = flowOf(res.json().scenario.id);
    expect(parametersOf(flow, 1)).toEqual({ datastore: 31000 });
    expect(parametersOf(flow, 2)).toEqual({ type: 42 });
    expect(parametersOf(flow, 4)).toEqual({ datastore: '31000', overwrite: false });
    expect(parametersOf(flow, 5)).toEqual({ datastore: 5 });
    // Only the named parameters of the named modules: another module's `type` is not an id.
    expect(parametersOf(flow, 6)).toEqual({ type: 268265, datastore: 27969 });
    expect(parametersOf(flow, 7)).toEqual({ type: 42 });
    expect(parametersOf(flow, 8)).toEqual({ type: 42 });
    const sourceFlow = flowOf(source.id);
    expect(parametersOf(sourceFlow, 1)).toEqual({ datastore: 27969 });
  });

  it('answers missing name and teamId with Make’s validation error and writes nothing', async () => {
    server = testServer();
    const { scenario: source } = addScenario(server, blueprints.queued());
    const res = await api('POST', `/scenarios/${source.id}/clone`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SC400', detail: 'Validation failed for 2 parameter(s).' });
    expect(res.json().suberrors).toHaveLength(2);
    expect(server.services.scenarios.list()).toHaveLength(1);
    expect(server.services.hooks.list()).toHaveLength(1);
  });

  it.each([
    ['a name over 120 characters', { name: 'x'.repeat(121), teamId: 1 }],
    ['an empty name', { name: ' ', teamId: 1 }],
    ['a teamId that is not an integer', { name: 'C', teamId: '1' }],
    ['states that is not a boolean', { name: 'C', teamId: 1, states: 'yes' }],
    ['an id map that is not old → new ids', { name: 'C', teamId: 1, udt: { abc: 3 } }],
    ['an id map that is an array', { name: 'C', teamId: 1, datastore: [1, 2] }],
  ])('refuses %s', async (_case, body) => {
    server = testServer();
    const { scenario: source } = addScenario(server, blueprints.queued());
    const res = await api('POST', `/scenarios/${source.id}/clone`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().suberrors).toHaveLength(1);
    expect(server.services.scenarios.list()).toHaveLength(1);
  });

  it('answers an unknown source scenario with 404', async () => {
    server = testServer();
    const res = await api('POST', '/scenarios/77/clone', { name: 'C', teamId: 1 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('SC404');
  });
});
