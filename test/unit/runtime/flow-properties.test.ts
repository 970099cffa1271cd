/**
 * Properties of the walk over random linear and routed flows (Make's help:
 * https://help.make.com/scenario-execution-flow depth-first, https://help.make.com/filtering
 * filters, https://help.make.com/router routers, https://help.make.com/operations counting): the operations
 * total equals the sum over modules and what the counting rules predict, and bundles reach modules in
 * depth-first order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { defineModule } from '../../../engine/registry/define-module.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';

/** An action whose filter passes bundles with n < below, or a router (always last in its flow). */
type Item = { kind: 'action'; below: number } | { kind: 'router'; routes: Item[][] };

const action = fc.record({ kind: fc.constant('action' as const), below: fc.integer({ min: 0, max: 6 }) });
const { flow } = fc.letrec<{ flow: Item[]; router: Item }>((tie) => ({
  router: fc.record({
    kind: fc.constant('router' as const),
    routes: fc.array(tie('flow'), { minLength: 1, maxLength: 3 }),
  }),
  flow: fc
    .tuple(fc.array(action, { maxLength: 3 }), fc.option(tie('router'), { freq: 3, depthSize: 'small' }))
    .map(([actions, router]) => (router ? [...actions, router] : actions)),
}));

/** Blueprint modules for `items`; ids from 2 upwards, in blueprint order. */
function build(items: Item[], next: { id: number }): unknown[] {
  return items.map((item) => {
    const id = next.id++;
    if (item.kind === 'router') {
      return {
        id,
        module: 'builtin:BasicRouter',
        version: 1,
        routes: item.routes.map((r) => ({ flow: build(r, next) })),
      };
    }
    const filter = { name: 'n', conditions: [[{ a: '{{1.n}}', o: 'number:less', b: String(item.below) }]] };
    return { id, module: 'test:Trace', version: 1, mapper: { id: String(id), n: '{{1.n}}' }, filter };
  });
}

/** What Make's documented rules predict: the (module, bundle) visits in depth-first order. */
function predict(items: Item[], n: number, next: { id: number }, out: string[]): void {
  let alive = true;
  for (const item of items) {
    const id = next.id++;
    if (item.kind === 'router') {
      for (const route of item.routes) predict(route, n, next, alive ? out : []);
      continue;
    }
    if (alive && n < item.below) out.push(`${id}:${n}`);
    else alive = false;
  }
}

async function run(items: Item[], bundles: number) {
  const visits: string[] = [];
  const trace = defineModule({
    key: 'test:Trace',
    versions: [1],
    kind: 'action',
    label: 'Trace',
    description: 'test',
    fidelity: 'full',
    output: '{}',
    run: (call) => {
      visits.push(`${call.input.id}:${call.input.n}`);
      return [{}];
    },
  });
  const blueprint = {
    name: 'p',
    flow: [{ id: 1, module: 'app:watch', version: 1, mapper: {} }, ...build(items, { id: 2 })],
  };
  const scenario = loadScenario(blueprint, { registry: new ModuleRegistry([...builtinModules, trace]) });
  const input = Array.from({ length: bundles }, (_, n) => ({ n }));
  const record = await runScenario(scenario, { input, executionId: 'p' });
  return { record, visits };
}

function expected(items: Item[], bundles: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < bundles; n++) predict(items, n, { id: 2 }, out);
  return out;
}

describe('walk properties', () => {
  it('total operations = sum over modules = 1 per trigger check + 1 per action visit', async () => {
    await fc.assert(
      fc.asyncProperty(flow, fc.integer({ min: 0, max: 5 }), async (items, bundles) => {
        const { record } = await run(items, bundles);
        const sum = record.modules.reduce((total, m) => total + m.operations, 0);
        expect(record.operations).toBe(sum);
        expect(record.operations).toBe(1 + expected(items, bundles).length);
        expect(record.centicredits).toBe(100 * record.operations);
      }),
      { numRuns: 60 },
    );
  });

  it('every bundle reaches downstream modules in depth-first order', async () => {
    await fc.assert(
      fc.asyncProperty(flow, fc.integer({ min: 1, max: 4 }), async (items, bundles) => {
        const { visits } = await run(items, bundles);
        expect(visits).toEqual(expected(items, bundles));
      }),
      { numRuns: 60 },
    );
  });
});
