/**
 * A module run on its mapper's field values (ModuleDefinition.runOnFields, Set multiple
 * variables) must leave exactly the record, variables and counts its `run` leaves: the same
 * scenarios run with and without it give equal records.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { Mocks } from '../../../engine/registry/mocks.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { planOf } from '../../../engine/state/plan.ts';
import { builtinModules } from '../../../modules/index.ts';

const onFields = new ModuleRegistry(builtinModules);
const runOnly = new ModuleRegistry(
  builtinModules.map((definition) => ({ ...definition, runOnFields: undefined })),
);

type Mapper = Record<string, unknown>;

/** Trigger → iterator over `list` → Set multiple variables (`mapper`) → Get variable → aggregator. */
function blueprint(
  mapper: Mapper,
  onerror: unknown[] = [],
  module = 'util:SetVariables',
  collect: Mapper = { got: '{{4.b}}', set: '{{3.a}}' },
) {
  return {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.list}}' } },
      { id: 3, module, version: 1, mapper, onerror },
      { id: 4, module: 'util:GetVariable2', version: 1, mapper: { name: 'b' } },
      {
        id: 5,
        module: 'builtin:BasicAggregator',
        version: 1,
        parameters: { feeder: 2 },
        mapper: collect,
      },
    ],
  };
}

const input = { list: [{ n: 1, s: 'x' }, { n: 2, s: 'y' }, { n: 3 }] };

async function run(
  registry: ModuleRegistry,
  bp: unknown,
  record: 'full' | 'stored' | 'summary',
  mocks?: Mocks,
) {
  const result = await runScenario(loadScenario(bp, { registry }), {
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    input,
    mocks,
    executionId: 'e'.repeat(32),
    record,
  });
  // Read back through JSON, as stored records and `run --json` are: accessors and lazy lists settled.
  return JSON.parse(JSON.stringify(result)) as typeof result;
}

async function expectSameRecords(bp: unknown, mocks?: Mocks) {
  for (const record of ['full', 'stored', 'summary'] as const) {
    const fields = await run(onFields, bp, record, mocks);
    expect(fields).toEqual(await run(runOnly, bp, record, mocks));
  }
  return run(onFields, bp, 'full', mocks);
}

const usual: Mapper = {
  scope: 'roundtrip',
  variables: [
    { name: 'a', value: '{{2.n * 10}}' },
    { name: '{{2.s}}', value: 'text {{2.n}}' },
    { name: 'b', value: '{{2.s}}' },
    { name: 'a', value: '{{2.n + 1}}' },
  ],
};

