/**
 * Make's own TypeScript SDK (`@makehq/sdk`) against a real `makesim serve` process, pointed at
 * `http://127.0.0.1:PORT` through its public `protocol` option: every SDK method makesim serves,
 * each response checked for the required fields of the SDK's type (read from its .d.ts), and this
 * file type-checked against the SDK's types by `npm run typecheck` (assignments below).
 */
import { Make } from '@makehq/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, projectDir, startChild, stopChild } from '../server/child-server.ts';
import { missingRequired } from './sdk-types.ts';

let child: Child;
let make: Make;

const webhookBlueprint = {
  name: 'SDK hook',
  flow: [
    {
      id: 1,
      module: 'gateway:CustomWebHook',
      version: 1,
      parameters: { hook: 1, maxResults: 1 },
      mapper: {},
    },
    {
      id: 2,
      module: 'json:ParseJSON',
      version: 1,
      parameters: { type: '' },
      mapper: { json: '{{1.doc}}' },
      // Break stores an incomplete execution: the run ends with a warning.
      onerror: [
        {
          id: 3,
          module: 'builtin:Break',
          version: 1,
          parameters: {},
          mapper: { retry: true, count: '3', interval: '15' },
        },
      ],
    },
  ],
  metadata: {
    version: 1,
    instant: true,
    scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, dlq: true },
  },
};

const greeterBlueprint = {
  name: 'SDK greeter',
  flow: [
    {
      id: 1,
      module: 'scenario-service:ReturnData',
      version: 2,
      parameters: {},
      mapper: { greeting: 'Hi {{var.input.name}}' },
    },
  ],
  metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true } },
};

const interfaceBody = {
  input: [{ name: 'name', type: 'text', required: false }],
  output: [{ name: 'greeting', type: 'text' }],
};

/** Every response of every call, with the SDK type it must satisfy. */
const checked: Array<{ call: string; type: string; missing: string[] }> = [];
function check<T>(call: string, type: string, value: T, only?: string[]): T {
  const values = Array.isArray(value) ? value : [value];
  const missing = values
    .flatMap((one) => missingRequired(type, one))
    .filter((path) => !only || only.includes(path.split('/')[1] ?? ''));
  checked.push({ call, type, missing });
  return value;
}

