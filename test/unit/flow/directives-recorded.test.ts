/**
 * Error-handler directives that ran are recorded like modules (bundle in, one call with their
 * mapped settings) and still cost nothing: https://help.make.com/overview-of-error-handling, "Error handler
 * activation doesn't consume operations".
 */
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../cost/calibration.ts';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';
import { checkModules } from '../../../test-runner/expectations/modules.ts';

const registry = new ModuleRegistry(builtinModules);
const clock = new SimulatedClock('2026-01-01T00:00:00Z');

const MAPPERS: Record<string, Record<string, unknown>> = {
  'builtin:Ignore': {},
  'builtin:Break': { retry: false, count: '2', interval: '5' },
  'builtin:Resume': { v: 'substitute {{1.n}}' },
  'builtin:Commit': {},
  'builtin:Rollback': {},
};
const EXPECTED_INPUT: Record<string, Record<string, unknown>> = {
  ...MAPPERS,
  'builtin:Resume': { v: 'substitute 7' },
};

async function failWith(directive: string) {
  const blueprint = {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'app:risky',
        version: 1,
        onerror: [{ id: 9, module: directive, version: 1, mapper: MAPPERS[directive] }],
      },
    ],
  };
  const scenario = loadScenario(blueprint, { registry });
  const record = await runScenario(scenario, {
    clock,
    input: { n: 7 },
    mocks: { 'app:risky': { error: { type: 'DataError', message: 'bad row' } } },
  });
  return { scenario, record };
}

describe.each(Object.keys(MAPPERS))('the %s directive', (directive) => {
  it('shows its bundle in and its call with the mapped settings', async () => {
    const { record } = await failWith(directive);
    const module = record.modules.find((m) => m.id === 9);
    expect(module?.bundlesIn).toBe(1);
    expect(module?.calls).toEqual([{ input: EXPECTED_INPUT[directive], output: [], error: null, cycle: 1 }]);
  });

  it('costs 0 operations in the record, in cost calibration and for the test runner', async () => {
    const { scenario, record } = await failWith(directive);
    // Trigger + the failing module: the directive adds nothing.
    expect(record.operations).toBe(2);
    expect(record.modules.find((m) => m.id === 9)).toMatchObject({ operations: 0, centicredits: 0 });
    expect(calibrate([record])?.modules.get(9)?.operations).toBe(0);
    const failures = checkModules({
      expect: { modules: { '9': { calls: 1, operations: 0 } } },
      record,
      scenario,
      httpRequests: [],
      storeContents: () => undefined,
    });
    expect(failures).toEqual([]);
  });
});
