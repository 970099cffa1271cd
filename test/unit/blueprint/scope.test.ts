import { describe, expect, it } from 'vitest';
import { analyseBlueprint, loadScenario } from '../../../engine/blueprint/load.ts';
import { blueprint, codes, find, mod, registry } from './helpers.ts';

const options = { registry };
const uses = (expr: string) => ({ mapper: { v: expr } });

describe('references: upstream on the same path', () => {
  it('accepts references to modules earlier on the path, including through a router', () => {
    const routes = [{ flow: [mod(3, 'a:B', uses('{{1.a}}')), mod(4, 'a:C', uses('{{3.b}} {{2.c}}'))] }];
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(2, 'builtin:BasicRouter', { mapper: null, routes })]),
      options,
    );
    expect(problems).toEqual([]);
  });

  it('warns (not fails) on a reference to a module that does not exist', () => {
    const scenario = loadScenario(blueprint([mod(1, 'a:T'), mod(2, 'a:B', uses('{{9.a}}'))]), options);
    const problem = find(scenario.problems, 'reference-missing');
    expect(problem?.severity).toBe('warning');
    expect(problem?.pointer).toBe('/flow/1/mapper/v');
  });

  it('warns on a reference to a later module in the flow', () => {
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', uses('{{3.a}}')), mod(3, 'a:C')]),
      options,
    );
    expect(codes(scenario.problems)).toEqual(['reference-not-upstream']);
  });

  it('warns on a reference to a module on another route', () => {
    const routes = [{ flow: [mod(3, 'a:B')] }, { flow: [mod(4, 'a:C', uses('{{3.a}}'))] }];
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'builtin:BasicRouter', { mapper: null, routes })]),
      options,
    );
    expect(find(scenario.problems, 'reference-not-upstream')?.pointer).toBe(
      '/flow/1/routes/1/flow/0/mapper/v',
    );
  });

  it('warns on a module mapping its own output', () => {
    const scenario = loadScenario(blueprint([mod(1, 'a:T'), mod(2, 'a:B', uses('{{2.a}}'))]), options);
    expect(codes(scenario.problems)).toEqual(['reference-not-upstream']);
  });

  it('checks filter operands too', () => {
    const filter = { name: 'f', conditions: [[{ a: '{{3.a}}', o: 'exist' }]] };
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { filter }), mod(3, 'a:C')]),
      options,
    );
    expect(find(scenario.problems, 'reference-not-upstream')?.pointer).toBe(
      '/flow/1/filter/conditions/0/0/a',
    );
  });
});

describe('references: error routes', () => {
  it('lets the error route map the failed module as N.error, and the modules before it', () => {
    const onerror = [
      mod(3, 'a:L', uses('{{2.error.message}} {{1.a}}')),
      mod(4, 'builtin:Ignore', { mapper: null }),
    ];
    const { problems } = analyseBlueprint(blueprint([mod(1, 'a:T'), mod(2, 'a:B', { onerror })]), options);
    expect(problems).toEqual([]);
  });

  it('does not let the error route see modules after the failed one', () => {
    const onerror = [mod(3, 'a:L', uses('{{5.a}}'))];
    const scenario = loadScenario(
      blueprint([mod(1, 'a:T'), mod(2, 'a:B', { onerror }), mod(5, 'a:C')]),
      options,
    );
    expect(codes(scenario.problems)).toEqual(['reference-not-upstream']);
  });
});

describe('aggregators', () => {
  const iterator = mod(2, 'builtin:BasicFeeder', uses('{{1.items}}'));

  it('sets feederId and drops the feeder-to-aggregator stretch from scope', () => {
    const flow = [
      mod(1, 'a:T'),
      iterator,
      mod(3, 'a:B', uses('{{2.x}}')),
      mod(4, 'builtin:BasicAggregator', { parameters: { feeder: 2 }, mapper: { x: '{{3.y}}' } }),
      mod(5, 'a:C', uses('{{4.array}} {{1.a}}')),
    ];
    const scenario = loadScenario(blueprint(flow), options);
    const aggregator = scenario.byId.get(4);
    expect(aggregator?.feederId).toBe(2);
    expect(aggregator?.scopeDrop).toEqual([2, 3]);
    expect(scenario.problems).toEqual([]);
  });

  it('warns when a module after the aggregator maps a dropped module', () => {
    const flow = [
      mod(1, 'a:T'),
      iterator,
      mod(4, 'builtin:BasicAggregator', { parameters: { feeder: 2 } }),
      mod(5, 'a:C', uses('{{2.x}}')),
    ];
    const scenario = loadScenario(blueprint(flow), options);
    expect(find(scenario.problems, 'reference-not-upstream')?.pointer).toBe('/flow/3/mapper/v');
  });

  it('warns of an aggregator with no source module (it fails when a bundle reaches it)', () => {
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(4, 'builtin:BasicAggregator')]),
      options,
    );
    expect(find(problems, 'aggregator-feeder')?.severity).toBe('warning');
    expect(find(problems, 'aggregator-feeder')?.pointer).toBe('/flow/1/parameters/feeder');
  });

  it('warns of an aggregator whose source is on another route', () => {
    const routes = [
      { flow: [iterator] },
      { flow: [mod(4, 'builtin:BasicAggregator', { parameters: { feeder: 2 } })] },
    ];
    const { problems } = analyseBlueprint(
      blueprint([mod(1, 'a:T'), mod(3, 'builtin:BasicRouter', { mapper: null, routes })]),
      options,
    );
    expect(codes(problems, 'error')).toEqual([]);
    expect(codes(problems, 'warning')).toContain('aggregator-feeder');
  });
});
