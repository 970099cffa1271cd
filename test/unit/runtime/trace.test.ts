/** RunOptions.trace: the path trace a failed test uses to explain itself (state/trace.ts). */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import type { RunOptions } from '../../../engine/runtime/options.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { MAX_TRACE_EVENTS } from '../../../engine/state/trace.ts';
import { builtinModules } from '../../../modules/index.ts';

const registry = new ModuleRegistry(builtinModules);
const clock = new SimulatedClock('2026-01-01T00:00:00Z');

function run(flow: unknown[], options: RunOptions) {
  const scenario = loadScenario({ name: 't', flow }, { registry });
  return runScenario(scenario, { clock, trace: true, ...options });
}

const compose = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  module: 'util:ComposeTransformer',
  version: 1,
  mapper: { value: `m${id}` },
  ...extra,
});

const validPath = {
  name: 'Valid Path',
  conditions: [
    [
      { a: '{{length(1.line_items)}}', o: 'number:greater', b: '0' },
      { a: '{{1.kind}}', o: 'text:equal', b: 'order' },
    ],
  ],
};

describe('path trace', () => {
  it('names the values a rejecting filter compared, condition by condition', async () => {
    const record = await run(
      [
        { id: 1, module: 'app:watch', version: 1 },
        compose(2, { filter: validPath, metadata: { designer: { name: 'Ship' } } }),
      ],
      { input: { line_items: [], kind: 'order' } },
    );
    expect(record.modules.find((m) => m.id === 2)?.bundlesIn).toBe(0);
    expect(record.trace).toEqual([
      {
        kind: 'filter',
        moduleId: 2,
        moduleName: 'Ship',
        filterName: 'Valid Path',
        passed: false,
        conditions: [
          [
            { a: 0, operator: 'number:greater', b: '0', passed: false },
            { a: 'order', operator: 'text:equal', b: 'order', passed: true },
          ],
        ],
      },
    ]);
  });

  it('records the routes a router took and the ones whose filter rejected the bundle', async () => {
    const flow = [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'builtin:BasicRouter',
        version: 1,
        routes: [
          {
            flow: [
              compose(3, {
                filter: { name: 'never', conditions: [[{ a: '{{1.n}}', o: 'number:equal', b: '5' }]] },
              }),
            ],
          },
          { flow: [compose(4)] },
        ],
      },
    ];
    const record = await run(flow, { input: { n: 1 } });
    const routes = record.trace?.filter((e) => e.kind === 'route');
    expect(routes).toEqual([
      { kind: 'route', routerId: 2, route: 1, moduleId: 3, taken: false },
      { kind: 'route', routerId: 2, route: 2, moduleId: 4, taken: true },
    ]);
    // The route's condition is the filter on its first module: it comes before the route.
    expect(record.trace?.[0]).toMatchObject({ kind: 'filter', moduleId: 3, passed: false });
  });

  it('records the If-else branch taken, the else branch by name', async () => {
    const flow = [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'builtin:BasicIfElse',
        version: 1,
        branches: [
          {
            type: 'condition',
            label: 'big',
            merge: false,
            flow: [compose(3)],
            conditions: [[{ a: '{{1.n}}', o: 'number:greater', b: '10' }]],
          },
          { type: 'else', label: 'small', merge: false, flow: [compose(4)] },
        ],
      },
    ];
    const big = await run(flow, { input: { n: 50 } });
    const small = await run(flow, { input: { n: 1 } });
    expect(big.trace).toContainEqual({ kind: 'branch', moduleId: 2, branch: 1 });
    expect(small.trace).toContainEqual({ kind: 'branch', moduleId: 2, branch: 'else' });
  });

  it('ends with the directive that handled an error, naming the error', async () => {
    const flow = [
      { id: 1, module: 'app:watch', version: 1 },
      { id: 2, module: 'app:risky', version: 1, onerror: [{ id: 9, module: 'builtin:Break', version: 1 }] },
    ];
    const record = await run(flow, {
      input: { n: 1 },
      mocks: { 'app:risky': { error: { type: 'DataError', message: 'bad row' } } },
    });
    expect(record.trace).toEqual([
      { kind: 'end', moduleId: 2, reason: 'break', errorType: 'DataError', message: 'bad row' },
    ]);
  });

  it('keeps at most MAX_TRACE_EVENTS events and ends with one truncated marker', async () => {
    const items = Array.from({ length: MAX_TRACE_EVENTS + 10 }, (_, i) => ({ n: i }));
    const flow = [
      { id: 1, module: 'app:watch', version: 1 },
      compose(2, { filter: { name: 'all', conditions: [[{ a: '{{1.n}}', o: 'exist' }]] } }),
    ];
    const record = await run(flow, { input: items });
    expect(record.trace).toHaveLength(MAX_TRACE_EVENTS + 1);
    expect(record.trace?.at(-1)).toEqual({ kind: 'truncated', limit: MAX_TRACE_EVENTS, dropped: 10 });
  });

  it('is absent unless asked for', async () => {
    const record = await run(
      [{ id: 1, module: 'app:watch', version: 1 }, compose(2, { filter: validPath })],
      {
        input: { line_items: [] },
        trace: false,
      },
    );
    expect(record.trace).toBeUndefined();
  });
});
