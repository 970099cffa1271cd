import { describe, expect, it } from 'vitest';
import { analyseBlueprint } from '../../../engine/blueprint/load.ts';
import { MAX_BLUEPRINT_NESTING } from '../../../engine/blueprint/nesting.ts';
import { blueprint, codes, mod, registry } from './helpers.ts';

function nestedRouters(levels: number) {
  let flow: unknown[] = [mod(1_000_000, 'a:Leaf')];
  for (let i = 0; i < levels; i++)
    flow = [mod(i + 2, 'builtin:BasicRouter', { mapper: null, routes: [{ flow }] })];
  return blueprint([mod(1, 'a:T'), ...(flow as Record<string, unknown>[])]);
}

function nestedMapper(levels: number) {
  let value: unknown = '{{1.a}}';
  for (let i = 0; i < levels; i++) value = [value];
  return blueprint([mod(1, 'a:T'), mod(2, 'a:B', { mapper: { v: value } })]);
}

describe('blueprint nesting bound', () => {
  it('reports routers nested thousands deep as a too-deep error with its pointer, not a stack overflow', () => {
    const { problems } = analyseBlueprint(nestedRouters(5000), { registry });
    expect(codes(problems)).toEqual(['too-deep']);
    expect(problems[0]?.pointer.startsWith('/flow/1/routes/0/flow/0/routes/0/flow/0')).toBe(true);
  });

  it('reports a mapped value nested 20,000 deep the same way', () => {
    const { problems } = analyseBlueprint(nestedMapper(20_000), { registry });
    expect(codes(problems)).toEqual(['too-deep']);
    expect(problems[0]?.pointer.startsWith('/flow/1/mapper/v/0/0')).toBe(true);
  });

  it('loads nesting just under the bound', () => {
    const { scenario, problems } = analyseBlueprint(nestedMapper(MAX_BLUEPRINT_NESTING - 10), { registry });
    expect(problems).toEqual([]);
    expect(scenario?.modules).toHaveLength(2);
    expect(analyseBlueprint(nestedRouters(200), { registry }).scenario?.modules).toHaveLength(202);
  });
});
