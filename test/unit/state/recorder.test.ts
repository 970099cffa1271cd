/**
 * The full record keeps calls column-wise (state/call-columns.ts) and builds `calls` when read:
 * what readers see must be the DESIGN.md "Execution record" shape, with the output bundles
 * shared with `outputs`, not copied.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';

const registry = new ModuleRegistry(builtinModules);

async function run(record: 'full' | 'stored' = 'full') {
  const blueprint = {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'app:lookup',
        version: 1,
        mapper: { n: '{{1.n}}' },
        onerror: [{ id: 9, module: 'builtin:Ignore', version: 1 }],
      },
      { id: 3, module: 'util:ComposeTransformer', version: 1, mapper: { value: 'got {{2.v}}' } },
    ],
  };
  return runScenario(loadScenario(blueprint, { registry }), {
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    input: [{ n: 1 }, { n: 2 }, { n: 3 }],
    maxCycles: 1,
    mocks: {
      'app:lookup': [
        { output: [{ v: 'a' }, { v: 'b' }] },
        { error: { type: 'DataError', message: 'no row' } },
        { output: { v: 'c' } },
      ],
    },
    limits: { maxOperations: 100 },
    executionId: 'e'.repeat(32),
    record,
  });
}

describe('the full record', () => {
  it('gives each call its input, its own output bundles, its error and cycle', async () => {
    const record = await run();
    const lookup = record.modules.find((m) => m.id === 2);
    expect(lookup?.calls).toEqual([
      { input: { n: 1 }, output: [{ v: 'a' }, { v: 'b' }], error: null, cycle: 1 },
      {
        input: { n: 2 },
        output: [],
        error: { type: 'DataError', message: 'no row', moduleId: 2 },
        cycle: 1,
      },
      { input: { n: 3 }, output: [{ v: 'c' }], error: null, cycle: 1 },
    ]);
  });

  it('shares the bundle objects between outputs and calls instead of copying them', async () => {
    const record = await run();
    const lookup = record.modules.find((m) => m.id === 2);
    expect(lookup?.calls[0]?.output[1]).toBe(lookup?.outputs[1]);
    expect(lookup?.calls[2]?.output[0]).toBe(lookup?.outputs[2]);
  });

  it('serialises calls like a plain property (JSON, structured clone)', async () => {
    const record = await run();
    const compose = record.modules.find((m) => m.id === 3);
    const viaJson = JSON.parse(JSON.stringify(compose));
    expect(viaJson.calls).toHaveLength(3);
    expect(structuredClone(compose)?.calls.map((c) => c.output[0])).toEqual([
      { value: 'got a' },
      { value: 'got b' },
      { value: 'got c' },
    ]);
  });
});

describe("the stored record (record: 'stored', the server's history)", () => {
  it('serialises exactly as the full record does', async () => {
    const [full, stored] = [await run('full'), await run('stored')];
    expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(full)));
  });

  it('holds every module’s calls as plain data, sharing the output bundles', async () => {
    const record = await run('stored');
    for (const module of record.modules)
      expect(Object.getOwnPropertyDescriptor(module, 'calls')).toHaveProperty('value');
    const lookup = record.modules.find((m) => m.id === 2);
    expect(lookup?.calls.map((call) => call.output.length)).toEqual([2, 0, 1]);
    expect(lookup?.calls[2]?.output[0]).toBe(lookup?.outputs[2]);
  });
});

/** An iterator makes its bundles as the walk reaches them (flow/iterator.ts feedLazily). */
async function runIterator() {
  const blueprint = {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.rows}}' } },
      {
        id: 3,
        module: 'util:SetVariables',
        version: 1,
        mapper: { scope: 'roundtrip', variables: [{ name: 'x', value: '{{2.a}}-{{2.__IMTINDEX__}}' }] },
      },
      {
        id: 4,
        module: 'builtin:BasicAggregator',
        version: 1,
        parameters: { feeder: 2 },
        mapper: { x: '{{3.x}}', length: '{{2.__IMTLENGTH__}}' },
      },
    ],
  };
  return runScenario(loadScenario(blueprint, { registry }), {
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    input: [{ rows: [{ a: 'p' }, 'q'] }, { rows: [{ a: 'r' }] }],
    maxCycles: 1,
  });
}

