/**
 * runScenario's guardrails and run-level failures (DESIGN principle 7; https://help.make.com/types-of-errors,
 * https://help.make.com/rollback-error-handler).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { DataStorePort } from '../../../engine/ports/data-store.ts';
import { defineModule, type ModuleDefinition } from '../../../engine/registry/define-module.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import type { RunOptions } from '../../../engine/runtime/options.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { RunStop } from '../../../engine/runtime/run-stop.ts';
import { builtinModules } from '../../../modules/index.ts';

const clock = new SimulatedClock('2026-01-01T00:00:00Z');

function testModule(extra: Partial<ModuleDefinition>): ModuleDefinition {
  return defineModule({
    key: 'test:Slow',
    versions: [1],
    kind: 'action',
    label: 'x',
    description: 'x',
    fidelity: 'full',
    output: 'x',
    ...extra,
  });
}

async function run(definition: ModuleDefinition, options: RunOptions) {
  const blueprint = {
    name: 't',
    flow: [
      { id: 1, module: 'app:watch', version: 1 },
      { id: 2, module: 'test:Slow', version: 1, mapper: {} },
    ],
  };
  const scenario = loadScenario(blueprint, { registry: new ModuleRegistry([...builtinModules, definition]) });
  return runScenario(scenario, { clock, input: [{ n: 1 }, { n: 2 }], ...options });
}

describe('runScenario guardrails', () => {
  it('fails an asynchronous module answering after moduleTimeoutMs with ModuleTimeoutError', async () => {
    const slow = testModule({
      run: async () => {
        // Waiting for a response: time passes after the module handed back its promise.
        await Promise.resolve();
        clock.advance(5_000);
        return [{}];
      },
    });
    const record = await run(slow, { limits: { moduleTimeoutMs: 1_000 } });
    expect(record.error).toMatchObject({ type: 'ModuleTimeoutError', moduleId: 2 });
  });

  it('does not count time slept through ctx.clock toward the module timeout', async () => {
    const sleepy = testModule({
      run: async (_call, ctx) => {
        await ctx.clock.sleep(5_000);
        return [{}];
      },
    });
    const record = await run(sleepy, { limits: { moduleTimeoutMs: 1_000 } });
    expect(record.status).toBe('success');
  });

  it('stops at maxBundles with LimitExceeded naming the limit', async () => {
    const many = testModule({ run: () => [{}, {}, {}] });
    const record = await run(many, { limits: { maxBundles: 4 } });
    expect(record.error).toMatchObject({ type: 'LimitExceeded', details: { limit: 'maxBundles' } });
  });

  it('turns a failing commit into a fatal InconsistencyError that deactivates the scenario', async () => {
    const acid = testModule({ acid: true, run: () => [{}] });
    const failingCommit = {
      begin() {},
      commit() {
        throw new Error('disk full');
      },
      rollback() {},
    } as unknown as DataStorePort;
    const record = await run(acid, { dataStores: failingCommit });
    expect(record.status).toBe('error');
    expect(record.error).toMatchObject({ type: 'InconsistencyError' });
    expect(record.consecutiveErrors).toEqual({ counts: true, deactivateNow: true });
  });

  it('reports a run stopped by the engine as a rolled back trigger', async () => {
    const events: string[] = [];
    const blueprint = {
      name: 't',
      flow: [
        { id: 1, module: 'app:watch', version: 1 },
        { id: 2, module: 'app:missing', version: 1 },
      ],
    };
    const scenario = loadScenario(blueprint, { registry: new ModuleRegistry(builtinModules) });
    const record = await runScenario(scenario, {
      clock,
      input: { n: 1 },
      onTriggerCommit: (c) => events.push(`commit:${c}`),
      onTriggerRollback: (c) => events.push(`rollback:${c}`),
    });
    expect(record.error?.type).toBe('MissingMock');
    expect(events).toEqual(['rollback:1']);
  });

  it('uses the given execution id and a deterministic one from a seeded random', async () => {
    const ok = testModule({ run: () => [{}] });
    expect((await run(ok, { executionId: 'abc' })).id).toBe('abc');
    const a = await run(ok, { random: () => 0.25 });
    const b = await run(ok, { random: () => 0.25 });
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('runScenario stop signal', () => {
  it('ends an aborted run as a warning without running later modules', async () => {
    const controller = new AbortController();
    const stopper = testModule({
      run: () => {
        controller.abort();
        return [{}];
      },
    });
    const record = await run(stopper, { signal: controller.signal });
    expect(record.status).toBe('warning');
    expect(record.warnings[0]?.type).toBe('ExecutionInterruptedError');
    expect(record.modules.find((m) => m.id === 2)?.operations).toBe(1);
  });
});

describe('runScenario stop switch (RunOptions.stop: the server stops an execution)', () => {
  it('lets the module in flight finish, then runs nothing more and ends as a warning', async () => {
    const stop = new RunStop();
    const stopper = testModule({
      run: () => {
        stop.stop();
        return [{}];
      },
    });
    const record = await run(stopper, { stop });
    expect(record.status).toBe('warning');
    expect(record.warnings[0]?.type).toBe('ExecutionInterruptedError');
    // The second cycle's trigger and module never ran: one call of each.
    expect(record.modules.find((m) => m.id === 2)?.calls).toHaveLength(1);
    expect(record.modules.find((m) => m.id === 2)?.errors).toEqual([]);
  });

  it('aborts what is in flight when forced, as the stop and not as the module failing', async () => {
    const stop = new RunStop();
    const waiting = testModule({
      run: (_call, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
          stop.stop({ force: true });
        }),
    });
    const record = await run(waiting, { stop });
    expect(record.status).toBe('warning');
    expect(record.modules.find((m) => m.id === 2)?.errors[0]?.type).toBe('ExecutionInterruptedError');
  });

  it('hands a module an already aborted signal when the forced stop came first', () => {
    const stop = new RunStop();
    stop.stop({ force: true });
    expect(stop.requested).toBe(true);
    expect(stop.signal.aborted).toBe(true);
    const gentle = new RunStop();
    gentle.stop();
    expect(gentle.signal.aborted).toBe(false);
  });
});