describe('Set multiple variables run on its field values', () => {
  it('is used for the usual mapper: formulas and constants in scope, names and values', () => {
    const scenario = loadScenario(blueprint(usual), { registry: onFields });
    expect(planOf(scenario).fieldRuns[3]).toBeTypeOf('function');
  });

  it('records the same inputs, outputs, variables and counts as its run', async () => {
    const record = await expectSameRecords(blueprint(usual));
    const set = record.modules.find((m) => m.id === 3);
    expect(set?.calls[2]).toEqual({
      input: {
        scope: 'roundtrip',
        variables: [{ name: 'a', value: 30 }, { value: 'text 3' }, { name: 'b' }, { name: 'a', value: 4 }],
      },
      // JSON drops `b: undefined`.
      output: [{ a: 4, '': 'text 3' }],
      error: null,
      cycle: 1,
    });
    expect(set?.outputs).toEqual([
      { a: 2, x: 'text 1', b: 'x' },
      { a: 3, y: 'text 2', b: 'y' },
      { a: 4, '': 'text 3' },
    ]);
    expect(record.modules.find((m) => m.id === 5)?.outputs[0]?.array).toEqual([
      { got: 'x', set: 2 },
      { got: 'y', set: 3 },
      { set: 4 },
    ]);
  });

  it('records a formula that fails as run does: input {}, the error, the handler', async () => {
    const broken: Mapper = { variables: [{ name: 'a', value: '{{2.n +}}' }] };
    const record = await expectSameRecords(
      blueprint(broken, [{ id: 9, module: 'builtin:Ignore', version: 1 }]),
    );
    const set = record.modules.find((m) => m.id === 3);
    expect(set?.calls.map((call) => [call.input, call.error?.type])).toEqual([
      [{}, 'DataError'],
      [{}, 'DataError'],
      [{}, 'DataError'],
    ]);
    expect(set?.operations).toBe(3);
  });

  it('keeps the variables set in execution scope', async () => {
    await expectSameRecords(blueprint({ scope: '{{"execution"}}', variables: [{ name: 'b', value: 1 }] }));
  });

  it('is not used for a list given by one formula, whose run still answers', async () => {
    const whole = { variables: '{{map(1.list; "s")}}' };
    const scenario = loadScenario(blueprint(whole), { registry: onFields });
    expect(planOf(scenario).fieldRuns[3]).toBeUndefined();
    await expectSameRecords(blueprint(whole));
  });

  it('answers from its mock when mocked, seeing the built input', async () => {
    const seen: unknown[] = [];
    const mocks: Mocks = {
      3: (mapped: Record<string, unknown>) => {
        seen.push(mapped);
        return { output: { a: 'mocked' } };
      },
    };
    const record = await expectSameRecords(blueprint(usual), mocks);
    expect(record.modules.find((m) => m.id === 3)?.outputs).toEqual([
      { a: 'mocked' },
      { a: 'mocked' },
      { a: 'mocked' },
    ]);
    expect(seen[0]).toEqual({
      scope: 'roundtrip',
      variables: [
        { name: 'a', value: 10 },
        { name: 'x', value: 'text 1' },
        { name: 'b', value: 'x' },
        { name: 'a', value: 2 },
      ],
    });
  });
});

describe('Set multiple variables with a variable named __proto__', () => {
  it('keeps it an own field of its output on both paths, and the walk carries it on', async () => {
    const mapper = { scope: 'roundtrip', variables: [{ name: '__proto__', value: '{{2.n}}' }] };
    const record = await expectSameRecords(
      blueprint(mapper, [], 'util:SetVariables', { own: '{{3.__proto__}}' }),
    );
    expect(record.modules.find((m) => m.id === 3)?.outputs[0]).toEqual(JSON.parse('{ "__proto__": 1 }'));
    expect(record.modules.find((m) => m.id === 5)?.outputs[0]?.array).toEqual([
      { own: 1 },
      { own: 2 },
      { own: 3 },
    ]);
  });
});

describe('Set variable run on its field values', () => {
  const setVariable = (mapper: Mapper, collect?: Mapper) =>
    blueprint(mapper, [], 'util:SetVariable2', collect);

  it('records the same inputs, outputs, variables and counts as its run', async () => {
    const mapper = { name: '{{2.s}}', scope: 'execution', value: '{{2.n}}' };
    expect(planOf(loadScenario(setVariable(mapper), { registry: onFields })).fieldRuns[3]).toBeTypeOf(
      'function',
    );
    const record = await expectSameRecords(setVariable(mapper));
    expect(record.modules.find((m) => m.id === 3)?.outputs).toEqual([{ x: 1 }, { y: 2 }, { '': 3 }]);
  });

  it('keeps a variable named __proto__ an own field of its output, as its run does', async () => {
    // What the walk carries on (not only what the record replays) is read back by the aggregator.
    const bp = setVariable({ name: '__proto__', value: '{{2.n}}' }, { own: '{{3.__proto__}}' });
    const record = await expectSameRecords(bp);
    expect(record.modules.find((m) => m.id === 3)?.outputs[0]).toEqual(JSON.parse('{ "__proto__": 1 }'));
    expect(record.modules.find((m) => m.id === 5)?.outputs[0]?.array).toEqual([
      { own: 1 },
      { own: 2 },
      { own: 3 },
    ]);
  });

  it('is not used for a value written as an object, whose run still answers', async () => {
    const mapper = { name: 'b', value: { n: '{{2.n}}' } };
    expect(planOf(loadScenario(setVariable(mapper), { registry: onFields })).fieldRuns[3]).toBeUndefined();
    await expectSameRecords(setVariable(mapper));
  });
});
