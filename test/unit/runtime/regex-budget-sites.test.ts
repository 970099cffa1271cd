/**
 * Every place a user pattern runs is bounded (engine/expression/functions/regex-budget.ts): the
 * filter operator "Matches pattern", the Text parser modules and Switch. `(a+)+$` on 42 × `a`
 * then `!` takes 2^42 steps in a backtracking engine; each run below must end, either with
 * JavaScript's answer (linear-time engine) or with a ModuleTimeoutError the error route sees.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';

const clock = new SimulatedClock('2026-01-01T00:00:00Z');
const BODY = `${'a'.repeat(42)}!`;
const IGNORE = [{ id: 9, module: 'builtin:Ignore', version: 1 }];

async function run(module: Record<string, unknown>, withHandler = false) {
  const step = { id: 2, version: 1, ...module, ...(withHandler ? { onerror: IGNORE } : {}) };
  const blueprint = { name: 'regex', flow: [{ id: 1, module: 'app:watch', version: 1 }, step] };
  const scenario = loadScenario(blueprint, { registry: new ModuleRegistry(builtinModules) });
  return runScenario(scenario, { clock, input: [{ s: BODY }] });
}

function filtered(operator: string, pattern: string) {
  return {
    module: 'util:SetVariable2',
    mapper: { name: 'out', scope: 'roundtrip', value: 'passed' },
    filter: { name: 'f', conditions: [[{ a: '{{1.s}}', o: operator, b: pattern }]] },
  };
}

const parser = (pattern: string, sensitive: boolean) => ({
  module: 'regexp:Parser',
  parameters: { pattern, global: true, sensitive, multiline: false, singleline: false },
  mapper: { text: '{{1.s}}' },
});

const advanced = (pattern: string, sensitive: boolean) => ({
  module: 'regexp:AdvancedParser',
  parameters: { advancedParser: true, global: false, sensitive, continueWhenNoRes: true },
  mapper: { pattern, text: '{{1.s}}' },
});

const replace = (pattern: string, sensitive: boolean) => ({
  module: 'regexp:Replace',
  mapper: { pattern, value: 'x', text: '{{1.s}}', global: true, sensitive },
});

const switcher = (pattern: string) => ({
  module: 'util:Switcher',
  mapper: {
    input: '{{1.s}}',
    useRegExpMatch: true,
    casesTable: [{ pattern, output: 'hit' }],
    elseOutput: 'miss',
  },
});

describe('the regex time budget at every pattern site', () => {
  it('filter "Matches pattern" answers as JavaScript for a linear-time pattern', async () => {
    const failing = await run(filtered('text:pattern', '(a+)+$'));
    expect(failing.status).toBe('success');
    expect(failing.modules[1]?.outputs ?? []).toEqual([]);
    const negated = await run(filtered('text:notpattern', '(a+)+$'));
    expect(negated.modules[1]?.outputs[0]).toEqual({ out: 'passed' });
  }, 30_000);

  it('filter "Matches pattern (case insensitive)" ends with ModuleTimeoutError', async () => {
    const record = await run(filtered('text:pattern:ci', '(a+)+$'));
    expect(record.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
    const negated = await run(filtered('text:notpattern:ci', '(a+)+\\1$'));
    expect(negated.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
  }, 30_000);

  it('regexp:Parser finds no match in linear time, and times out on the worker path', async () => {
    expect((await run(parser('(a+)+$', true))).modules[1]?.outputs ?? []).toEqual([]);
    const record = await run(parser('(a+)+$', false), true);
    expect(record.status).toBe('success');
    expect(record.modules[1]?.errors[0]).toMatchObject({ type: 'ModuleTimeoutError' });
  }, 30_000);

  it('regexp:AdvancedParser (mapped pattern) is bounded the same way', async () => {
    expect((await run(advanced('(a+)+$', true))).modules[1]?.outputs).toEqual([{}]);
    const record = await run(advanced('(a+)+\\1$', true));
    expect(record.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
  }, 30_000);

  it('regexp:Replace leaves the text as is in linear time, and times out on the worker path', async () => {
    expect((await run(replace('(a+)+$', true))).modules[1]?.outputs).toEqual([{ text: BODY }]);
    const record = await run(replace('(a+)+$', false), true);
    expect(record.modules[1]?.errors[0]).toMatchObject({ type: 'ModuleTimeoutError' });
  }, 30_000);

  it('util:Switcher falls to the else output in linear time, and times out with a backreference', async () => {
    expect((await run(switcher('(a+)+$'))).modules[1]?.outputs).toEqual([{ output: 'miss' }]);
    const record = await run(switcher('(a+)+\\1$'));
    expect(record.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
  }, 30_000);

  it('keeps JavaScript match semantics on the worker path (i flag, groups, named groups)', async () => {
    const record = await run({
      module: 'regexp:Parser',
      parameters: { pattern: '(?<k>A)(\\w)\\1?', global: true, sensitive: false },
      mapper: { text: 'ab AC' },
    });
    expect(record.modules[1]?.outputs).toEqual([
      { k: 'a', $2: 'b', i: 1, __IMTMATCH__: 'ab' },
      { k: 'A', $2: 'C', i: 2, __IMTMATCH__: 'AC' },
    ]);
  }, 30_000);
});
