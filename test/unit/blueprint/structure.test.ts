import { describe, expect, it } from 'vitest';
import { analyseBlueprint, loadScenario } from '../../../engine/blueprint/load.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { blueprint, codes, find, mod, registry } from './helpers.ts';

const options = { registry };

describe('module kinds', () => {
  it('takes the kind of a defined module from its definition', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'gateway:CustomWebHook'), mod(2, 'builtin:BasicFeeder')]),
      options,
    );
    expect(scenario.byId.get(1)?.kind).toBe('instant-trigger');
    expect(scenario.byId.get(2)?.kind).toBe('iterator');
    expect(scenario.instant).toBe(true);
  });

  it('makes the first app module a polling trigger, and later ones actions', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'google-sheets:watchRows'), mod(2, 'slack:CreateMessage')]),
      options,
    );
    expect(scenario.byId.get(1)?.kind).toBe('trigger');
    expect(scenario.byId.get(2)?.kind).toBe('action');
    expect(scenario.instant).toBe(false);
  });

  it('makes the first app module an instant trigger when metadata.instant says so', () => {
    const scenario = loadScenario(blueprint([mod(1, 'tally:watchNewResponse')], { instant: true }), options);
    expect(scenario.byId.get(1)?.kind).toBe('instant-trigger');
    expect(scenario.instant).toBe(true);
  });

  it('makes the first app module an instant trigger when it is a listener', () => {
    const scenario = loadScenario(blueprint([mod(1, 'shop:NewOrder', { listener: true })]), options);
    expect(scenario.byId.get(1)?.kind).toBe('instant-trigger');
  });

  it('treats search and list app modules as searches', () => {
    const scenario = loadScenario(
      blueprint([
        mod(1, 'a:T'),
        mod(2, 'google-sheets:filterRows'),
        mod(3, 'slack:SearchMessages'),
        mod(4, 'etsy:listListings'),
      ]),
      options,
    );
    expect([2, 3, 4].map((id) => scenario.byId.get(id)?.kind)).toEqual(['search', 'search', 'search']);
  });

  it('keeps modules whose name only contains "Listing" as actions', () => {
    const scenario = loadScenario(blueprint([mod(1, 'a:T'), mod(2, 'etsy:updateListing')]), options);
    expect(scenario.byId.get(2)?.kind).toBe('action');
  });

  it('recognises routers and aggregators by structure when the registry is empty', () => {
    const empty = { registry: new ModuleRegistry() };
    const router = mod(3, 'builtin:BasicRouter', { mapper: null, routes: [{ flow: [mod(4, 'a:B')] }] });
    const aggregator = mod(5, 'x:Agg', { parameters: { feeder: 2 } });
    const scenario = loadScenario(
      blueprint([
        mod(1, 'a:T'),
        mod(2, 'builtin:BasicFeeder', { mapper: { array: '{{1.a}}' } }),
        aggregator,
        router,
      ]),
      empty,
    );
    expect(scenario.byId.get(3)?.kind).toBe('router');
    expect(scenario.byId.get(5)?.kind).toBe('aggregator');
    expect(scenario.byId.get(1)?.definition).toBeUndefined();
  });
});