describe('the full record of an iterator', () => {
  it('keeps every bundle it made, in order, with the calls that made them', async () => {
    const record = await runIterator();
    const iterator = record.modules.find((m) => m.id === 2);
    const bundles = [
      { a: 'p', __IMTINDEX__: 1, __IMTLENGTH__: 2 },
      { value: 'q', __IMTINDEX__: 2, __IMTLENGTH__: 2 },
      { a: 'r', __IMTINDEX__: 1, __IMTLENGTH__: 1 },
    ];
    expect(iterator?.outputs).toEqual(bundles);
    expect(iterator?.calls.map((c) => c.output)).toEqual([bundles.slice(0, 2), bundles.slice(2)]);
    expect(iterator?.calls[1]?.output[0]).toBe(iterator?.outputs[2]);
    expect(iterator?.calls.map((c) => c.input)).toEqual([
      { array: [{ a: 'p' }, 'q'] },
      { array: [{ a: 'r' }] },
    ]);
  });

  it('gave the walk the same bundles the record shows', async () => {
    const record = await runIterator();
    const setVariables = record.modules.find((m) => m.id === 3);
    expect(setVariables?.outputs).toEqual([{ x: 'p-1' }, { x: '-2' }, { x: 'r-1' }]);
    expect(setVariables?.calls[1]?.input).toEqual({
      scope: 'roundtrip',
      variables: [{ name: 'x', value: '-2' }],
    });
    const aggregator = record.modules.find((m) => m.id === 4);
    expect(aggregator?.outputs[0]?.array).toEqual([
      { x: 'p-1', length: 2 },
      { x: '-2', length: 2 },
    ]);
    expect(aggregator?.calls.map((c) => c.input)).toEqual([{ items: 2 }, { items: 1 }]);
  });
});

describe('the full record of Set multiple variables (outputs replayed from the inputs)', () => {
  const blueprint = {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'util:SetVariables',
        version: 1,
        mapper: { variables: [{ name: 'a', value: '{{1.n}}' }] },
      },
    ],
  };

  it('gives the outputs the module returned, shared with its calls', async () => {
    const record = await runScenario(loadScenario(blueprint, { registry }), {
      clock: new SimulatedClock('2026-01-01T00:00:00Z'),
      input: [{ n: 1 }, { n: { deep: true } }],
    });
    const module = record.modules.find((m) => m.id === 2);
    expect(module?.outputs).toEqual([{ a: 1 }, { a: { deep: true } }]);
    expect(module?.calls.map((c) => c.output[0])).toEqual(module?.outputs);
    expect(module?.calls[1]?.output[0]).toBe(module?.outputs[1]);
  });

  it('keeps a mock’s outputs as they are', async () => {
    const record = await runScenario(loadScenario(blueprint, { registry }), {
      clock: new SimulatedClock('2026-01-01T00:00:00Z'),
      input: [{ n: 1 }],
      mocks: { 2: [{ output: { mocked: true } }] },
    });
    expect(record.modules.find((m) => m.id === 2)?.outputs).toEqual([{ mocked: true }]);
  });
});

describe('the full record of Set variable (output replayed from the input)', () => {
  it('gives `{name: value}` as the module returned it, for each bundle', async () => {
    const blueprint = {
      name: 't',
      flow: [
        { id: 1, module: 'app:watch', version: 1 },
        { id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: '{{1.k}}', value: '{{1.n}}' } },
      ],
    };
    const record = await runScenario(loadScenario(blueprint, { registry }), {
      clock: new SimulatedClock('2026-01-01T00:00:00Z'),
      input: [
        { k: 'a', n: 1 },
        { k: 'b', n: [2, 3] },
      ],
    });
    const module = record.modules.find((m) => m.id === 2);
    expect(module?.outputs).toEqual([{ a: 1 }, { b: [2, 3] }]);
    expect(module?.calls.map((c) => c.output)).toEqual([[{ a: 1 }], [{ b: [2, 3] }]]);
  });
});
