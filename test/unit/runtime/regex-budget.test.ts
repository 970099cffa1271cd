/** User regular expressions cannot freeze a run (engine/expression/functions/regex-budget.ts). */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';

const clock = new SimulatedClock('2026-01-01T00:00:00Z');
/** 42 × `a` then `!`: `(a+)+$` tries every split of the run of a's (2^42 ways) before failing. */
const BODY = `${'a'.repeat(42)}!`;

function blueprint(value: string, errorHandler = false) {
  return {
    name: 'regex',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      {
        id: 2,
        module: 'util:SetVariable2',
        version: 1,
        mapper: { name: 'out', scope: 'roundtrip', value },
        ...(errorHandler ? { onerror: [{ id: 3, module: 'builtin:Ignore', version: 1 }] } : {}),
      },
    ],
  };
}

async function run(value: string, errorHandler = false) {
  const scenario = loadScenario(blueprint(value, errorHandler), {
    registry: new ModuleRegistry(builtinModules),
  });
  return runScenario(scenario, { clock, input: [{ s: BODY }] });
}

describe('regular expressions with a time budget', () => {
  it('finishes a catastrophic pattern V8 can run in linear time, with JavaScript’s result', async () => {
    const record = await run('{{replace(1.s; "/(a+)+$/"; "x")}}');
    expect(record.status).toBe('success');
    expect(record.modules[1]?.outputs[0]).toEqual({ out: BODY });
  }, 30_000);

  it('ends the module with ModuleTimeoutError when the pattern needs backtracking (i flag)', async () => {
    const record = await run('{{replace(1.s; "/(a+)+$/i"; "x")}}');
    expect(record.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
  }, 30_000);

  it('lets the module’s error handler take the timeout', async () => {
    const record = await run('{{replace(1.s; "/(a+)+$/i"; "x")}}', true);
    expect(record.status).toBe('success');
    expect(record.modules[1]?.errors[0]).toMatchObject({ type: 'ModuleTimeoutError' });
  }, 30_000);

  it('keeps JavaScript semantics for patterns run on the worker (backreference, i flag, $1)', async () => {
    const record = await run('{{replace("Abab aa"; "/(a)\\1|(b)/gi"; "[$1$2]")}}');
    expect(record.modules[1]?.outputs[0]).toEqual({ out: 'Abab aa'.replace(/(a)\1|(b)/gi, '[$1$2]') });
  }, 30_000);
});