describe('routers', () => {
  const router = (routes: unknown[]) =>
    blueprint([mod(1, 'a:T'), mod(2, 'builtin:BasicRouter', { mapper: null, routes })]);

  it('reads routes in order with their flows, depth-first in the module list', () => {
    const scenario = loadScenario(
      router([{ flow: [mod(3, 'a:B'), mod(4, 'a:C')] }, { flow: [mod(5, 'a:D')] }]),
      options,
    );
    const node = scenario.byId.get(2);
    expect(node?.routes.map((r) => r.flow.map((m) => m.id))).toEqual([[3, 4], [5]]);
    expect(scenario.modules.map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
    expect(node?.routes[1]?.pointer).toBe('/flow/1/routes/1');
  });

  it('marks a route disabled by its disabled flag (as real exports store it)', () => {
    const scenario = loadScenario(
      router([{ flow: [mod(3, 'a:B')] }, { flow: [mod(4, 'a:C')], disabled: true }]),
      options,
    );
    expect(scenario.byId.get(2)?.routes.map((r) => r.disabled)).toEqual([false, true]);
  });

  it('marks a fallback route by fallback on the route or on its first filter', () => {
    const filter = { name: 'else', conditions: [], fallback: true };
    const routes = [
      { flow: [mod(3, 'a:B')], fallback: true },
      { flow: [mod(4, 'a:C', { filter })] },
      { flow: [mod(5, 'a:D')] },
    ];
    const scenario = loadScenario(router(routes), options);
    expect(scenario.byId.get(2)?.routes.map((r) => r.fallback)).toEqual([true, true, false]);
  });

  it("marks the route named by the router's parameters.else (0-based) as the fallback, as Make exports do", () => {
    const bp = blueprint([
      mod(1, 'a:T'),
      mod(2, 'builtin:BasicRouter', {
        mapper: null,
        parameters: { else: 1 },
        routes: [{ flow: [mod(3, 'a:B')] }, { flow: [mod(4, 'a:C')] }, { flow: [mod(5, 'a:D')] }],
      }),
    ]);
    const scenario = loadScenario(bp, options);
    expect(scenario.byId.get(2)?.routes.map((r) => r.fallback)).toEqual([false, true, false]);
  });
});

describe('if-else and merge', () => {
  const ifElse = mod(2, 'builtin:BasicIfElse', {
    mapper: null,
    branches: [
      {
        type: 'condition',
        label: 'big',
        conditions: [[{ a: '{{1.n}}', o: 'number:greater', b: '5' }]],
        merge: true,
        flow: [mod(3, 'a:B')],
      },
      { type: 'else', label: 'else', merge: true, flow: [mod(4, 'a:C')] },
    ],
  });
  const merge = mod(5, 'builtin:BasicMerge', {
    mapper: null,
    outputs: [{ name: 'v', mappings: ['{{3.x}}', '{{4.y}}'] }],
  });

  it('compiles branch conditions and merge outputs; branches see the modules before the if-else', () => {
    const scenario = loadScenario(blueprint([mod(1, 'a:T'), ifElse, merge]), options);
    const branches = scenario.byId.get(2)?.branches ?? [];
    expect(branches.map((b) => [b.type, b.merge, b.condition === null])).toEqual([
      ['condition', true, false],
      ['else', true, true],
    ]);
    expect(scenario.byId.get(5)?.mergeOutputs[0]?.mappings.map((m) => m.references)).toEqual([[3], [4]]);
    expect(scenario.problems).toEqual([]);
  });

  it('rejects a merge that does not follow an if-else', () => {
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:T'), mod(6, 'a:X'), merge]), options);
    expect(find(problems, 'merge-position')?.severity).toBe('error');
    expect(find(problems, 'merge-position')?.pointer).toBe('/flow/2');
  });
});

describe('error routes', () => {
  it('loads onerror routes at any depth with inErrorRoute', () => {
    const inner = mod(4, 'a:C', { onerror: [mod(5, 'builtin:Ignore', { mapper: null })] });
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { onerror: [mod(3, 'a:L'), inner] })]),
      options,
    );
    expect(scenario.byId.get(2)?.onerror.map((m) => m.id)).toEqual([3, 4]);
    expect([1, 2, 3, 4, 5].map((id) => scenario.byId.get(id)?.inErrorRoute)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(scenario.byId.get(4)?.onerror[0]?.kind).toBe('directive');
  });

  it('rejects an id used twice, even across an error route', () => {
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { onerror: [mod(1, 'a:C')] })]),
      options,
    );
    expect(codes(problems, 'error')).toEqual(['duplicate-id']);
    expect(find(problems, 'duplicate-id')?.pointer).toBe('/flow/1/onerror/0/id');
  });
});