beforeAll(async () => {
  child = await startChild(projectDir({ hook: webhookBlueprint }), ['--clock', 'system']);
  make = new Make(child.token, child.url.replace(/^http:\/\//, ''), { retry: { maxRetries: 0 } });
  make.protocol = 'http';
}, 60_000);

afterAll(async () => {
  if (child) await stopChild(child);
});

describe('Make SDK against makesim serve', () => {
  it('users', async () => {
    check('users.me', 'User', await make.users.me());
  });

  it('organizations and teams', async () => {
    // The list's type picks the default columns only (PickColumns<Organization, C, 'id' | 'name' | …>).
    const [org] = check('organizations.list', 'Organization', await make.organizations.list(), [
      'id',
      'name',
      'zone',
      'timezoneId',
    ]);
    expect(org).toBeDefined();
    check('organizations.get', 'Organization', await make.organizations.get(org?.id ?? 0));
    const teams = check('teams.list', 'Team', await make.teams.list(org?.id ?? 0));
    check('teams.get', 'Team', await make.teams.get(teams[0]?.id ?? 0));
  });

  it('scenarios: create with an interface, update, run, delete', async () => {
    const teamId = (await make.teams.list((await make.organizations.list())[0]?.id ?? 0))[0]?.id ?? 0;
    const created = check(
      'scenarios.create',
      'Scenario',
      await make.scenarios.create({
        teamId,
        // The SDK moves the blueprint's interface into the body's `metadata` before sending.
        blueprint: JSON.stringify({ ...greeterBlueprint, interface: interfaceBody }),
        scheduling: JSON.stringify({ type: 'on-demand' }),
      }),
    );
    expect((await make.scenarios.getInterface(created.id)).input).toEqual(interfaceBody.input);
    expect((await make.blueprints.get(created.id)).interface?.input).toEqual(interfaceBody.input);

    const updated = check(
      'scenarios.update',
      'Scenario',
      await make.scenarios.update(created.id, { name: 'Renamed', description: 'Says hi' }),
    );
    expect(updated.name).toBe('Renamed');
    expect(updated.description).toBe('Says hi');
    check('scenarios.get', 'Scenario', await make.scenarios.get(created.id));
    const list = check('scenarios.list', 'Scenario', await make.scenarios.list(teamId));
    expect(list.reduce((sum, s) => sum + s.operations + s.transfer, 0)).not.toBeNaN();

    await make.scenarios.setInterface(created.id, {
      interface: { input: [{ name: 'name', type: 'text' }], output: interfaceBody.output },
    });
    expect((await make.blueprints.get(created.id)).interface?.input?.[0]?.name).toBe('name');
    check('blueprints.versions', 'BlueprintVersion', await make.blueprints.versions(created.id));

    expect(await make.scenarios.activate(created.id)).toBe(true);
    const run = await make.scenarios.run(created.id, { name: 'Ada' }, { responsive: true });
    expect(run.outputs).toEqual({ greeting: 'Hi Ada' });
    const executions = check('executions.list', 'Execution', await make.executions.list(created.id));
    const execution = executions[0];
    check('executions.get', 'Execution', await make.executions.get(created.id, execution?.id ?? ''));
    check(
      'executions.getDetail',
      'ExecutionDetail',
      await make.executions.getDetail(created.id, run.executionId),
    );
    await expect(
      make.executions.getDetail(created.id, run.executionId, { maxBytes: 5 }),
    ).rejects.toMatchObject({
      statusCode: 413,
    });
    expect(await make.executions.getDetail(created.id, run.executionId, { maxBytes: 1000 })).toMatchObject({
      outputs: { greeting: 'Hi Ada' },
    });
    expect(await make.scenarios.deactivate(created.id)).toBe(true);
    await make.scenarios.delete(created.id);
  });

  it('a WARNING execution has its error in the detail', async () => {
    // An incomplete execution (Break on a DLQ-enabled scenario) ends the run with a warning.
    const scenario = (await make.scenarios.list(1)).find((one) => one.name === 'SDK hook');
    const hook = await make.hooks.get(Number((scenario as unknown as { hookId: number }).hookId));
    await fetch(`${child.url}/${hook.udid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ doc: '{bad' }),
    });
    const executions = await waitFor(
      () => make.executions.list(scenario?.id ?? 0),
      (list) => list.length > 0,
    );
    const detail = await make.executions.getDetail(scenario?.id ?? 0, executions[0]?.id ?? '');
    check('executions.getDetail (warning)', 'ExecutionDetail', detail);
    expect(detail.status).toBe('WARNING');
    expect(detail.error?.message).toBeTruthy();
    const incomplete = check(
      'incompleteExecutions.list',
      'IncompleteExecution',
      await make.incompleteExecutions.list(scenario?.id ?? 0),
    );
    check(
      'incompleteExecutions.get',
      'IncompleteExecution',
      await make.incompleteExecutions.get(incomplete[0]?.id ?? ''),
    );
    // IncompleteExecutionBundles is a record type (Record<string, JSONValue>): any object satisfies it.
    expect(typeof (await make.incompleteExecutions.bundle(incomplete[0]?.id ?? ''))).toBe('object');
    check(
      'executions.listForIncompleteExecution',
      'Execution',
      await make.executions.listForIncompleteExecution(incomplete[0]?.id ?? ''),
    );
  });

  it('hooks', async () => {
    const teamId = 1;
    const hooks = check('hooks.list', 'Hook', await make.hooks.list(teamId));
    check('hooks.get', 'Hook', await make.hooks.get(hooks[0]?.id ?? 0));
    const created = check(
      'hooks.create',
      'Hook',
      await make.hooks.create({ name: 'SDK', teamId, typeName: 'gateway-webhook' }),
    );
    check('hooks.rename', 'Hook', await make.hooks.rename(created.id, 'SDK 2'));
    check('hooks.ping', 'HookPing', await make.hooks.ping(created.id));
    await make.hooks.learnStop(created.id);
    await make.hooks.learnStart(created.id);
    await make.hooks.disable(created.id);
    await make.hooks.enable(created.id);
    await make.hooks.delete(created.id);
  });

  it('data structures, data stores and records', async () => {
    const teamId = 1;
    const structure = check(
      'dataStructures.create',
      'DataStructure',
      await make.dataStructures.create({
        name: 'Row',
        teamId,
        strict: false,
        spec: [{ name: 'n', type: 'number' }],
      }),
    );
    check('dataStructures.list', 'DataStructure', await make.dataStructures.list(teamId));
    check('dataStructures.get', 'DataStructure', await make.dataStructures.get(structure.id));
    check(
      'dataStructures.update',
      'DataStructure',
      await make.dataStructures.update(structure.id, { name: 'Row 2' }),
    );
    check(
      'dataStructures.clone',
      'DataStructure',
      await make.dataStructures.clone(structure.id, { name: 'Row copy', targetTeamId: teamId }),
    );
    const store = check(
      'dataStores.create',
      'DataStore',
      await make.dataStores.create({ name: 'Rows', teamId, datastructureId: structure.id, maxSizeMB: 1 }),
    );
    check('dataStores.list', 'DataStore', await make.dataStores.list(teamId));
    check('dataStores.get', 'DataStore', await make.dataStores.get(store.id));
    check('dataStores.update', 'DataStore', await make.dataStores.update(store.id, { name: 'Rows 2' }));
    check(
      'dataStoreRecords.create',
      'DataStoreRecord',
      await make.dataStores.records.create(store.id, 'k1', { n: 1 }),
    );
    check(
      'dataStoreRecords.update',
      'DataStoreRecord',
      await make.dataStores.records.update(store.id, 'k1', { n: 2 }),
    );
    check(
      'dataStoreRecords.replace',
      'DataStoreRecord',
      await make.dataStores.records.replace(store.id, 'k1', { n: 3 }),
    );
    check('dataStoreRecords.list', 'DataStoreRecord', await make.dataStores.records.list(store.id));
    await make.dataStores.records.delete(store.id, ['k1']);
    await make.dataStores.delete(store.id);
    await make.dataStructures.delete(structure.id);
  });

  it('answers every response with the SDK type’s required fields', () => {
    const problems = checked.filter((entry) => entry.missing.length > 0);
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(20);
  });
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}
